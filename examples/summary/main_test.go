package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/summary.golden")

func TestSummary(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "../agreements/ir-ru-csp-2025.yaml"); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/summary.golden"
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out.String()); diff != "" {
		t.Errorf("summary differs from %s (-want +got):\n%s", golden, diff)
	}
}

func TestSummaryRejectsBrokenFile(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "../../agreement/testdata/err/misspelt-field.yaml"); err == nil {
		t.Error("a broken file: want an error")
	}
}
