package timeline

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/entente-go/entente/agreement"
)

// Layout of the picture, in SVG user units.
const (
	width      = 960
	margin     = 24
	labelRoom  = 390 // room on the right of the first panel for labels
	rowHeight  = 22
	axisHeight = 28
	barHeight  = 16
)

// Colours: one per kind of mark, readable on white and in grey print.
const (
	colAxis      = "#555"
	colEvent     = "#1f4e79"
	colConflict  = "#b35900"
	colTerm      = "#2e7d32"
	colRenewal   = "#a5d6a7"
	colNotice    = "#c62828"
	colIndefinte = "#2e7d32"
)

// SVG draws the agreement's timeline as a standalone SVG picture.
//
// The first panel runs from the earliest event to shortly after entry into
// force, one event to a row: a full date is a dot, a month or year a bar
// across the span it may mean, an approximate or uncertain date a dashed
// bar. Reports that disagree are drawn in another colour, hollow, and
// labelled as such; the preferred one is filled.
//
// The second panel shows the term on a scale of years: the initial term,
// the first renewals under automatic renewal, and before each period's end
// the window in which notice would come too late; or an arrow for an
// indefinite term.
//
// For an agreement of three parties or more, a third panel gives each
// party a lane: its states over the years, from signatory to bound,
// frozen, suspended or withdrawn.
func SVG(a *agreement.Agreement) []byte {
	var body bytes.Buffer
	y := margin
	title := a.ShortTitle
	if title == "" {
		title = a.Title
	}
	fmt.Fprintf(&body, `<text x="%d" y="%d" font-size="16" font-weight="bold">%s</text>`+"\n", margin, y+4, esc(title))
	y += 24

	ens := entries(a)
	var dated []entry
	for _, en := range ens {
		if !en.event.Date.IsZero() {
			dated = append(dated, en)
		}
	}
	if len(dated) > 0 {
		y = lifePanel(&body, a, dated, y)
	}
	if sched, ok := a.Schedule(agreement.Date{}); ok {
		y = termPanel(&body, a, sched, y+16)
	}
	y = membershipPanel(&body, a, y)
	height := y + margin
	var out bytes.Buffer
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	out.WriteString(`<rect width="100%" height="100%" fill="white"/>` + "\n")
	out.WriteString(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="` + colNotice + `" fill-opacity="0.45"/></pattern>` +
		`<marker id="arrow" markerUnits="userSpaceOnUse" markerWidth="16" markerHeight="16" refX="8" refY="8" orient="auto"><path d="M0,0 L16,8 L0,16 z" fill="` + colIndefinte + `"/></marker></defs>` + "\n")
	out.Write(body.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes()
}

// scale maps days to x between x0 and x1.
type scale struct {
	from, to time.Time
	x0, x1   float64
}

func (s scale) x(t time.Time) float64 {
	span := s.to.Sub(s.from).Hours()
	if span <= 0 {
		return s.x0
	}
	return s.x0 + (s.x1-s.x0)*t.Sub(s.from).Hours()/span
}

// lifePanel draws the events up to entry into force, one to a row.
func lifePanel(b *bytes.Buffer, a *agreement.Agreement, ens []entry, y int) int {
	from, to := ens[0].event.Date.First(), ens[0].event.Date.Last()
	for _, en := range ens {
		if f := en.event.Date.First(); f.Before(from) {
			from = f
		}
		if l := en.event.Date.Last(); l.After(to) {
			to = l
		}
	}
	// Negotiations may start years before the rest: the panel starts a
	// year before signature, and earlier events are drawn at its edge.
	if signed := a.Timeline; len(signed) > 0 {
		for _, en := range ens {
			if en.event.Event == agreement.EventSigned {
				if lo := en.event.Date.First().AddDate(-1, 0, 0); lo.After(from) {
					from = lo
				}
				break
			}
		}
	}
	from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	to = time.Date(to.Year(), to.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	sc := scale{from: from, to: to, x0: margin, x1: width - margin - labelRoom}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" font-weight="bold" fill="%s">The road to entry into force</text>`+"\n", margin, y+4, colAxis)
	y += 14
	y = axis(b, sc, y, from.Year() != to.Year() || to.Sub(from) > 400*24*time.Hour)
	for _, en := range ens {
		y += rowHeight
		drawEvent(b, sc, en, y)
	}
	// Legend.
	y += rowHeight + 6
	legend := []struct{ mark, text string }{
		{fmt.Sprintf(`<circle cx="%d" cy="%d" r="5" fill="%s"/>`, margin+5, y-4, colEvent), "a day"},
		{fmt.Sprintf(`<rect x="%d" y="%d" width="24" height="8" rx="3" fill="%s" fill-opacity="0.5"/>`, margin+110, y-8, colEvent), "a month or year: the span it may mean"},
		{fmt.Sprintf(`<circle cx="%d" cy="%d" r="5" fill="white" stroke="%s" stroke-width="2"/>`, margin+420, y-4, colConflict), "reports that disagree (filled: preferred)"},
	}
	xs := []int{margin + 14, margin + 140, margin + 430}
	for i, l := range legend {
		b.WriteString(l.mark + "\n")
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", xs[i], y, colAxis, esc(l.text))
	}
	return y + 10
}

