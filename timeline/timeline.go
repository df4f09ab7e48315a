// Package timeline draws an agreement's life: as a Mermaid timeline
// diagram, which GitHub shows in Markdown, and as a standalone SVG
// picture.
//
//   - [Mermaid] lists the events by stage, conflicting reports marked,
//     and for three parties or more a section per party with its states.
//   - [SVG] draws two panels: the road to entry into force, one event to a
//     row on a scale of months (partial dates as the spans they are), and
//     the term on a scale of years, with renewals and notice windows; and
//     for three parties or more, a lane per party.
package timeline

import (
	"fmt"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// entry is one event as the pictures show it.
type entry struct {
	event     agreement.Event
	label     string
	conflict  bool // another report of the same event gives another date
	preferred bool
}

func entries(a *agreement.Agreement) []entry {
	var out []entry
	for _, e := range a.Timeline {
		out = append(out, entry{event: e, label: eventLabel(a, e), preferred: e.Preferred, conflict: a.Timeline.Disputed(e)})
	}
	return out
}

func eventLabel(a *agreement.Agreement, e agreement.Event) string {
	s := strings.ReplaceAll(string(e.Event), "-", " ")
	var who []string
	if e.Party != "" {
		who = append(who, partyName(a, e.Party))
	}
	if e.Organ != "" {
		who = append(who, e.Organ)
	}
	if len(who) > 0 {
		s += " — " + strings.Join(who, ", ")
	}
	if e.Place != "" {
		s += " in " + e.Place
	}
	return s
}

func partyName(a *agreement.Agreement, id string) string {
	for _, p := range a.Parties {
		if p.ID == id && p.Country != "" {
			return p.Country
		}
	}
	return id
}

// mermaidText makes text safe inside a Mermaid timeline line, where a
// colon starts a new event and a semicolon or hash may end the text.
func mermaidText(s string) string {
	return strings.NewReplacer(":", " -", ";", ",", "#", "no. ", "\n", " ").Replace(s)
}

// Mermaid returns the timeline as a Mermaid "timeline" diagram: events
// grouped by stage, conflicting reports marked, and the term's end and
// notice deadline where the term gives them.
func Mermaid(a *agreement.Agreement) string {
	var b strings.Builder
	b.WriteString("timeline\n")
	title := a.ShortTitle
	if title == "" {
		title = a.Title
	}
	fmt.Fprintf(&b, "    title %s\n", mermaidText(title))
	section := ""
	for _, en := range entries(a) {
		if s := en.event.Section(); s != section {
			section = s
			fmt.Fprintf(&b, "    section %s\n", s)
		}
		label := en.label
		switch {
		case en.conflict && en.preferred:
			label += " [reports differ - preferred]"
		case en.conflict:
			label += " [reports differ]"
		}
		if len(en.event.Sources) > 0 && en.conflict {
			label += " per " + strings.Join(en.event.Sources, ", ")
		}
		fmt.Fprintf(&b, "        %s : %s\n", en.event.Date, mermaidText(label))
	}
	if sched, ok := a.Schedule(agreement.Date{}); ok {
		switch {
		case sched.Indefinite:
			fmt.Fprintf(&b, "    section Term\n        %s : indefinite - valid until terminated\n", sched.Start)
		case len(sched.Periods) > 0:
			p := sched.Periods[0]
			fmt.Fprintf(&b, "    section Term\n")
			if !p.NoticeBy.IsZero() {
				fmt.Fprintf(&b, "        %s : last day to give notice before the initial term ends\n", p.NoticeBy)
			}
			end := "initial term ends"
			if r := a.Term.Renewal; r != nil && r.Automatic {
				end += fmt.Sprintf(" unless renewed - renewal is automatic, %s at a time", r.Period.Words())
			}
			fmt.Fprintf(&b, "        %s : %s\n", p.End, end)
		}
	}
	mermaidLanes(&b, a)
	return b.String()
}
