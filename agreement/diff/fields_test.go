package diff

import (
	"reflect"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestEveryFieldHasARule walks the model from Agreement and fails for a
// field of any struct it reaches that has no rule: a field added to the
// model must be placed in the table, so that the diff classes its changes
// on purpose rather than by accident. It fails too for a rule that names
// no field of the model.
func TestEveryFieldHasARule(t *testing.T) {
	seen := map[reflect.Type]bool{}
	used := map[fieldKey]bool{}
	var walk func(t reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || isLeaf(rt) || seen[rt] {
			return
		}
		seen[rt] = true
		for _, f := range fieldsOf(rt) {
			k := fieldKey{rt, f.name}
			used[k] = true
			r, ok := rules[k]
			switch {
			case !ok:
				t.Errorf("%s.%s has no rule in the diff's table", rt.Name(), f.name)
			case r.class == "" || r.impact == "":
				t.Errorf("%s.%s: the rule has no class or impact", rt.Name(), f.name)
			}
			ft := rt.Field(f.index).Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && len(r.match) > 0 {
				for _, m := range append(append([]string{}, r.match...), r.loose...) {
					if fieldIndex(ft.Elem(), m) < 0 {
						t.Errorf("%s.%s: elements are matched by %q, which %s does not have", rt.Name(), f.name, m, ft.Elem().Name())
					}
				}
			}
			walk(ft)
		}
	}
	walk(reflect.TypeFor[agreement.Agreement]())
	if len(seen) < 10 {
		t.Fatalf("reached %d structs; the walk is broken", len(seen))
	}
	for k := range rules {
		if !used[k] {
			t.Errorf("the rule for %s.%s names no field of the model", k.in.Name(), k.name)
		}
	}
}

func TestLocate(t *testing.T) {
	f := func(name string) Step { return Step{Field: name, Old: -1, New: -1} }
	e := Step{Old: 0, New: 0}
	tests := []struct {
		name  string
		steps []Step
		want  place
		ok    bool
	}{
		{"a top-level field", []Step{f("title")}, place{key: fieldKey{typ[agreement.Agreement](), "title"}, section: "title"}, true},
		{"an element of a list", []Step{f("parties"), e}, place{key: fieldKey{typ[agreement.Agreement](), "parties"}, section: "parties", elem: true}, true},
		{"a field of a nested clause", []Step{f("clauses"), e, f("clauses"), e, f("commitments"), e, f("modality")},
			place{key: fieldKey{typ[agreement.Commitment](), "modality"}, section: "clauses"}, true},
		{"a text by language", []Step{f("clauses"), e, f("text"), f("ru")},
			place{key: fieldKey{typ[agreement.Clause](), "text"}, section: "clauses", mapKey: true}, true},
		{"through a pointer", []Step{f("term"), f("renewal"), f("period")},
			place{key: fieldKey{typ[agreement.Renewal](), "period"}, section: "term"}, true},
		{"the agreement itself", nil, place{}, false},
		{"a field the model does not have", []Step{f("nonsense")}, place{}, false},
		{"an element of a mapping", []Step{f("title"), e}, place{key: fieldKey{typ[agreement.Agreement](), "title"}, section: "title"}, false},
	}
	for _, tt := range tests {
		got, ok := locate(tt.steps)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("%s: locate = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
