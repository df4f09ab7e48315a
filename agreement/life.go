package agreement

import (
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"weak"
)

// Life is an agreement's life laid out once: its own spells (signed, in
// force, suspended, ended), each party's spells, the pairs whose
// obligations are suspended, the notice windows and the ways out. Every
// question the package answers about a day or a period reads it, so the
// answers agree with each other.
//
// An answer about a day is true on that day: it is computed from the
// events that may have happened by then, never from later ones. A party
// that gives notice in 1968 is not "leaving" on 1 January 1960. The
// questions about a whole period (Spells, PairSpells, BoundDuring) read
// the whole record.
//
// The life is computed when the agreement is first asked, and kept: ask
// the questions of an agreement you no longer change (change a Clone).
// It is safe for concurrent use.
type Life struct {
	a       *Agreement
	made    shape // the agreement's lists when the life was computed
	occ     []Occurrence
	bounds  []time.Time // the first days from which further occurrences are known, ascending
	horizon Date        // how far ahead the snapshots lay out the term

	mu    sync.Mutex
	snaps []*snapshot // by the number of bounds passed; built when first asked
}

// lives keeps the life of each agreement asked about, for as long as the
// agreement lives.
var lives = struct {
	sync.Mutex
	m map[weak.Pointer[Agreement]]*Life
}{m: map[weak.Pointer[Agreement]]*Life{}}

// computedLives counts the lives computed, for tests that hold a command
// to computing each agreement's life once.
var computedLives atomic.Int64

// Life returns the agreement's life, computing it on the first call.
func (a *Agreement) Life() *Life {
	if a == nil {
		return newLife(&Agreement{})
	}
	key := weak.Make(a)
	lives.Lock()
	l, ok := lives.m[key]
	lives.Unlock()
	if ok && l.fresh(a) {
		return l
	}
	l = newLife(a)
	lives.Lock()
	if _, had := lives.m[key]; !had {
		runtime.AddCleanup(a, func(k weak.Pointer[Agreement]) {
			lives.Lock()
			delete(lives.m, k)
			lives.Unlock()
		}, key)
	}
	lives.m[key] = l
	lives.Unlock()
	return l
}

// shape is what fresh compares: the lists the life reads, by their
// length and where they are held, and the term.
type shape struct {
	timeline, parties int
	firstEvent        *Event
	firstParty        *Party
	term              *Term
}

func shapeOf(a *Agreement) shape {
	s := shape{timeline: len(a.Timeline), parties: len(a.Parties), term: a.Term}
	if len(a.Timeline) > 0 {
		s.firstEvent = &a.Timeline[0]
	}
	if len(a.Parties) > 0 {
		s.firstParty = &a.Parties[0]
	}
	return s
}

// fresh reports whether the life was computed from the agreement as it
// is: the same lists of parties and events (an event appended, a list
// replaced, a new term are seen, and the life is computed again). A
// change to an element in place is not seen; change a Clone instead.
func (l *Life) fresh(a *Agreement) bool { return l.made == shapeOf(a) }

func newLife(a *Agreement) *Life {
	computedLives.Add(1)
	// The life keeps a copy of the agreement's fields, not the agreement:
	// were it to point at it, the table of lives would keep every
	// agreement ever asked alive.
	own := *a
	l := &Life{a: &own, made: shapeOf(a), occ: a.Timeline.Occurrences()}
	var last Date
	for _, o := range l.occ {
		if k := o.known(a.Timeline); !k.IsZero() {
			l.bounds = append(l.bounds, k)
		}
		if d := a.Timeline[o.Taken].Date; !d.IsZero() && last.Compare(d) < 0 {
			last = d
		}
	}
	slices.SortFunc(l.bounds, time.Time.Compare)
	l.bounds = slices.Compact(l.bounds)
	if last.IsZero() {
		last = Date{Year: 2000}
	}
	l.horizon = last.Add(Duration{Years: 200})
	if l.horizon.Year > 9999 {
		l.horizon = Date{Year: 9999, Month: 12, Day: 31}
	}
	l.snaps = make([]*snapshot, len(l.bounds)+1)
	return l
}

