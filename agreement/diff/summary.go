package diff

import (
	"slices"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
)

// Summary is what a reader wants to know first about a change set, as
// data; WriteText and WriteMarkdown put it in words.
type Summary struct {
	Highest        Impact         `json:"highest"`                 // the greatest impact of any change
	Counts         map[Impact]int `json:"counts"`                  // the changes by impact; a list removed with its elements counts once for each element
	PartiesAdded   []string       `json:"parties_added,omitempty"` // party ids
	PartiesRemoved []string       `json:"parties_removed,omitempty"`
	TermChanged    bool           `json:"term_changed,omitempty"`
	// Dates are the changes to the dates that decide whether the
	// agreement is in force.
	Dates              []DateChange     `json:"dates,omitempty"`
	Strengthened       []ModalityChange `json:"strengthened,omitempty"`
	Weakened           []ModalityChange `json:"weakened,omitempty"`
	CommitmentsAdded   int              `json:"commitments_added,omitempty"`
	CommitmentsRemoved int              `json:"commitments_removed,omitempty"`
	// Profile lists the flags of the security profile that differ.
	Profile []FlagChange `json:"profile,omitempty"`
}

// DateChange is a date that decides the agreement's status, before and
// after; a zero date is none.
type DateChange struct {
	Date string         `json:"date"` // "signature", "entry-into-force" or "initial-term-end"
	Old  agreement.Date `json:"old,omitzero"`
	New  agreement.Date `json:"new,omitzero"`
}

// ModalityChange is a commitment whose modality changed.
type ModalityChange struct {
	Path docpath.Path       `json:"path"`
	Old  agreement.Modality `json:"old"`
	New  agreement.Modality `json:"new"`
}

// FlagChange is a flag of the security profile that changed.
type FlagChange struct {
	Flag string `json:"flag"` // "military-alliance", "defence", "offence" ...
	Old  bool   `json:"old"`
	New  bool   `json:"new"`
}

var impactRank = map[Impact]int{ImpactNone: 0, ImpactPatch: 1, ImpactMinor: 2, ImpactMajor: 3}

func summarize(old, new *agreement.Agreement, changes []Change) Summary {
	s := Summary{Highest: ImpactNone, Counts: map[Impact]int{}}
	closing := closings(changes)
	for i, c := range changes {
		if closing[i] {
			continue
		}
		s.Counts[c.Impact]++
		if impactRank[c.Impact] > impactRank[s.Highest] {
			s.Highest = c.Impact
		}
		p, _ := locate(c.Steps)
		top := p.key.in == typ[agreement.Agreement]()
		switch {
		case top && p.key.name == "parties" && p.elem && c.Op != OpMoved:
			id := c.Steps[len(c.Steps)-1].Key
			if c.Op == OpAdded {
				s.PartiesAdded = append(s.PartiesAdded, id)
			} else if c.Op == OpRemoved {
				s.PartiesRemoved = append(s.PartiesRemoved, id)
			}
		case p.section == "term" && c.Class == ClassTemporal:
			s.TermChanged = true
		case p.key.name == "commitments" && p.elem:
			switch c.Op {
			case OpAdded:
				s.CommitmentsAdded++
			case OpRemoved:
				s.CommitmentsRemoved++
			}
		case p.key.name == "clauses" && p.elem:
			switch c.Op {
			case OpAdded:
				s.CommitmentsAdded += countCommitments(c.New)
			case OpRemoved:
				s.CommitmentsRemoved += countCommitments(c.Old)
			}
		case p.key.name == "modality" && c.Op == OpModified:
			o, _ := c.Old.(string)
			n, _ := c.New.(string)
			mc := ModalityChange{Path: c.Path, Old: agreement.Modality(o), New: agreement.Modality(n)}
			switch compareModalities(mc.Old, mc.New) {
			case stronger:
				s.Strengthened = append(s.Strengthened, mc)
			case weaker:
				s.Weakened = append(s.Weakened, mc)
			}
		}
	}
	s.Dates = datesChanged(old, new)
	s.Profile = profileChanges(old.SecurityProfile(), new.SecurityProfile())
	return s
}

// datesChanged compares the dates that decide the agreement's status:
// signature, entry into force, and the end of the initial term.
func datesChanged(old, new *agreement.Agreement) []DateChange {
	var out []DateChange
	cmpDate := func(what string, a, b agreement.Date) {
		if a != b {
			out = append(out, DateChange{Date: what, Old: a, New: b})
		}
	}
	os, _ := old.Timeline.Preferred(agreement.EventSigned)
	ns, _ := new.Timeline.Preferred(agreement.EventSigned)
	cmpDate("signature", os.Date, ns.Date)
	oe, _ := old.EntryIntoForce()
	ne, _ := new.EntryIntoForce()
	cmpDate("entry-into-force", oe.Date, ne.Date)
	osch, _ := old.Schedule(agreement.Date{})
	nsch, _ := new.Schedule(agreement.Date{})
	var oEnd, nEnd agreement.Date
	if len(osch.Periods) > 0 {
		oEnd = osch.Periods[0].End
	}
	if len(nsch.Periods) > 0 {
		nEnd = nsch.Periods[0].End
	}
	cmpDate("initial-term-end", oEnd, nEnd)
	return out
}

func profileChanges(o, n agreement.Profile) []FlagChange {
	var out []FlagChange
	for _, f := range []FlagChange{
		{"military-alliance", o.MilitaryAlliance, n.MilitaryAlliance},
		{"defence", o.Defence.Present, n.Defence.Present},
		{"offence", o.Offence.Present, n.Offence.Present},
		{"neutrality", o.Neutrality.Present, n.Neutrality.Present},
		{"non-aggression", o.NonAggression.Present, n.NonAggression.Present},
		{"crisis-consultation", o.ConsultationCrisis.Present, n.ConsultationCrisis.Present},
		{"general-consultation", o.ConsultationGeneral.Present, n.ConsultationGeneral.Present},
	} {
		if f.Old != f.New {
			out = append(out, f)
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

// direction says how a modality changed.
type direction int

const (
	same direction = iota
	stronger
	weaker
	reversed // shall ↔ shall-not
)

// strength orders modalities from weakest to strongest. shall and
// shall-not are equally strong, in opposite directions.
var strength = map[agreement.Modality]int{agreement.ModalityDeclare: 0, agreement.ModalityReaffirm: 0, agreement.ModalityMay: 1,
	agreement.ModalityWillStrive: 2, agreement.ModalityShall: 3, agreement.ModalityShallNot: 3}

func compareModalities(o, n agreement.Modality) direction {
	switch {
	case slices.Contains([]agreement.Modality{o, n}, agreement.ModalityShall) && slices.Contains([]agreement.Modality{o, n}, agreement.ModalityShallNot) && o != n:
		return reversed
	case strength[n] > strength[o]:
		return stronger
	case strength[n] < strength[o]:
		return weaker
	}
	return same
}
