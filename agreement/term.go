package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// Claim is a date the agreement's data asserts, with where it comes from
// and the reports that disagree with it.
type Claim struct {
	Date  Date
	Basis string // how the date was found, in words
	// Event is the timeline event that gives the date; nil when the date
	// is derived from the term's rule.
	Event *Event
	// Conflicts are the other reports of the same event that give another
	// date. They are kept, not overwritten: the answer says so.
	Conflicts []Event
	// AtLatest says the date is the latest the event can have had: the
	// record says only that the agreement was in force on it (an in-force
	// event), not the day it entered into force.
	AtLatest bool
}

// EntryIntoForce returns when the agreement entered into force, as the
// whole record gives it: the report taken of its entered-into-force event
// (the preferred one; else the most precise, and of those the latest),
// with the reports not taken as Conflicts; failing that, the date the
// term's rule gives from the timeline (for example 30 days after the last
// notification); failing that, the first day a report says it was in
// force (an in-force event), marked AtLatest. false means the data does
// not say.
func (a *Agreement) EntryIntoForce() (Claim, bool) {
	if a == nil {
		return Claim{}, false
	}
	s := a.Life().full()
	return s.eif, s.eifOK
}

// entryIntoForce is EntryIntoForce computed from the agreement's own
// timeline, which in a snapshot holds one report of each event.
func (a *Agreement) entryIntoForce() (Claim, bool) {
	var reports []int
	for i, e := range a.Timeline {
		if e.Event == EventEnteredIntoForce && e.Party == "" {
			reports = append(reports, i)
		}
	}
	if len(reports) > 0 {
		chosen := takenReport(a.Timeline, reports)
		var conflicts []Event
		for _, i := range reports {
			if o := a.Timeline[i]; i != chosen && o.Date != a.Timeline[chosen].Date {
				conflicts = append(conflicts, o)
			}
		}
		return reportClaim(a.Timeline[chosen], conflicts), true
	}
	if a.Term == nil || a.Term.EntryIntoForce == nil {
		return a.inForceBy()
	}
	rule := a.Term.EntryIntoForce
	trigger, ok := a.triggerDate(rule)
	if !ok {
		return a.inForceBy()
	}
	what := spaced(string(rule.After))
	if rule.Count > 0 {
		what = fmt.Sprintf("%s (the %s of %d)", what, ordinal(int(rule.Count)), rule.Count)
	}
	return Claim{
		Date:  trigger.Add(rule.Delay),
		Basis: fmt.Sprintf("derived: %s after the %s on %s", words(rule.Delay), what, trigger),
	}, true
}

// inForceBy is the entry into force an agreement has when the record
// gives neither its day nor a rule to reckon it by, only reports that it
// was in force: by the first of them at the latest.
func (a *Agreement) inForceBy() (Claim, bool) {
	first := -1
	for i, e := range a.Timeline {
		if e.Event == EventInForce && e.Party == "" && !e.Date.IsZero() && (first < 0 || e.Date.Compare(a.Timeline[first].Date) < 0) {
			first = i
		}
	}
	if first < 0 {
		return Claim{}, false
	}
	e := a.Timeline[first]
	basis := "a report that it was in force then"
	if len(e.Sources) > 0 {
		basis += " (" + strings.Join(e.Sources, ", ") + ")"
	}
	return Claim{Date: e.Date, Event: &e, AtLatest: true,
		Basis: basis + "; the day it entered into force is not recorded"}, true
}

// reportClaim is the claim of a report taken of an event (see
// takenReport), with the reports that disagree with it.
func reportClaim(e Event, conflicts []Event) Claim {
	c := Claim{Date: e.Date, Basis: "the timeline", Event: &e, Conflicts: conflicts}
	switch {
	case e.Preferred:
		c.Basis = "the preferred report"
	case len(conflicts) > 0:
		c.Basis = "the most precise, then the latest, of reports that disagree (none is marked preferred)"
	}
	if len(e.Sources) > 0 {
		c.Basis += " (" + strings.Join(e.Sources, ", ") + ")"
	}
	return c
}

