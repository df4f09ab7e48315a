package schema_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/schema"
)

// verdicts compares the quick reading with the library on v. The quick
// reading may never call valid what the library does not; it should call
// valid what the library does (or the quick path is not taken).
func verdicts(t *testing.T, name string, v any) (quick, library bool) {
	t.Helper()
	vs, err := schema.LibraryValidate(v)
	if err != nil {
		t.Fatal(err)
	}
	quick, library = schema.QuickValid(v), len(vs) == 0
	if quick && !library {
		t.Errorf("%s: the quick reading calls valid what breaks the schema: %+v", name, vs)
	}
	return quick, library
}

func jsonValue(t testing.TB, src []byte) any {
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		t.Fatal(serr)
	}
	v, ok := codec.JSONValue(root)
	if !ok {
		t.Fatal("no JSON value")
	}
	return v
}

func TestQuickAgreesOnCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*/*.yaml")
	examples, _ := filepath.Glob("../examples/agreements/*.yaml")
	if len(files) < 10 || len(examples) < 5 {
		t.Fatalf("found %d corpus files and %d examples", len(files), len(examples))
	}
	for _, f := range append(files, examples...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if quick, library := verdicts(t, f, jsonValue(t, src)); quick != library {
			t.Errorf("%s: quick reading says valid=%v, the library %v", f, quick, library)
		}
	}
}

// TestQuickAgreesOnMutated: the corpus, the examples and generated
// agreements (most of which break the schema: their references are words),
// each also broken in one place (a key dropped or added, a value replaced
// by one of another type or an odd string, a list emptied).
func TestQuickAgreesOnMutated(t *testing.T) {
	odd := []any{"", "X", "Bad Id", "2025-13", "P0", "P1Y2D3M", "not a url", "https://[::1]/", "ab", "AB", "a..b",
		"\n", "2025-01-17\n", 3.0, true, nil, []any{}, map[string]any{}, []any{"x"}, map[string]any{"en": "x"}}
	var bases [][]byte
	files, _ := filepath.Glob("testdata/corpus/*/*.yaml")
	examples, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, f := range append(files, examples...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(jsonValue(t, src))
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, data)
	}
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 9))
		src, err := agreement.MarshalJSON(gen.Agreement(r, gen.Options{Clauses: r.IntN(6), Depth: 2, Tricky: seed%2 == 0}))
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, src)
	}
	r := rand.New(rand.NewPCG(3, 4))
	same, total, valid := 0, 0, 0
	for b, src := range bases {
		for i := range 40 {
			var v any
			if err := json.Unmarshal(src, &v); err != nil {
				t.Fatal(err)
			}
			if i > 0 {
				v = mutate(r, v, odd)
			}
			quick, library := verdicts(t, fmt.Sprintf("base %d, mutation %d", b, i), v)
			total++
			if library {
				valid++
			}
			if quick == library {
				same++
			}
		}
	}
	t.Logf("same verdict on %d of %d values (%d valid)", same, total, valid)
	if same != total {
		t.Errorf("the quick reading did not vouch for %d valid values", total-same)
	}
	if valid < 100 || total-valid < 100 {
		t.Errorf("%d valid values of %d: the test needs both", valid, total)
	}
}

// mutate changes one place in v, picked at random, and returns v.
func mutate(r *rand.Rand, v any, odd []any) any {
	var places []func()
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range v {
					if !yield(k) {
						return
					}
				}
			})
			places = append(places, func() { v["unknown_field"] = "x" })
			for _, k := range keys {
				places = append(places,
					func() { delete(v, k) },
					func() { v[k] = odd[r.IntN(len(odd))] })
				walk(v[k])
			}
		case []any:
			for i := range v {
				places = append(places, func() { v[i] = odd[r.IntN(len(odd))] })
				walk(v[i])
			}
		}
	}
	walk(v)
	if len(places) > 0 {
		places[r.IntN(len(places))]()
	}
	return v
}

// FuzzQuick: for any JSON value, the quick reading vouches only for what
// the library finds valid.
//
//	go test ./schema -run '^$' -fuzz FuzzQuick -fuzztime 5m
func FuzzQuick(f *testing.F) {
	files, _ := filepath.Glob("testdata/corpus/*/*.yaml")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		data, err := json.Marshal(jsonValue(f, src))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) == nil {
			verdicts(t, "input", v)
		}
	})
}

// TestPatternMatchers holds each hand-written matcher of the schema's
// patterns to its regular expression.
func TestPatternMatchers(t *testing.T) {
	var doc any
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var find func(v any)
	find = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				seen[p] = true
			}
			for _, x := range v {
				find(x)
			}
		case []any:
			for _, x := range v {
				find(x)
			}
		}
	}
	find(doc)
	if len(seen) < 6 {
		t.Fatalf("found %d patterns", len(seen))
	}
	samples := []string{"", "a", "ab", "AB", "Ab", "abc", "a1", "1a", "-a", "a-", "a.b", "a..b", ".a", "a.", "a_b",
		"art-3.3", "security.non-aggression", "security.Non", "2025", "2025-01", "2025-01-17", "2025-1-17", "2025~", "2025-01?",
		"2025-01-17%", "2025%~", "20250", "P", "P1Y", "P1Y2M3W4D", "P1M", "P1W", "P1D", "P1D2W", "P1Y1Y", "PY", "P1", "P01Y",
		"p1y", "P1Y\n", "ab\n", "a\nb", "é", "éé", "a b"}
	r := rand.New(rand.NewPCG(1, 1))
	alphabet := "aZz09.-_~?%PYMWD\n é"
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		samples = append(samples, b.String())
	}
	for p := range seen {
		re := regexp.MustCompile(p)
		m := schema.Matcher(p)
		for _, s := range samples {
			if m(s) != re.MatchString(s) {
				t.Errorf("pattern %s on %q: matcher says %v, the expression %v", p, s, m(s), re.MatchString(s))
			}
		}
	}
}
