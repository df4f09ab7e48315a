package agreement

import (
	"fmt"
)

// The rule of ids.
const (
	RuleIDDuplicate Rule = "id.duplicate" // a party, clause or source id used twice
)

var idRules = []ruleDoc{
	{rule: RuleIDDuplicate, doc: "A party, clause (at any depth) or source id used twice in one document."},
}

// ids checks that party, clause and source ids are unique (clause ids
// across every depth, since references name clauses by id alone), and
// records them for the reference checks.
func (c *checker) ids() {
	paths := elems(root.Child("parties"), c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		c.unique(c.partyIDs, p.ID, paths, i, "party")
	}
	paths = elems(root.Child("sources"), c.a.Sources, sourceID)
	for i, s := range c.a.Sources {
		c.unique(c.sourceIDs, s.ID, paths, i, "source")
	}
	c.clauseLists(func(cs []Clause, at clauseAt) {
		for i := range cs {
			if id := cs[i].ID; id != "" {
				if c.clauseIDs[id] {
					c.report(SeverityError, RuleIDDuplicate, at.elem(cs, i).Child("id"), fmt.Sprintf("clause id %q is used twice", id), "ids must be unique")
				}
				c.clauseIDs[id] = true
			}
		}
	})
}

// unique records id, the id of the i-th element at paths, in seen, and
// reports it if it is there already.
func (c *checker) unique(seen map[string]bool, id string, paths *elemPaths, i int, what string) {
	if id == "" {
		return
	}
	if seen[id] {
		c.report(SeverityError, RuleIDDuplicate, paths.path(i).Child("id"), fmt.Sprintf("%s id %q is used twice", what, id), "ids must be unique")
		return
	}
	seen[id] = true
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
