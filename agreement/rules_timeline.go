package agreement

import (
	"fmt"
	"slices"
)

// The rules of the timeline.
const (
	RuleTimelineOrder        Rule = "timeline.order"          // an event dated before one of an earlier stage
	RuleTimelineSequence     Rule = "timeline.sequence"       // events of one party listed out of order
	RuleTimelineUnsourced    Rule = "timeline.unsourced"      // one of several conflicting reports cites no source
	RuleTimelinePreferred    Rule = "timeline.preferred"      // conflicting reports with none or several preferred
	RuleTimelineReport       Rule = "timeline.report"         // a report_of that names no event, or an event of another kind or party
	RuleTimelineNeverInForce Rule = "timeline.never-in-force" // an agreement that ended with no entry into force recorded
	RuleTimelineSuccessor    Rule = "timeline.successor"      // a succession with no successor, or the party itself as its successor
)

var timelineRules = []ruleDef{
	{rule: RuleTimelineOrder, doc: "An event dated before an event of an earlier stage: ratified before signed, in force before ratified; a party's event before the agreement was signed (an accession to nothing). Parties' lives are compared each with the agreement's, not with each other's.", check: (*checker).order},
	{rule: RuleTimelineSequence, doc: "Events of one party listed out of the order they happened (warning).", warning: true, check: (*checker).sequence},
	{rule: RuleTimelineUnsourced, doc: "Events of one kind that disagree on the date, one of which cites no source.", check: (*checker).unsourced},
	{rule: RuleTimelinePreferred, doc: "Conflicting reports of one event with more than one marked preferred (error) or none (warning).", mixed: true, check: (*checker).preferred},
	{rule: RuleTimelineNeverInForce, doc: "An agreement superseded, terminated or expired whose timeline records no entry into force, and whose term gives none (warning): it ended before it was in force, or its entry into force is missing.", warning: true, check: (*checker).neverInForce},
	{rule: RuleTimelineSuccessor, doc: "A succeeded event that names no successor, or names the party itself: a state is not its own successor.", check: (*checker).successions},
	{rule: RuleTimelineReport, doc: "A report_of that names no event id, or an event of another kind, party or towards: it is read as an event of its own.", check: (*checker).reportsOf},
}

// kind returns the events of a kind (and party, when given).
//
// party "" asks for the agreement's own events: those of no party.
func (tl Timeline) kind(k EventKind, party string) []Event {
	var out []Event
	for _, e := range tl {
		if e.Event == k && e.Party == party {
			out = append(out, e)
		}
	}
	return out
}

// preferredDate returns the date of the preferred event of a kind, or of
// the only one.
func (tl Timeline) preferredDate(k EventKind) Date {
	e, _ := tl.Preferred(k)
	return e.Date
}

// comparable reports whether the order of events e and o says something:
// events of the agreement among themselves, events of one party among
// themselves and against the agreement's making (its signature and what
// comes before), and, for two parties, the agreement's entry into force
// against their instruments. A third state's accession after the
// agreement entered into force is in order.
func (c *checker) comparable(e, o Event, so EventStage) bool {
	switch {
	case e.Party == o.Party:
		return !c.rejoined(e, o)
	case e.Party != "" && o.Party != "":
		return false // two parties' lives run apart
	case e.Party != "": // a party's event against the agreement's
		return so <= StageSignature
	default: // the agreement's event against a party's
		return len(c.a.Parties) <= 2
	}
}

// rejoined reports whether o, an event of a party dated after e, begins
// a new membership of it: the party left, or gave notice, on or after e
// and on or before o. A state that left may join again.
func (c *checker) rejoined(e, o Event) bool {
	if e.Party == "" {
		return false
	}
	for _, l := range c.a.Timeline {
		if k := l.Event.effect(); !k.leaves() && k != EffectNotice {
			continue
		}
		if l.Party == e.Party && !l.Date.DefinitelyBefore(e.Date) && !o.Date.DefinitelyBefore(l.Date) {
			return true
		}
	}
	return false
}

// order checks that no event comes before an event of an earlier stage
// that its order says something against (checker.comparable).
func (c *checker) order() {
	tl := c.a.Timeline
	stages := make([]EventStage, len(tl)) // each event's stage, or 0 for a kind the format does not have
	for i, e := range tl {
		stages[i] = e.Event.stage()
	}
	for i, e := range tl {
		// Every event of an earlier stage must not come after this one.
		si := stages[i]
		if si == 0 {
			continue
		}
		for k, o := range tl {
			so := stages[k]
			if so == 0 || so >= si || !e.Date.DefinitelyBefore(o.Date) || !c.comparable(e, o, so) {
				continue
			}
			msg := fmt.Sprintf("%s on %s comes before %s on %s", e.Event, e.Date, o.Event, o.Date)
			if e.Event == EventAcceded && o.Party == "" {
				msg = fmt.Sprintf("%s acceded on %s, before the agreement was %s on %s: there was nothing to accede to", e.Party, e.Date, o.Event, o.Date)
			}
			c.report(root.Child("timeline").Index(i).Child("date"), msg,
				"signature comes before ratification, which comes before entry into force")
			break
		}
	}
}