// at returns what the record said on day: the life computed from the
// events known by then.
func (l *Life) at(day Date) *snapshot {
	k := len(l.bounds)
	if !day.IsZero() {
		t := day.First()
		k = sort.Search(len(l.bounds), func(i int) bool { return l.bounds[i].After(t) })
	}
	return l.snapshot(k)
}

// full returns the life as the whole record gives it.
func (l *Life) full() *snapshot { return l.snapshot(len(l.bounds)) }

func (l *Life) snapshot(k int) *snapshot {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.snaps[k] == nil {
		l.snaps[k] = newSnapshot(l, k)
	}
	return l.snaps[k]
}

// Spells returns a party's life in the agreement, spell by spell, as the
// whole record gives it; nil for a party the document does not have, or
// an entry that is not a party (a depositary only).
func (l *Life) Spells(party string) []Spell {
	i := l.a.partyIndex(party)
	if i < 0 {
		return nil
	}
	return slices.Clone(l.full().parties[i].spells)
}

// BoundDuring reports whether the party was bound (IsBound) on any day
// from from to to, both included, by the whole record, and the first and
// last such days.
func (l *Life) BoundDuring(party string, from, to Date) (first, last Date, ok bool) {
	spells := l.Spells(party)
	for i, sp := range spells {
		if !sp.State.IsBound() {
			continue
		}
		start := sp.From
		var end Date // the day before the next spell; zero: open
		if i+1 < len(spells) {
			end = spells[i+1].From.AddDays(-1)
		}
		lo, hi := start, end
		if lo.Compare(from) < 0 {
			lo = from
		}
		if hi.IsZero() || to.Compare(hi) < 0 {
			hi = to
		}
		if lo.Compare(hi) > 0 {
			continue
		}
		if !ok {
			first, ok = lo, true
		}
		last = hi
	}
	return first, last, ok
}

// PairSpell is a stretch of time in which the obligations between two
// parties bind, or do not, by the whole record.
type PairSpell struct {
	From    Date
	Binding bool
	Reason  string
	Events  []Event
}

// PairSpells returns the spells of the obligations between parties x and
// y: they bind while both are bound and no suspension between them is in
// effect. nil when either is not a party of the document.
func (l *Life) PairSpells(x, y string) []PairSpell {
	ix, iy := l.a.partyIndex(x), l.a.partyIndex(y)
	if ix < 0 || iy < 0 || x == y {
		return nil
	}
	s := l.full()
	sx, sy := s.parties[ix].spells, s.parties[iy].spells
	days := make([]Date, 0, len(sx)+len(sy)+len(s.pairEvents)+1)
	for _, sp := range sx {
		days = append(days, sp.From)
	}
	for _, sp := range sy {
		days = append(days, sp.From)
	}
	for _, i := range s.pairEvents {
		if e := s.b.Timeline[i]; e.Party == x && e.Towards == y || e.Party == y && e.Towards == x {
			days = append(days, e.Date)
		}
	}
	if s.tooFewOK {
		days = append(days, s.tooFew)
	}
	slices.SortFunc(days, Date.Compare)
	days = slices.Compact(days)
	out := make([]PairSpell, 0, len(days))
	for _, d := range days {
		day := DateOf(d.Last())
		o := s.obligationsOf(ix, iy, x, y, day)
		if n := len(out); n > 0 && out[n-1].Binding == o.Binding && out[n-1].Reason == o.Reason {
			continue
		}
		out = append(out, PairSpell{From: d, Binding: o.Binding, Reason: o.Reason, Events: o.Events})
	}
	return out
}

// LivesComputed returns how many lives the package has computed since the
// program started: a measure for tests and benchmarks that hold a
// program to computing each agreement's life once.
func LivesComputed() int { return int(computedLives.Load()) }