// instrumentKinds are the events an entry-into-force rule counts from.
func instrumentKinds(after TriggerEvent) []EventKind {
	switch after {
	case TriggerEventSignature:
		return []EventKind{EventSigned}
	case TriggerEventLastNotification:
		return []EventKind{EventNotification}
	case TriggerEventExchangeOfInstruments:
		return []EventKind{EventExchangeOfInstruments}
	case TriggerEventDepositOfInstruments:
		return []EventKind{EventDeposited, EventExchangeOfInstruments, EventAcceded}
	case TriggerEventLastRatification:
		return []EventKind{EventRatified, EventApproved, EventRatificationLaw}
	}
	return nil
}

// triggerDate returns the date of the event an entry-into-force rule
// counts from: the latest of the events of that kind, or, under a quorum,
// the day the Count-th party's instrument came in (and those of the
// parties the rule names).
func (a *Agreement) triggerDate(rule *EntryIntoForce) (Date, bool) {
	kinds := instrumentKinds(rule.After)
	if rule.After == TriggerEventSignature && rule.Count == 0 && len(rule.Including) == 0 {
		if d := a.Timeline.preferredDate(EventSigned); !d.IsZero() {
			return d, true
		}
	}
	if rule.Count > 0 || len(rule.Including) > 0 {
		return a.quorumDate(rule, kinds)
	}
	var last Date
	for _, e := range a.Timeline {
		if slices.Contains(kinds, e.Event) && (last.IsZero() || last.Compare(e.Date) < 0) {
			last = e.Date
		}
	}
	return last, !last.IsZero()
}

// quorumDate is the day a quorum of instruments is reached: each party's
// first instrument counts once, in the order they came in.
func (a *Agreement) quorumDate(rule *EntryIntoForce, kinds []EventKind) (Date, bool) {
	first := map[string]Date{}
	for _, e := range a.Timeline {
		if e.Party == "" || !slices.Contains(kinds, e.Event) || e.Date.IsZero() {
			continue
		}
		if d, ok := first[e.Party]; !ok || e.Date.Compare(d) < 0 {
			first[e.Party] = e.Date
		}
	}
	need := int(rule.Count)
	if need == 0 {
		need = len(a.Parties)
	}
	if len(first) < need {
		return Date{}, false
	}
	dates := make([]Date, 0, len(first))
	for _, d := range first {
		dates = append(dates, d)
	}
	slices.SortFunc(dates, Date.Compare)
	day := dates[need-1]
	for _, id := range rule.Including {
		d, ok := first[id]
		if !ok {
			return Date{}, false
		}
		if day.Compare(d) < 0 {
			day = d
		}
	}
	return day, true
}

// Period is one stretch of the term: the initial term or a renewal.
//
// The convention: a term of length L that starts on day S covers the days
// S up to and including S+L minus one day (LastDay); on End, which is S+L,
// the agreement is no longer in force under this period. A notice period
// N must run in full before End, so the last day to give notice (NoticeBy)
// is End − N − 1 day. For a 20-year term from 2 October 2025 with a year's
// notice: LastDay 1 October 2045, End 2 October 2045, NoticeBy 1 October
// 2044.
type Period struct {
	Renewal  int  // 0 for the initial term, k for the k-th renewal
	Start    Date // the first day in force
	LastDay  Date // the last day in force under this period
	End      Date // the first day after the period
	NoticeBy Date // the last day to give notice ending the agreement at End; zero without a notice period
}

// Schedule is the agreement's term laid out in time.
type Schedule struct {
	EntryIntoForce Claim
	Start          Date // the day the term counts from
	Indefinite     bool // valid until terminated: no periods
	// Periods are the initial term and, under automatic renewal, the
	// renewals that start on or before the horizon given to Schedule.
	Periods []Period
	// Ended is set when notice, termination or expiry ends the agreement
	// within the periods: the first day it is no longer in force.
	Ended Date
	// EndedBy is the event that ended it, if one did.
	EndedBy *Event
	// Extensions are the later instruments that extended the term, each
	// with the day from which it runs.
	Extensions []Extension
	// PeriodsUnknown says a fixed term counts from an entry into force
	// whose day is not known (EntryIntoForce.AtLatest): its periods, and
	// the days to give notice by, cannot be laid out.
	PeriodsUnknown bool
}

