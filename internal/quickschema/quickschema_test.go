package quickschema_test

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
	"github.com/entente-go/entente/internal/quickschema"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/schema"
)

// The quick check is held to the library (schema.Validate): it may never
// vouch for a tree whose JSON-typed value the library finds a violation
// in, and it should vouch for every tree the library finds valid (or the
// quick path is not taken).

func compiled(t testing.TB) *quickschema.Schema {
	q, err := quickschema.Compile(schema.JSON())
	if err != nil {
		t.Fatalf("the schema uses a keyword the quick check does not know: %v", err)
	}
	return q
}

// verdicts parses src and returns the quick check's verdict and the
// library's; it fails when the quick check vouches for an invalid value.
// ok is false when src does not parse.
func verdicts(t *testing.T, q *quickschema.Schema, name string, src []byte) (quick, library, ok bool) {
	t.Helper()
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		return false, false, false
	}
	value, ok := codec.JSONValue(root)
	if !ok {
		return false, false, false
	}
	vs, err := schema.Validate(value)
	if err != nil {
		t.Fatal(err)
	}
	quick, library = q.ValidNode(root), len(vs) == 0
	if quick && !library {
		t.Errorf("%s: the quick check vouches for what breaks the schema (%s at %q):\n%s", name, vs[0].Kind, vs[0].Location, src)
	}
	return quick, library, true
}

const valid = `format: entente/v1
id: x
version: {label: l, stage: draft}
title: T
kind: treaty
parties:
  - {id: a, kind: state, country: IR}
`

func TestValidNodeCases(t *testing.T) {
	q := compiled(t)
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"valid", valid, true},
		{"valid as JSON", `{"format": "entente/v1", "id": "x", "version": {"label": "l", "stage": "draft"}, "title": "T",
			"kind": "treaty", "parties": [{"id": "a", "kind": "state", "country": "IR"}]}`, true},
		{"a repeated key, the second bad", valid + "id: Bad Id\n", false},
		{"a repeated key, both good", valid + "title: U\n", true},
		{"an alias", "x: &t T\n" + valid, false},
		{"a number for a string", valid + "short_title: 3\n", true}, // the JSON-typed value keeps its text
		{"null for a string", valid + "short_title: ~\n", false},
		{"a bool for a string", valid + "short_title: true\n", false},
		{"a tagged string", valid + "short_title: !!str true\n", true},
		{"an unknown field", valid + "titel: x\n", false},
		{"a missing field", "format: entente/v1\nid: x\n", false},
		{"a collection as a key", valid + "? [a]\n: b\n", false},
		{"a bad language key", valid + "preamble: [{text: {English: x}}]\n", false},
		{"a good language key", valid + "preamble: [{text: {en: x}}]\n", true},
	}
	for _, tt := range tests {
		if got, _, _ := verdicts(t, q, tt.name, []byte(tt.src)); got != tt.want {
			t.Errorf("%s: ValidNode = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestQuickAgreesOnCorpus: on the corpus and the examples the two give the
// same verdict.
func TestQuickAgreesOnCorpus(t *testing.T) {
	q := compiled(t)
	for _, f := range corpus(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if quick, library, _ := verdicts(t, q, f, src); quick != library {
			t.Errorf("%s: the quick check says valid=%v, the library %v", f, quick, library)
		}
	}
}

func corpus(t testing.TB) []string {
	files, _ := filepath.Glob("../../schema/testdata/corpus/*/*.yaml")
	examples, _ := filepath.Glob("../../examples/agreements/*.yaml")
	if len(files) < 10 || len(examples) < 5 {
		t.Fatalf("found %d corpus files and %d examples", len(files), len(examples))
	}
	return append(files, examples...)
}

// TestQuickAgreesOnMutated: the corpus, the examples and generated
// agreements (most of which break the schema: their references are words),
// each also broken in one place (a key dropped or added, a value replaced
// by one of another type or an odd string, a list emptied), written as
// JSON and read back as a tree.
func TestQuickAgreesOnMutated(t *testing.T) {
	q := compiled(t)
	odd := []any{"", "X", "Bad Id", "2025-13", "P0", "P1Y2D3M", "not a url", "https://[::1]/", "ab", "AB", "a..b",
		"\n", "2025-01-17\n", 3.0, true, nil, []any{}, map[string]any{}, []any{"x"}, map[string]any{"en": "x"}}
	var bases [][]byte
	for _, f := range corpus(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, src)
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
	same, total, validCount := 0, 0, 0
	for b, src := range bases {
		root, serr := yamlnode.Parse(src)
		if serr != nil {
			t.Fatal(serr)
		}
		for i := range 40 {
			value, _ := codec.JSONValue(root)
			if i > 0 {
				breakOne(r, value, odd)
			}
			data, err := json.Marshal(value)
			if err != nil {
				t.Fatal(err)
			}
			quick, library, ok := verdicts(t, q, fmt.Sprintf("base %d, mutation %d", b, i), data)
			if !ok {
				t.Fatalf("base %d, mutation %d: the JSON does not read back", b, i)
			}
			total++
			if library {
				validCount++
			}
			if quick == library {
				same++
			}
		}
	}
	t.Logf("same verdict on %d of %d values (%d valid)", same, total, validCount)
	if same != total {
		t.Errorf("the quick check did not vouch for %d valid values", total-same)
	}
	if validCount < 100 || total-validCount < 100 {
		t.Errorf("%d valid values of %d: the test needs both", validCount, total)
	}
}

// breakOne changes one place in v, picked at random.
func breakOne(r *rand.Rand, v any, odd []any) {
	var places []func()
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			places = append(places, func() { v["unknown_field"] = "x" })
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range v {
					if !yield(k) {
						return
					}
				}
			}) {
				places = append(places, func() { delete(v, k) }, func() { v[k] = odd[r.IntN(len(odd))] })
				walk(v[k])
			}
		case []any:
			for i, x := range v {
				places = append(places, func() { v[i] = odd[r.IntN(len(odd))] })
				walk(x)
			}
		}
	}
	walk(v)
	if len(places) > 0 {
		places[r.IntN(len(places))]()
	}
}

// FuzzQuick: for any YAML or JSON, the quick check vouches only for what
// the library finds valid.
//
//	go test ./internal/quickschema -run '^$' -fuzz FuzzQuick -fuzztime 5m
func FuzzQuick(f *testing.F) {
	q := compiled(f)
	f.Add([]byte(valid))
	for _, file := range corpus(f) {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		verdicts(t, q, "input", src)
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
		m, err := quickschema.Matcher(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range samples {
			if m(s) != re.MatchString(s) {
				t.Errorf("pattern %s on %q: matcher says %v, the expression %v", p, s, m(s), re.MatchString(s))
			}
		}
	}
}

// TestURLsAgree holds the quick check's "uri" format to the library's on
// the hosts that differ most: IPv6 addresses in and out of brackets, with
// a zone, and broken ones.
func TestURLsAgree(t *testing.T) {
	q := compiled(t)
	for _, u := range []string{"https://example.org/a", "https://[::1]/", "https://[::1]:8080/x", "http://[fe80::1%25en0]/",
		"https://[::1", "https://[1::2::3]/", "https://[127.0.0.1]/", "mailto:a@b", "//example.org", "example.org", "https://ex ample.org/"} {
		src := valid + "sources:\n  - {id: s, title: T, url: \"" + u + "\"}\n"
		quick, library, ok := verdicts(t, q, u, []byte(src))
		if !ok {
			t.Fatalf("%s: does not parse", u)
		}
		if quick != library {
			t.Errorf("%s: the quick check says %v, the library %v", u, quick, library)
		}
	}
}
