package schema_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/entente-go/entente/schema"
)

func TestCompiles(t *testing.T) {
	if _, err := schema.Validate(map[string]any{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["$id"] != schema.ID {
		t.Errorf("$id = %v, want %s", doc["$id"], schema.ID)
	}
}

func TestViolations(t *testing.T) {
	base := func() map[string]any {
		return map[string]any{
			"format": "entente/v1", "id": "x", "title": "T", "kind": "treaty",
			"version": map[string]any{"label": "l", "stage": "draft"},
			"parties": []any{map[string]any{"id": "a", "kind": "state", "country": "IR"}},
		}
	}
	tests := []struct {
		name     string
		edit     func(m map[string]any)
		kind     schema.Kind
		location []string
	}{
		{"valid", func(map[string]any) {}, "", nil},
		{"missing title", func(m map[string]any) { delete(m, "title") }, schema.Required, []string{}},
		{"extra field", func(m map[string]any) { m["titel"] = "x" }, schema.AdditionalProperties, []string{"titel"}},
		{"wrong stage", func(m map[string]any) { m["version"].(map[string]any)["stage"] = "final" }, schema.Enum, []string{"version", "stage"}},
		{"wrong format", func(m map[string]any) { m["format"] = "entente/v2" }, schema.Const, []string{"format"}},
		{"bad id", func(m map[string]any) { m["id"] = "Bad Id" }, schema.Pattern, []string{"id"}},
		{"empty parties", func(m map[string]any) { m["parties"] = []any{} }, schema.MinItems, []string{"parties"}},
		{"list for a string", func(m map[string]any) { m["title"] = []any{"x"} }, schema.Type, []string{"title"}},
		{"text as a list: one violation, not one per branch", func(m map[string]any) {
			m["preamble"] = []any{map[string]any{"text": []any{"a"}}}
		}, schema.Type, []string{"preamble", "0", "text"}},
		{"text with a bad language: the object branch is kept", func(m map[string]any) {
			m["preamble"] = []any{map[string]any{"text": map[string]any{"English": "x"}}}
		}, schema.Pattern, []string{"preamble", "0", "text", "English"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			tt.edit(m)
			vs, err := schema.Validate(m)
			if err != nil {
				t.Fatal(err)
			}
			if tt.kind == "" {
				if len(vs) != 0 {
					t.Errorf("want no violations, got %+v", vs)
				}
				return
			}
			if len(vs) != 1 {
				t.Fatalf("want one violation, got %+v", vs)
			}
			if vs[0].Kind != tt.kind || fmt.Sprint(vs[0].Location) != fmt.Sprint(tt.location) {
				t.Errorf("got %s at %q, want %s at %q", vs[0].Kind, vs[0].Location, tt.kind, tt.location)
			}
		})
	}
}

func ExampleValidate() {
	doc := map[string]any{
		"format": "entente/v1", "id": "example", "kind": "treaty",
		"version": map[string]any{"label": "draft", "stage": "draft"},
		"parties": []any{},
	}
	vs, _ := schema.Validate(doc)
	for _, v := range vs {
		fmt.Println(v.Kind, v.Location, v.Message)
	}
	// Unordered output:
	// required [] missing required field "title"
	// min-items [parties] the list needs at least 1 item(s)
}
