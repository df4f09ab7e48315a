package quickschema

import (
	"fmt"
	"testing"

	"github.com/entente-go/entente/schema"
)

func TestPropTable(t *testing.T) {
	for _, tc := range []struct {
		names   []string
		slotted bool // whether the hash separates the names
	}{
		{nil, true},
		{[]string{""}, true},
		{[]string{"id", "in", "kind", "clauses", "date", "data"}, true},
		{[]string{"axb", "ayb"}, false}, // same length, first and last bytes
		{[]string{"a", "ab", "abc", "b", "ba"}, true},
	} {
		byName := map[string]*rule{}
		for _, n := range tc.names {
			byName[n] = &rule{minLength: len(n) + 1} // a rule to tell them apart
		}
		p := newPropTable(byName)
		if got := p.slots != nil; got != tc.slotted {
			t.Errorf("%q: slotted = %v, want %v", tc.names, got, tc.slotted)
		}
		for _, n := range tc.names {
			if r := p.find(n); r != byName[n] {
				t.Errorf("%q: find(%q) = %v, want its own rule", tc.names, n, r)
			}
		}
		for _, absent := range []string{"", "x", "idd", "axyb", "clause"} {
			if _, ok := byName[absent]; !ok && p.find(absent) != nil {
				t.Errorf("%q: find(%q) found a rule", tc.names, absent)
			}
		}
	}
}

// TestSchemaObjectsSlotted: every object of entente's schema gets a
// table, not the map, so the quick check takes its fast path.
func TestSchemaObjectsSlotted(t *testing.T) {
	s, err := Compile(schema.JSON())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[*rule]bool{}
	objects := 0
	var walk func(r *rule)
	walk = func(r *rule) {
		if r == nil || seen[r] {
			return
		}
		seen[r] = true
		if r.properties.byName != nil {
			t.Errorf("an object with properties %v falls back to a map", r.properties.byName)
		}
		if r.properties.slots != nil {
			objects++
		}
		for _, s := range r.properties.slots {
			walk(s.rule)
		}
		for _, x := range append([]*rule{r.additional, r.names, r.items, r.target}, r.anyOf...) {
			walk(x)
		}
	}
	walk(s.root)
	if objects < 10 {
		t.Errorf("found %d objects in the schema", objects)
	}
	t.Log(fmt.Sprint(objects, " objects"))
}
