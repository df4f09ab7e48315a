package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// Flag is one obligation of the security profile: whether the agreement
// has it and the clauses that ground it.
type Flag struct {
	Present bool
	Clauses []string // ids of the clauses whose commitments set the flag
	Labels  []string // the same clauses, for people: Article 3(3)
	// Scopes and Conditions are the limits the commitments put on the
	// obligation, as written: where it applies ("in the Pacific Area"),
	// and what it is subject to ("in accordance with its constitutional
	// processes").
	Scopes     []string
	Conditions []string
}

// limit records a commitment's scope and condition.
func (f *Flag) limit(cm Commitment) {
	if cm.Scope != "" && !slices.Contains(f.Scopes, cm.Scope) {
		f.Scopes = append(f.Scopes, cm.Scope)
	}
	if cm.Condition != "" && !slices.Contains(f.Conditions, cm.Condition) {
		f.Conditions = append(f.Conditions, cm.Condition)
	}
}

// add records a clause; clauses come in document order, so a clause with
// several commitments of one kind is the last one recorded.
func (f *Flag) add(c *Clause, label func() string) {
	f.Present = true
	if n := len(f.Clauses); n == 0 || f.Clauses[n-1] != c.ID {
		f.Clauses = append(f.Clauses, c.ID)
		f.Labels = append(f.Labels, label())
	}
}

// eachClause calls fn for every clause at every depth, in document order,
// with a function that makes its label: labels are made only when asked.
func eachClause(cs []Clause, parent func() string, fn func(c *Clause, label func() string)) {
	for i := range cs {
		c := &cs[i]
		var memo string
		label := func() string {
			if memo == "" {
				memo = clauseLabel(parent(), c)
			}
			return memo
		}
		fn(c, label)
		eachClause(c.Clauses, label, fn)
	}
}

// Profile is the security profile of an agreement, coded in the manner of
// the ATOP alliance data (Alliance Treaty Obligations and Provisions):
// which of the five kinds of security obligation it holds, the clauses
// that hold them, and a verdict on whether it is a military alliance.
//
// Commitments set the flags by their kind, when their modality binds
// (shall, shall-not or will-strive; may, reaffirm and declare do not):
//
//	mutual-defence                      → Defence
//	offence                             → Offence
//	neutrality, non-assistance          → Neutrality (staying out, not helping an aggressor)
//	non-use-of-territory                → Neutrality (not letting one's territory serve an attack)
//	non-aggression                      → NonAggression
//	consultation                        → Consultation; crisis-specific when it has a trigger
//	                                      (armed-attack, aggression-against-party,
//	                                      threat-of-aggression, security-threat,
//	                                      request-of-party), general when it has none
//
// Other kinds (cooperation, military-cooperation, information-exchange
// ...) set no flag: working together, even on defence, is not an
// obligation to fight or to stand aside.
//
// The verdict: a military alliance is an agreement whose parties must
// fight for each other or together — a defence or offence obligation.
// ATOP counts more as alliances (neutrality, non-aggression and
// consultation pacts too); Profile reports that broader reading as
// ATOPAlliance, so that both answers are there and the difference is
// visible.
type Profile struct {
	Defence       Flag
	Offence       Flag
	Neutrality    Flag
	NonAggression Flag
	Consultation  Flag
	// ConsultationCrisis and ConsultationGeneral split Consultation:
	// consultation tied to a crisis (a threat or an attack) or in general.
	ConsultationCrisis  Flag
	ConsultationGeneral Flag

	MilitaryAlliance bool // a defence or offence obligation
	ATOPAlliance     bool // any of the five obligations
	// Limited says that a defence or offence obligation applies only in a
	// place (a scope); Conditional, that it is subject to a condition, in
	// the manner of ATOP's limited and conditional obligations.
	Limited     bool
	Conditional bool
	// On is the day the profile was asked for (SecurityProfileOn), and
	// NotBinding the pairs of parties the obligations do not bind on that
	// day though both are parties: those whose obligations toward each
	// other are suspended. Both are empty for SecurityProfile.
	On         Date
	NotBinding []Pair
	Reasons    []string
}

