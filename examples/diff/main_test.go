package main

import (
	"bytes"
	"testing"

	"github.com/entente-go/entente/internal/golden"
)

// TestDiff keeps the announced-vs-signed diff in all three formats.
func TestDiff(t *testing.T) {
	for format, path := range map[string]string{
		"text": "testdata/diff.txt.golden", "markdown": "testdata/diff.md.golden", "json": "testdata/diff.json.golden",
	} {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, "..", format); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, path, out.Bytes())
		})
	}
}
