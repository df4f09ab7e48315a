package agreement

import (
	"cmp"
	"slices"
	"time"
)

// Occurrence is one event of the agreement's life with every report of
// it: reports that disagree on its date are weighed, not applied one
// after the other.
//
// Reports are grouped explicitly by report_of, which names the ID of the
// event they report. Events with no ID are grouped by their kind, party
// and towards when nothing of that party (or of the agreement, for its
// own events) going the other way lies between them: a resumption
// between two suspensions, an accession between two withdrawals. An
// event with an ID is never grouped without report_of, so two steps of
// one kind (frozen, then frozen again) are written by giving them IDs. Ratification steps (ratified, approved, notified, submitted)
// are never grouped: a party may ratify in two chambers, or notify twice.
type Occurrence struct {
	Kind    EventKind
	Party   string
	Towards string
	// Reports are the timeline indexes of its reports, in the order
	// written; Taken is the one the answers take: the preferred report,
	// or else the most precise, and of those the latest (under which the
	// least is claimed).
	Reports []int
	Taken   int
}

// Known is the first day the occurrence may have happened: the first day
// of its earliest report. Zero for an event no report dates.
func (o Occurrence) known(tl Timeline) time.Time {
	var first time.Time
	for _, i := range o.Reports {
		if d := tl[i].Date; !d.IsZero() && (first.IsZero() || d.First().Before(first)) {
			first = d.First()
		}
	}
	return first
}

// NotTaken returns the reports of the occurrence that the answers do not
// take and that give another date.
func (o Occurrence) notTaken(tl Timeline) []Event {
	var out []Event
	for _, i := range o.Reports {
		if i != o.Taken && tl[i].Date != tl[o.Taken].Date {
			out = append(out, tl[i])
		}
	}
	return out
}

// neverGrouped are the kinds of event whose reports are never grouped
// without report_of: steps that are taken more than once (a party may
// ratify in two chambers; a term is renewed, extended, amended again; an
// agreement is reported in force on many days).
var neverGrouped = []EventKind{EventRatified, EventApproved, EventNotification, EventSubmitted, EventRenewed, EventExtended, EventAmended, EventInForce}

// direction says whether an effect brings into the agreement (+1: a
// signature, an instrument, an accession, entry into force, a
// resumption) or out of it (-1: notice, suspension, freeze, leaving, the
// end, succession); 0 for neither. A run of reports of one kind is
// closed by an event of its owner going the other way.
func direction(k EventEffect) int {
	switch k {
	case EffectSign, EffectInstrument, EffectAccede, EffectEnter, EffectProvisional, EffectResume, EffectPairResume:
		return 1
	case EffectNotice, EffectSuspend, EffectFreeze, EffectLeave, EffectEnd, EffectSucceed, EffectPairSuspend:
		return -1
	}
	return 0
}

// Occurrences groups the timeline's events into occurrences, ordered by
// the date of the report each takes (an undated one first), then by the
// order written.
func (tl Timeline) Occurrences() []Occurrence {
	ids := map[string]int{} // event id -> timeline index
	for i, e := range tl {
		if e.ID != "" {
			if _, dup := ids[e.ID]; !dup {
				ids[e.ID] = i
			}
		}
	}
	group := make([]int, len(tl)) // each event's group leader
	for i := range group {
		group[i] = i
	}
	// Explicit reports join the event they name, when it is of the same
	// kind and party; otherwise they stand alone (timeline.report says
	// so).
	for i, e := range tl {
		if e.ReportOf == "" {
			continue
		}
		if j, ok := ids[e.ReportOf]; ok && j != i && sameOccurrence(tl[j], e) {
			group[i] = j
		}
	}
	for i := range group { // a chain of report_of leads to the first
		for k := 0; group[i] != group[group[i]] && k < len(tl); k++ {
			group[i] = group[group[i]]
		}
	}
	// Implicit reports: events with no ID and no report_of, of one kind,
	// party and towards, with nothing of that party's life between them.
	order := make([]int, len(tl))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return tl[x].Date.Compare(tl[y].Date) })
	open := map[[3]string]int{} // the open run of a key: its leader
	for _, i := range order {
		e := tl[i]
		if e.Date.IsZero() {
			continue
		}
		// An event of an owner going the other way (a resumption after a
		// suspension, an accession after leaving) closes the owner's runs.
		if d := direction(e.Event.effect()); d != 0 {
			for key := range open {
				if key[1] == e.Party && direction(EventKind(key[0]).effect()) == -d {
					delete(open, key)
				}
			}
		}
		if e.ID != "" || e.ReportOf != "" || slices.Contains(neverGrouped, e.Event) {
			continue
		}
		key := [3]string{string(e.Event), e.Party, e.Towards}
		if leader, ok := open[key]; ok {
			group[i] = leader
			continue
		}
		open[key] = i
	}
	byLeader := map[int]*Occurrence{}
	var out []*Occurrence
	for i, e := range tl {
		leader := group[i]
		o := byLeader[leader]
		if o == nil {
			o = &Occurrence{Kind: e.Event, Party: e.Party, Towards: e.Towards}
			byLeader[leader] = o
			out = append(out, o)
		}
		o.Reports = append(o.Reports, i)
	}
	result := make([]Occurrence, len(out))
	for k, o := range out {
		o.Taken = takenReport(tl, o.Reports)
		result[k] = *o
	}
	slices.SortStableFunc(result, func(x, y Occurrence) int { return tl[x.Taken].Date.Compare(tl[y.Taken].Date) })
	return result
}

func sameOccurrence(a, b Event) bool {
	return a.Event == b.Event && a.Party == b.Party && a.Towards == b.Towards
}

// takenReport chooses among reports of one event: the first marked
// preferred; else the most precise (a full date beats a month or a year,
// a plain date an approximate one), and of those the latest.
func takenReport(tl Timeline, reports []int) int {
	for _, i := range reports {
		if tl[i].Preferred {
			return i
		}
	}
	best := reports[0]
	for _, i := range reports[1:] {
		if c := cmp.Compare(precisionRank(tl[i].Date), precisionRank(tl[best].Date)); c > 0 || c == 0 && tl[best].Date.Compare(tl[i].Date) < 0 {
			best = i
		}
	}
	return best
}

// precisionRank orders dates by how much they say: a full date above a
// month above a year, a plain one above an approximate or uncertain one.
func precisionRank(d Date) int {
	if d.IsZero() {
		return 0
	}
	r := 2 * int(d.Precision())
	if !d.Approximate && !d.Uncertain {
		r++
	}
	return r
}