// Extension is a later instrument's extension of the term.
type Extension struct {
	Event Event
	From  Date // the first day of the extended term: the end of the period running at the instrument's date
}

// Schedule lays out the term as the whole record gives it: entry into
// force, the initial term and the renewals that start on or before
// horizon. false means the data gives no start: no entry-into-force date
// (or signature, for terms counted from it).
func (a *Agreement) Schedule(horizon Date) (Schedule, bool) {
	if a == nil {
		return Schedule{}, false
	}
	return a.Life().full().scheduleTo(horizon)
}

// schedule is Schedule computed from the agreement's own timeline, with
// its entry into force.
func (a *Agreement) schedule(horizon Date, eif Claim, ok bool) (Schedule, bool) {
	var s Schedule
	if ok {
		s.EntryIntoForce = eif
	}
	t := a.Term
	if t == nil {
		s.Start = eif.Date
		s.endEvents(a)
		return s, ok
	}
	s.Start = eif.Date
	if t.From == TermStartSignature {
		s.Start = a.Timeline.preferredDate(EventSigned)
	}
	if s.Start.IsZero() {
		return s, false
	}
	if t.Indefinite || t.Duration.IsZero() {
		s.Indefinite = t.Indefinite
		s.endEvents(a)
		return s, true
	}
	if eif.AtLatest && t.From != TermStartSignature {
		s.PeriodsUnknown = true
		s.endEvents(a)
		return s, true
	}
	p := Period{Start: s.Start, End: s.Start.Add(t.Duration)}
	p.finish(t.Notice)
	s.Periods = append(s.Periods, p)
	renewal := t.Renewal
	renewals := len(a.Timeline.kind(EventRenewed, ""))
	extensions := a.Timeline.kind(EventExtended, "")
	slices.SortStableFunc(extensions, func(x, y Event) int { return x.Date.Compare(y.Date) })
	next := 0 // the next extension to apply
	for k := 1; k <= 1000; k++ {
		prev := s.Periods[len(s.Periods)-1]
		// An instrument made before the running period ends extends the
		// term from its end.
		var once *Period
		for next < len(extensions) && extensions[next].Date.Compare(prev.End) < 0 {
			e := extensions[next]
			next++
			if e.Effect == nil {
				continue
			}
			s.Extensions = append(s.Extensions, Extension{Event: e, From: prev.End})
			switch {
			case e.Effect.Renewal != nil:
				renewal, once = e.Effect.Renewal, nil
				renewals = 1 << 20 // an extension's renewal is not counted by renewed events
			case !e.Effect.Until.IsZero():
				once = &Period{Start: prev.End, End: e.Effect.Until.AddDays(1)}
			case !e.Effect.By.IsZero():
				once = &Period{Start: prev.End, End: prev.End.Add(e.Effect.By)}
			}
		}
		if once != nil {
			once.Renewal = k
			once.finish(t.Notice)
			s.Periods = append(s.Periods, *once)
			continue
		}
		if renewal == nil || renewal.Period.IsZero() {
			break
		}
		if !renewal.Automatic && k > renewals {
			break
		}
		if renewal.Automatic && horizon.Compare(prev.End) < 0 {
			break
		}
		np := Period{Renewal: k, Start: prev.End, End: prev.End.Add(renewal.Period)}
		if np.End.Year > 9999 {
			break // dates run to 9999
		}
		np.finish(t.Notice)
		s.Periods = append(s.Periods, np)
	}
	s.endEvents(a)
	if s.Ended.IsZero() {
		last := s.Periods[len(s.Periods)-1]
		if renewal == nil || !renewal.Automatic {
			s.Ended = last.End // no renewal is due: the term runs out
		}
	}
	// Nothing is laid out after the agreement has ended.
	s.Periods = slices.DeleteFunc(s.Periods, func(p Period) bool { return !s.Ended.IsZero() && s.Ended.Compare(p.Start) <= 0 })
	return s, true
}

