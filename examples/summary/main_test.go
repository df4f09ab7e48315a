package main

import (
	"bytes"
	"testing"

	"github.com/entente-go/entente/internal/golden"
)

func TestSummary(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "../agreements/ir-ru-csp-2025.yaml"); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/summary.golden", out.Bytes())
}

func TestSummaryRejectsBrokenFile(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "../../agreement/testdata/err/misspelt-field.yaml"); err == nil {
		t.Error("a broken file: want an error")
	}
}
