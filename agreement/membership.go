package agreement

import (
	"fmt"
	"slices"
)

// PartyState is where a party stands in the agreement on a day.
type PartyState string

const (
	PartyNotYet    PartyState = "not-yet-party"   // nothing binds it yet: before its signature or accession
	PartySignatory PartyState = "signatory"       // signed (or acceded) but not bound: the agreement is not in force for it
	PartyBound     PartyState = "bound"           // a party bound by the agreement
	PartyFrozen    PartyState = "frozen"          // still a party, but its participation is frozen by its own declaration
	PartySuspended PartyState = "suspended"       // its participation is suspended
	PartyWithdrawn PartyState = "withdrawn"       // it has left
	PartySucceeded PartyState = "succeeded"       // another state has taken its place
	PartyEnded     PartyState = "agreement-ended" // the agreement itself is no longer in force
)

// IsParty reports whether the state is that of a party to the agreement:
// bound, frozen or suspended.
func (s PartyState) IsParty() bool {
	return s == PartyBound || s == PartyFrozen || s == PartySuspended
}

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
}

// Membership is a party's standing on a day.
type Membership struct {
	Party Party
	Spell // the state on the day, since when and why
	// Original is true for a party that signed before the agreement
	// entered into force, false for one that acceded.
	Original bool
	// Leaving is the first day it will be out, when it has given notice of
	// withdrawal that has not yet run.
	Leaving Date
	// Successor is the party that took its place, for a succeeded state.
	Successor string
}

