package timeline

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/entente-go/entente/agreement"
)

// lanesFrom is the number of parties from which the pictures give each
// party a lane of its own: two parties share the agreement's life, more
// may join, leave and be suspended on their own.
const lanesFrom = 3

// laneColours are the colours of a party's states.
var laneColours = map[agreement.PartyState]string{
	agreement.PartySignatory: "#90caf9",
	agreement.PartyBound:     colTerm,
	agreement.PartyFrozen:    "#f9a825",
	agreement.PartySuspended: "#ef6c00",
	agreement.PartyWithdrawn: "#bdbdbd",
	agreement.PartySucceeded: "#757575",
	agreement.PartyEnded:     "#e0e0e0",
}

// lane is a party's life as the pictures show it.
type lane struct {
	name   string
	spells []agreement.Spell
}

// lanes returns a lane per party, and the span they cover: from the first
// spell to a year after the last.
func lanes(a *agreement.Agreement) ([]lane, time.Time, time.Time, bool) {
	if len(a.Parties) < lanesFrom {
		return nil, time.Time{}, time.Time{}, false
	}
	var from, last time.Time
	for _, e := range a.Timeline {
		if e.Date.IsZero() {
			continue
		}
		if t := e.Date.Last(); last.IsZero() || t.After(last) {
			last = t
		}
	}
	horizon := agreement.DateOf(last.AddDate(1, 0, 0))
	var out []lane
	for _, p := range a.Parties {
		l := lane{name: partyName(a, p.ID), spells: a.History(p.ID, horizon)}
		for _, s := range l.spells {
			if t := s.From.First(); from.IsZero() || t.Before(from) {
				from = t
			}
			if t := s.From.Last(); t.After(last) {
				last = t
			}
		}
		out = append(out, l)
	}
	if from.IsZero() {
		return nil, time.Time{}, time.Time{}, false
	}
	return out, time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(last.Year()+2, 1, 1, 0, 0, 0, 0, time.UTC), true
}

// membershipPanel draws a lane per party: its states in colour over the
// years.
func membershipPanel(b *bytes.Buffer, a *agreement.Agreement, y int) int {
	ls, from, to, ok := lanes(a)
	if !ok {
		return y
	}
	const nameRoom = 150
	y += 16
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" font-weight="bold" fill="%s">The parties</text>`+"\n", margin, y+4, colAxis)
	y += 14
	sc := scale{from: from, to: to, x0: margin + nameRoom, x1: width - margin}
	y = axis(b, sc, y, true)
	for _, l := range ls {
		y += rowHeight
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", margin, y, colAxis, esc(clip(l.name, 22)))
		for i, s := range l.spells {
			col, ok := laneColours[s.State]
			if !ok {
				continue
			}
			x0 := sc.x(s.From.First())
			x1 := sc.x1
			if i+1 < len(l.spells) {
				x1 = sc.x(l.spells[i+1].From.First())
			}
			dash := ""
			if s.State == agreement.PartySuspended || s.State == agreement.PartyFrozen {
				dash = ` stroke-dasharray="4 2"`
			}
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="%s"%s><title>%s</title></rect>`+"\n",
				x0, y-barHeight+4, max(x1-x0, 1), barHeight-4, col, col, dash, esc(fmt.Sprintf("%s: %s from %s", l.name, s.State, s.From)))
		}
	}
	y += rowHeight + 6
	x := margin
	for _, st := range []agreement.PartyState{agreement.PartySignatory, agreement.PartyBound, agreement.PartyFrozen, agreement.PartySuspended, agreement.PartyWithdrawn, agreement.PartySucceeded, agreement.PartyEnded} {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="14" height="10" fill="%s"/>`+"\n", x, y-9, laneColours[st])
		word := strings.ReplaceAll(string(st), "-", " ")
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s" font-size="11">%s</text>`+"\n", x+18, y, colAxis, esc(word))
		x += 18 + 7*len(word) + 14
	}
	return y + 10
}

// mermaidLanes writes a section per party: its states, each from its
// day.
func mermaidLanes(b *strings.Builder, a *agreement.Agreement) {
	ls, _, _, ok := lanes(a)
	if !ok {
		return
	}
	for _, l := range ls {
		if len(l.spells) == 0 {
			continue
		}
		fmt.Fprintf(b, "    section %s\n", mermaidText("Party "+l.name))
		for _, s := range l.spells {
			fmt.Fprintf(b, "        %s : %s\n", s.From, mermaidText(strings.ReplaceAll(string(s.State), "-", " ")))
		}
	}
}
