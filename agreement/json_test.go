package agreement_test

import (
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
)

// TestEncodingJSONAgrees checks that encoding/json writes the model as
// MarshalJSON does (the same values, key order aside): its tags say
// omitzero, so an empty list the author wrote is kept and an absent one
// left out, as the format writes them. Code built on the model alone,
// such as package diff, relies on it.
func TestEncodingJSONAgrees(t *testing.T) {
	var all []*agreement.Agreement
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, f := range append(files, "testdata/fmt/messy.yaml") {
		doc, err := agreement.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, doc.Agreement)
	}
	empties := agreement.Parse("empties.yaml", []byte("format: entente/v1\nid: x\nversion: {label: a}\ntitle: T\nkind: treaty\nexcerpt: false\n"+
		"parties: [{id: a, kind: state, country: IR, roles: []}]\nclauses: [{id: c, text: {en: x}, topics: []}]\n"+
		"term: {indefinite: true, renewal: {automatic: false}}\n"))
	all = append(all, empties.Agreement)
	for seed := range uint64(200) {
		all = append(all, gen.Agreement(rand.New(rand.NewPCG(seed, 11)), gen.Options{Clauses: 6, Depth: 2, Tricky: seed%2 == 0}))
	}
	for i, a := range all {
		format, err := agreement.MarshalJSON(a)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var want, got any
		if err := json.Unmarshal(format, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(plain, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("agreement %d (%s): encoding/json differs from MarshalJSON (-format +encoding/json):\n%s", i, a.ID, diff)
		}
	}
}
