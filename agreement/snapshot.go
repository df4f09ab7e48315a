package agreement

import "slices"

// snapshot is the life as the record stood on some day: computed from the
// events known by then, one report of each (the one taken), and laid out
// to the life's horizon.
type snapshot struct {
	life *Life
	// b is the agreement with a timeline of the reports taken, in the
	// order they happened; the functions that read a timeline read it.
	b        *Agreement
	notTaken map[eventKey][]Event // by event of b.Timeline: its other reports, with other dates
	eif      Claim
	eifOK    bool
	sched    Schedule
	schedOK  bool
	parties  []partyLife // in the document's order of parties
	tooFew   Date
	tooFewOK bool
	// alts are the agreement's life under each report of its entry into
	// force that was not taken, for answers that say they are disputed.
	alts []alternative
	// pairEvents are the suspensions and resumptions of obligations
	// between two parties, by index in b.Timeline: the only events a
	// pair's question reads, asked for every pair and day.
	pairEvents []int
}

// alternative is the agreement's schedule under another report of its
// entry into force.
type alternative struct {
	b      *Agreement
	report Event
	sched  Schedule
	ok     bool
}

func (x alternative) status(day Date) Status { return x.b.statusOn(day, x.sched, x.ok) }

// newSnapshot computes the life from the occurrences known by the k-th
// bound (all of them when k is past the last).
func newSnapshot(l *Life, k int) *snapshot {
	a := l.a
	tl := a.Timeline
	b := *a
	b.Timeline = make(Timeline, 0, len(l.occ))
	taken := make([]int, 0, len(l.occ)) // the occurrence of each event of b.Timeline
	for n, o := range l.occ {
		known := o.known(tl)
		if k < len(l.bounds) && !known.IsZero() && (k == 0 || known.After(l.bounds[k-1])) {
			continue // not yet known
		}
		b.Timeline = append(b.Timeline, tl[o.Taken])
		taken = append(taken, n)
	}
	s := &snapshot{life: l, b: &b, notTaken: map[eventKey][]Event{}}
	for i, e := range b.Timeline {
		if k := e.Event.effect(); k == EffectPairSuspend || k == EffectPairResume {
			s.pairEvents = append(s.pairEvents, i)
		}
	}
	for i, n := range taken {
		if other := l.occ[n].notTaken(tl); len(other) > 0 {
			s.notTaken[keyOf(b.Timeline[i])] = other
		}
	}
	s.eif, s.eifOK = b.entryIntoForce()
	if s.eif.Event != nil && !s.eif.AtLatest {
		// The snapshot's timeline holds the report taken; the claim names
		// the reports of the whole record that disagree with it.
		s.eif = reportClaim(*s.eif.Event, s.notTaken[keyOf(*s.eif.Event)])
	}
	s.sched, s.schedOK = b.schedule(l.horizon, s.eif, s.eifOK)
	s.parties = make([]partyLife, len(b.Parties))
	for i, p := range b.Parties {
		s.parties[i] = s.history(p)
	}
	s.tooFew, s.tooFewOK = s.tooFewFrom()
	for _, other := range s.eif.Conflicts {
		alt := alternative{report: other}
		c := *a
		c.Timeline = slices.Clone(b.Timeline)
		for i := range c.Timeline {
			if c.Timeline[i].Event == EventEnteredIntoForce && c.Timeline[i].Party == "" {
				c.Timeline[i] = other
				c.Timeline[i].Preferred = true
			}
		}
		alt.b = &c
		eif, ok := c.entryIntoForce()
		alt.sched, alt.ok = c.schedule(l.horizon, eif, ok)
		s.alts = append(s.alts, alt)
	}
	return s
}

// eventKey names an event of a snapshot's timeline by value, so that a
// copy of it (the history reads copies) finds what belongs to it.
type eventKey struct {
	date               Date
	kind               EventKind
	party, towards, id string
}

func keyOf(e Event) eventKey { return eventKey{e.Date, e.Event, e.Party, e.Towards, e.ID} }

// scheduleTo returns the schedule laid out to horizon: the snapshot's,
// cut there, when horizon is within the life's; otherwise one computed
// afresh.
func (s *snapshot) scheduleTo(horizon Date) (Schedule, bool) {
	if horizon.IsZero() {
		horizon = s.sched.Start
	}
	if !s.life.horizon.DefinitelyBefore(horizon) {
		out := s.sched
		if s.renewsAutomatically() {
			// How many renewals are laid out depends on the horizon: those
			// that start on or before it.
			out.Periods = slices.DeleteFunc(slices.Clone(s.sched.Periods), func(p Period) bool {
				return p.Renewal > 0 && horizon.Compare(p.Start) < 0
			})
		}
		return out, s.schedOK
	}
	return s.b.schedule(horizon, s.eif, s.eifOK)
}

// renewsAutomatically reports whether the term's periods run on without
// end (automatic renewal, by the term or by an extension), so that how
// many are laid out depends on the horizon.
func (s *snapshot) renewsAutomatically() bool {
	t := s.b.Term
	if t != nil && t.Renewal != nil && t.Renewal.Automatic {
		return true
	}
	for _, x := range s.sched.Extensions {
		if x.Event.Effect != nil && x.Event.Effect.Renewal != nil && x.Event.Effect.Renewal.Automatic {
			return true
		}
	}
	return false
}
