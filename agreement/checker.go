package agreement

import (
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/topics"
)

// checker runs the semantic rules: what the schema cannot say, such as
// whether a reference resolves or the timeline is in order. Each rule's
// check is part of its catalogue value (ruleDef.check), beside its id and
// doc line in the file of its area (rules_ids.go, rules_refs.go ...).
type checker struct {
	doc    *Document
	a      *Agreement
	topics *topics.Taxonomy
	blanks bool // whether the tree may hold blank values (the reader did not rule it out)

	rule ruleDef // the rule whose check is running: what report reports

	partyIDs  map[string]bool
	clauseIDs map[string]bool
	sourceIDs map[string]bool
	twice     []duplicateID // ids given a second time, found as the ids are gathered
	// sorted are the ids of each kind, sorted, once a hint needs them.
	sorted map[string][]string
	// unresolved are the uses that name nothing (walked once, for the
	// four rules of references), and disputes the events whose reports
	// disagree on the date (for the two rules of conflicting reports).
	unresolved *[]Ref
	disputes   *[]Occurrence

	reported map[string]bool // paths (as written) with a diagnostic already
	brokenAt map[string]bool // the same, with every prefix of each path
	// kept counts the findings of each rule kept: past MaxDiagnostics a
	// rule's findings are only counted (Document.notKept), so that a file
	// of a million faults costs the memory of a thousand.
	kept map[Rule]int

	tree *codec.Tree // where findings are looked up
}

// checkSemantics runs the semantic rules on the decoded agreement and its
// tree, each rule's check in the catalogue's order. blanks says whether
// the tree may hold blank strings or empty collections; when the reader
// knows it holds none, the walk that looks for them is skipped.
func (d *Document) checkSemantics(tree *codec.Tree, tax *topics.Taxonomy, blanks bool) {
	c := &checker{doc: d, a: d.Agreement, topics: tax, tree: tree, blanks: blanks,
		partyIDs: map[string]bool{}, clauseIDs: make(map[string]bool, countClauses(d.Agreement.Clauses)), sourceIDs: map[string]bool{},
		reported: map[string]bool{}, brokenAt: map[string]bool{}, kept: map[Rule]int{}}
	for _, diag := range d.Diagnostics {
		c.reported[diag.Path.String()] = true
		for p := diag.Path; !p.IsRoot(); p = p.Parent() {
			c.brokenAt[p.String()] = true
		}
	}
	c.gatherIDs()
	for _, area := range catalogue {
		for _, r := range area {
			if r.check != nil {
				c.rule = r
				r.check(c)
			}
		}
	}
}

// report adds a finding of the running rule, with the rule's severity
// (an error, for a rule whose findings may be either), at the value of
// path or at the nearest enclosing value that has a position.
func (c *checker) report(path docpath.Path, msg, hint string) {
	sev := SeverityError
	if c.rule.warning {
		sev = SeverityWarning
	}
	c.add(sev, path, msg, hint)
}

// warn adds a warning of the running rule, one whose findings are errors
// in some cases and warnings in others (ruleDef.mixed);
// TestSeveritiesHeldToTheCatalogue holds every finding to its rule.
func (c *checker) warn(path docpath.Path, msg, hint string) {
	c.add(SeverityWarning, path, msg, hint)
}

func (c *checker) add(sev Severity, path docpath.Path, msg, hint string) {
	d := c.doc
	written := path.String()
	if c.reported[written] {
		return // the same fault, already reported by the loader or the schema
	}
	if c.kept[c.rule.rule] >= MaxDiagnostics {
		// More than a report shows: the findings of a rule come in the
		// order of the document, so the first ones by place are kept.
		d.notKept++
		return
	}
	c.kept[c.rule.rule]++
	c.reported[written] = true
	diag := Diagnostic{File: d.Name, Position: Position{1, 1}, Path: path, Rule: c.rule.rule, Severity: sev, Message: msg, Hint: hint}
	for p := path; ; p = p.Parent() {
		if span, ok := spanOf(c.tree.Find(p)); ok {
			diag.Position = span.Value
			break
		}
		if p.IsRoot() {
			break
		}
	}
	d.Diagnostics = append(d.Diagnostics, diag)
}

// broken reports whether the loader or the schema already found a
// problem at or under the field of the document named field; rules that
// would only repeat it skip it.
func (c *checker) broken(field string) bool { return c.brokenAt[field] }

// root is the path of the document, which every path starts from.
var root = docpath.Root()

// elemPaths names the elements of a list at base as the decoder names
// them, when asked: most checks find nothing and never ask, so the names
// are worked out only for a list with something to report.
type elemPaths struct {
	base  docpath.Path
	ids   func(i int) string // the i-th element's id
	n     int
	names []string
}

func (e *elemPaths) path(i int) docpath.Path {
	if e.names == nil {
		ids := make([]string, e.n)
		for k := range ids {
			ids[k] = e.ids(k)
		}
		e.names = docpath.Names(ids)
	}
	return e.base.Elem(i, e.names[i])
}

// elems returns the paths of the elements of a list at base.
func elems[T any](base docpath.Path, list []T, id func(T) string) *elemPaths {
	return &elemPaths{base: base, n: len(list), ids: func(i int) string { return id(list[i]) }}
}

func partyID(p Party) string   { return p.ID }
func sourceID(s Source) string { return s.ID }

// clauseAt is where a clause list sits: the clauses above it, from the
// top, each with the list it is in. A walk keeps one and builds a path
// from it only to report, so a clean document costs no path at all.
type clauseAt []clauseFrame

type clauseFrame struct {
	list []Clause
	i    int
}

// path returns the path of the list's parent clause's "clauses" (or the
// document's, at the top).
func (at clauseAt) path() docpath.Path {
	p := root.Child("clauses")
	for _, f := range at {
		p = elemPath(p, f.list, f.i).Child("clauses")
	}
	return p
}

// elem returns the path of the i-th clause of cs, the list at at.
func (at clauseAt) elem(cs []Clause, i int) docpath.Path { return elemPath(at.path(), cs, i) }

func elemPath(list docpath.Path, cs []Clause, i int) docpath.Path {
	ids := make([]string, len(cs))
	for k := range cs {
		ids[k] = cs[k].ID
	}
	return list.Elem(i, docpath.Names(ids)[i])
}

// clauseLists calls fn for every list of clauses, the document's first
// and then those nested in each clause, depth first.
func (c *checker) clauseLists(fn func(cs []Clause, at clauseAt)) {
	var walk func(cs []Clause, at clauseAt)
	walk = func(cs []Clause, at clauseAt) {
		fn(cs, at)
		for i := range cs {
			if len(cs[i].Clauses) > 0 {
				walk(cs[i].Clauses, append(at, clauseFrame{cs, i}))
			}
		}
	}
	walk(c.a.Clauses, make(clauseAt, 0, 8))
}
