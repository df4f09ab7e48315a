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
	c.clauseLists(func(cs []Clause, at clauseAt) {
		var numeric []int
		for i := range cs {
			if n, err := strconv.Atoi(cs[i].Num); err == nil {
				numeric = append(numeric, n)
			}
		}
		slices.Sort(numeric)
		numeric = slices.Compact(numeric)
		for i := 1; i < len(numeric); i++ {
			if numeric[i] != numeric[i-1]+1 {
				c.report(at.path(), fmt.Sprintf("clause numbers jump from %d to %d", numeric[i-1], numeric[i]),
					"add the missing clauses, or mark the document excerpt: true")
				return
			}
		}
	})
}