func (p *Period) finish(notice Duration) {
	p.LastDay = p.End.AddDays(-1)
	if !notice.IsZero() {
		p.NoticeBy = p.End.Sub(notice).AddDays(-1)
	}
}

// endEvents applies termination, expiry, supersession and notice events.
func (s *Schedule) endEvents(a *Agreement) {
	exitAll := a.exitEffect() == WithdrawalEffectAll
	for _, e := range a.Timeline {
		if e.Party != "" && !(e.Event == EventNoticeGiven && exitAll) {
			continue // one party's event: it does not end the agreement for the others
		}
		switch e.Event {
		case EventTerminated, EventExpired, EventSuperseded:
			if s.Ended.IsZero() || e.Date.Compare(s.Ended) < 0 {
				s.Ended, s.EndedBy = e.Date, &e
			}
		case EventNoticeGiven:
			// Notice ends the agreement at the end of the first period
			// whose deadline it meets.
			for _, p := range s.Periods {
				if !p.NoticeBy.IsZero() && e.Date.Compare(p.NoticeBy) <= 0 {
					if s.Ended.IsZero() || p.End.Compare(s.Ended) < 0 {
						s.Ended, s.EndedBy = p.End, &e
					}
					break
				}
			}
		}
	}
}

// State is where an agreement stands on a day.
type State string

const (
	StateNotSigned  State = "not-signed"
	StateSigned     State = "signed"     // signed, not (yet) in force
	StateInForce    State = "in-force"   //
	StateExpired    State = "expired"    // the term ran out
	StateTerminated State = "terminated" // ended by notice or termination
	StateSuperseded State = "superseded" // replaced by another agreement
	StateSuspended  State = "suspended"  // in force, but its operation suspended as a whole
	StateUnknown    State = "unknown"    // the data does not say
)

// Status is the answer to "where does the agreement stand on this day?".
type Status struct {
	State State
	Since Date // the day the state began, when known
	// SinceAtLatest says Since is the latest day the state can have
	// begun: the agreement is in force, and the record knows the day only
	// from a report that it was in force then (Claim.AtLatest).
	SinceAtLatest bool
	// Until is the first day the state ends as things stand: the end of
	// the current period for an agreement in force for a fixed term.
	Until Date
	// Events are the timeline events that decided the answer.
	Events []Event
	// Disputed says how the answer would differ under reports that
	// disagree with the preferred one; empty when none do.
	Disputed string
}

// StatusOn says where the agreement stands on day (a full date). An event
// counts as having happened on day when its whole span lies on or before
// day: a report dated only "2025" has not certainly happened by 1 March
// 2025. The answer is true on day: it reads only the events that may
// have happened by then.
//
// The agreement's own events decide it, never one party's: its entry
// into force, its suspension and resumption as a whole, its end; and,
// when its term names a minimum number of parties, the day fewer remain.
func (a *Agreement) StatusOn(day Date) Status {
	if a == nil {
		return Status{State: StateUnknown}
	}
	return a.Life().at(day).status(day)
}

// status answers StatusOn from the snapshot.
func (s *snapshot) status(day Date) Status {
	st := s.b.statusOn(day, s.sched, s.schedOK)
	if st.State == StateInForce {
		st = s.suspendedOrTooFew(st, day)
	}
	for _, alt := range s.alts {
		if other := alt.status(day).State; other != st.State {
			st.Disputed = fmt.Sprintf("by another report (%s) it entered into force on %s, and would be %s on %s",
				strings.Join(alt.report.Sources, ", "), alt.report.Date, other, day)
			break
		}
	}
	return st
}

