package lsp

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/lang"
	"github.com/entente-go/entente/parties"
)

// Completion works on the line being written, which often does not load
// yet: the text before the cursor says whether a key or a value is being
// written, and the lines above it, read with the last model, say in which
// mapping.

// refFields are the fields whose values name something, by their shape
// (clauses[].commitments[].by: a party), as agreement.Agreement.Refs
// finds them in an agreement with every field filled in.
var refFields = sync.OnceValue(func() map[string]agreement.RefKind {
	a := new(agreement.Agreement)
	fill(reflect.ValueOf(a).Elem(), 0)
	kinds := map[string]agreement.RefKind{}
	for _, r := range a.Refs() {
		if !r.Def {
			kinds[shape(r.Path)] = r.Kind
		}
	}
	return kinds
})

// fill gives every string of v a value and every list one element, down
// to a few levels of nesting (clauses hold clauses).
func fill(v reflect.Value, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth)
			}
		}
	case reflect.Pointer:
		if depth < 4 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem(), depth+1)
		}
	case reflect.Slice:
		if depth < 4 {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			fill(v.Index(0), depth+1)
		}
	}
}

// The forms of a line being written, up to the cursor.
var (
	keyLine  = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]*)$`)                                 // "  - sta"
	valLine  = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):\s+([^\s\[{,]*)$`)                 // "    kind: tre"
	flowLine = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):\s+\[(?:[^\]]*,)?\s*([^\s,\]]*)$`) // "refs: [art-1, ar"
)

const (
	completionField = 5  // the protocol's kind for a field
	completionValue = 12 // for a value
	completionEnum  = 20 // for a word of a closed list
	completionRef   = 18 // for a reference
)

func (s *server) completion(params json.RawMessage) (any, *responseError) {
	c, err := s.cursorOf(params)
	if err != nil {
		return nil, err
	}
	lineStart, _ := c.file.text.byteOffset(agreement.Position{Line: c.pos.Line, Column: 1})
	at, _ := c.file.text.byteOffset(c.pos)
	before := string(c.file.text.src[lineStart:at])
	list := completionList{Items: []completionItem{}}
	if c.m == nil {
		return list, nil
	}
	replace := func(partial string) lspRange {
		from := c.pos
		from.Column -= len([]rune(partial))
		return c.file.text.span(c.pos.Line, from.Column, c.pos.Column)
	}
	if g := keyLine.FindStringSubmatch(before); g != nil {
		indent := len([]rune(g[1]))
		newElem := strings.HasSuffix(g[1], "- ")
		mapping, ok := s.mappingAt(c, indent+1, newElem)
		if !ok {
			return list, nil
		}
		r := replace(g[2])
		for _, f := range fieldsAt(mapping) {
			if _, written := c.m.doc.Lookup(mapping.Child(f.Name)); written && !newElem && f.Name != g[2] {
				continue
			}
			item := completionItem{Label: f.Name, Kind: completionField, Detail: f.Type, TextEdit: &textEdit{r, f.Name + ": "}}
			if f.Description != "" {
				item.Documentation = &markupContent{"markdown", f.Description}
			}
			list.Items = append(list.Items, item)
		}
		if len(list.Items) == 0 && newElem {
			// An element of a list of words or ids: topics, roles, sources.
			return s.values(c, mapping, r), nil
		}
		return list, nil
	}
	for _, form := range []struct {
		re   *regexp.Regexp
		list bool
	}{{flowLine, true}, {valLine, false}} {
		g := form.re.FindStringSubmatch(before)
		if g == nil {
			continue
		}
		indent := len([]rune(g[1]))
		mapping, ok := s.mappingAt(c, indent+1, strings.HasSuffix(g[1], "- "))
		if !ok {
			return list, nil
		}
		field := mapping.Child(g[2])
		if form.list {
			field = field.Index(0)
		}
		return s.values(c, field, replace(g[3])), nil
	}
	return list, nil
}

// mappingAt returns the path of the mapping a key written at column col
// of the cursor's line belongs to, read from the lines above it: a key at
// the same column is in the same mapping; a key at a smaller column holds
// it. newElem says the line begins a list element ("- " before the key):
// an element at the same column is in the same list.
func (s *server) mappingAt(c cursor, col int, newElem bool) (docpath.Path, bool) {
	lines := strings.Split(string(c.m.doc.Source), "\n")
	dash := col - 2 // the column of the line's "- ", for a new element
	keyAt := func(i, col int) (docpath.Path, bool, bool) {
		path, _, onKey, ok := c.m.doc.At(agreement.Position{Line: i + 1, Column: col})
		return path, onKey, ok
	}
	for i := min(c.pos.Line-1, len(lines)) - 1; i >= 0; i-- {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		indent := len(line) - len(trimmed) + 1
		isDash := strings.HasPrefix(trimmed, "- ")
		keyCol := indent
		if isDash {
			keyCol += 2
		}
		switch {
		case newElem && isDash && indent == dash: // an element of the same list
			path, onKey, ok := keyAt(i, keyCol)
			if !ok {
				return docpath.Path{}, false
			}
			if onKey {
				path = path.Parent()
			}
			return path.Parent().Index(0), true
		case !newElem && keyCol == col: // a key of the same mapping
			path, onKey, ok := keyAt(i, keyCol)
			return path.Parent(), ok && onKey
		case !isDash && (!newElem && indent < col || newElem && indent <= dash): // the key that holds it
			path, onKey, ok := keyAt(i, indent)
			if !ok || !onKey {
				return docpath.Path{}, false
			}
			if t, _ := schemaAt(path)["type"].(string); t == "array" {
				path = path.Index(0)
			}
			return path, true
		case keyCol < col:
			return docpath.Path{}, false // under a key that has a value
		}
	}
	return docpath.Root(), col == 1 && !newElem
}

// values returns the words that may be written at path: a closed list's,
// or the ids and codes of what the field names.
func (s *server) values(c cursor, path docpath.Path, r lspRange) completionList {
	list := completionList{Items: []completionItem{}}
	add := func(label, detail, doc string, kind int) {
		item := completionItem{Label: label, Kind: kind, Detail: detail, TextEdit: &textEdit{r, label}}
		if doc != "" {
			item.Documentation = &markupContent{"markdown", doc}
		}
		list.Items = append(list.Items, item)
	}
	if v, ok := vocabularyAt(s.vocabularies, path); ok {
		for _, w := range v.Words {
			add(w.Value, w.Doc, "", completionEnum)
		}
		return list
	}
	kind := refFields()[shape(path)]
	switch kind {
	case agreement.RefParty, agreement.RefClause, agreement.RefSource:
		if kind == agreement.RefParty && strings.HasSuffix(shape(path), ".by") {
			add("each", "each party, severally", "", completionEnum)
			add("all", "all the parties, jointly", "", completionEnum)
		}
		for _, p := range c.m.places {
			if p.Def && p.Kind == kind {
				add(p.ID, string(kind), s.describe(c.m, p), completionRef)
			}
		}
	case agreement.RefAgreement:
		for _, d := range s.setDocs() {
			if d.Header.ID != "" && d.Header.ID != c.m.doc.Header.ID {
				add(d.Header.ID, d.Name, "", completionRef)
			}
		}
	case agreement.RefCountry:
		for _, country := range parties.Countries() {
			add(country.Alpha2, country.Name, "", completionValue)
		}
		for _, f := range parties.FormerCountries() {
			add(f.Alpha4, f.Name+" (former)", "", completionValue)
		}
	case agreement.RefOrganisation:
		for _, o := range parties.Organisations() {
			add(o.Code, o.Name, "", completionValue)
		}
	case agreement.RefLanguage:
		for _, code := range lang.Codes() {
			name, _ := lang.Name(code)
			add(code, name, "", completionValue)
		}
	}
	return list
}
