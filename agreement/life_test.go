package agreement_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
)

// answers is every question about one day, for comparing two agreements'
// answers on it.
type answers struct {
	Status      agreement.Status
	Parties     []agreement.Membership
	Obligations map[string]agreement.Obligations
	Exits       map[string]string
	NoticeBy    string
}

func answersOn(a *agreement.Agreement, day agreement.Date) answers {
	out := answers{Status: a.StatusOn(day), Parties: a.PartiesOn(day), Obligations: map[string]agreement.Obligations{}, Exits: map[string]string{}}
	for i, x := range a.Parties {
		if ex, why, ok := a.EarliestExit(x.ID, day); ok {
			out.Exits[x.ID] = ex.NoticeOn.String() + " " + ex.Out.String() + " " + string(ex.Effect) + " " + ex.Basis
		} else {
			out.Exits[x.ID] = why
		}
		for _, y := range a.Parties[i+1:] {
			out.Obligations[x.ID+"-"+y.ID] = a.ObligationsBetween(x.ID, y.ID, day)
		}
	}
	if d, why, ok := a.NextNoticeBy(day); ok {
		out.NoticeBy = d.Date.String()
	} else {
		out.NoticeBy = why
	}
	return out
}

// knownBy returns a copy of a without the events every report of which is
// dated after day: the record as it could stand on day.
func knownBy(a *agreement.Agreement, day agreement.Date) *agreement.Agreement {
	b := a.Clone()
	drop := map[int]bool{}
	for _, o := range a.Timeline.Occurrences() {
		later := true
		for _, i := range o.Reports {
			if d := a.Timeline[i].Date; d.IsZero() || !day.First().Before(d.First()) {
				later = false
			}
		}
		if later {
			for _, i := range o.Reports {
				drop[i] = true
			}
		}
	}
	b.Timeline = nil
	for i, e := range a.Timeline {
		if !drop[i] {
			b.Timeline = append(b.Timeline, e)
		}
	}
	return b
}

// cmpAnswers compares the answers about day with the whole record and
// with the record as it could stand on day; "" when they agree.
func cmpAnswers(a *agreement.Agreement, day agreement.Date) string {
	return cmp.Diff(answersOn(knownBy(a, day), day), answersOn(a, day))
}

// boundaryDays are the days around each event and spell: the first and
// last day each date can mean, and the days either side.
func boundaryDays(a *agreement.Agreement) []agreement.Date {
	var days []agreement.Date
	add := func(t time.Time) {
		for _, d := range []time.Time{t.AddDate(0, 0, -1), t, t.AddDate(0, 0, 1)} {
			days = append(days, agreement.DateOf(d))
		}
	}
	for _, e := range a.Timeline {
		if !e.Date.IsZero() {
			add(e.Date.First())
			add(e.Date.Last())
		}
	}
	for _, p := range a.Parties {
		for _, s := range a.Life().Spells(p.ID) {
			add(s.From.First())
		}
	}
	slices.SortFunc(days, agreement.Date.Compare)
	return slices.Compact(days)
}

// lifeCases are the agreements the property tests run over: the examples
// and the small cases of this package's tests.
func lifeCases(t *testing.T) map[string]*agreement.Agreement {
	cases := map[string]*agreement.Agreement{}
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, f := range files {
		cases[filepath.Base(f)] = load(t, filepath.Base(f))
	}
	for _, c := range historicCases {
		cases[c.name] = historic(t, c)
	}
	if len(cases) < 10 {
		t.Fatalf("only %d cases", len(cases))
	}
	return cases
}

// TestTrueOnTheDayAsked: the answers about a day do not change when every
// event all of whose reports are dated after that day is taken out of the
// record. The future never leaks into the present.
func TestTrueOnTheDayAsked(t *testing.T) {
	for name, a := range lifeCases(t) {
		t.Run(name, func(t *testing.T) {
			for _, day := range boundaryDays(a) {
				if diff := cmpAnswers(a, day); diff != "" {
					t.Fatalf("on %s the answers read later events (-as known then +with the whole record):\n%s", day, diff)
				}
			}
		})
	}
}

// TestOneLifeEveryAnswer: the day's answers and the period's agree: a
// party bound on a day (StatusFor) is bound during that day (BoundDuring),
// and the pair's spells say what ObligationsBetween says, for the whole
// record's last snapshot.
func TestOneLifeEveryAnswer(t *testing.T) {
	for name, a := range lifeCases(t) {
		t.Run(name, func(t *testing.T) {
			life := a.Life()
			last := boundaryDays(a)
			day := last[len(last)-1].AddDays(400) // every event is known
			for _, p := range a.Parties {
				m, _ := a.StatusFor(p.ID, day)
				_, _, bound := life.BoundDuring(p.ID, day, day)
				if m.State.IsBound() != bound {
					t.Errorf("%s on %s: StatusFor says %s, BoundDuring %v", p.ID, day, m.State, bound)
				}
			}
			for i, x := range a.Parties {
				for _, y := range a.Parties[i+1:] {
					spells := life.PairSpells(x.ID, y.ID)
					binding := false
					for _, s := range spells {
						if !day.DefinitelyBefore(s.From) {
							binding = s.Binding
						}
					}
					if o := a.ObligationsBetween(x.ID, y.ID, day); o.Binding != binding {
						t.Errorf("%s-%s on %s: ObligationsBetween %v (%s), PairSpells %v", x.ID, y.ID, day, o.Binding, o.Reason, binding)
					}
				}
			}
		})
	}
}

// TestLifeIsComputedOnce: the questions asked of one agreement share its
// life: asking again does not compute it again.
func TestLifeIsComputedOnce(t *testing.T) {
	a := load(t, "cst-1992.yaml").Clone() // not yet asked
	before := agreement.LivesComputed()
	for range 3 {
		a.StatusOn(agreement.MustDate("2020-01-01"))
		a.PartiesOn(agreement.MustDate("2020-01-01"))
		a.StatusFor("uz", agreement.MustDate("2013-01-01"))
		a.EarliestExit("am", agreement.MustDate("2026-01-01"))
		a.Schedule(agreement.MustDate("2030-01-01"))
		a.History("ge", agreement.Date{})
	}
	if n := agreement.LivesComputed() - before; n != 1 {
		t.Errorf("%d lives computed for one agreement", n)
	}
	// An event added after the first question is seen: the life is
	// computed again.
	a.Timeline = append(a.Timeline, agreement.Event{Date: agreement.MustDate("2030-01-01"), Event: agreement.EventTerminated})
	if st := a.StatusOn(agreement.MustDate("2031-01-01")); st.State != agreement.StateTerminated {
		t.Errorf("after a termination was added: %s", st.State)
	}
	if n := agreement.LivesComputed() - before; n != 2 {
		t.Errorf("%d lives computed after the timeline grew, want 2", n)
	}
	before++
	// A clone is another agreement, with a life of its own.
	b := a.Clone()
	b.StatusOn(agreement.MustDate("2020-01-01"))
	if n := agreement.LivesComputed() - before; n != 2 {
		t.Errorf("%d lives computed for an agreement and its clone", n)
	}
}
