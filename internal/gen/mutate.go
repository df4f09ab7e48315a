package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

// Copy returns a deep copy of a.
func Copy(a *agreement.Agreement) *agreement.Agreement { return a.Clone() }

// Mutate returns a copy of a with n random edits of the kinds a new
// version of an agreement brings: reworded text, a changed modality, a
// clause inserted, removed, moved or renumbered, a date moved, a party or
// signatory added or removed, the term changed, a topic added.
func Mutate(r *rand.Rand, a *agreement.Agreement, n int) *agreement.Agreement {
	b := Copy(a)
	for range n {
		mutate(r, b)
	}
	return b
}

var fresh int

func mutate(r *rand.Rand, a *agreement.Agreement) {
	all := allClauses(a)
	switch r.IntN(10) {
	case 0:
		if len(all) > 0 {
			c := all[r.IntN(len(all))]
			c.Summary += " " + pick(r, words)
		}
	case 1:
		for _, c := range all {
			if len(c.Commitments) > 0 {
				cm := &c.Commitments[r.IntN(len(c.Commitments))]
				cm.Modality = pick(r, agreement.Modality("").Values())
				return
			}
		}
	case 2:
		fresh++
		id := fmt.Sprintf("new-%d-%d", fresh, r.IntN(1_000_000))
		i := r.IntN(len(a.Clauses) + 1)
		a.Clauses = slices.Insert(a.Clauses, i, agreement.Clause{ID: id, Num: id, Summary: "A new clause."})
	case 3:
		if len(a.Clauses) > 0 {
			i := r.IntN(len(a.Clauses))
			a.Clauses = slices.Delete(a.Clauses, i, i+1)
		}
	case 4:
		if len(a.Clauses) > 1 {
			i, j := r.IntN(len(a.Clauses)), r.IntN(len(a.Clauses))
			a.Clauses[i], a.Clauses[j] = a.Clauses[j], a.Clauses[i]
		}
	case 5:
		if len(all) > 0 {
			c := all[r.IntN(len(all))]
			c.Num += "bis"
		}
	case 6:
		if len(a.Timeline) > 0 {
			e := &a.Timeline[r.IntN(len(a.Timeline))]
			e.Date = agreement.Date{Year: 1990 + r.IntN(50), Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
		}
	case 7:
		if len(a.Parties) > 1 && r.IntN(2) == 0 {
			a.Parties = a.Parties[:len(a.Parties)-1]
		} else {
			fresh++
			a.Parties = append(a.Parties, agreement.Party{ID: fmt.Sprintf("q%d", fresh), Kind: parties.KindState, Country: "CN"})
		}
	case 8:
		if a.Term == nil {
			a.Term = &agreement.Term{}
		}
		a.Term.Duration = agreement.Duration{Years: 1 + r.IntN(30)}
	case 9:
		if len(all) > 0 {
			c := all[r.IntN(len(all))]
			c.Topics = append(c.Topics, pick(r, []string{"energy.nuclear", "trade.services", "culture"}))
		}
	}
}

func allClauses(a *agreement.Agreement) []*agreement.Clause {
	var out []*agreement.Clause
	var walk func([]agreement.Clause)
	walk = func(cs []agreement.Clause) {
		for i := range cs {
			out = append(out, &cs[i])
			walk(cs[i].Clauses)
		}
	}
	walk(a.Clauses)
	return out
}