// ProfileFlag names an obligation of the security profile, in the manner
// of the ATOP alliance data.
type ProfileFlag string

const (
	FlagDefence       ProfileFlag = "defence"        // assist a party attacked (Profile.Defence)
	FlagOffence       ProfileFlag = "offence"        // join a party in an attack (Profile.Offence)
	FlagNeutrality    ProfileFlag = "neutrality"     // stay out, or not help the attacker (Profile.Neutrality)
	FlagNonAggression ProfileFlag = "non-aggression" // not attack a party (Profile.NonAggression)
	FlagConsultation  ProfileFlag = "consultation"   // consult (Profile.Consultation, crisis-specific or general)
)

// MilitaryAlliance reports whether the obligation makes an agreement a
// military alliance: defence or offence.
func (f ProfileFlag) MilitaryAlliance() bool { return f == FlagDefence || f == FlagOffence }

// ProfileFlag returns the obligation of the security profile that a
// binding commitment of kind k sets, or "" for a kind that sets none.
func (k CommitmentKind) ProfileFlag() ProfileFlag {
	switch k {
	case CommitmentMutualDefence:
		return FlagDefence
	case CommitmentOffence:
		return FlagOffence
	case CommitmentNeutrality, CommitmentNonAssistance, CommitmentNonUseOfTerritory:
		return FlagNeutrality
	case CommitmentNonAggression:
		return FlagNonAggression
	case CommitmentConsultation:
		return FlagConsultation
	}
	return ""
}

// Binding reports whether a commitment of the modality obliges: shall,
// shall not, will strive. One that may, or only intends, does not; the
// security profile counts only those that oblige.
func (m Modality) Binding() bool {
	return m == ModalityShall || m == ModalityShallNot || m == ModalityWillStrive
}

// SecurityProfile codes the agreement's security obligations.
func (a *Agreement) SecurityProfile() Profile {
	var p Profile
	var military []string // clauses of military cooperation, for the reasons
	eachClause(a.Clauses, func() string { return "" }, func(c *Clause, label func() string) {
		for _, cm := range c.Commitments {
			if !cm.Modality.Binding() {
				continue
			}
			switch cm.Kind.ProfileFlag() {
			case FlagDefence:
				p.Defence.add(c, label)
				p.Defence.limit(cm)
			case FlagOffence:
				p.Offence.add(c, label)
				p.Offence.limit(cm)
			case FlagNeutrality:
				p.Neutrality.add(c, label)
			case FlagNonAggression:
				p.NonAggression.add(c, label)
			case FlagConsultation:
				p.Consultation.add(c, label)
				if cm.Trigger != "" || len(cm.Triggers) > 0 {
					p.ConsultationCrisis.add(c, label)
				} else {
					p.ConsultationGeneral.add(c, label)
				}
			}
			if cm.Kind == CommitmentMilitaryCooperation {
				if n := len(military); n == 0 || military[n-1] != label() {
					military = append(military, label())
				}
			}
		}
	})
	p.MilitaryAlliance = p.Defence.Present || p.Offence.Present
	p.Limited = len(p.Defence.Scopes)+len(p.Offence.Scopes) > 0
	p.Conditional = len(p.Defence.Conditions)+len(p.Offence.Conditions) > 0
	p.ATOPAlliance = p.MilitaryAlliance || p.Neutrality.Present || p.NonAggression.Present || p.Consultation.Present
	p.Reasons = p.reasons(military)
	return p
}

