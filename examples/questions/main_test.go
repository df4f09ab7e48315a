package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/answers.golden")

func TestAnswers(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "../..", "2026-03-01"); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/answers.golden"
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
		t.Errorf("answers differ from %s (-want +got):\n%s", golden, diff)
	}
}

func TestBadDate(t *testing.T) {
	if err := run(new(bytes.Buffer), "../..", "2026-03"); err == nil {
		t.Error("a partial date: want an error")
	}
}
