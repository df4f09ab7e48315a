package lsp

import (
	"cmp"
	"slices"

	"github.com/entente-go/entente/agreement"
)

// file is one open document: its text as the editor has it, the text
// loaded, and the last version of it that gave a model.
type file struct {
	text *text
	// parsed is the text loaded, alone; nil until it is, and again after
	// each change. doc is a clone of it checked with the other files of
	// the set: an open file the change did not touch is not loaded again.
	parsed *agreement.Document
	doc    *agreement.Document
	// findings are doc's diagnostics as shown: with the set's, and with
	// the configuration's severities.
	findings agreement.Diagnostics
	// last is the last text that gave a model. While the author is in
	// the middle of an edit that breaks the syntax, hover and definition
	// answer from it.
	last *model
}

// model is a loaded document with a model and the places of its ids and
// codes, in the order of the text.
type model struct {
	doc    *agreement.Document
	t      *text // the document's source
	places []place
	// byID indexes places by kind and id, in the order of places, so that
	// a lookup does not scan them all (an outline asks once per clause).
	byID map[refKey][]int
}

type refKey struct {
	kind agreement.RefKind
	id   string
}

// place is one ref of a document and where its id is written: from start
// to the column before end, inside quotes when it is quoted.
type place struct {
	agreement.Ref
	start agreement.Position
	end   int // the column just past the id
}

func newModel(doc *agreement.Document, utf8Units bool) *model {
	m := &model{doc: doc, t: newText(doc.Source, utf8Units)}
	lookup := doc.Positions()
	for _, r := range doc.Agreement.Refs() {
		span, ok := lookup(r.Path)
		if !ok {
			continue
		}
		p := place{Ref: r, start: span.Value}
		p.end = m.t.tokenEnd(p.start)
		if p.end == 0 {
			continue
		}
		if m.t.quoted(p.start) {
			p.start.Column++
			p.end--
		}
		m.places = append(m.places, p)
	}
	slices.SortFunc(m.places, func(a, b place) int {
		return cmp.Or(cmp.Compare(a.start.Line, b.start.Line), cmp.Compare(a.start.Column, b.start.Column))
	})
	m.byID = make(map[refKey][]int, len(m.places))
	for i, p := range m.places {
		k := refKey{p.Kind, p.ID}
		m.byID[k] = append(m.byID[k], i)
	}
	return m
}

// at returns the place written at pos: pos is on the id or just after it.
func (m *model) at(pos agreement.Position) (place, bool) {
	i, _ := slices.BinarySearchFunc(m.places, pos, func(p place, pos agreement.Position) int {
		return cmp.Or(cmp.Compare(p.start.Line, pos.Line), cmp.Compare(p.start.Column, pos.Column))
	})
	// places[i] starts at or after pos; the one that holds pos starts at
	// it or is the one before.
	for _, j := range []int{i, i - 1} {
		if j >= 0 && j < len(m.places) {
			p := m.places[j]
			if p.start.Line == pos.Line && p.start.Column <= pos.Column && pos.Column <= p.end {
				return p, true
			}
		}
	}
	return place{}, false
}

// def returns the place where an id of kind is given.
func (m *model) def(kind agreement.RefKind, id string) (place, bool) {
	for _, i := range m.byID[refKey{kind, id}] {
		if m.places[i].Def {
			return m.places[i], true
		}
	}
	return place{}, false
}

// uses returns the places of kind and id: its definition too when
// withDef.
func (m *model) uses(kind agreement.RefKind, id string, withDef bool) []place {
	var out []place
	for _, i := range m.byID[refKey{kind, id}] {
		if p := m.places[i]; withDef || !p.Def {
			out = append(out, p)
		}
	}
	return out
}
