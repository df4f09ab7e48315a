package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// The rules of the term.
const (
	RuleTermEntryIntoForce Rule = "term.entry-into-force" // entry into force not as the term's rule gives it
	RuleTermInconsistent   Rule = "term.inconsistent"     // a term that contradicts itself
	RuleTermExpiry         Rule = "term.expiry"           // an expiry that does not match the term
	RuleTermWithdrawal     Rule = "term.withdrawal"       // a notice of withdrawal before the term allows one
)

var termRules = []ruleDef{
	{rule: RuleTermEntryIntoForce, doc: "An entry-into-force date that differs from the term's rule applied to the timeline (a warning for a report that is not preferred).", mixed: true, check: (*checker).entryIntoForce},
	{rule: RuleTermInconsistent, doc: "A term that contradicts itself: indefinite with a duration, a notice not shorter than the term.", check: (*checker).termConsistent},
	{rule: RuleTermExpiry, doc: "An expiry date that is not the start plus the term or plus whole renewal periods (warning).", warning: true, check: (*checker).expiry},
	{rule: RuleTermWithdrawal, doc: "A party's notice of withdrawal dated before the first day the term's withdrawal rule allows one.", check: (*checker).withdrawals},
}

// termToCheck returns the term, or nil when there is none or the loader
// or the schema found it broken: the rules of the term would only repeat
// that finding.
func (c *checker) termToCheck() *Term {
	if c.a.Term == nil || c.broken("term") {
		return nil
	}
	return c.a.Term
}

// termConsistent checks that the term does not contradict itself.
func (c *checker) termConsistent() {
	t := c.termToCheck()
	if t == nil {
		return
	}
	term := root.Child("term")
	if t.Indefinite && !t.Duration.IsZero() {
		c.report(term.Child("indefinite"), "the term is both indefinite and of a fixed duration", "remove indefinite: or duration:")
	}
	if t.Indefinite && t.Renewal != nil {
		c.report(term.Child("renewal"), "an indefinite term cannot be renewed", "remove renewal: or indefinite:")
	}
	if t.Duration.IsZero() && !t.Indefinite && t.Renewal != nil {
		c.report(term.Child("renewal"), "a renewal is given but no initial duration", "add duration:")
	}
	if !t.Notice.IsZero() && !t.Duration.IsZero() && longerOrEqual(t.Notice, t.Duration) {
		c.report(term.Child("notice"), fmt.Sprintf("the notice (%s) is not shorter than the term (%s)", t.Notice, t.Duration), "")
	}
	if t.Renewal != nil && !t.Notice.IsZero() && !t.Renewal.Period.IsZero() && longerOrEqual(t.Notice, t.Renewal.Period) {
		c.report(term.Child("notice"), fmt.Sprintf("the notice (%s) is not shorter than the renewal period (%s)", t.Notice, t.Renewal.Period), "")
	}
}

// laterEntries checks the entry into force for a party that joined once
// the agreement was in force against the rule for later parties: its
// instrument plus the delay.
func (c *checker) laterEntries() {
	rule := c.a.Term.EntryIntoForce
	if rule.Later == nil {
		return
	}
	eif, ok := c.a.EntryIntoForce()
	if !ok || !eif.Date.Exact() {
		return
	}
	for i, e := range c.a.Timeline {
		if e.Event != EventEnteredIntoForce || e.Party == "" || !e.Date.Exact() {
			continue
		}
		var instrument *Event
		for _, o := range c.a.Timeline.ofParty(e.Party) {
			if (o.Event.effect() == EffectAccede || o.Event.effect() == EffectInstrument) && o.Date.Exact() && !o.Date.DefinitelyBefore(eif.Date) {
				instrument = &o
				break
			}
		}
		if instrument == nil {
			continue
		}
		if want := instrument.Date.Add(rule.Later.Delay); want != e.Date {
			c.report(root.Child("timeline").Index(i).Child("date"),
				fmt.Sprintf("entry into force for %s on %s does not follow the rule for later parties: %s after its %s (%s) is %s",
					e.Party, e.Date, rule.Later.Delay, instrument.Event, instrument.Date, want), "")
		}
	}
}

