package main

import (
	"bytes"
	"testing"

	"github.com/entente-go/entente/internal/golden"
)

func TestAnswers(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "..", "2026-03-01"); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/answers.golden", out.Bytes())
}

func TestBadDate(t *testing.T) {
	if err := run(new(bytes.Buffer), "..", "2026-03"); err == nil {
		t.Error("a partial date: want an error")
	}
}
