package agreement

import (
	"fmt"
	"slices"

	"github.com/entente-go/entente/docpath"
)

// The rule of ids.
const (
	RuleIDDuplicate Rule = "id.duplicate" // a party, clause, source or event id used twice
)

var idRules = []ruleDef{
	{rule: RuleIDDuplicate, doc: "A party, clause (at any depth), source or event id used twice in one document.", check: (*checker).duplicateIDs},
}

// duplicateID is an id given a second time: what it names and where.
type duplicateID struct {
	what, id string
	path     func() docpath.Path
}

// gatherIDs records the party, clause and source ids, which the rules of
// references check uses against (clause ids across every depth, since
// references name clauses by id alone), and notes each id given twice.
func (c *checker) gatherIDs() {
	paths := elems(root.Child("parties"), c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		if again(c.partyIDs, p.ID) {
			c.twice = append(c.twice, duplicateID{"party", p.ID, func() docpath.Path { return paths.path(i) }})
		}
	}
	sources := elems(root.Child("sources"), c.a.Sources, sourceID)
	for i, s := range c.a.Sources {
		if again(c.sourceIDs, s.ID) {
			c.twice = append(c.twice, duplicateID{"source", s.ID, func() docpath.Path { return sources.path(i) }})
		}
	}
	c.clauseLists(func(cs []Clause, at clauseAt) {
		for i := range cs {
			if again(c.clauseIDs, cs[i].ID) {
				at := slices.Clone(at) // the walk reuses the frames' array
				c.twice = append(c.twice, duplicateID{"clause", cs[i].ID, func() docpath.Path { return at.elem(cs, i) }})
			}
		}
	})
}

// again records id in seen and reports whether it was there already.
func again(seen map[string]bool, id string) bool {
	if id == "" {
		return false
	}
	if seen[id] {
		return true
	}
	seen[id] = true
	return false
}

// duplicateIDs reports the party, clause and source ids given twice, and
// the events' ids.
func (c *checker) duplicateIDs() {
	for _, d := range c.twice {
		c.report(d.path().Child("id"), fmt.Sprintf("%s id %q is used twice", d.what, d.id), "ids must be unique")
	}
	seen := map[string]bool{}
	for i, e := range c.a.Timeline {
		if e.ID == "" {
			continue
		}
		if seen[e.ID] {
			c.report(root.Child("timeline").Index(i).Child("id"), fmt.Sprintf("event id %q is used twice", e.ID), "ids must be unique")
			continue
		}
		seen[e.ID] = true
	}
}

// countClauses counts the clauses of a list and those nested in them, to
// size the set of their ids once.
func countClauses(cs []Clause) int {
	n := len(cs)
	for i := range cs {
		n += countClauses(cs[i].Clauses)
	}
	return n
}
