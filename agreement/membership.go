package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// PartyState is where a party stands in the agreement on a day.
//
// Two meanings are kept apart, and every question says which it uses:
//   - a party (IsParty): legally a member, whether or not its obligations
//     run: bound, frozen or suspended;
//   - bound (IsBound): its obligations run: bound, or frozen (a freeze
//     declared without a formal act leaves the obligations in place).
//     A suspended party is a party but is not bound.
type PartyState string

const (
	PartyNotYet    PartyState = "not-yet-party"   // nothing binds it yet: before its signature or accession
	PartySignatory PartyState = "signatory"       // signed (or acceded) but not bound: the agreement is not in force for it
	PartyBound     PartyState = "bound"           // a party bound by the agreement
	PartyFrozen    PartyState = "frozen"          // still a party, and still bound, but its participation is frozen by its own declaration
	PartySuspended PartyState = "suspended"       // still a party, but its participation, and its obligations, are suspended
	PartyWithdrawn PartyState = "withdrawn"       // it has left
	PartySucceeded PartyState = "succeeded"       // another state has taken its place
	PartyEnded     PartyState = "agreement-ended" // the agreement itself is no longer in force
)

// IsParty reports whether the state is that of a party to the agreement,
// a legal member: bound, frozen or suspended.
func (s PartyState) IsParty() bool {
	return s == PartyBound || s == PartyFrozen || s == PartySuspended
}

// IsBound reports whether the state is that of a party whose obligations
// run: bound, or frozen. A suspended party is not bound.
func (s PartyState) IsBound() bool { return s == PartyBound || s == PartyFrozen }

// Spell is a stretch of a party's life in the agreement: a state from a
// day until the next spell begins.
type Spell struct {
	State PartyState
	From  Date
	// Events are the events that began the spell; none when it follows
	// from the agreement's own life (its entry into force, its end) or
	// from a rule (a notice running out).
	Events []Event
	Basis  string // how it was found, in words
	// NotTaken are the reports of the events that began the spell that
	// give another date and were not taken (see Occurrence).
	NotTaken []Event
	// Contested is set when an event that began the spell is marked
	// contested: its legal effect is disputed.
	Contested bool
	// FromAtLatest says From is the latest day the spell can have begun:
	// it began with an entry into force the record knows only from a
	// report that the agreement was in force (Claim.AtLatest).
	FromAtLatest bool
}

// Membership is a party's standing on a day.
type Membership struct {
	Party Party
	Spell // the state on the day, since when and why
	// Original is true for a party that signed before the agreement
	// entered into force, false for one that acceded.
	Original bool
	// Leaving is the first day it will be out, when on the day it has
	// given notice of withdrawal that has not yet run.
	Leaving Date
	// Successor is the party that took its place, for a succeeded state.
	Successor string
}

// isContracting reports whether a party entry is a party to the
// agreement at all: a contracting party or a signatory. An entry with
// other roles only (a depositary that is not a party, such as the UN
// Secretary-General; an observer) has no life in the agreement.
func isContracting(p Party) bool {
	return len(p.Roles) == 0 || slices.Contains(p.Roles, "contracting-party") || slices.Contains(p.Roles, "signatory")
}

// contracting returns the number of the agreement's parties that are
// parties to it (see isContracting).
func (a *Agreement) contracting() int {
	n := 0
	for _, p := range a.Parties {
		if isContracting(p) {
			n++
		}
	}
	return n
}

// Party returns the party with the given id; false when the document has
// none.
func (a *Agreement) Party(id string) (Party, bool) {
	if a == nil {
		return Party{}, false
	}
	i := a.partyIndex(id)
	if i < 0 {
		return Party{}, false
	}
	return a.Parties[i], true
}

func (a *Agreement) partyIndex(id string) int {
	return slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == id })
}

