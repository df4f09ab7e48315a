package main

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestDiff keeps the announced-vs-signed diff in all three formats.
func TestDiff(t *testing.T) {
	for format, golden := range map[string]string{
		"text": "testdata/diff.txt", "markdown": "testdata/diff.md", "json": "testdata/diff.json",
	} {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, "../..", format); err != nil {
				t.Fatal(err)
			}
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
				t.Errorf("%s differs (-want +got):\n%s", golden, diff)
			}
		})
	}
}
