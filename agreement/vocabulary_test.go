package agreement_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/schema"
	"github.com/entente-go/entente/topics"
)

// TestVocabularyDocumented: the vocabularies are every enumeration of the
// format, each word has its line, and each vocabulary's Where names
// exactly the schema's fields that take its values.
func TestVocabularyDocumented(t *testing.T) {
	want := agreement.Enumerations()
	want["PartyKind"] = strs(parties.Kind("").Values())
	want["Role"] = strs(parties.Role("").Values())
	fields := schemaEnumFields(t)

	vocabs := agreement.Vocabularies()
	var got [][]string
	for _, v := range vocabs {
		var values []string
		for _, w := range v.Words {
			values = append(values, w.Value)
			if w.Doc == "" || strings.Contains(w.Doc, "\n") {
				t.Errorf("%s %q: the line on it is %q", v.Name, w.Value, w.Doc)
			}
		}
		if v.Name == "topic" {
			if len(values) != len(topics.Builtin().Topics()) {
				t.Errorf("topics: %d words, the taxonomy has %d", len(values), len(topics.Builtin().Topics()))
			}
			continue
		}
		got = append(got, values)
		where := slices.Clone(v.Where)
		slices.Sort(where)
		if diff := cmp.Diff(fields[strings.Join(values, ",")], where); diff != "" {
			t.Errorf("%s: Where is not the schema's fields that take it (-schema +Where):\n%s", v.Name, diff)
		}
	}
	var wantValues [][]string
	for _, values := range want {
		wantValues = append(wantValues, values)
	}
	order := func(a, b []string) int { return strings.Compare(strings.Join(a, ","), strings.Join(b, ",")) }
	slices.SortFunc(got, order)
	slices.SortFunc(wantValues, order)
	if diff := cmp.Diff(wantValues, got); diff != "" {
		t.Errorf("the vocabularies are not the format's enumerations (-enumerations +vocabularies):\n%s", diff)
	}
}

// schemaEnumFields walks the schema and returns, for each list of enum
// values (joined by commas), the sorted paths of the fields that take it.
func schemaEnumFields(t *testing.T) map[string][]string {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(schema.JSON(), &root); err != nil {
		t.Fatal(err)
	}
	defs := root["$defs"].(map[string]any)
	out := map[string][]string{}
	var walk func(node any, path string, seen map[string]bool)
	walk = func(node any, path string, seen map[string]bool) {
		s, ok := node.(map[string]any)
		if !ok {
			return
		}
		if ref, ok := s["$ref"].(string); ok {
			name := strings.TrimPrefix(ref, "#/$defs/")
			if seen[name] {
				return
			}
			next := map[string]bool{name: true}
			for k := range seen {
				next[k] = true
			}
			walk(defs[name], path, next)
			return
		}
		if values, ok := s["enum"].([]any); ok {
			var key []string
			for _, v := range values {
				key = append(key, v.(string))
			}
			k := strings.Join(key, ",")
			if !slices.Contains(out[k], path) {
				out[k] = append(out[k], path)
				slices.Sort(out[k])
			}
		}
		if props, ok := s["properties"].(map[string]any); ok {
			for name, p := range props {
				walk(p, strings.TrimPrefix(path+"."+name, "."), seen)
			}
		}
		walk(s["items"], path+"[]", seen)
		for _, key := range []string{"anyOf", "oneOf", "allOf"} {
			if list, ok := s[key].([]any); ok {
				for _, x := range list {
					walk(x, path, seen)
				}
			}
		}
	}
	walk(root, "", map[string]bool{})
	return out
}