// exitEffect says whom one party's leaving frees: the term's withdrawal
// rule, or else, for two parties, both (the agreement ends), and for more,
// the party alone.
func (a *Agreement) exitEffect() WithdrawalEffect {
	if a.Term != nil && a.Term.Withdrawal != nil && a.Term.Withdrawal.Effect != "" {
		return a.Term.Withdrawal.Effect
	}
	if a.contracting() <= 2 {
		return WithdrawalEffectAll
	}
	return WithdrawalEffectParty
}

// withdrawalNotice is the notice a party must give to leave.
func (a *Agreement) withdrawalNotice() Duration {
	if a.Term == nil {
		return Duration{}
	}
	if w := a.Term.Withdrawal; w != nil && !w.Notice.IsZero() {
		return w.Notice
	}
	return a.Term.Notice
}

// ofParty returns the events of one party in the order they happened.
func (tl Timeline) ofParty(id string) []Event {
	var out []Event
	for _, e := range tl {
		if e.Party == id {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(x, y Event) int { return x.Date.Compare(y.Date) })
	return out
}

// History is a party's life in the agreement, spell by spell, as the
// whole record gives it, up to horizon: its signature or accession, the
// day the agreement bound it, suspensions, notice and withdrawal, the
// extensions it did not join, and the agreement's own end. A party the
// document does not have has no history. It is Life().Spells cut at
// horizon.
func (a *Agreement) History(party string, horizon Date) []Spell {
	spells := a.Life().Spells(party)
	return slices.DeleteFunc(spells, func(s Spell) bool { return !horizon.IsZero() && horizon.DefinitelyBefore(s.From) })
}

// partyLife is one party's spells in a snapshot.
type partyLife struct {
	spells   []Spell
	original bool
}

// history computes a party's spells from the snapshot's timeline (one
// report of each event), its entry into force and its schedule.
func (s *snapshot) history(p Party) partyLife {
	a := s.b
	if !isContracting(p) {
		return partyLife{}
	}
	eif, eifOK := s.eif, s.eifOK
	sched := s.sched
	mine := a.Timeline.ofParty(p.ID)
	var later Duration // the delay for a party that joins once the agreement is in force
	if a.Term != nil && a.Term.EntryIntoForce != nil && a.Term.EntryIntoForce.Later != nil {
		later = a.Term.EntryIntoForce.Later.Delay
	}
	// A party's own instrument, when one is recorded, decides when it is
	// bound; a contracting party with none recorded is taken to be bound
	// from the agreement's entry into force, and the answer says so.
	// Only its first membership counts here: an instrument before it first
	// left, not an accession on coming back.
	ownInstrument := false
	for _, e := range mine {
		k := e.Event.effect()
		if k.leaves() || k == EffectNotice {
			break
		}
		if k == EffectInstrument || k == EffectEnter {
			ownInstrument = true
		}
	}
	contracting := len(p.Roles) == 0 || slices.Contains(p.Roles, "contracting-party")

	var spells []Spell
	state := PartyNotYet
	set := func(st PartyState, from Date, basis string, evs ...Event) {
		if st == state && len(evs) == 0 {
			return
		}
		state = st
		sp := Spell{State: st, From: from, Events: evs, Basis: basis}
		for _, e := range evs {
			sp.NotTaken = append(sp.NotTaken, s.notTaken[keyOf(e)]...)
			sp.Contested = sp.Contested || e.Contested
		}
		spells = append(spells, sp)
	}
	joinedLater := len(mine) > 0 && (mine[0].Event == EventAcceded ||
		eifOK && eif.Date.DefinitelyBefore(mine[0].Date) && (mine[0].Event == EventEnteredIntoForce || mine[0].Event.effect() == EffectInstrument))
	ownSignature := slices.ContainsFunc(mine, func(e Event) bool { return e.Event == EventSigned })
	// When the document names its signatories by role, a party without
	// that role did not sign with the others: that is known from the
	// parties, on any day. Otherwise a party's own first event tells.
	rolesSaySignatories := slices.ContainsFunc(a.Parties, func(q Party) bool { return slices.Contains(q.Roles, "signatory") })
	signedWithOthers := slices.Contains(p.Roles, "signatory") || !rolesSaySignatories && contracting && !joinedLater
	// Under a rule that counts instruments (a quorum), each party's own
	// instrument decides; none is taken for granted.
	quorum := a.Term != nil && a.Term.EntryIntoForce != nil && (a.Term.EntryIntoForce.Count > 0 || len(a.Term.EntryIntoForce.Including) > 0)
	original := false
	if signed, ok := a.Timeline.Preferred(EventSigned); ok && !ownSignature && signedWithOthers {
		set(PartySignatory, signed.Date, "signed with the agreement", signed)
		original = true
	}
	for _, e := range mine {
		if e.Event == EventSigned && (!eifOK || e.Date.Compare(eif.Date) <= 0) {
			original = true
		}
	}
	instrumentIn := false // an instrument of this party is in, before entry into force
	var pendingLeave Date
	var pendingBasis string
	var leaveEvent []Event

	// The steps of its life, in order: its own events, then the
	// agreement's entry into force, the extensions it did not join and
	// the agreement's end, each at its date.
	type step struct {
		date Date
		ev   *Event
		kind string // "event", "eif", "extension", "end"
		at   int    // for an event, its place in mine
	}
	var steps []step
	for k := range mine {
		steps = append(steps, step{mine[k].Date, &mine[k], "event", k})
	}
	if eifOK {
		steps = append(steps, step{date: eif.Date, kind: "eif"})
	}
	for k, x := range sched.Extensions {
		if x.Event.Effect != nil && x.Event.Effect.OthersLeave && len(x.Event.Effect.Parties) > 0 && !slices.Contains(x.Event.Effect.Parties, p.ID) {
			steps = append(steps, step{date: x.From, ev: &sched.Extensions[k].Event, kind: "extension"})
		}
	}
	if !sched.Ended.IsZero() {
		steps = append(steps, step{date: sched.Ended, kind: "end"})
	} else if !s.schedOK {
		// Ended before it entered into force: superseded or terminated
		// while its parties were signatories.
		for _, e := range a.Timeline {
			if e.Party == "" && e.Event.effect() == EffectEnd && !e.Date.IsZero() {
				steps = append(steps, step{date: e.Date, kind: "end"})
				break
			}
		}
	}
	slices.SortStableFunc(steps, func(x, y step) int { return x.date.Compare(y.date) })

	inForce := func(d Date) bool { return eifOK && eif.Date.Compare(d) <= 0 }
	bindFrom := func(d Date) Date {
		if !later.IsZero() {
			return d.Add(later)
		}
		return d
	}
	// recordedLeave reports whether the party's own leaving is recorded
	// after the event at k, before it joins again: the record, not the
	// notice's reckoning, then gives the day it left.
	recordedLeave := func(k int) bool {
		for _, e := range mine[k+1:] {
			switch eff := e.Event.effect(); {
			case eff.leaves():
				return true
			case eff == EffectAccede || eff == EffectSign:
				return false
			}
		}
		return false
	}
	for _, st := range steps {
		if !pendingLeave.IsZero() && pendingLeave.Compare(st.date) <= 0 && state.IsParty() {
			set(PartyWithdrawn, pendingLeave, pendingBasis, leaveEvent...)
			pendingLeave = Date{}
		}
		switch st.kind {
		case "eif":
			from, notes := "bound from the agreement's entry into force", []string(nil)
			if eif.AtLatest {
				from += fmt.Sprintf(", on %s or earlier", st.date)
				notes = append(notes, "the day is not recorded")
			}
			n := len(spells)
			switch {
			case state != PartySignatory:
			case instrumentIn:
				set(PartyBound, st.date, from+parenthesis(notes))
			case !ownInstrument && contracting && !quorum:
				notes = append(notes, "no instrument of its own is recorded: taken to be bound then")
				set(PartyBound, st.date, from+parenthesis(notes))
			}
			if len(spells) > n {
				spells[n].FromAtLatest = eif.AtLatest
			}
			continue
		case "extension":
			if state.IsParty() {
				set(PartyWithdrawn, st.date, fmt.Sprintf("left when the term it was bound for ended: it is not a party to the extension of %s", st.ev.Date), *st.ev)
			}
			continue
		case "end":
			if state.IsParty() || state == PartySignatory {
				set(PartyEnded, st.date, "the agreement is no longer in force")
			}
			continue
		}
		e := *st.ev
		switch e.Event.effect() {
		case EffectSign:
			if state == PartyNotYet || state == PartyWithdrawn {
				set(PartySignatory, e.Date, "signed", e)
			}
		case EffectInstrument:
			switch {
			case state.IsParty():
			case inForce(e.Date):
				if from := bindFrom(e.Date); from != e.Date {
					set(PartySignatory, e.Date, "its instrument is in; the agreement enters into force for it after "+words(later), e)
					set(PartyBound, from, "the agreement entered into force for it")
				} else {
					set(PartyBound, e.Date, "bound by its instrument, the agreement being in force", e)
				}
			default:
				instrumentIn = true
				if state == PartyNotYet || state == PartyWithdrawn {
					set(PartySignatory, e.Date, "its instrument is in; the agreement is not yet in force", e)
				}
			}
		case EffectAccede:
			basis := "acceded"
			if state == PartyWithdrawn {
				basis = "acceded again, having left"
			}
			if from := bindFrom(e.Date); inForce(e.Date) && from != e.Date {
				set(PartySignatory, e.Date, basis+"; the agreement enters into force for it after "+words(later), e)
				set(PartyBound, from, "the agreement entered into force for it")
			} else if inForce(e.Date) {
				set(PartyBound, e.Date, basis, e)
			} else {
				instrumentIn = true
				set(PartySignatory, e.Date, basis+" before the agreement entered into force", e)
			}
			pendingLeave = Date{}
		case EffectEnter:
			set(PartyBound, e.Date, "the agreement entered into force for it", e)
		case EffectSuspend:
			if state.IsParty() {
				set(PartySuspended, e.Date, "its participation is suspended", e)
			}
		case EffectFreeze:
			if state.IsParty() {
				set(PartyFrozen, e.Date, "its participation is frozen by its own declaration; it is still a party, and still bound", e)
			}
		case EffectResume:
			if state == PartySuspended || state == PartyFrozen {
				set(PartyBound, e.Date, "its participation resumed", e)
			}
		case EffectNotice:
			if e.Event == EventNoticeGiven && a.exitEffect() == WithdrawalEffectAll {
				continue // notice that ends the agreement for all: the schedule has it
			}
			if state.IsParty() && !recordedLeave(st.at) {
				pendingLeave, pendingBasis = s.leaveAfterNotice(e.Date)
				leaveEvent = []Event{e}
			}
		case EffectLeave, EffectEnd:
			if state.IsParty() || state == PartySignatory {
				set(PartyWithdrawn, e.Date, "withdrew", e)
				pendingLeave = Date{}
			}
		case EffectSucceed:
			set(PartySucceeded, e.Date, fmt.Sprintf("succeeded by %s", e.Successor), e)
			pendingLeave = Date{}
		}
	}
	if !pendingLeave.IsZero() && state.IsParty() {
		set(PartyWithdrawn, pendingLeave, pendingBasis, leaveEvent...)
	}
	return partyLife{spells: spells, original: original}
}

// leaveAfterNotice is the first day a party that gives notice on day is
// out, and the basis: its notice run, or, where the term says so, the end
// of the period whose notice deadline the notice meets.
func (s *snapshot) leaveAfterNotice(day Date) (Date, string) {
	a := s.b
	notice := a.withdrawalNotice()
	if w := a.withdrawalRule(); w != nil && w.AtPeriodEnd {
		for _, p := range s.sched.Periods {
			if !p.NoticeBy.IsZero() && day.Compare(p.NoticeBy) <= 0 {
				return p.End, fmt.Sprintf("its notice of %s freed it at the end of the period, on %s", day, p.End)
			}
		}
	}
	if notice.IsZero() {
		return day, fmt.Sprintf("its notice of %s took effect at once", day)
	}
	return day.Add(notice), fmt.Sprintf("its notice of %s ran out", day)
}

func (a *Agreement) withdrawalRule() *Withdrawal {
	if a.Term == nil {
		return nil
	}
	return a.Term.Withdrawal
}

// PartiesOn says where each party stands on day, in the document's order
// of parties: not yet a party, a signatory, bound, frozen, suspended,
// withdrawn, succeeded, or freed by the agreement's own end; since when,
// and the events that decided it. One party's events change only its own
// standing. The answer is true on day: events after it are not read.
func (a *Agreement) PartiesOn(day Date) []Membership {
	if a == nil {
		return nil
	}
	s := a.Life().at(day)
	out := make([]Membership, len(a.Parties))
	for i := range a.Parties {
		out[i] = s.membership(i, day)
	}
	return out
}

// StatusFor says where one party stands on day; false for a party id the
// document does not have. The answer is true on day.
func (a *Agreement) StatusFor(party string, day Date) (Membership, bool) {
	if a == nil {
		return Membership{}, false
	}
	i := a.partyIndex(party)
	if i < 0 {
		return Membership{}, false
	}
	return a.Life().at(day).membership(i, day), true
}

// happenedBy reports whether a date has certainly come by day: its whole
// span lies on or before it.
func happenedBy(d, day Date) bool { return !d.IsZero() && d.lastDayNumber() <= day.firstDayNumber() }

func (s *snapshot) membership(i int, day Date) Membership {
	p := s.b.Parties[i]
	pl := s.parties[i]
	m := Membership{Party: p, Original: pl.original, Spell: Spell{State: PartyNotYet}}
	if !isContracting(p) {
		m.Basis = "not a party to the agreement: its roles are " + fmt.Sprint(p.Roles)
		return m
	}
	for _, sp := range pl.spells {
		if happenedBy(sp.From, day) {
			m.Spell = sp
			continue
		}
		if sp.State == PartyWithdrawn && m.State.IsParty() && m.Leaving.IsZero() {
			m.Leaving = sp.From // known by day: a notice given, a term it is not extended for
		}
	}
	if s.tooFewOK && happenedBy(s.tooFew, day) && m.State.IsParty() {
		m.Spell = Spell{State: PartyEnded, From: s.tooFew, Basis: "the agreement ended: fewer parties remained than its term requires"}
	}
	if m.State == PartySucceeded {
		for _, e := range m.Events {
			m.Successor = e.Successor
		}
	}
	return m
}

// Obligations says whether the agreement's commitments bind a pair of
// parties on a day, and why.
type Obligations struct {
	Binding bool
	Reason  string
	// Events are the events that decided it: a suspension between the
	// two, a party's leaving.
	Events []Event
}

// ObligationsBetween says whether the commitments bind parties a and b
// toward each other on day: both must be bound (IsBound: bound, or
// frozen, which leaves a party bound), and no suspension of obligations
// between the two in effect, in either direction. The answer is true on
// day.
func (a *Agreement) ObligationsBetween(x, y string, day Date) Obligations {
	if a == nil {
		return Obligations{Reason: "no agreement"}
	}
	return a.Life().at(day).obligations(x, y, day)
}

// obligations answers ObligationsBetween from the snapshot.
func (s *snapshot) obligations(x, y string, day Date) Obligations {
	return s.obligationsOf(s.b.partyIndex(x), s.b.partyIndex(y), x, y, day)
}

// obligationsOf is obligations of the parties at ix and iy of the
// document (-1: none), x and y.
func (s *snapshot) obligationsOf(ix, iy int, x, y string, day Date) Obligations {
	okx, oky := ix >= 0, iy >= 0
	var mx, my Membership
	if okx {
		mx = s.membership(ix, day)
	}
	if oky {
		my = s.membership(iy, day)
	}
	switch {
	case !okx || !oky:
		return Obligations{Reason: "the document has no such party"}
	case x == y:
		return Obligations{Reason: "a party has no obligations toward itself"}
	}
	for _, m := range []Membership{mx, my} {
		if !m.State.IsBound() {
			return Obligations{Reason: m.Party.ID + " is " + string(m.State) + " on " + day.String(), Events: m.Events}
		}
	}
	last := s.pairEvent(x, y, day)
	if last != nil && last.Event.effect() == EffectPairSuspend {
		return Obligations{Reason: last.Party + " suspended its obligations toward " + last.Towards + " on " + last.Date.String(), Events: []Event{*last}}
	}
	o := Obligations{Binding: true, Reason: "both are bound on " + day.String()}
	if mx.State == PartyFrozen || my.State == PartyFrozen {
		o.Reason += "; a frozen participation leaves the obligations in place"
	}
	if last != nil {
		o.Events = []Event{*last}
		o.Reason += "; obligations resumed on " + last.Date.String()
	}
	return o
}

// pairEvent is the last suspension or resumption of obligations between
// x and y, in either direction, that happened by day.
func (s *snapshot) pairEvent(x, y string, day Date) *Event {
	var last *Event
	for _, i := range s.pairEvents {
		e := &s.b.Timeline[i]
		if (e.Party == x && e.Towards == y || e.Party == y && e.Towards == x) && happenedBy(e.Date, day) {
			if last == nil || last.Date.Compare(e.Date) <= 0 {
				last = e
			}
		}
	}
	return last
}

// Exit is the answer to "if this party gave notice on this day, when
// would it be out?".
type Exit struct {
	Party string
	// NoticeOn is the first day it may give notice: the day asked about,
	// or later when the agreement locks parties in for a while.
	NoticeOn Date
	// Out is the first day it is no longer bound.
	Out Date
	// Effect says whom its leaving frees: itself alone, or all.
	Effect  WithdrawalEffect
	Clauses []string // the clauses that ground the answer
	Basis   string   // in words
}

// EarliestExit answers "if party gave notice on day, on which day would
// it be out?", with the clauses that ground the answer. false (and the
// reason) when the party is not a party on day, or the agreement gives no
// way out. The answer is true on day: a notice given later is not read.
func (a *Agreement) EarliestExit(party string, day Date) (Exit, string, bool) {
	if a == nil {
		return Exit{}, "no agreement", false
	}
	i := a.partyIndex(party)
	if i < 0 {
		return Exit{}, "the document has no such party", false
	}
	s := a.Life().at(day)
	m := s.membership(i, day)
	switch {
	case !m.State.IsParty():
		return Exit{}, fmt.Sprintf("%s is %s on %s", party, m.State, day), false
	case !m.Leaving.IsZero():
		x := Exit{Party: party, NoticeOn: day, Out: m.Leaving, Effect: WithdrawalEffectParty}
		leave := s.parties[i].spells[slices.IndexFunc(s.parties[i].spells, func(sp Spell) bool { return sp.From == m.Leaving })]
		x.Basis = "it is leaving already: " + leave.Basis
		if len(leave.Events) > 0 && leave.Events[0].Event.effect() == EffectNotice {
			x.NoticeOn = leave.Events[0].Date
			x.Basis = fmt.Sprintf("it has given notice already, on %s", leave.Events[0].Date)
		}
		return x, "", true
	}
	t := a.Term
	if t == nil {
		return Exit{}, "the agreement gives no term, and so no way out", false
	}
	x := Exit{Party: party, NoticeOn: day, Effect: a.exitEffect()}
	if w := t.Withdrawal; w != nil || t.Indefinite {
		notice := a.withdrawalNotice()
		if w != nil {
			x.Clauses = w.Clauses
			if s.eifOK && !w.After.IsZero() {
				if first := s.eif.Date.Add(w.After); x.NoticeOn.Compare(first) < 0 {
					x.NoticeOn = first
				}
			}
			if !w.NotBefore.IsZero() && x.NoticeOn.Compare(w.NotBefore) < 0 {
				x.NoticeOn = w.NotBefore
			}
		}
		if len(x.Clauses) == 0 {
			x.Clauses = t.Clauses
		}
		if notice.IsZero() && w == nil {
			return Exit{}, "the term is indefinite and gives no notice to leave", false
		}
		if w != nil && w.AtPeriodEnd {
			x.Out, x.Basis = s.leaveAfterNotice(x.NoticeOn)
			return x, "", true
		}
		x.Out = x.NoticeOn.Add(notice)
		x.Basis = fmt.Sprintf("notice on %s, %s of notice", x.NoticeOn, words(notice))
		if notice.IsZero() {
			x.Basis = fmt.Sprintf("notice on %s takes effect at once", x.NoticeOn)
		}
		return x, "", true
	}
	// A fixed term: notice ends the agreement at the end of the first
	// period whose deadline it meets.
	next, reason, ok := a.NextNoticeBy(day)
	if !ok {
		return Exit{}, reason, false
	}
	x.Out, x.Effect, x.Clauses = next.Period.End, WithdrawalEffectAll, t.Clauses
	x.Basis = fmt.Sprintf("notice by %s ends the term at the end of the period, on %s", next.Date, next.Period.End)
	return x, "", true
}

// Deadline is the last day to give notice ending the agreement at the end
// of a period.
type Deadline struct {
	Date   Date
	Period Period
}

// NextNoticeBy returns the next last day to give notice on or after day:
// the deadline of the first period that has one still to come. With none,
// the reason says why: the agreement has ended, is indefinite, gives no
// notice period or has no start. The answer is true on day.
func (a *Agreement) NextNoticeBy(day Date) (Deadline, string, bool) {
	if a == nil {
		return Deadline{}, "no agreement", false
	}
	s := a.Life().at(day)
	sched, ok := s.scheduleTo(day.Add(Duration{Years: 50}))
	switch {
	case !ok:
		return Deadline{}, "the data gives no start for the term", false
	case !sched.Ended.IsZero() && sched.Ended.Compare(day) <= 0:
		return Deadline{}, fmt.Sprintf("the agreement ended on %s", sched.Ended), false
	case sched.Indefinite:
		return Deadline{}, "the term is indefinite: there is no deadline, notice may be given as the term allows", false
	case sched.PeriodsUnknown:
		return Deadline{}, fmt.Sprintf("the term counts from an entry into force whose day is not recorded (by %s at the latest)", sched.EntryIntoForce.Date), false
	case a.Term == nil || a.Term.Notice.IsZero():
		return Deadline{}, "the term gives no notice period", false
	}
	for _, p := range sched.Periods {
		if !p.NoticeBy.IsZero() && day.Compare(p.NoticeBy) <= 0 {
			return Deadline{Date: p.NoticeBy, Period: p}, "", true
		}
	}
	if !sched.Ended.IsZero() {
		return Deadline{}, fmt.Sprintf("the agreement ends on %s and its last deadline has passed", sched.Ended), false
	}
	return Deadline{}, "no deadline within fifty years", false
}

// parenthesis is notes joined in a parenthesis after a space, or nothing.
func parenthesis(notes []string) string {
	if len(notes) == 0 {
		return ""
	}
	return " (" + strings.Join(notes, "; ") + ")"
}