// withdrawals checks that no party gave notice of withdrawal before the
// term's rule allows: before the lock-in after entry into force, or
// before the date it names.
func (c *checker) withdrawals() {
	t := c.termToCheck()
	if t == nil {
		return
	}
	w := t.Withdrawal
	if w == nil || (w.After.IsZero() && w.NotBefore.IsZero()) {
		return
	}
	first := w.NotBefore
	if !w.After.IsZero() {
		eif, ok := c.a.EntryIntoForce()
		if !ok {
			return
		}
		if lock := eif.Date.Add(w.After); first.IsZero() || first.Compare(lock) < 0 {
			first = lock
		}
	}
	for i, e := range c.a.Timeline {
		if e.Party == "" || (e.Event != EventWithdrawalNotified && e.Event != EventNoticeGiven) {
			continue
		}
		if e.Date.DefinitelyBefore(first) {
			c.report(root.Child("timeline").Index(i).Child("date"),
				fmt.Sprintf("%s gave notice of withdrawal on %s, but the term allows none before %s", e.Party, e.Date, first),
				"check the date, or the term's withdrawal rule")
		}
	}
}

// longerOrEqual compares durations on a fixed calendar: the same start
// date for both.
func longerOrEqual(a, b Duration) bool {
	start := Date{Year: 2001, Month: 1, Day: 1}
	return !start.Add(a).First().Before(start.Add(b).First())
}

// entryIntoForce checks the agreement's entry into force, and each later
// party's, against the term's rule for it.
func (c *checker) entryIntoForce() {
	t := c.termToCheck()
	if t == nil || t.EntryIntoForce == nil {
		return
	}
	c.laterEntries()
	rule := t.EntryIntoForce
	trigger, ok := c.a.triggerDate(rule)
	if !ok || !trigger.Exact() {
		return
	}
	want := trigger.Add(rule.Delay)
	reports := c.a.Timeline.kind(EventEnteredIntoForce, "")
	for i, e := range c.a.Timeline {
		if e.Event != EventEnteredIntoForce || e.Party != "" || !e.Date.Exact() || e.Date == want {
			continue
		}
		report := c.report
		if len(reports) > 1 && !e.Preferred {
			report = c.warn // one of several reports; the preferred one decides
		}
		report(root.Child("timeline").Index(i).Child("date"),
			fmt.Sprintf("entry into force on %s does not follow the term's rule: %s after the %s (%s) is %s",
				e.Date, rule.Delay, strings.ReplaceAll(string(rule.After), "-", " "), trigger, want), "")
	}
}

// expiry checks an expired event against the term: the start plus the
// initial term, or plus a whole number of renewal periods.
func (c *checker) expiry() {
	t := c.termToCheck()
	if t == nil || t.Duration.IsZero() {
		return
	}
	var start Date
	switch t.From {
	case TermStartSignature:
		start = c.a.Timeline.preferredDate(EventSigned)
	default:
		start = c.a.Timeline.preferredDate(EventEnteredIntoForce)
	}
	if !start.Exact() {
		return
	}
	for i, e := range c.a.Timeline {
		if e.Event != EventExpired || e.Party != "" || !e.Date.Exact() {
			continue
		}
		end := start.Add(t.Duration)
		possible := []Date{end}
		for k := 0; t.Renewal != nil && !t.Renewal.Period.IsZero() && k < 100 && end.First().Before(e.Date.First()); k++ {
			end = end.Add(t.Renewal.Period)
			possible = append(possible, end)
		}
		if !slices.Contains(possible, e.Date) {
			c.report(root.Child("timeline").Index(i).Child("date"),
				fmt.Sprintf("expiry on %s does not match the term: from %s, %s ends on %s", e.Date, start, t.Duration, possible[0]), "")
		}
	}
}