func (p Profile) reasons(military []string) []string {
	var r []string
	if p.Defence.Present {
		r = append(r, fmt.Sprintf("%s the parties to assist one another militarily if one is attacked: a mutual-defence obligation.", verb(p.Defence.Labels, "binds", "bind")))
	}
	if p.Offence.Present {
		r = append(r, fmt.Sprintf("%s the parties to act together militarily: an offence obligation.", verb(p.Offence.Labels, "binds", "bind")))
	}
	for _, f := range []Flag{p.Defence, p.Offence} {
		if len(f.Scopes) > 0 {
			r = append(r, fmt.Sprintf("The obligation is limited in place: %s.", strings.Join(f.Scopes, "; ")))
		}
		if len(f.Conditions) > 0 {
			r = append(r, fmt.Sprintf("The obligation is conditional: %s.", strings.Join(f.Conditions, "; ")))
		}
	}
	if !p.MilitaryAlliance {
		r = append(r, "No clause binds a party to defend the other if it is attacked, or to join it in an attack.")
	}
	if p.Neutrality.Present {
		r = append(r, fmt.Sprintf("%s each party to stay out of an attack on the other: not to help the aggressor or let its territory be used (a neutrality obligation, not a promise of help).", verb(p.Neutrality.Labels, "binds", "bind")))
	}
	if p.NonAggression.Present {
		r = append(r, fmt.Sprintf("%s the parties not to attack each other.", verb(p.NonAggression.Labels, "binds", "bind")))
	}
	if p.ConsultationCrisis.Present {
		r = append(r, fmt.Sprintf("%s consultation when one party is threatened or attacked (crisis-specific).", verb(p.ConsultationCrisis.Labels, "requires", "require")))
	}
	if p.ConsultationGeneral.Present {
		r = append(r, fmt.Sprintf("%s for consultation on security in general, not tied to a crisis.", verb(p.ConsultationGeneral.Labels, "provides", "provide")))
	}
	if len(military) > 0 && !p.MilitaryAlliance {
		r = append(r, fmt.Sprintf("%s for military cooperation (contacts, exercises), which is not an obligation to fight.", verb(military, "provides", "provide")))
	}
	switch {
	case p.MilitaryAlliance && (p.Limited || p.Conditional):
		r = append(r, "Verdict: a military alliance, with its obligation limited or conditional as above.")
	case p.MilitaryAlliance:
		r = append(r, "Verdict: a military alliance.")
	case p.ATOPAlliance:
		r = append(r, "Verdict: not a military alliance. Under ATOP's broader definition it would count as a security pact (neutrality, non-aggression or consultation), not a defence pact.")
	default:
		r = append(r, "Verdict: not a military alliance; it holds none of the security obligations ATOP codes.")
	}
	return r
}

// verb joins clause labels and gives the verb its number: "Article 4
// binds", "Article 3(3) and Article 3(4) bind".
func verb(labels []string, one, many string) string {
	labels = slices.Clone(labels)
	if len(labels) > 0 && strings.HasPrefix(labels[0], "the ") {
		labels[0] = "The " + labels[0][len("the "):] // it starts the sentence
	}
	switch len(labels) {
	case 1:
		return labels[0] + " " + one
	case 2:
		return labels[0] + " and " + labels[1] + " " + many
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " and " + labels[len(labels)-1] + " " + many
}

// Pair is two parties, and why the obligations do not bind them.
type Pair struct {
	A, B   string
	Reason string
}

// SecurityProfileOn is the profile as it holds on day: the obligations,
// and the pairs of parties they do not bind though both are parties (an
// obligation suspended between two, while the agreement stays in force
// among the others). Its reasons say so before the verdict.
func (a *Agreement) SecurityProfileOn(day Date) Profile {
	p := a.SecurityProfile()
	p.On = day
	members := a.PartiesOn(day)
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			x, y := members[i], members[j]
			bound := func(m Membership) bool { return m.State == PartyBound || m.State == PartyFrozen }
			if !bound(x) || !bound(y) {
				continue // a party suspended or gone is membership's answer, not a pair's
			}
			if o := a.ObligationsBetween(x.Party.ID, y.Party.ID, day); !o.Binding && len(o.Events) > 0 {
				p.NotBinding = append(p.NotBinding, Pair{A: x.Party.ID, B: y.Party.ID, Reason: o.Reason})
			}
		}
	}
	if len(p.NotBinding) > 0 && len(p.Reasons) > 0 {
		var notes []string
		for _, pair := range p.NotBinding {
			notes = append(notes, fmt.Sprintf("On %s the obligations do not bind %s and %s: %s.", day, pair.A, pair.B, pair.Reason))
		}
		last := len(p.Reasons) - 1
		p.Reasons = append(append(p.Reasons[:last:last], notes...), p.Reasons[last])
	}
	return p
}
