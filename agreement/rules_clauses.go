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

var clauseRules = []ruleDoc{
	{rule: RuleClauseNumber, doc: "Two sibling clauses with the same number."},
	{rule: RuleClauseGap, doc: "A gap in the numbering of sibling clauses in a document not marked excerpt (warning).", warning: true},
}

// numbering checks the numbers of sibling clauses, at every depth.
func (c *checker) numbering() { c.clauseLists(c.numbers) }

func (c *checker) numbers(cs []Clause, at clauseAt) {
	nums := make(map[string]int, len(cs)) // num -> index of the first clause with it
	var numeric []int
	for i := range cs {
		cl := &cs[i]
		if cl.Num != "" {
			if first, dup := nums[cl.Num]; dup {
				c.report(SeverityError, RuleClauseNumber, at.elem(cs, i).Child("num"), fmt.Sprintf("number %q is also given to %s", cl.Num, at.elem(cs, first)), "number each clause once")
			} else {
				nums[cl.Num] = i
				if n, err := strconv.Atoi(cl.Num); err == nil {
					numeric = append(numeric, n)
				}
			}
		}
	}
	if c.a.Excerpt || len(numeric) < 2 {
		return
	}
	slices.Sort(numeric)
	for i := 1; i < len(numeric); i++ {
		if numeric[i] != numeric[i-1]+1 {
			c.report(SeverityWarning, RuleClauseGap, at.path(), fmt.Sprintf("clause numbers jump from %d to %d", numeric[i-1], numeric[i]),
				"add the missing clauses, or mark the document excerpt: true")
			return
		}
	}
}