// axis draws a time axis with a tick per month (short spans) or per year.
func axis(b *bytes.Buffer, sc scale, y int, years bool) int {
	y += axisHeight
	fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>`+"\n", sc.x0, y, sc.x1, y, colAxis)
	months := int(sc.to.Sub(sc.from).Hours()/24/30.4) + 1
	step := 1
	switch {
	case months > 240:
		step = 60
	case months > 96:
		step = 24
	case months > 36:
		step = 12
	case months > 18:
		step = 3
	}
	first := true
	for t := sc.from; !t.After(sc.to); t = t.AddDate(0, step, 0) {
		if step >= 12 && t.Month() != time.January {
			t = time.Date(t.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
			if t.After(sc.to) {
				break
			}
		}
		x := sc.x(t)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>`+"\n", x, y-4, x, y+4, colAxis)
		label := t.Format("Jan 2006")
		if step >= 12 || (years && t.Month() == time.January && step > 1) {
			label = t.Format("2006")
		}
		anchor := "middle"
		if first && x-sc.x0 < 20 {
			anchor = "start" // keep the first label inside the picture
		}
		first = false
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="%s" fill="%s" font-size="11">%s</text>`+"\n", x, y-8, anchor, colAxis, label)
	}
	return y
}

func drawEvent(b *bytes.Buffer, sc scale, en entry, y int) {
	d := en.event.Date
	col := colEvent
	if en.conflict {
		col = colConflict
	}
	x0, x1 := sc.x(d.First()), sc.x(d.Last().Add(24*time.Hour))
	if d.Last().Before(sc.from) {
		// Before the panel: an arrow at its edge points back in time.
		fmt.Fprintf(b, `<path d="M%.1f,%d l10,-6 l0,12 z" fill="%s"/>`+"\n", sc.x0, y-4, col)
		fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", width-margin-labelRoom+10, y, col, esc(clip(d.String()+"  "+en.label+" (earlier)", 62)))
		return
	}
	x0 = max(x0, sc.x0)
	dash := ""
	if d.Approximate || d.Uncertain {
		dash = ` stroke-dasharray="4 2"`
	}
	// A faint guide from the axis to the row.
	fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>`+"\n", sc.x0, y-4, width-margin-labelRoom, y-4)
	if d.Precision() == agreement.DayPrecision {
		fill := col
		if en.conflict && !en.preferred {
			fill = "white"
		}
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%d" r="5" fill="%s" stroke="%s" stroke-width="2"%s/>`+"\n", x0, y-4, fill, col, dash)
	} else {
		w := max(x1-x0, 4)
		fill := col
		opacity := "0.5"
		if en.conflict && !en.preferred {
			fill, opacity = "white", "1"
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="8" rx="3" fill="%s" fill-opacity="%s" stroke="%s"%s/>`+"\n", x0, y-8, w, fill, opacity, col, dash)
	}
	text := en.event.Date.String() + "  " + en.label
	switch {
	case en.conflict && en.preferred:
		text += " — reports differ; preferred"
	case en.conflict:
		text += " — reports differ"
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", width-margin-labelRoom+10, y, col, esc(clip(text, 62)))
}

// termPanel draws the term on a scale of years.
func termPanel(b *bytes.Buffer, a *agreement.Agreement, s agreement.Schedule, y int) int {
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" font-weight="bold" fill="%s">The term</text>`+"\n", margin, y+4, colAxis)
	y += 14
	start := s.Start.First()
	if s.Indefinite || len(s.Periods) == 0 {
		end := time.Date(start.Year()+25, 1, 1, 0, 0, 0, 0, time.UTC)
		sc := scale{from: time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC), to: end, x0: margin, x1: width - margin}
		y = axis(b, sc, y, true)
		y += rowHeight + 6
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%d" marker-end="url(#arrow)"/>`+"\n",
			sc.x(start), y-4, sc.x1-12, y-4, colIndefinte, barHeight/2)
		y += rowHeight
		what := "indefinite: valid until terminated"
		if !s.Indefinite {
			what = "no term is given"
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s">in force from %s; %s</text>`+"\n", sc.x(start), y, colTerm, s.Start, esc(what))
		return y
	}
	// Show the initial term and up to two renewals.
	sched, _ := a.Schedule(s.Periods[0].End.Add(a.Term.Duration))
	periods := sched.Periods
	if len(periods) > 3 {
		periods = periods[:3]
	}
	endT := periods[len(periods)-1].End.First()
	sc := scale{
		from: time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
		to:   time.Date(endT.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC),
		x0:   margin, x1: width - margin,
	}
	y = axis(b, sc, y, true)
	y += rowHeight
	for _, p := range periods {
		x0, x1 := sc.x(p.Start.First()), sc.x(p.End.First())
		col, dash, what := colTerm, "", "initial term"
		if p.Renewal > 0 {
			col, dash, what = colRenewal, ` stroke-dasharray="5 3"`, fmt.Sprintf("renewal %d", p.Renewal)
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" stroke="%s"%s/>`+"\n", x0, y-barHeight+4, x1-x0, barHeight, col, colTerm, dash)
		if !p.NoticeBy.IsZero() {
			n0 := sc.x(p.NoticeBy.AddDays(1).First())
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="url(#hatch)" stroke="%s"/>`+"\n", n0, y-barHeight+4, x1-n0, barHeight, colNotice)
		}
		if p.Renewal == 0 {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s" font-size="11">%s: %s – %s</text>`+"\n", x0+4, y+16, colAxis, what, p.Start, p.LastDay)
		} else {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s" font-size="10" text-anchor="middle">%s</text>`+"\n", (x0+x1)/2, y+16, colAxis, what)
		}
		if !p.NoticeBy.IsZero() && p.Renewal == 0 {
			fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="%s" font-size="11" text-anchor="end">notice by %s</text>`+"\n", sc.x(p.End.First()), y+30, colNotice, p.NoticeBy)
		}
	}
	y += 44
	note := "renewals are not automatic"
	if r := a.Term.Renewal; r != nil && r.Automatic {
		note = fmt.Sprintf("renewed automatically for %s at a time unless a party gives %s notice", r.Period.Words(), a.Term.Notice.Words())
	} else if a.Term.Renewal == nil {
		note = "no renewal"
	}
	for _, x := range sched.Extensions {
		if r := x.Event.Effect.Renewal; r != nil {
			note = fmt.Sprintf("extended from %s by the instrument of %s, renewed for %s at a time", x.From, x.Event.Date, r.Period.Words())
		}
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">From %s, the entry into force (%s); %s.</text>`+"\n",
		margin, y, colAxis, s.Start, esc(clip(s.EntryIntoForce.Basis, 50)), esc(note))
	y += 18
	fmt.Fprintf(b, `<text x="%d" y="%d" fill="%s">Hatched: the last stretch of each period, when notice to end it at the period's end would come too late.</text>`+"\n",
		margin, y, colNotice)
	return y
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