// exitEffect says whom one party's leaving frees: the term's withdrawal
// rule, or else, for two parties, both (the agreement ends), and for more,
// the party alone.
func (a *Agreement) exitEffect() WithdrawalEffect {
	if a.Term != nil && a.Term.Withdrawal != nil && a.Term.Withdrawal.Effect != "" {
		return a.Term.Withdrawal.Effect
	}
	if len(a.Parties) <= 2 {
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

var instrumentEvents = []EventKind{EventDeposited, EventRatified, EventApproved, EventRatificationLaw, EventNotification, EventExchangeOfInstruments}

// ofParty returns the events of one party in the order they happened,
// keeping of reports that disagree on the date only the preferred one.
func (tl Timeline) ofParty(id string) []Event {
	var out []Event
	for _, e := range tl {
		if e.Party != id {
			continue
		}
		if !e.Preferred && slices.ContainsFunc(tl, func(o Event) bool {
			return o.Party == id && o.Event == e.Event && o.Preferred && o.Date != e.Date
		}) {
			continue // another report of the same event is preferred
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(x, y Event) int { return x.Date.Compare(y.Date) })
	return out
}

// History is a party's life in the agreement, spell by spell, as the
// timeline and the term give it, up to horizon: its signature or
// accession, the day the agreement bound it, suspensions, notice and
// withdrawal, the extensions it did not join, and the agreement's own
// end. A party the document does not have has no history.
func (a *Agreement) History(party string, horizon Date) []Spell {
	i := slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == party })
	if i < 0 {
		return nil
	}
	h, _ := a.history(a.Parties[i], horizon)
	return h
}

// history computes a party's spells and whether it is an original party.
func (a *Agreement) history(p Party, horizon Date) ([]Spell, bool) {
	eif, eifOK := a.EntryIntoForce()
	sched, _ := a.Schedule(horizon)
	mine := a.Timeline.ofParty(p.ID)
	var later Duration // the delay for a party that joins once the agreement is in force
	if a.Term != nil && a.Term.EntryIntoForce != nil && a.Term.EntryIntoForce.Later != nil {
		later = a.Term.EntryIntoForce.Later.Delay
	}
	// When the timeline records the parties' instruments, a signatory
	// without one is not bound by the agreement's entry into force.
	tracksInstruments := slices.ContainsFunc(a.Timeline, func(e Event) bool {
		return e.Party != "" && slices.Contains(instrumentEvents, e.Event)
	})
	contracting := len(p.Roles) == 0 || slices.Contains(p.Roles, "contracting-party")

	var spells []Spell
	state := PartyNotYet
	set := func(st PartyState, from Date, basis string, evs ...Event) {
		if st == state && len(evs) == 0 {
			return
		}
		state = st
		spells = append(spells, Spell{State: st, From: from, Events: evs, Basis: basis})
	}
	// An original party signed the agreement: with its signature (a
	// signatory, or a contracting party that did not accede), or by a
	// signature of its own before the agreement entered into force.
	// A contracting party that is not a signatory and whose first event of
	// its own is its joining after the agreement came into force (an
	// accession, its instrument, the entry into force for it) joined later.
	joinedLater := len(mine) > 0 && (mine[0].Event == EventAcceded ||
		eifOK && eif.Date.DefinitelyBefore(mine[0].Date) && (mine[0].Event == EventEnteredIntoForce || slices.Contains(instrumentEvents, mine[0].Event)))
	ownSignature := slices.ContainsFunc(mine, func(e Event) bool { return e.Event == EventSigned })
	original := false
	if signed, ok := a.Timeline.Preferred(EventSigned); ok && !ownSignature && (slices.Contains(p.Roles, "signatory") || (contracting && !joinedLater)) {
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
	}
	var steps []step
	for k := range mine {
		steps = append(steps, step{mine[k].Date, &mine[k], "event"})
	}
	if eifOK {
		steps = append(steps, step{date: eif.Date, kind: "eif"})
	}
	for k, x := range sched.Extensions {
		if x.Event.Effect != nil && x.Event.Effect.OthersLeave && len(x.Event.Effect.Parties) > 0 && !slices.Contains(x.Event.Effect.Parties, p.ID) {
			steps = append(steps, step{x.From, &sched.Extensions[k].Event, "extension"})
		}
	}
	if !sched.Ended.IsZero() {
		steps = append(steps, step{date: sched.Ended, kind: "end"})
	}
	slices.SortStableFunc(steps, func(x, y step) int { return x.date.Compare(y.date) })

	inForce := func(d Date) bool { return eifOK && eif.Date.Compare(d) <= 0 }
	bindFrom := func(d Date) Date {
		if !later.IsZero() {
			return d.Add(later)
		}
		return d
	}
	for _, st := range steps {
		if !pendingLeave.IsZero() && pendingLeave.Compare(st.date) <= 0 && state.IsParty() {
			set(PartyWithdrawn, pendingLeave, pendingBasis, leaveEvent...)
			pendingLeave = Date{}
		}
		switch st.kind {
		case "eif":
			if state == PartySignatory && (instrumentIn || (!tracksInstruments && contracting)) {
				set(PartyBound, st.date, "bound from the agreement's entry into force")
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
		switch e.Event {
		case EventSigned:
			if state == PartyNotYet {
				set(PartySignatory, e.Date, "signed", e)
			}
		case EventDeposited, EventRatified, EventApproved, EventRatificationLaw, EventNotification, EventExchangeOfInstruments:
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
				if state == PartyNotYet {
					set(PartySignatory, e.Date, "its instrument is in; the agreement is not yet in force", e)
				}
			}
		case EventAcceded:
			if from := bindFrom(e.Date); inForce(e.Date) && from != e.Date {
				set(PartySignatory, e.Date, "acceded; the agreement enters into force for it after "+words(later), e)
				set(PartyBound, from, "the agreement entered into force for it")
			} else if inForce(e.Date) {
				set(PartyBound, e.Date, "acceded", e)
			} else {
				instrumentIn = true
				set(PartySignatory, e.Date, "acceded before the agreement entered into force", e)
			}
		case EventEnteredIntoForce:
			set(PartyBound, e.Date, "the agreement entered into force for it", e)
		case EventSuspended:
			if state.IsParty() {
				set(PartySuspended, e.Date, "its participation is suspended", e)
			}
		case EventFrozen:
			if state.IsParty() {
				set(PartyFrozen, e.Date, "its participation is frozen by its own declaration; it is still a party", e)
			}
		case EventResumed:
			if state == PartySuspended || state == PartyFrozen {
				set(PartyBound, e.Date, "its participation resumed", e)
			}
		case EventWithdrawalNotified, EventNoticeGiven:
			if e.Event == EventNoticeGiven && a.exitEffect() == WithdrawalEffectAll {
				continue // notice that ends the agreement for all: the schedule has it
			}
			if state.IsParty() {
				pendingLeave = e.Date.Add(a.withdrawalNotice())
				pendingBasis = fmt.Sprintf("its notice of %s ran out", e.Date)
				leaveEvent = []Event{e}
				if a.withdrawalNotice().IsZero() {
					pendingLeave = e.Date
				}
			}
		case EventWithdrew, EventTerminated, EventExpired:
			if state.IsParty() || state == PartySignatory {
				set(PartyWithdrawn, e.Date, "withdrew", e)
				pendingLeave = Date{}
			}
		case EventSucceeded:
			set(PartySucceeded, e.Date, fmt.Sprintf("succeeded by %s", e.Successor), e)
			pendingLeave = Date{}
		}
	}
	if !pendingLeave.IsZero() && state.IsParty() {
		set(PartyWithdrawn, pendingLeave, pendingBasis, leaveEvent...)
	}
	return spells, original
}

// PartiesOn says where each party stands on day, in the document's order
// of parties: not yet a party, a signatory, bound, frozen, suspended,
// withdrawn, succeeded, or freed by the agreement's own end; since when,
// and the events that decided it. One party's events change only its own
// standing.
func (a *Agreement) PartiesOn(day Date) []Membership {
	out := make([]Membership, len(a.Parties))
	for i, p := range a.Parties {
		out[i] = a.membership(p, day)
	}
	return out
}

// StatusFor says where one party stands on day; false for a party id the
// document does not have.
func (a *Agreement) StatusFor(party string, day Date) (Membership, bool) {
	i := slices.IndexFunc(a.Parties, func(p Party) bool { return p.ID == party })
	if i < 0 {
		return Membership{}, false
	}
	return a.membership(a.Parties[i], day), true
}

func (a *Agreement) membership(p Party, day Date) Membership {
	spells, original := a.history(p, day.Add(Duration{Years: 100}))
	m := Membership{Party: p, Original: original, Spell: Spell{State: PartyNotYet}}
	happened := func(d Date) bool { return !d.IsZero() && d.Last().Compare(day.First()) <= 0 }
	for _, s := range spells {
		if happened(s.From) {
			m.Spell = s
			continue
		}
		if s.State == PartyWithdrawn && m.State.IsParty() && m.Leaving.IsZero() {
			m.Leaving = s.From
		}
	}
	if end, ok := a.tooFewFrom(day); ok && m.State.IsParty() {
		m.Spell = Spell{State: PartyEnded, From: end, Basis: "the agreement ended: fewer parties remained than its term requires"}
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
// toward each other on day: both must be parties (bound, or frozen, which
// leaves a party bound), the agreement in force, and no suspension of
// obligations between the two in effect, in either direction.
func (a *Agreement) ObligationsBetween(x, y string, day Date) Obligations {
	mx, okx := a.StatusFor(x, day)
	my, oky := a.StatusFor(y, day)
	switch {
	case !okx || !oky:
		return Obligations{Reason: "the document has no such party"}
	case x == y:
		return Obligations{Reason: "a party has no obligations toward itself"}
	}
	for _, m := range []Membership{mx, my} {
		if m.State != PartyBound && m.State != PartyFrozen {
			return Obligations{Reason: fmt.Sprintf("%s is %s on %s", m.Party.ID, m.State, day), Events: m.Events}
		}
	}
	happened := func(d Date) bool { return !d.IsZero() && d.Last().Compare(day.First()) <= 0 }
	var last *Event
	for i, e := range a.Timeline {
		pair := (e.Party == x && e.Towards == y) || (e.Party == y && e.Towards == x)
		if pair && (e.Event == EventObligationsSuspended || e.Event == EventObligationsResumed) && happened(e.Date) {
			if last == nil || last.Date.Compare(e.Date) <= 0 {
				last = &a.Timeline[i]
			}
		}
	}
	if last != nil && last.Event == EventObligationsSuspended {
		return Obligations{Reason: fmt.Sprintf("%s suspended its obligations toward %s on %s", last.Party, last.Towards, last.Date), Events: []Event{*last}}
	}
	o := Obligations{Binding: true, Reason: fmt.Sprintf("both are parties on %s", day)}
	if mx.State == PartyFrozen || my.State == PartyFrozen {
		o.Reason += "; a frozen participation leaves the obligations in place"
	}
	if last != nil {
		o.Events = []Event{*last}
		o.Reason += fmt.Sprintf("; obligations resumed on %s", last.Date)
	}
	return o
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
// reason) when the party is not bound on day, or the agreement gives no
// way out.
func (a *Agreement) EarliestExit(party string, day Date) (Exit, string, bool) {
	m, ok := a.StatusFor(party, day)
	switch {
	case !ok:
		return Exit{}, "the document has no such party", false
	case !m.State.IsParty():
		return Exit{}, fmt.Sprintf("%s is %s on %s", party, m.State, day), false
	case !m.Leaving.IsZero():
		return Exit{Party: party, NoticeOn: day, Out: m.Leaving, Effect: WithdrawalEffectParty,
			Basis: "it has given notice already"}, "", true
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
			if eif, ok := a.EntryIntoForce(); ok && !w.After.IsZero() {
				if first := eif.Date.Add(w.After); x.NoticeOn.Compare(first) < 0 {
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
// notice period or has no start.
func (a *Agreement) NextNoticeBy(day Date) (Deadline, string, bool) {
	horizon := day.Add(Duration{Years: 50})
	sched, ok := a.Schedule(horizon)
	switch {
	case !ok:
		return Deadline{}, "the data gives no start for the term", false
	case !sched.Ended.IsZero() && sched.Ended.Compare(day) <= 0:
		return Deadline{}, fmt.Sprintf("the agreement ended on %s", sched.Ended), false
	case sched.Indefinite:
		return Deadline{}, "the term is indefinite: there is no deadline, notice may be given as the term allows", false
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