// sequence checks that the events of one party are listed in the order
// they happened.
func (c *checker) sequence() {
	tl := c.a.Timeline
	last := map[string]int{}
	for i, e := range tl {
		if e.Party == "" {
			continue
		}
		if j, ok := last[e.Party]; ok && e.Date.DefinitelyBefore(tl[j].Date) {
			c.report(root.Child("timeline").Index(i).Child("date"),
				fmt.Sprintf("%s of %s on %s is listed after its %s on %s", e.Event, e.Party, e.Date, tl[j].Event, tl[j].Date),
				"list the events in the order they happened")
		}
		last[e.Party] = i
	}
}

// successions checks that each succession names a successor other than
// the party itself.
func (c *checker) successions() {
	for i, e := range c.a.Timeline {
		if e.Event != EventSucceeded {
			continue
		}
		switch {
		case e.Successor == "":
			c.report(root.Child("timeline").Index(i), fmt.Sprintf("%s is succeeded, by no one named", e.Party), "name the party that takes its place: successor: ID")
		case e.Successor == e.Party:
			c.report(root.Child("timeline").Index(i).Child("successor"), fmt.Sprintf("%s is named as its own successor", e.Party), "name the party that takes its place")
		}
	}
}

// neverInForce warns of an agreement that ended (superseded, terminated,
// expired) with no entry into force recorded or derived: its answers say
// it was never in force.
func (c *checker) neverInForce() {
	end := slices.IndexFunc(c.a.Timeline, func(e Event) bool { return e.Party == "" && e.Event.effect() == EffectEnd })
	if end < 0 {
		return // only an agreement that ended is asked for its life
	}
	if _, ok := c.a.EntryIntoForce(); ok {
		return
	}
	e := c.a.Timeline[end]
	c.report(root.Child("timeline").Index(end).Child("event"),
		fmt.Sprintf("the agreement %s on %s, but no entry into force is recorded: its answers say it was never in force", e.Event, e.Date),
		"add its entered-into-force event, with its sources; if it ended unratified, this warning may be suppressed with the reason")
}

// reportsOf checks that each report_of names an event id, of an event
// of the same kind, party and towards.
func (c *checker) reportsOf() {
	tl := c.a.Timeline
	ids := map[string]int{}
	for i, e := range tl {
		if _, taken := ids[e.ID]; e.ID != "" && !taken {
			ids[e.ID] = i
		}
	}
	for i, e := range tl {
		if e.ReportOf == "" {
			continue
		}
		at := root.Child("timeline").Index(i).Child("report_of")
		switch j, ok := ids[e.ReportOf]; {
		case !ok:
			c.report(at, fmt.Sprintf("no event has the id %q", e.ReportOf), "give the event this reports id: "+e.ReportOf)
		case !sameOccurrence(tl[j], e):
			c.report(at, fmt.Sprintf("this %s reports event %q, which is %s", describeEvent(e), e.ReportOf, describeEvent(tl[j])), "a report is of an event of the same kind and party")
		}
	}
}

// disputed returns the events (Timeline.Occurrences) whose reports give
// different dates, found once for the two rules of such reports.
func (c *checker) disputed() []Occurrence {
	if c.disputes == nil {
		var found []Occurrence
		for _, o := range c.a.Timeline.Occurrences() {
			if len(o.Reports) > 1 && datesDiffer(c.a.Timeline, o.Reports) {
				found = append(found, o)
			}
		}
		c.disputes = &found
	}
	return *c.disputes
}

// unsourced checks that each of the reports of an event that disagree on
// its date cites a source.
func (c *checker) unsourced() {
	for _, o := range c.disputed() {
		for _, i := range o.Reports {
			if e := c.a.Timeline[i]; len(e.Sources) == 0 {
				c.report(root.Child("timeline").Index(i),
					fmt.Sprintf("%d reports of %s disagree; this one cites no source", len(o.Reports), e.Event), "add sources: to each report")
			}
		}
	}
}

// preferred checks that of the reports of an event that disagree on its
// date exactly one is preferred.
func (c *checker) preferred() {
	tl := c.a.Timeline
	for _, o := range c.disputed() {
		preferred := 0
		for _, i := range o.Reports {
			if tl[i].Preferred {
				if preferred++; preferred > 1 {
					c.report(root.Child("timeline").Index(i).Child("preferred"),
						fmt.Sprintf("more than one report of %s is preferred", tl[i].Event), "mark one report preferred")
				}
			}
		}
		if preferred == 0 {
			c.warn(root.Child("timeline").Index(o.Reports[0]),
				fmt.Sprintf("%d reports of %s disagree and none is preferred", len(o.Reports), tl[o.Reports[0]].Event),
				"mark the report to use preferred: true; if they are two steps, not two reports of one, give each an id")
		}
	}
}

// describeEvent names an event's kind and party for a message.
func describeEvent(e Event) string {
	s := string(e.Event)
	if e.Party != "" {
		s += " of " + e.Party
	}
	if e.Towards != "" {
		s += " towards " + e.Towards
	}
	return s
}

// datesDiffer reports whether the events at idx give different dates.
func datesDiffer(tl Timeline, idx []int) bool {
	for _, i := range idx[1:] {
		if tl[i].Date != tl[idx[0]].Date {
			return true
		}
	}
	return false
}
