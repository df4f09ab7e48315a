package quickschema_test

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/quickschema"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/schema"
)

// The verdicts of Valid are held to the library's in package schema; here
// ValidNode is held to Valid: the quick check of a tree never vouches for
// what the same check of its JSON-typed value would not.

func compiled(t testing.TB) *quickschema.Schema {
	q, err := quickschema.Compile(schema.JSON())
	if err != nil {
		t.Fatalf("the schema uses a keyword the quick check does not know: %v", err)
	}
	return q
}

// sameVerdict parses src and compares the two checks; it returns the
// verdict on the tree.
func sameVerdict(t *testing.T, q *quickschema.Schema, name string, src []byte) bool {
	t.Helper()
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		return false
	}
	value, ok := codec.JSONValue(root)
	if !ok {
		return false
	}
	onTree, onValue := q.ValidNode(root), q.Valid(value)
	if onTree && !onValue {
		t.Errorf("%s: the tree passes, its value does not:\n%s", name, src)
	}
	return onTree
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
		{"a number for a string", valid + "short_title: 3\n", true}, // JSONValue keeps its text
		{"null for a string", valid + "short_title: ~\n", false},
		{"a bool for a string", valid + "short_title: true\n", false},
		{"a tagged string", valid + "short_title: !!str true\n", true},
		{"an unknown field", valid + "titel: x\n", false},
		{"a missing field", "format: entente/v1\nid: x\n", false},
		{"a collection as a key", valid + "? [a]\n: b\n", false},
	}
	for _, tt := range tests {
		if got := sameVerdict(t, q, tt.name, []byte(tt.src)); got != tt.want {
			t.Errorf("%s: ValidNode = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestValidNodeOnCorpus: the corpus and the examples, and each of them
// broken in one place, written as JSON and read back as a tree.
func TestValidNodeOnCorpus(t *testing.T) {
	q := compiled(t)
	files, _ := filepath.Glob("../../schema/testdata/corpus/*/*.yaml")
	examples, _ := filepath.Glob("../../examples/agreements/*.yaml")
	if len(files) < 10 || len(examples) < 5 {
		t.Fatalf("found %d corpus files and %d examples", len(files), len(examples))
	}
	odd := []any{"", "X", "Bad Id", "2025-13", "P0", 3.0, true, nil, []any{}, map[string]any{}, []any{"x"}}
	r := rand.New(rand.NewPCG(5, 6))
	passed := 0
	for _, f := range append(files, examples...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if sameVerdict(t, q, f, src) {
			passed++
		}
		root, _ := yamlnode.Parse(src)
		for range 30 {
			value, _ := codec.JSONValue(root)
			breakOne(r, value, odd)
			data, err := json.Marshal(value)
			if err != nil {
				t.Fatal(err)
			}
			if sameVerdict(t, q, f+" (broken)", data) {
				passed++
			}
		}
	}
	if passed < 10 {
		t.Errorf("only %d trees passed: the test compares little", passed)
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
			for k, x := range v {
				places = append(places, func() { delete(v, k) }, func() { v[k] = odd[r.IntN(len(odd))] })
				walk(x)
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

// FuzzValidNode: for any YAML, the tree passes only if its value does.
//
//	go test ./internal/quickschema -run '^$' -fuzz FuzzValidNode -fuzztime 5m
func FuzzValidNode(f *testing.F) {
	q := compiled(f)
	f.Add([]byte(valid))
	files, _ := filepath.Glob("../../schema/testdata/corpus/*/*.yaml")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		sameVerdict(t, q, "input", src)
	})
}
