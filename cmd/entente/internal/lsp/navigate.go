package lsp

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/yamlnode"
)

// The requests that follow ids: hover, definition, references, rename and
// the outline of clauses.

// cursor is the file and the position a request is about, with the model
// it is answered from: the file's own, or the last one it had while its
// text does not load.
type cursor struct {
	uri  string
	file *file
	m    *model // nil when the file never gave a model
	pos  agreement.Position
}

func (s *server) cursorOf(params json.RawMessage) (cursor, *responseError) {
	var p positionParams
	if err := json.Unmarshal(params, &p); err != nil {
		return cursor{}, &responseError{codeInvalidParams, err.Error()}
	}
	f, err := s.open(p.TextDocument.URI)
	if err != nil {
		return cursor{}, err
	}
	c := cursor{uri: p.TextDocument.URI, file: f, m: f.last}
	pos, ok := f.text.fromProtocol(p.Position)
	if !ok {
		return cursor{}, &responseError{codeInvalidParams, fmt.Sprintf("the position %d:%d is not in %s", p.Position.Line, p.Position.Character, c.uri)}
	}
	c.pos = pos
	return c, nil
}

func (s *server) hoverRequest(params json.RawMessage) (any, *responseError) {
	c, err := s.cursorOf(params)
	if err != nil || c.m == nil {
		return nil, err
	}
	text, start, end := s.hover(c.m, c.pos)
	if text == "" {
		return nil, nil
	}
	return hoverResult{Contents: markupContent{Kind: "markdown", Value: text},
		Range: c.m.t.span(c.pos.Line, start, end)}, nil
}

// setFile is a file of the set: an open file, with its model when its
// text loads, or a file of the folder as it is on disk.
type setFile struct {
	uri string
	doc *agreement.Document
	m   *model // for an open file whose text gave a model
}

