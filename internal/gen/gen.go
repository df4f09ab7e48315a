// Package gen makes random agreements for property tests, fuzzing and
// benchmarks. With the same seed it makes the same agreement.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

// Options sizes a generated agreement.
type Options struct {
	Clauses int  // top-level clauses
	Depth   int  // levels of nested clauses below the top
	Tricky  bool // use strings that are hard to write as YAML
}

// Agreement returns a random agreement. Every value it holds survives a
// round trip through YAML and JSON; the agreement is not necessarily
// coherent (references may not resolve).
func Agreement(r *rand.Rand, o Options) *agreement.Agreement {
	g := gen{r: r, tricky: o.Tricky}
	a := &agreement.Agreement{
		Format:     agreement.FormatV1,
		ID:         fmt.Sprintf("gen-%d", r.IntN(1_000_000)),
		Version:    agreement.Version{Label: g.word(), Stage: pick(r, agreement.Stage("").Values()), Date: g.date(), Base: g.maybe(g.word)},
		Title:      g.sentence(),
		ShortTitle: g.maybe(g.sentence),
		Kind:       pick(r, agreement.Kind("").Values()),
		Languages:  g.list(3, func() string { return pick(r, []string{"en", "ru", "fa", "ko", "fr"}) }),
		Excerpt:    r.IntN(2) == 0,
		Contexts:   g.list(3, func() string { return pick(r, []string{"sco", "brics", "eaeu", "un"}) }),
		Notes:      g.maybe(g.sentence),
	}
	for i := range 1 + r.IntN(3) {
		a.Parties = append(a.Parties, g.party(i))
	}
	if r.IntN(4) > 0 {
		a.Term = g.term()
	}
	for range r.IntN(3) {
		a.Preamble = append(a.Preamble, agreement.Recital{Text: g.text(), Cites: g.list(2, g.word)})
	}
	for i := range o.Clauses {
		a.Clauses = append(a.Clauses, g.clause(fmt.Sprintf("art-%d", i+1), i+1, o.Depth))
	}
	for range r.IntN(4) {
		a.Cooperation = append(a.Cooperation, agreement.CooperationArea{
			Topic: pick(r, []string{"energy.oil-gas", "transport.corridors", "trade"}), Summary: g.maybe(g.sentence),
			Clauses: g.list(2, g.word), Sources: g.list(2, g.word),
		})
	}
	for range r.IntN(6) {
		e := agreement.Event{
			Date: g.date(), Event: pick(r, agreement.EventKind("").Values()), Party: g.maybe(g.word),
			Organ: g.maybe(g.sentence), Place: g.maybe(g.word), Sources: g.list(2, g.word),
			Preferred: r.IntN(4) == 0, Note: g.maybe(g.sentence),
		}
		switch e.Event {
		case agreement.EventObligationsSuspended, agreement.EventObligationsResumed:
			e.Towards = g.word()
		case agreement.EventSucceeded:
			e.Successor = g.word()
		case agreement.EventExtended, agreement.EventAmended:
			e.Effect = g.effect()
		}
		a.Timeline = append(a.Timeline, e)
	}
	for range r.IntN(3) {
		a.Relations = append(a.Relations, agreement.Relation{Type: pick(r, agreement.RelationType("").Values()), Agreement: g.word(), Note: g.maybe(g.sentence)})
	}
	for i := range r.IntN(4) {
		a.Sources = append(a.Sources, agreement.Source{
			ID: fmt.Sprintf("src-%d", i), Title: g.sentence(), Publisher: g.maybe(g.word),
			Date: g.date(), URL: g.maybe(func() string { return "https://example.org/" + g.word() }), Note: g.maybe(g.sentence),
		})
	}
	return a
}

type gen struct {
	r      *rand.Rand
	tricky bool
}

func pick[T any](r *rand.Rand, from []T) T { return from[r.IntN(len(from))] }

var words = []string{"treaty", "partnership", "energy", "corridor", "security", "Caspian", "trade", "cooperation", "Стороны", "همکاری"}

// tricky strings look like other YAML types or need quoting or escaping.
var tricky = []string{"yes", "no", "null", "~", "2025", "012", "0x1F", "1e3", "true", "- item", "key: value",
	"# not a comment", "  leading spaces", "trailing spaces  ", "line one\nline two", "line\n", "tab\there",
	"quote \" and ' marks", "@at", "`tick`", "*star", "&amp", "!bang", "%percent", "{brace}", "[bracket]",
	"2025-01-17", "---", "...", "|", ">", "emoji 🕊", "back\\slash", "\u00a0nbsp"}

func (g gen) word() string {
	if g.tricky && g.r.IntN(4) == 0 {
		return pick(g.r, tricky)
	}
	return pick(g.r, words) + fmt.Sprint(g.r.IntN(100))
}

func (g gen) sentence() string {
	n := 1 + g.r.IntN(12)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.word()
	}
	return strings.Join(parts, " ")
}

func (g gen) maybe(f func() string) string {
	if g.r.IntN(2) == 0 {
		return ""
	}
	return f()
}

func (g gen) list(n int, f func() string) []string {
	var out []string
	for range g.r.IntN(n + 1) {
		out = append(out, f())
	}
	return out
}

