package lsp

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/schema"
)

// What the format says about a place in a document, from the schema and
// the vocabularies: the fields a mapping may have, with their
// descriptions, and the words a field takes.

// shape is a path with its list elements unnamed and nested clauses
// folded into the top level's, as the vocabularies write where a word
// goes: clauses[].commitments[].kind.
func shape(p docpath.Path) string {
	var b strings.Builder
	for _, s := range p.Steps() {
		if s.Kind == docpath.Elem {
			b.WriteString("[]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
	}
	out := b.String()
	for strings.Contains(out, "clauses[].clauses[]") {
		out = strings.Replace(out, "clauses[].clauses[]", "clauses[]", 1)
	}
	return out
}

// vocabularyAt returns the vocabulary of the field at p, if it takes one.
func vocabularyAt(vocabularies []agreement.Vocabulary, p docpath.Path) (agreement.Vocabulary, bool) {
	at := shape(p)
	for _, v := range vocabularies {
		for _, w := range v.Where {
			if w == at {
				return v, true
			}
		}
	}
	return agreement.Vocabulary{}, false
}

// field is what the schema says of one field.
type field struct {
	Name        string
	Description string
	Type        string // "string", "array", "object"...
}

var schemaRoot = sync.OnceValue(func() map[string]any {
	var root map[string]any
	json.Unmarshal(schema.JSON(), &root) // built in, and tested to be JSON
	return root
})

// schemaAt returns the schema of the value at p, or nil when the schema
// says nothing of it.
func schemaAt(p docpath.Path) map[string]any {
	node := schemaRoot()
	for _, s := range p.Steps() {
		node = resolve(node)
		if s.Kind == docpath.Elem {
			node, _ = node["items"].(map[string]any)
		} else {
			props, _ := node["properties"].(map[string]any)
			node, _ = props[s.Name].(map[string]any)
		}
		if node == nil {
			return nil
		}
	}
	return resolve(node)
}

// resolve follows a $ref within the schema.
func resolve(node map[string]any) map[string]any {
	for i := 0; i < 10 && node != nil; i++ {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			return nil
		}
		defs, _ := schemaRoot()["$defs"].(map[string]any)
		node, _ = defs[name].(map[string]any)
	}
	return node
}

// fieldsAt returns the fields the mapping at p may have, in the schema's
// order of required fields first and then by name.
func fieldsAt(p docpath.Path) []field {
	node := schemaAt(p)
	props, _ := node["properties"].(map[string]any)
	var out []field
	for name, v := range props {
		f := field{Name: name}
		sub := resolve(asMap(v))
		f.Description, _ = sub["description"].(string)
		f.Type, _ = sub["type"].(string)
		out = append(out, f)
	}
	sortFields(out, node)
	return out
}

func sortFields(fs []field, node map[string]any) {
	required := map[string]bool{}
	if rs, ok := node["required"].([]any); ok {
		for _, r := range rs {
			if s, ok := r.(string); ok {
				required[s] = true
			}
		}
	}
	slices.SortFunc(fs, func(a, b field) int {
		if required[a.Name] != required[b.Name] {
			if required[a.Name] {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// description returns the schema's description of the field at p.
func description(p docpath.Path) string {
	d, _ := schemaAt(p)["description"].(string)
	return d
}
