package agreement

import (
	"fmt"
	"slices"
	"strconv"
)

// The rules of clause numbering.
const (
	RuleClauseNumber Rule = "clause.number" // two sibling clauses with one number
	RuleClauseGap    Rule = "clause.gap"    // a gap in clause numbering in a full text
)

var clauseRules = []ruleDef{
	{rule: RuleClauseNumber, doc: "Two sibling clauses with the same number.", check: (*checker).clauseNumbers},
	{rule: RuleClauseGap, doc: "A gap in the numbering of sibling clauses in a document not marked excerpt (warning).", warning: true, check: (*checker).clauseGaps},
}

// clauseNumbers checks that sibling clauses, at every depth, have a
// number each.
func (c *checker) clauseNumbers() {
	c.clauseLists(func(cs []Clause, at clauseAt) {
		first := make(map[string]int, len(cs)) // num -> index of the first clause with it
		for i := range cs {
			num := cs[i].Num
			if num == "" {
				continue
			}
			if f, dup := first[num]; dup {
				c.report(at.elem(cs, i).Child("num"), fmt.Sprintf("number %q is also given to %s", num, at.elem(cs, f)), "number each clause once")
				continue
			}
			first[num] = i
		}
	})
}

// clauseGaps checks that the numbers of sibling clauses, at every depth,
// run without a gap, unless the document is an excerpt.
func (c *checker) clauseGaps() {
	if c.a.Excerpt {
		return
	}
	type numbered struct{ n, at int } // a clause's number and its place in the list
	c.clauseLists(func(cs []Clause, at clauseAt) {
		var numeric []numbered
		for i := range cs {
			if n, err := strconv.Atoi(cs[i].Num); err == nil {
				numeric = append(numeric, numbered{n, i})
			}
		}
		slices.SortStableFunc(numeric, func(x, y numbered) int { return x.n - y.n })
		numeric = slices.CompactFunc(numeric, func(x, y numbered) bool { return x.n == y.n })
		for i := 1; i < len(numeric); i++ {
			if prev, next := numeric[i-1], numeric[i]; next.n != prev.n+1 {
				// At the number after the gap: the clauses missing come
				// before it.
				c.report(at.elem(cs, next.at).Child("num"), fmt.Sprintf("clause numbers jump from %d to %d", prev.n, next.n),
					"add the missing clauses, or mark the document excerpt: true")
				return
			}
		}
	})
}