func (g gen) date() agreement.Date {
	d := agreement.Date{Year: 1900 + g.r.IntN(150)}
	if g.r.IntN(4) > 0 {
		d.Month = 1 + g.r.IntN(12)
		if g.r.IntN(3) > 0 {
			d.Day = 1 + g.r.IntN(28)
		}
	}
	d.Approximate = g.r.IntN(6) == 0
	d.Uncertain = g.r.IntN(6) == 0
	return d
}

func (g gen) duration() agreement.Duration {
	d := agreement.Duration{}
	switch g.r.IntN(3) {
	case 0:
		d.Years = 1 + g.r.IntN(30)
	case 1:
		d.Months = 1 + g.r.IntN(24)
	default:
		d.Days = 1 + g.r.IntN(90)
	}
	return d
}

func (g gen) text() agreement.Text {
	if g.r.IntN(3) == 0 {
		return agreement.Text{ByLanguage: map[string]string{"en": g.sentence(), "ru": g.sentence()}}
	}
	return agreement.PlainText(g.sentence())
}

func (g gen) party(i int) agreement.Party {
	p := agreement.Party{
		ID:      fmt.Sprintf("p%d", i),
		Kind:    parties.KindState,
		Country: pick(g.r, []string{"IR", "RU", "KP", "CN"}),
		Name:    g.maybe(g.sentence),
		Roles:   []parties.Role{parties.ContractingParty},
	}
	for range g.r.IntN(3) {
		p.Signatories = append(p.Signatories, agreement.Signatory{Name: g.sentence(), Office: g.maybe(g.sentence)})
	}
	return p
}

func (g gen) term() *agreement.Term {
	t := &agreement.Term{From: agreement.TermStartEntryIntoForce, Notice: g.duration()}
	if g.r.IntN(5) == 0 {
		t.Indefinite = true
	} else {
		t.Duration = g.duration()
	}
	if g.r.IntN(2) == 0 {
		t.Renewal = &agreement.Renewal{Period: g.duration(), Automatic: g.r.IntN(2) == 0}
	}
	if g.r.IntN(2) == 0 {
		t.EntryIntoForce = &agreement.EntryIntoForce{After: pick(g.r, agreement.TriggerEvent("").Values()), Delay: g.duration()}
		if g.r.IntN(3) == 0 {
			t.EntryIntoForce.Count = agreement.Count(1 + g.r.IntN(9))
			t.EntryIntoForce.Including = g.list(2, g.word)
			t.EntryIntoForce.Later = &agreement.LaterEntry{Delay: g.duration()}
		}
	}
	if g.r.IntN(4) == 0 {
		t.MinimumParties = agreement.Count(1 + g.r.IntN(5))
	}
	if g.r.IntN(3) == 0 {
		t.Withdrawal = &agreement.Withdrawal{After: g.duration(), NotBefore: g.date(), Notice: g.duration(),
			Effect: pick(g.r, append(agreement.WithdrawalEffect("").Values(), "")), Clauses: g.list(1, g.word), Receiver: g.maybe(g.sentence)}
	}
	return t
}

// effect is what a later instrument does.
func (g gen) effect() *agreement.Effect {
	f := &agreement.Effect{Parties: g.list(3, g.word), OthersLeave: g.r.IntN(2) == 0, Clauses: g.list(2, g.word), Instrument: g.maybe(g.word)}
	switch g.r.IntN(3) {
	case 0:
		f.Renewal = &agreement.Renewal{Period: g.duration(), Automatic: g.r.IntN(2) == 0}
	case 1:
		f.Until = g.date()
	default:
		f.By = g.duration()
	}
	return f
}

func (g gen) clause(id string, num, depth int) agreement.Clause {
	c := agreement.Clause{
		ID:      id,
		Num:     fmt.Sprint(num),
		Heading: g.maybe(g.sentence),
		Topics:  g.list(2, func() string { return pick(g.r, []string{"energy", "security.non-aggression", "defence"}) }),
		Summary: g.maybe(g.sentence),
		Text:    g.text(),
		Refs:    g.list(1, g.word),
	}
	for range g.r.IntN(3) {
		c.Commitments = append(c.Commitments, agreement.Commitment{
			Modality: pick(g.r, agreement.Modality("").Values()),
			By:       pick(g.r, []string{"each", "all", "p0"}),
			Kind:     pick(g.r, agreement.CommitmentKind("").Values()),
			Trigger:  pick(g.r, append(agreement.Trigger("").Values(), "")),
			Action:   g.maybe(g.sentence),
		})
		if g.r.IntN(3) == 0 {
			cm := &c.Commitments[len(c.Commitments)-1]
			cm.Triggers = []agreement.Trigger{pick(g.r, agreement.Trigger("").Values())}
			cm.Scope, cm.Condition = g.maybe(g.sentence), g.maybe(g.sentence)
		}
	}
	if depth > 0 {
		for i := range g.r.IntN(4) {
			c.Clauses = append(c.Clauses, g.clause(fmt.Sprintf("%s.%d", id, i+1), i+1, depth-1))
		}
	}
	return c
}
