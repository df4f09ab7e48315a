package agreement_test

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/internal/yamlnode"
)

// roundTrip writes a as YAML and as JSON, loads each, and checks that the
// result is equal to a and loads without diagnostics.
func roundTrip(t *testing.T, a *agreement.Agreement) {
	t.Helper()
	for _, w := range []struct {
		name    string
		marshal func(*agreement.Agreement) ([]byte, error)
	}{
		{"out.yaml", agreement.MarshalYAML},
		{"out.json", agreement.MarshalJSON},
	} {
		out, err := w.marshal(a)
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		doc := agreement.Parse(w.name, out)
		if bad := loadProblems(doc.Diagnostics); len(bad) > 0 {
			t.Fatalf("%s: reloading gives diagnostics %v\n%s", w.name, bad, out)
		}
		if diff := cmp.Diff(a, doc.Agreement); diff != "" {
			t.Fatalf("%s: round trip changed the agreement (-before +after):\n%s\n%s", w.name, diff, out)
		}
	}
}

// loadProblems returns the diagnostics that say the output could not be
// read back as written: syntax and loading problems. Generated agreements
// need not pass the schema and the semantic rules.
func loadProblems(ds agreement.Diagnostics) agreement.Diagnostics {
	var out agreement.Diagnostics
	for _, d := range ds {
		if d.Rule == agreement.RuleSyntax || strings.HasPrefix(string(d.Rule), "load.") {
			out = append(out, d)
		}
	}
	return out
}

func TestRoundTripExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	if len(files) < 2 {
		t.Fatalf("found %d example agreements", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc, err := agreement.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Diagnostics) > 0 {
				t.Fatalf("example has diagnostics: %v", doc.Diagnostics)
			}
			roundTrip(t, doc.Agreement)
		})
	}
}

// TestRoundTripGenerated runs the round trip over generated agreements
// with fixed seeds, half of them full of strings that YAML would read as
// something else unless quoted.
func TestRoundTripGenerated(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 1))
		a := gen.Agreement(r, gen.Options{Clauses: r.IntN(8), Depth: 2, Tricky: seed%2 == 0})
		roundTrip(t, a)
	}
}

// TestMarshalIdempotent: writing what was loaded from canonical output
// gives the same bytes.
func TestMarshalIdempotent(t *testing.T) {
	for seed := range uint64(50) {
		a := gen.Agreement(rand.New(rand.NewPCG(seed, 2)), gen.Options{Clauses: 5, Depth: 1, Tricky: true})
		once, err := agreement.MarshalYAML(a)
		if err != nil {
			t.Fatal(err)
		}
		twice, err := agreement.MarshalYAML(agreement.Parse("once.yaml", once).Agreement)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(once), string(twice)); diff != "" {
			t.Fatalf("seed %d: formatting twice differs from once:\n%s", seed, diff)
		}
	}
}

// TestFastReaderOnWrittenFiles: what MarshalYAML and MarshalJSON write is
// read by the loader's fast YAML reader exactly as by the full parser —
// and, for agreements of ordinary strings, read by it at all, so that
// files in the canonical style and JSON files take the fast path. Strings
// YAML cannot hold plainly (a tab, an emoji) may send a file to the full
// parser.
func TestFastReaderOnWrittenFiles(t *testing.T) {
	read := 0
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 3))
		tricky := seed%2 == 0
		a := gen.Agreement(r, gen.Options{Clauses: r.IntN(8), Depth: 2, Tricky: tricky})
		for _, write := range []func(*agreement.Agreement) ([]byte, error){agreement.MarshalYAML, agreement.MarshalJSON} {
			src, err := write(a)
			if err != nil {
				t.Fatal(err)
			}
			ok, difference := yamlnode.FastAgrees(src)
			if difference != "" {
				t.Fatalf("seed %d: %s\n%s", seed, difference, src)
			}
			if ok {
				read++
			} else if !tricky {
				t.Errorf("seed %d: the fast reader declined a file of ordinary strings:\n%s", seed, src)
			}
		}
	}
	t.Logf("the fast reader read %d of 400 files", read)
}
