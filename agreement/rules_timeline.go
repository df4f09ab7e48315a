package agreement

import "fmt"

// The rules of the timeline.
const (
	RuleTimelineOrder     Rule = "timeline.order"     // an event dated before one of an earlier stage
	RuleTimelineSequence  Rule = "timeline.sequence"  // events of one party listed out of order
	RuleTimelineUnsourced Rule = "timeline.unsourced" // one of several conflicting reports cites no source
	RuleTimelinePreferred Rule = "timeline.preferred" // conflicting reports with none or several preferred
)

var timelineRules = []ruleDoc{
	{rule: RuleTimelineOrder, doc: "An event dated before an event of an earlier stage: ratified before signed, in force before ratified; a party's event before the agreement was signed (an accession to nothing). Parties' lives are compared each with the agreement's, not with each other's."},
	{rule: RuleTimelineSequence, doc: "Events of one party listed out of the order they happened (warning).", warning: true},
	{rule: RuleTimelineUnsourced, doc: "Events of one kind that disagree on the date, one of which cites no source."},
	{rule: RuleTimelinePreferred, doc: "Conflicting events with more than one marked preferred (error) or none (warning)."},
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
		return true
	case e.Party != "" && o.Party != "":
		return false // two parties' lives run apart
	case e.Party != "": // a party's event against the agreement's
		return so <= StageSignature
	default: // the agreement's event against a party's
		return len(c.a.Parties) <= 2
	}
}

func (c *checker) timeline() {
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
			c.report(SeverityError, RuleTimelineOrder, root.Child("timeline").Index(i).Child("date"), msg,
				"signature comes before ratification, which comes before entry into force")
			break
		}
	}
	// Events of one party are listed in the order they happened.
	last := map[string]int{}
	for i, e := range tl {
		if e.Party == "" {
			continue
		}
		if j, ok := last[e.Party]; ok && e.Date.DefinitelyBefore(tl[j].Date) {
			c.report(SeverityWarning, RuleTimelineSequence, root.Child("timeline").Index(i).Child("date"),
				fmt.Sprintf("%s of %s on %s is listed after its %s on %s", e.Event, e.Party, e.Date, tl[j].Event, tl[j].Date),
				"list the events in the order they happened")
		}
		last[e.Party] = i
	}
	c.conflicts()
}

// conflicts checks events of one kind and party that give different
// dates: conflicting reports must each cite a source, and at most one may
// be preferred.
func (c *checker) conflicts() {
	type group struct{ idx []int }
	groups := map[string]*group{}
	var order []string
	for i, e := range c.a.Timeline {
		if e.Date.IsZero() || e.Event == EventRatified || e.Event == EventApproved || e.Event == EventNotification {
			continue // no date to compare; or a party may ratify in two chambers, notify twice
		}
		k := string(e.Event) + "\x00" + e.Party
		if groups[k] == nil {
			groups[k] = &group{}
			order = append(order, k)
		}
		groups[k].idx = append(groups[k].idx, i)
	}
	for _, k := range order {
		idx := groups[k].idx
		if len(idx) < 2 || !datesDiffer(c.a.Timeline, idx) {
			continue
		}
		first := c.a.Timeline[idx[0]]
		preferred := 0
		for _, i := range idx {
			e := c.a.Timeline[i]
			if len(e.Sources) == 0 {
				c.report(SeverityError, RuleTimelineUnsourced, root.Child("timeline").Index(i),
					fmt.Sprintf("%d reports of %s disagree; this one cites no source", len(idx), e.Event), "add sources: to each report")
			}
			if e.Preferred {
				preferred++
				if preferred > 1 {
					c.report(SeverityError, RuleTimelinePreferred, root.Child("timeline").Index(i).Child("preferred"),
						fmt.Sprintf("more than one report of %s is preferred", e.Event), "mark one report preferred")
				}
			}
		}
		if preferred == 0 {
			c.report(SeverityWarning, RuleTimelinePreferred, root.Child("timeline").Index(idx[0]),
				fmt.Sprintf("%d reports of %s disagree and none is preferred", len(idx), first.Event), "mark the report to use preferred: true")
		}
	}
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