// statusOn computes the status from the agreement's own timeline and
// its schedule.
func (b *Agreement) statusOn(day Date, sched Schedule, ok bool) Status {
	happened := func(d Date) bool { return happenedBy(d, day) }
	if ok && !sched.EntryIntoForce.Date.IsZero() && happened(sched.EntryIntoForce.Date) {
		if !sched.Ended.IsZero() && sched.Ended.Compare(day) <= 0 {
			st := Status{Since: sched.Ended, State: StateExpired}
			if sched.EndedBy != nil {
				st.Events = []Event{*sched.EndedBy}
				switch sched.EndedBy.Event {
				case EventSuperseded:
					st.State = StateSuperseded
				case EventTerminated, EventNoticeGiven:
					st.State = StateTerminated
				}
			}
			return st
		}
		st := Status{State: StateInForce, Since: sched.EntryIntoForce.Date, SinceAtLatest: sched.EntryIntoForce.AtLatest}
		if sched.EntryIntoForce.Event != nil {
			st.Events = []Event{*sched.EntryIntoForce.Event}
		}
		for _, p := range sched.Periods {
			if p.Start.Compare(day) <= 0 && day.Compare(p.End) < 0 {
				st.Until = p.End
			}
		}
		if !sched.Ended.IsZero() {
			st.Until = sched.Ended
		}
		return st
	}
	for _, e := range b.Timeline {
		if (e.Event == EventTerminated || e.Event == EventSuperseded) && e.Party == "" && happened(e.Date) {
			st := Status{State: StateTerminated, Since: e.Date, Events: []Event{e}}
			if e.Event == EventSuperseded {
				st.State = StateSuperseded
			}
			return st
		}
	}
	signed := b.Timeline.preferredDate(EventSigned)
	if signed.IsZero() {
		if sig := b.Timeline.kind(EventSigned, ""); len(sig) > 0 {
			signed = sig[0].Date
		}
	}
	switch {
	case happened(signed):
		st := Status{State: StateSigned, Since: signed}
		for _, e := range b.Timeline.kind(EventSigned, "") {
			st.Events = append(st.Events, e)
		}
		return st
	case !signed.IsZero() || len(b.Timeline) > 0:
		return Status{State: StateNotSigned}
	}
	return Status{State: StateUnknown}
}

func words(d Duration) string {
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{d.Years, "year"}, {d.Months, "month"}, {d.Weeks, "week"}, {d.Days, "day"}} {
		switch {
		case p.n == 1:
			parts = append(parts, "1 "+p.unit)
		case p.n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", p.n, p.unit))
		}
	}
	if len(parts) == 0 {
		return "no time"
	}
	return strings.Join(parts, " ")
}

// Words returns the duration in words: "20 years", "1 year 6 months".
func (d Duration) Words() string { return words(d) }

func spaced(s string) string { return strings.ReplaceAll(s, "-", " ") }

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// suspendedOrTooFew refines the status of an agreement in force on day:
// suspended as a whole by its own events, or ended when fewer parties
// remain than its term requires.
func (s *snapshot) suspendedOrTooFew(st Status, day Date) Status {
	if s.tooFewOK && happenedBy(s.tooFew, day) {
		return Status{State: StateTerminated, Since: s.tooFew}
	}
	var last *Event
	for i, e := range s.b.Timeline {
		k := e.Event.effect()
		if e.Party == "" && (k == EffectSuspend || k == EffectResume) && happenedBy(e.Date, day) {
			if last == nil || last.Date.Compare(e.Date) <= 0 {
				last = &s.b.Timeline[i]
			}
		}
	}
	if last != nil && last.Event.effect() == EffectSuspend {
		return Status{State: StateSuspended, Since: last.Date, Events: []Event{*last}}
	}
	return st
}

// tooFewFrom returns the first day after entry into force on which fewer
// parties remained than the term's minimum; false without a minimum or
// when enough remain.
func (s *snapshot) tooFewFrom() (Date, bool) {
	a := s.b
	if a.Term == nil || a.Term.MinimumParties == 0 || !s.eifOK {
		return Date{}, false
	}
	var days []Date
	for _, pl := range s.parties {
		for _, sp := range pl.spells {
			if !sp.From.DefinitelyBefore(s.eif.Date) {
				days = append(days, sp.From)
			}
		}
	}
	slices.SortFunc(days, Date.Compare)
	for _, d := range days {
		n := 0
		for _, pl := range s.parties {
			state := PartyNotYet
			for _, sp := range pl.spells {
				if !d.DefinitelyBefore(sp.From) {
					state = sp.State
				}
			}
			if state.IsParty() {
				n++
			}
		}
		if n < int(a.Term.MinimumParties) {
			return d, true
		}
	}
	return Date{}, false
}
