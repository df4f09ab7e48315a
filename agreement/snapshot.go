package agreement

import (
	"slices"
	"strings"
)

// snapshot is the life as the record stood on some day: computed from the
// events known by then, one report of each (the one taken), and laid out
// to the life's horizon.
type snapshot struct {
	life *Life
	// b is the agreement with a timeline of the reports taken, in the
	// order they happened; the functions that read a timeline read it.
	b        *Agreement
	notTaken map[*Event][]Event // by event of b.Timeline: its other reports with other dates
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
	s := &snapshot{life: l, b: &b, notTaken: map[*Event][]Event{}}
	var eifOcc *Occurrence
	for i, n := range taken {
		o := l.occ[n]
		if other := o.notTaken(tl); len(other) > 0 {
			s.notTaken[&b.Timeline[i]] = other
		}
		if o.Kind == EventEnteredIntoForce && o.Party == "" && eifOcc == nil {
			eifOcc = &l.occ[n]
		}
	}
	s.eif, s.eifOK = b.entryIntoForce()
	if eifOcc != nil && s.eifOK && s.eif.Event != nil {
		s.eif.Conflicts = eifOcc.notTaken(tl)
		chosen := tl[eifOcc.Taken]
		switch {
		case chosen.Preferred:
			s.eif.Basis = "the preferred report"
		case len(s.eif.Conflicts) > 0:
			s.eif.Basis = "the latest of reports that disagree (none is marked preferred)"
		default:
			s.eif.Basis = "the timeline"
		}
		if len(chosen.Sources) > 0 {
			s.eif.Basis += " (" + strings.Join(chosen.Sources, ", ") + ")"
		}
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

// notTakenOf returns the other reports of an event of the snapshot's
// timeline (matched by value, for events copied out of it).
func (s *snapshot) notTakenOf(e Event) []Event {
	for ev, others := range s.notTaken {
		if ev.Date == e.Date && ev.Event == e.Event && ev.Party == e.Party && ev.Towards == e.Towards {
			return others
		}
	}
	return nil
}

// scheduleTo returns the schedule laid out to horizon: the snapshot's,
// cut there, when horizon is within the life's; otherwise one computed
// afresh.
func (s *snapshot) scheduleTo(horizon Date) (Schedule, bool) {
	if horizon.IsZero() {
		horizon = s.sched.Start
	}
	if !s.life.horizon.DefinitelyBefore(horizon) {
		out := s.sched
		out.Periods = slices.DeleteFunc(slices.Clone(s.sched.Periods), func(p Period) bool {
			return len(s.sched.Periods) > 0 && p.Renewal > 0 && s.renewsAutomatically() && horizon.Compare(p.Start) < 0
		})
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
