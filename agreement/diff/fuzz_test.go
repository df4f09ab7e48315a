package diff_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/agreement/diff"
)

// FuzzDiff compares two arbitrary inputs. When both load without errors,
// the diff properties must hold: Diff(a, a) is empty, and applying
// Diff(a, b) to a gives b. The seeds are pairs of the small documents of
// the schema corpus.
//
//	go test ./agreement/diff -run '^$' -fuzz FuzzDiff -fuzztime 10m
func FuzzDiff(f *testing.F) {
	// Small documents: the fuzzer mutates pairs of large ones slowly.
	srcs := append(seedFiles(f, "../../schema/testdata/corpus/*/*.yaml"), seedFiles(f, "../testdata/err/membership.yaml")...)
	for i := range srcs {
		f.Add(srcs[i], srcs[(i+1)%len(srcs)])
	}
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a, b := agreement.Parse("a.yaml", x), agreement.Parse("b.yaml", y)
		if a.Agreement == nil || b.Agreement == nil || hasLoadErrors(a.Diagnostics) || hasLoadErrors(b.Diagnostics) {
			return
		}
		if cs := diff.Diff(a.Agreement, a.Agreement); !cs.Empty() {
			t.Fatalf("Diff(a, a) has %d changes: %+v", len(cs.Changes), cs.Changes[0])
		}
		cs := diff.DiffDocuments(a, b)
		got, err := diff.Apply(cs.Changes, a.Agreement)
		if err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if !cmp.Equal(b.Agreement, got) {
			t.Fatalf("Apply(Diff(a, b), a) != b:\n%s", cmp.Diff(b.Agreement, got))
		}
		var out bytes.Buffer
		if err := cs.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		if err := cs.WriteMarkdown(&out); err != nil {
			t.Fatal(err)
		}
	})
}

// hasLoadErrors reports whether the input could not be read as written;
// schema and rule findings do not stop a diff.
func hasLoadErrors(ds agreement.Diagnostics) bool {
	for _, d := range ds {
		if d.Rule == agreement.RuleSyntax || strings.HasPrefix(string(d.Rule), "load.") {
			return true
		}
	}
	return false
}

func seedFiles(f *testing.F, pattern string) [][]byte {
	names, _ := filepath.Glob(pattern)
	if len(names) == 0 {
		f.Fatalf("no seed files match %s", pattern)
	}
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
