// Package docpath names places in an agreement document, the way
// diagnostics and changes report them: clauses[art-3].commitments[0].by.
//
// A [Path] is immutable: [Path.Child], [Path.Index], [Path.Key] and
// [Path.Elem] return a longer path and never change the one they extend,
// so a path can be shared by every finding beneath it. It is rendered as
// text only by [Path.String], when a finding is shown.
//
// A list element is named by its id when it has one that cannot be
// misread (not empty, not all digits, no brackets) and no earlier sibling
// has the same id, and by its position otherwise; [Names] gives the names
// of a whole list, and every package of the module names elements that
// way, so that their paths agree.
package docpath

import (
	"fmt"
	"strconv"
	"strings"
)

// Path is a place in a document. The zero Path is the document itself.
type Path struct {
	last *node
}

type node struct {
	parent *node
	step   Step
	depth  int
}

// StepKind says what a step of a path is.
type StepKind uint8

const (
	// Field is a key of a mapping: a field of the format or a key of a
	// map such as a text's language.
	Field StepKind = iota + 1
	// Elem is an element of a list, named by id when ID is set and by
	// Index otherwise.
	Elem
)

// Step is one step of a path.
type Step struct {
	Kind  StepKind
	Name  string // a Field's key
	Index int    // an Elem's position in its list; -1 when only its id is known
	ID    string // an Elem's id, when it is named by id
}

func (s Step) String() string {
	switch {
	case s.Kind == Field:
		return "." + s.Name
	case s.ID != "":
		return "[" + s.ID + "]"
	}
	return "[" + strconv.Itoa(s.Index) + "]"
}

// Root returns the path of the document itself.
func Root() Path { return Path{} }

// Of returns the path of the steps from the document down.
func Of(steps ...Step) Path {
	p := Path{}
	for _, s := range steps {
		p = p.Step(s)
	}
	return p
}

// Step returns the path one step beneath p.
func (p Path) Step(s Step) Path {
	depth := 1
	if p.last != nil {
		depth = p.last.depth + 1
	}
	return Path{&node{parent: p.last, step: s, depth: depth}}
}

// Child returns the path of the value of key name in the mapping at p.
func (p Path) Child(name string) Path { return p.Step(Step{Kind: Field, Name: name}) }

// Index returns the path of the i-th element (from 0) of the list at p,
// named by its position.
func (p Path) Index(i int) Path { return p.Step(Step{Kind: Elem, Index: i}) }

// Key returns the path of the element of the list at p whose id is id.
// An id that [Usable] rejects cannot name an element; use Index.
func (p Path) Key(id string) Path { return p.Step(Step{Kind: Elem, Index: -1, ID: id}) }

// Elem returns the path of the i-th element of the list at p, named by id
// when id is not empty (as [Names] gives it) and by i otherwise.
func (p Path) Elem(i int, id string) Path { return p.Step(Step{Kind: Elem, Index: i, ID: id}) }

// IsRoot reports whether p is the document itself.
func (p Path) IsRoot() bool { return p.last == nil }

// Len returns the number of steps in p.
func (p Path) Len() int {
	if p.last == nil {
		return 0
	}
	return p.last.depth
}

// Parent returns p without its last step; the root's parent is the root.
func (p Path) Parent() Path {
	if p.last == nil {
		return p
	}
	return Path{p.last.parent}
}

// Last returns the last step of p; false for the root.
func (p Path) Last() (Step, bool) {
	if p.last == nil {
		return Step{}, false
	}
	return p.last.step, true
}

// Steps returns the steps of p from the document down.
func (p Path) Steps() []Step {
	steps := make([]Step, p.Len())
	for n, i := p.last, p.Len()-1; n != nil; n, i = n.parent, i-1 {
		steps[i] = n.step
	}
	return steps
}

// String renders p as diagnostics show it: field names joined by dots,
// elements in brackets. The root is the empty string.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p.Steps() {
		if i == 0 && s.Kind == Field {
			b.WriteString(s.Name)
			continue
		}
		b.WriteString(s.String())
	}
	return b.String()
}

// MarshalText renders p as String does, for JSON output.
func (p Path) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Equal reports whether p and q name the same place. An element named by
// id is the same whatever index was recorded with it.
func (p Path) Equal(q Path) bool {
	if p.Len() != q.Len() {
		return false
	}
	for a, b := p.last, q.last; a != nil; a, b = a.parent, b.parent {
		if a == b {
			return true // a shared parent: the rest is the same
		}
		if !sameStep(a.step, b.step) {
			return false
		}
	}
	return true
}

// HasPrefix reports whether p is q or lies beneath it.
func (p Path) HasPrefix(q Path) bool {
	for p.Len() > q.Len() {
		p = p.Parent()
	}
	return p.Equal(q)
}

func sameStep(a, b Step) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == Field {
		return a.Name == b.Name
	}
	if a.ID != "" || b.ID != "" {
		return a.ID == b.ID
	}
	return a.Index == b.Index
}

// Usable reports whether an id can name a list element in a path without
// being misread: not empty, not digits alone (an index), no brackets.
func Usable(id string) bool {
	if id == "" || strings.ContainsAny(id, "[]") {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return true
		}
	}
	return false
}

// Names returns the id that names each element of a list whose elements
// have the given ids ("" for an element without one): the id itself when
// it is usable and no earlier element has it, and "" (name it by its
// index) otherwise.
func Names(ids []string) []string {
	names := make([]string, len(ids))
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if Usable(id) && !seen[id] {
			seen[id] = true
			names[i] = id
		}
	}
	return names
}

// Parse reads a path as String writes it, for paths that arrive as text
// (a change read back from JSON, a path given on a command line). An
// element in brackets is an index when it is all digits and an id
// otherwise.
func Parse(s string) (Path, error) {
	p := Path{}
	for i := 0; i < len(s); {
		switch s[i] {
		case '[':
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return Path{}, fmt.Errorf("path %q: %q is never closed", s, "[")
			}
			key := s[i+1 : i+end]
			if n, err := strconv.Atoi(key); err == nil && n >= 0 && strconv.Itoa(n) == key {
				p = p.Index(n)
			} else if Usable(key) {
				p = p.Key(key)
			} else {
				return Path{}, fmt.Errorf("path %q: %q names no element", s, key)
			}
			i += end + 1
		case '.':
			if i == 0 || i == len(s)-1 {
				return Path{}, fmt.Errorf("path %q: a dot must stand between two steps", s)
			}
			i++
			fallthrough
		default:
			end := strings.IndexAny(s[i:], ".[")
			if end < 0 {
				end = len(s) - i
			}
			if end == 0 {
				return Path{}, fmt.Errorf("path %q: an empty field name", s)
			}
			p = p.Child(s[i : i+end])
			i += end
		}
	}
	return p, nil
}

// UnmarshalText reads a path as Parse does.
func (p *Path) UnmarshalText(text []byte) error {
	q, err := Parse(string(text))
	if err != nil {
		return err
	}
	*p = q
	return nil
}
