package agreement

import (
	"fmt"
	"strings"
)

// Summary is what a reader wants to know first about a change set.
type Summary struct {
	Highest        Impact         `json:"highest"` // the greatest impact of any change
	Counts         map[Impact]int `json:"counts"`
	PartiesAdded   []string       `json:"parties_added,omitempty"`   // party ids
	PartiesRemoved []string       `json:"parties_removed,omitempty"` //
	TermChanged    bool           `json:"term_changed,omitempty"`
	// DatesChanged lists changes to the dates that decide whether the
	// agreement is in force, in words: "entry into force: 2025-07 → 2025-10-02".
	DatesChanged       []string `json:"dates_changed,omitempty"`
	Strengthened       []string `json:"strengthened,omitempty"` // commitments, by path, with the note
	Weakened           []string `json:"weakened,omitempty"`
	CommitmentsAdded   int      `json:"commitments_added,omitempty"`
	CommitmentsRemoved int      `json:"commitments_removed,omitempty"`
	// ProfileChanged says whether the security profile differs; Profile
	// lists how, flag by flag ("defence: no → yes").
	ProfileChanged bool     `json:"profile_changed,omitempty"`
	Profile        []string `json:"profile,omitempty"`
}

var impactRank = map[Impact]int{ImpactNone: 0, ImpactPatch: 1, ImpactMinor: 2, ImpactMajor: 3}

func summarize(old, new *Agreement, changes []Change) Summary {
	s := Summary{Highest: ImpactNone, Counts: map[Impact]int{}}
	for _, c := range changes {
		s.Counts[c.Impact]++
		if impactRank[c.Impact] > impactRank[s.Highest] {
			s.Highest = c.Impact
		}
		fields := fieldsOf(c.Steps)
		elem := len(c.Steps) > 0 && c.Steps[len(c.Steps)-1].isElem()
		switch {
		case len(fields) == 1 && fields[0] == "parties" && elem && c.Op != OpMoved:
			id := c.Steps[len(c.Steps)-1].Key
			if c.Op == OpAdded {
				s.PartiesAdded = append(s.PartiesAdded, id)
			} else if c.Op == OpRemoved {
				s.PartiesRemoved = append(s.PartiesRemoved, id)
			}
		case fields[0] == "term" && c.Class == ClassTemporal:
			s.TermChanged = true
		case fields[len(fields)-1] == "commitments" && elem:
			switch c.Op {
			case OpAdded:
				s.CommitmentsAdded++
			case OpRemoved:
				s.CommitmentsRemoved++
			}
		case fields[len(fields)-1] == "clauses" && elem:
			switch c.Op {
			case OpAdded:
				s.CommitmentsAdded += countCommitments(c.New)
			case OpRemoved:
				s.CommitmentsRemoved += countCommitments(c.Old)
			}
		case fields[len(fields)-1] == "modality" && c.Note != "":
			if strings.HasSuffix(c.Note, "strengthened") {
				s.Strengthened = append(s.Strengthened, c.Path.String()+": "+c.Note)
			} else if strings.HasSuffix(c.Note, "weakened") {
				s.Weakened = append(s.Weakened, c.Path.String()+": "+c.Note)
			}
		}
	}
	s.DatesChanged = datesChanged(old, new)
	s.Profile = profileChanges(old.SecurityProfile(), new.SecurityProfile())
	s.ProfileChanged = len(s.Profile) > 0
	return s
}

func fieldsOf(steps []Step) []string {
	var out []string
	for _, s := range steps {
		if !s.isElem() {
			out = append(out, s.Field)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// datesChanged compares the dates that decide the agreement's status:
// signature, entry into force, and the end of the initial term.
func datesChanged(old, new *Agreement) []string {
	var out []string
	cmpDate := func(what string, a, b Date) {
		if a != b {
			out = append(out, fmt.Sprintf("%s: %s → %s", what, orNone(a), orNone(b)))
		}
	}
	cmpDate("signature", old.Timeline.preferredDate(EventSigned), new.Timeline.preferredDate(EventSigned))
	oe, _ := old.EntryIntoForce()
	ne, _ := new.EntryIntoForce()
	cmpDate("entry into force", oe.Date, ne.Date)
	os, _ := old.Schedule(Date{})
	ns, _ := new.Schedule(Date{})
	var oEnd, nEnd Date
	if len(os.Periods) > 0 {
		oEnd = os.Periods[0].End
	}
	if len(ns.Periods) > 0 {
		nEnd = ns.Periods[0].End
	}
	cmpDate("end of the initial term", oEnd, nEnd)
	return out
}

func orNone(d Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.String()
}

func profileChanges(o, n Profile) []string {
	var out []string
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	for _, f := range []struct {
		name string
		a, b bool
	}{
		{"military alliance", o.MilitaryAlliance, n.MilitaryAlliance},
		{"defence", o.Defence.Present, n.Defence.Present},
		{"offence", o.Offence.Present, n.Offence.Present},
		{"neutrality", o.Neutrality.Present, n.Neutrality.Present},
		{"non-aggression", o.NonAggression.Present, n.NonAggression.Present},
		{"crisis consultation", o.ConsultationCrisis.Present, n.ConsultationCrisis.Present},
		{"general consultation", o.ConsultationGeneral.Present, n.ConsultationGeneral.Present},
	} {
		if f.a != f.b {
			out = append(out, fmt.Sprintf("%s: %s → %s", f.name, yes(f.a), yes(f.b)))
		}
	}
	return out
}

// countCommitments counts the commitments in a clause value (JSON-typed),
// at every depth.
func countCommitments(v any) int {
	m, ok := v.(map[string]any)
	if !ok {
		return 0
	}
	n := 0
	if cs, ok := m["commitments"].([]any); ok {
		n += len(cs)
	}
	if sub, ok := m["clauses"].([]any); ok {
		for _, s := range sub {
			n += countCommitments(s)
		}
	}
	return n
}
