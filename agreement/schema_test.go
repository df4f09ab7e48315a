package agreement_test

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/schema"
)

// TestSchemaMatchesTypes proves that the JSON Schema and the Go types
// describe the same format: every field of every model type is a property
// of the schema with a matching type, every property is a field, and
// every enumeration has the same values in both.
func TestSchemaMatchesTypes(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(schema.JSON(), &root); err != nil {
		t.Fatal(err)
	}
	defs := root["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		for s["$ref"] != nil {
			name := strings.TrimPrefix(s["$ref"].(string), "#/$defs/")
			s = defs[name].(map[string]any)
		}
		return s
	}
	enums := agreement.Enumerations()
	enums["PartyKind"] = strs(parties.Kind("").Values())
	enums["Role"] = strs(parties.Role("").Values())
	textMarshaler := reflect.TypeFor[encoding.TextMarshaler]()
	seenEnums := map[string]bool{}
	seenStructs := map[reflect.Type]bool{}

	var check func(path string, ty reflect.Type, s map[string]any)
	check = func(path string, ty reflect.Type, s map[string]any) {
		s = resolve(s)
		for ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		switch {
		case ty == reflect.TypeFor[agreement.Text]():
			if s["anyOf"] == nil {
				t.Errorf("%s: Text should be a string or an object (anyOf)", path)
			}
			return
		case ty.Implements(textMarshaler) || ty.Kind() == reflect.String:
			if s["type"] != "string" {
				t.Errorf("%s: Go %s, schema type %v", path, ty, s["type"])
			}
			name := ty.Name()
			if ty == reflect.TypeFor[parties.Kind]() {
				name = "PartyKind"
			}
			if values, ok := enums[name]; ok && ty.PkgPath() != "" {
				seenEnums[name] = true
				var got []string
				for _, v := range s["enum"].([]any) {
					got = append(got, v.(string))
				}
				if diff := cmp.Diff(values, got); diff != "" {
					t.Errorf("%s: enumeration %s differs (-Go +schema):\n%s", path, name, diff)
				}
			}
			if (ty == reflect.TypeFor[agreement.Date]() || ty == reflect.TypeFor[agreement.Duration]()) && s["pattern"] == nil {
				t.Errorf("%s: %s without a pattern", path, ty.Name())
			}
		case ty.Kind() == reflect.Bool:
			if s["type"] != "boolean" {
				t.Errorf("%s: Go bool, schema type %v", path, s["type"])
			}
		case ty.Kind() == reflect.Map && ty.Key().Kind() == reflect.String:
			items, _ := s["additionalProperties"].(map[string]any)
			if s["type"] != "object" || items == nil {
				t.Errorf("%s: Go map, schema type %v, additionalProperties %v", path, s["type"], s["additionalProperties"])
				return
			}
			check(path+"{}", ty.Elem(), items)
		case ty.Kind() == reflect.Slice:
			if s["type"] != "array" {
				t.Errorf("%s: Go slice, schema type %v", path, s["type"])
				return
			}
			check(path+"[]", ty.Elem(), s["items"].(map[string]any))
		case ty.Kind() == reflect.Struct:
			if seenStructs[ty] {
				return // nested clauses: checked once
			}
			seenStructs[ty] = true
			if s["type"] != "object" || s["additionalProperties"] != false {
				t.Errorf("%s: Go struct %s, schema type %v, additionalProperties %v", path, ty, s["type"], s["additionalProperties"])
				return
			}
			props := s["properties"].(map[string]any)
			var fields []string
			for i := range ty.NumField() {
				f := ty.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				fields = append(fields, name)
				ps, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s.%s: field %s.%s is not in the schema", path, name, ty.Name(), f.Name)
					continue
				}
				if ps["title"] == nil || ps["description"] == nil {
					t.Errorf("%s.%s: property without title or description", path, name)
				}
				check(path+"."+name, f.Type, ps)
			}
			for name := range props {
				if !slices.Contains(fields, name) {
					t.Errorf("%s.%s: schema property has no field in %s", path, name, ty)
				}
			}
			required, _ := s["required"].([]any)
			for _, r := range required {
				if !slices.Contains(fields, r.(string)) {
					t.Errorf("%s: required %q is not a field", path, r)
				}
			}
		default:
			t.Errorf("%s: Go type %s has no schema mapping in this test", path, ty)
		}
	}
	check("", reflect.TypeFor[agreement.Agreement](), root)
	for name := range enums {
		if !seenEnums[name] {
			t.Errorf("enumeration %s is not used by any field", name)
		}
	}
	if root["$id"] != schema.ID || !strings.HasPrefix(schema.ID, "https://") {
		t.Errorf("$id %v, want the absolute URL %s", root["$id"], schema.ID)
	}
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