func (s *server) setFiles() []setFile {
	var out []setFile
	open := map[string]bool{}
	for _, uri := range slices.Sorted(maps.Keys(s.files)) {
		f := s.files[uri]
		if f.doc == nil {
			continue
		}
		sf := setFile{uri: uri, doc: f.doc}
		if f.last != nil && f.last.doc == f.parsed {
			sf.m = f.last
		}
		out = append(out, sf)
		open[f.doc.Name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(s.folder)) {
		if !open[name] {
			out = append(out, setFile{uri: fileURI(name), doc: s.folder[name]})
		}
	}
	return out
}

// setDocs returns the documents of the set.
func (s *server) setDocs() []*agreement.Document {
	var docs []*agreement.Document
	for _, f := range s.setFiles() {
		docs = append(docs, f.doc)
	}
	return docs
}

// mention is a place an agreement id is written in a file of the set.
type mention struct {
	pos agreement.Position
	def bool
}

// mentions returns where the file gives or names the agreement id.
func (f setFile) mentions(id string) []mention {
	var out []mention
	if f.m != nil {
		for _, p := range f.m.places {
			if p.Kind == agreement.RefAgreement && p.ID == id {
				out = append(out, mention{p.start, p.Def})
			}
		}
		return out
	}
	if f.doc.Header.ID == id && f.doc.Header.Position.IsValid() {
		out = append(out, mention{f.doc.Header.Position, true})
	}
	for _, c := range f.doc.Header.Cites {
		if c.Agreement == id && c.Position.IsValid() {
			out = append(out, mention{c.Position, false})
		}
	}
	return out
}

// source returns the file's text, for the ranges of its mentions.
func (f setFile) source(utf8Units bool) *text {
	if f.m != nil {
		return f.m.t
	}
	src := f.doc.Source
	if src == nil {
		src, _ = readFile(f.doc.Name)
	}
	return newText(src, utf8Units)
}

// idRange is the range of the word written at pos, inside its quotes.
func idRange(t *text, pos agreement.Position) lspRange {
	end := t.tokenEnd(pos)
	if t.quoted(pos) && end > pos.Column+1 {
		pos.Column++
		end--
	}
	return t.span(pos.Line, pos.Column, max(end, pos.Column))
}

func (m *model) rangeOf(p place) lspRange {
	return m.t.span(p.start.Line, p.start.Column, p.end)
}

// agreementLocations returns where an agreement id is given (defs) or
// named, in every file of the set.
func (s *server) agreementLocations(id string, defs, uses bool) []location {
	var out []location
	for _, f := range s.setFiles() {
		ms := f.mentions(id)
		if len(ms) == 0 {
			continue
		}
		t := f.source(s.utf8)
		for _, mt := range ms {
			if mt.def && defs || !mt.def && uses {
				out = append(out, location{f.uri, idRange(t, mt.pos)})
			}
		}
	}
	return out
}

// placeAt returns the cursor of a request and the id or code written
// there; ok is false when there is none, or no model to find it in.
func (s *server) placeAt(params json.RawMessage) (c cursor, p place, ok bool, err *responseError) {
	c, err = s.cursorOf(params)
	if err != nil || c.m == nil {
		return c, p, false, err
	}
	p, ok = c.m.at(c.pos)
	return c, p, ok, nil
}

func (s *server) definition(params json.RawMessage) (any, *responseError) {
	c, p, ok, err := s.placeAt(params)
	if !ok {
		return nil, err
	}
	switch p.Kind {
	case agreement.RefParty, agreement.RefClause, agreement.RefSource:
		if d, ok := c.m.def(p.Kind, p.ID); ok {
			return []location{{c.uri, c.m.rangeOf(d)}}, nil
		}
	case agreement.RefAgreement:
		if locs := s.agreementLocations(p.ID, true, false); len(locs) > 0 {
			return locs, nil
		}
	}
	return nil, nil
}

func (s *server) references(params json.RawMessage) (any, *responseError) {
	var rp referenceParams
	json.Unmarshal(params, &rp)
	c, p, ok, err := s.placeAt(params)
	if !ok {
		return nil, err
	}
	withDef := rp.Context.IncludeDeclaration
	if p.Kind == agreement.RefAgreement {
		return s.agreementLocations(p.ID, withDef, true), nil
	}
	// A code (a country, a topic) is used across files, but its uses in
	// this file are the ones an author renames or reviews.
	locs := []location{}
	for _, u := range c.m.uses(p.Kind, p.ID, withDef) {
		locs = append(locs, location{c.uri, c.m.rangeOf(u)})
	}
	return locs, nil
}

// renameTarget returns the cursor of a rename request and the id it would
// rename, or why there is none. A rename needs the file's own model: edits
// made from a model of an older text would land in the wrong places.
func (s *server) renameTarget(params json.RawMessage) (cursor, place, *responseError) {
	c, err := s.cursorOf(params)
	if err != nil {
		return c, place{}, err
	}
	if c.m == nil || c.m.doc != c.file.parsed {
		return c, place{}, &responseError{codeRequestFailed, "the file does not load as it is; fix its syntax before renaming"}
	}
	p, ok := c.m.at(c.pos)
	if !ok {
		return c, place{}, &responseError{codeRequestFailed, "there is no id here to rename"}
	}
	switch p.Kind {
	case agreement.RefParty, agreement.RefClause, agreement.RefSource, agreement.RefAgreement:
		return c, p, nil
	}
	return c, place{}, &responseError{codeRequestFailed, fmt.Sprintf("%q is a %s code, not an id of this document; a code is changed where it is written", p.ID, p.Kind)}
}

func (s *server) prepareRename(params json.RawMessage) (any, *responseError) {
	c, p, err := s.renameTarget(params)
	if err != nil {
		return nil, err
	}
	return map[string]any{"range": c.m.rangeOf(p), "placeholder": p.ID}, nil
}

func (s *server) rename(params json.RawMessage) (any, *responseError) {
	var rp renameParams
	if err := json.Unmarshal(params, &rp); err != nil {
		return nil, &responseError{codeInvalidParams, err.Error()}
	}
	c, p, err := s.renameTarget(params)
	if err != nil {
		return nil, err
	}
	name := rp.NewName
	if !agreement.ValidID(name) {
		return nil, &responseError{codeRequestFailed, fmt.Sprintf("%q is not a well-formed id: an id is lower-case letters, digits, '.', '_' and '-', starting with a letter or digit", name)}
	}
	if !yamlnode.PlainIsString(name) { // the edit writes it plain
		return nil, &responseError{codeRequestFailed, fmt.Sprintf("%q written plain is read by YAML as something other than text (no value, true or false, a number): choose another id", name)}
	}
	edit := workspaceEdit{Changes: map[string][]textEdit{}}
	if p.Kind == agreement.RefAgreement {
		for _, f := range s.setFiles() {
			if f.doc.Header.ID == name && name != p.ID {
				return nil, &responseError{codeRequestFailed, fmt.Sprintf("the id %q is taken: %s has it", name, f.doc.Name)}
			}
		}
		for _, loc := range s.agreementLocations(p.ID, true, true) {
			edit.Changes[loc.URI] = append(edit.Changes[loc.URI], textEdit{loc.Range, name})
		}
		return edit, nil
	}
	if _, taken := c.m.def(p.Kind, name); taken && name != p.ID {
		return nil, &responseError{codeRequestFailed, fmt.Sprintf("the id %q is taken: another %s has it", name, p.Kind)}
	}
	for _, u := range c.m.uses(p.Kind, p.ID, true) {
		edit.Changes[c.uri] = append(edit.Changes[c.uri], textEdit{c.m.rangeOf(u), name})
	}
	return edit, nil
}

// symbolNamespace is the protocol's symbol kind the outline gives
// clauses: a clause holds others as a namespace holds names.
const symbolNamespace = 3

func (s *server) symbols(params json.RawMessage) (any, *responseError) {
	var p documentParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &responseError{codeInvalidParams, err.Error()}
	}
	f, err := s.open(p.TextDocument.URI)
	if err != nil || f.last == nil {
		return nil, err
	}
	m := f.last
	t := m.t
	type entry struct {
		sym   documentSymbol
		path  string
		depth int
		start agreement.Position
	}
	var list []entry
	lookup := m.doc.Positions() // indexed: one lookup per clause costs no scan of its siblings
	for _, c := range m.doc.Agreement.AllClauses() {
		span, ok := lookup(c.Path)
		if !ok {
			continue
		}
		name := c.Label
		if c.Clause.Heading != "" {
			name += ": " + c.Clause.Heading
		}
		at := t.toProtocol(span.Value.Line, span.Value.Column)
		sel := lspRange{at, at}
		if d, ok := m.def(agreement.RefClause, c.Clause.ID); ok && c.Clause.ID != "" {
			sel = m.rangeOf(d)
		}
		list = append(list, entry{sym: documentSymbol{Name: name, Detail: c.Clause.ID, Kind: symbolNamespace, SelectionRange: sel},
			path: c.Path.String(), depth: c.Path.Len(), start: span.Value})
	}
	// A clause runs to the line where the next clause at its depth or
	// above begins, and the last ones to the end of the list of clauses.
	last := 0
	if len(list) > 0 {
		last = clausesEnd(t.src, list[len(list)-1].start.Line)
	}
	for i := range list {
		end := t.toProtocol(last+1, 1<<30) // the end of that line
		for j := i + 1; j < len(list); j++ {
			if list[j].depth <= list[i].depth {
				end = t.toProtocol(list[j].start.Line-1, 1<<30)
				break
			}
		}
		start := t.toProtocol(list[i].start.Line, list[i].start.Column)
		list[i].sym.Range = lspRange{start, end}
		if sel := list[i].sym.SelectionRange; before(end, sel.End) {
			list[i].sym.Range.End = sel.End
		}
	}
	// Nest them: a clause's parent is the nearest clause before it whose
	// path it extends.
	var build func(from int, parent string) ([]documentSymbol, int)
	build = func(from int, parent string) ([]documentSymbol, int) {
		out := []documentSymbol{}
		i := from
		for i < len(list) && (parent == "" || strings.HasPrefix(list[i].path, parent+".")) {
			e := list[i]
			children, next := build(i+1, e.path)
			e.sym.Children = children
			out = append(out, e.sym)
			i = next
		}
		return out, i
	}
	syms, _ := build(0, "")
	return syms, nil
}

// before reports whether p comes before q.
func before(p, q position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// clausesEnd returns the 0-based line where the list of clauses ends:
// the line before the next key at the top level after the last clause,
// or the file's last line.
func clausesEnd(src []byte, lastStart int) int {
	lines := strings.Split(string(src), "\n")
	for i := lastStart; i < len(lines); i++ {
		if l := lines[i]; l != "" && l[0] != ' ' && l[0] != '-' && l[0] != '#' && l[0] != '\t' {
			return max(i-1, 0)
		}
	}
	return max(len(lines)-1, 0)
}
