package tables

import (
	"fmt"

	"github.com/entente-go/entente/agreement"
)

// Explanation is what one cell of a table rests on: for a party (and,
// for a dyad, the party it owes) in a year, the commitments behind each
// obligation, the spells that year of each party with the reports and
// sources that began them, and the spells of the obligations between the
// two.
type Explanation struct {
	Agreement string `json:"agreement"`
	Party     string `json:"party"`
	Towards   string `json:"towards,omitempty"` // "" for a member's cell
	Year      int    `json:"year"`
	// Commitments are the binding commitments behind the obligations
	// Party owes (Towards), by obligation.
	Commitments []Commitment `json:"commitments"`
	// Spells are the spells of Party (and Towards) that touch the year.
	Spells []SpellInYear `json:"spells"`
	// Pair are the spells of the obligations between the two that touch
	// the year; none for a member's cell.
	Pair []agreement.PairSpell `json:"pair,omitempty"`
}

// Commitment is a commitment behind an obligation, with its clause.
type Commitment struct {
	Obligation string               `json:"obligation"` // defence, offence, neutrality, non_aggression, consultation
	Clause     string               `json:"clause"`
	Heading    string               `json:"heading,omitempty"`
	Commitment agreement.Commitment `json:"commitment"`
}

// SpellInYear is a party's spell that touches the year, as the life
// gives it: its state, first day, basis, the events that began it (with
// their sources) and the reports of them not taken.
type SpellInYear struct {
	Party string          `json:"party"`
	Spell agreement.Spell `json:"spell"`
	Until agreement.Date  `json:"until,omitzero"` // its last day; zero while it runs on
	// Events are the events that began it: its own, or, for a spell that
	// follows from the agreement's life, the agreement's entry into force
	// or end.
	Events []agreement.Event `json:"events,omitempty"`
}

// Explain says what the cells of a party's row (and, with towards, the
// dyad's) in a year rest on.
func Explain(a *agreement.Agreement, party, towards string, year int) (Explanation, error) {
	ex := Explanation{Agreement: a.ID, Party: party, Towards: towards, Year: year}
	known := func(id string) bool {
		_, ok := a.Party(id)
		return ok
	}
	if !known(party) {
		return ex, fmt.Errorf("%s has no party %q", a.ID, party)
	}
	if towards != "" && (!known(towards) || towards == party) {
		return ex, fmt.Errorf("%s has no other party %q", a.ID, towards)
	}
	var walk func(cs []agreement.Clause)
	walk = func(cs []agreement.Clause) {
		for _, c := range cs {
			for _, cm := range c.Commitments {
				if !cm.Modality.Binding() {
					continue
				}
				flag := cm.Kind.ProfileFlag()
				if flag == "" {
					continue
				}
				one := owedOne(cm, party, towards)
				if one {
					ex.Commitments = append(ex.Commitments, Commitment{Obligation: obligationName(flag), Clause: c.ID, Heading: c.Heading, Commitment: cm})
				}
			}
			walk(c.Clauses)
		}
	}
	walk(a.Clauses)
	first, last := agreement.Date{Year: year, Month: 1, Day: 1}, agreement.Date{Year: year, Month: 12, Day: 31}
	own := ownEvents(a, Years{From: year, To: year})
	for _, id := range []string{party, towards} {
		if id == "" {
			continue
		}
		spells := a.Life().Spells(id)
		for i, sp := range spells {
			var until agreement.Date
			if i+1 < len(spells) {
				until = spells[i+1].From.AddDays(-1)
			}
			if sp.From.Compare(last) > 0 || (!until.IsZero() && until.Compare(first) < 0) {
				continue
			}
			ex.Spells = append(ex.Spells, SpellInYear{Party: id, Spell: sp, Until: until, Events: own(sp)})
		}
	}
	if towards != "" {
		pair := a.Life().PairSpells(party, towards)
		for i, ps := range pair {
			if ps.From.Compare(last) > 0 || (i+1 < len(pair) && pair[i+1].From.AddDays(-1).Compare(first) < 0) {
				continue
			}
			ex.Pair = append(ex.Pair, ps)
		}
	}
	return ex, nil
}

// owedOne reports whether a commitment binds from toward to (or toward
// any other, when to is ""), as ObligationsOf counts it.
func owedOne(cm agreement.Commitment, from, to string) bool {
	byOK := cm.By == from || cm.By == "each" || cm.By == "all" || cm.By == ""
	toOK := to == "" || cm.Towards == "" || cm.Towards == to
	return byOK && toOK && cm.Towards != from
}

func obligationName(f agreement.ProfileFlag) string {
	if f == agreement.FlagNonAggression {
		return "non_aggression"
	}
	return string(f)
}
