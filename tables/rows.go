package tables

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// AgreementRow is one agreement: its dates, its parties and the
// obligations of its security profile.
type AgreementRow struct {
	Agreement string `json:"agreement"`
	Version   string `json:"version"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	Parties   int    `json:"parties"`
	Bilateral bool   `json:"bilateral"`
	Signed    Day    `json:"signed,omitzero"`
	InForce   Day    `json:"in_force,omitzero"` // its entry into force
	// Ended is the first day it was no longer in force, when that lies
	// within the table's years; EndedBy the kind of event that ended it.
	Ended   Day    `json:"ended,omitzero"`
	EndedBy string `json:"ended_by,omitempty"`
	// InEffect says it was in force on the last day of the table's
	// years: its end, if it has one, lies beyond them (censored).
	InEffect    bool        `json:"in_effect"`
	Obligations Obligations `json:"obligations"`
}

// Agreements returns a row for each agreement whose life touches the
// years: signed by their end, not ended before their start.
func Agreements(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[AgreementRow] {
	return func(yield func(AgreementRow) bool) {
		for a := range as {
			signed, _ := a.Timeline.Preferred(agreement.EventSigned)
			if !signed.Date.IsZero() && signed.Date.Year > y.To {
				continue
			}
			row := AgreementRow{Agreement: a.ID, Version: a.Version.Label, Title: a.Title, Kind: string(a.Kind),
				Parties: contracting(a), Signed: dayOf(signed.Date, false, []agreement.Event{signed}), Obligations: owed(a, "", "")}
			row.Bilateral = row.Parties == 2
			if sched, ok := a.Schedule(y.last()); ok {
				eif := sched.EntryIntoForce
				row.InForce = dayOf(eif.Date, eif.AtLatest, eventList(eif.Event))
				if !sched.Ended.IsZero() {
					if sched.Ended.Compare(y.first()) <= 0 {
						continue // ended before the table's years
					}
					if sched.Ended.Year <= y.To {
						row.Ended = dayOf(sched.Ended, false, eventList(sched.EndedBy))
						if sched.EndedBy != nil {
							row.EndedBy = string(sched.EndedBy.Event)
						}
					}
				}
			}
			row.InEffect = a.StatusOn(y.last()).State == agreement.StateInForce
			if !yield(row) {
				return
			}
		}
	}
}

func eventList(e *agreement.Event) []agreement.Event {
	if e == nil {
		return nil
	}
	return []agreement.Event{*e}
}

// contracting counts the parties with a life in the agreement: not a
// depositary only.
func contracting(a *agreement.Agreement) int {
	n := 0
	for _, p := range a.Parties {
		if len(a.Life().Spells(p.ID)) > 0 {
			n++
		}
	}
	return n
}

// MemberRow is one spell of a party's membership: bound, frozen or
// suspended (agreement.PartyState.IsParty), from its first day to its
// last.
type MemberRow struct {
	Agreement string `json:"agreement"`
	Party     string `json:"party"`
	Country   string `json:"country,omitempty"`
	COW       int    `json:"cow,omitzero"` // in the year it began
	GW        int    `json:"gw,omitzero"`
	State     string `json:"state"`
	From      Day    `json:"from,omitzero"`
	// To is the spell's last day; zero when it runs past the table's
	// years, which Censored then says.
	To       Day    `json:"to,omitzero"`
	Censored bool   `json:"censored"`
	Basis    string `json:"basis"`
}

// Members returns the membership spells of every party that lie, in
// part, within the years.
func Members(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[MemberRow] {
	return func(yield func(MemberRow) bool) {
		for a := range as {
			life := a.Life()
			own := ownEvents(a, y)
			for _, p := range a.Parties {
				spells := life.Spells(p.ID)
				for i, sp := range spells {
					if !sp.State.IsParty() || sp.From.Year > y.To {
						continue
					}
					row := MemberRow{Agreement: a.ID, Party: p.ID, State: string(sp.State), Basis: sp.Basis,
						From: dayOf(sp.From, sp.FromAtLatest, own(sp))}
					c := codesIn(p.Country, sp.From.Year)
					row.Country, row.COW, row.GW = c.Country, c.COW, c.GW
					if i+1 < len(spells) {
						next := spells[i+1]
						last := next.From.AddDays(-1)
						if last.Compare(y.first()) < 0 {
							continue // over before the table's years
						}
						if last.Year <= y.To {
							row.To = dayOf(last, next.FromAtLatest, own(next))
						}
					}
					row.Censored = row.To.Date.IsZero()
					if !yield(row) {
						return
					}
				}
			}
		}
	}
}

// ownEvents returns, for a spell, the events that began it: its own, or,
// for a spell that follows from the agreement's life (bound from its
// entry into force, out at its end), the agreement's event of that day.
func ownEvents(a *agreement.Agreement, y Years) func(agreement.Spell) []agreement.Event {
	sched, ok := a.Schedule(y.last())
	return func(sp agreement.Spell) []agreement.Event {
		switch {
		case len(sp.Events) > 0 || !ok:
			return sp.Events
		case sp.State == agreement.PartyEnded && sched.EndedBy != nil && sp.From == sched.Ended:
			return []agreement.Event{*sched.EndedBy}
		case sp.State.IsParty() && sched.EntryIntoForce.Event != nil && sp.From == sched.EntryIntoForce.Date:
			return []agreement.Event{*sched.EntryIntoForce.Event}
		}
		return nil
	}
}

// MemberYearRow is a year in which a party was bound (its obligations
// ran: agreement.PartyState.IsBound) on at least one day.
type MemberYearRow struct {
	Agreement string         `json:"agreement"`
	Party     string         `json:"party"`
	Country   string         `json:"country,omitempty"`
	COW       int            `json:"cow,omitzero"`
	GW        int            `json:"gw,omitzero"`
	Year      int            `json:"year"`
	First     agreement.Date `json:"first"` // the first and last day of the year it was bound
	Last      agreement.Date `json:"last"`
	// Censored says it was still bound on the last day of the table's
	// last year.
	Censored bool `json:"censored"`
	// Sources are those of the events behind First and Last, when they
	// are the days it became bound or ceased to be.
	Sources []string `json:"sources,omitempty"`
	// Obligations are what the party owes the others.
	Obligations Obligations `json:"obligations"`

	obligationsRecord []string // its CSV fields, made once for all the years of a party
	obligationsCSV    []byte   // and as CSV
}

// MemberYears returns a row for each party and year of the table in
// which it was bound on some day.
func MemberYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[MemberYearRow] {
	return values(memberYears(as, y))
}

// memberYears gives MemberYears's rows in one row, filled again for each.
func memberYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[*MemberYearRow] {
	return func(yield func(*MemberYearRow) bool) {
		var row MemberYearRow
		for a := range as {
			life := a.Life()
			own := ownEvents(a, y)
			for _, p := range a.Parties {
				spans := merge(spellSpans(life.Spells(p.ID), agreement.PartyState.IsBound, own))
				if len(spans) == 0 {
					continue
				}
				obligations := owed(a, p.ID, "")
				record := obligations.record()
				encoded := obligationsCSV(record)
				byYear := yearCodesOf(p.Country)
				for _, s := range spans {
					from, to, ok := s.years(y)
					for year := from; ok && year <= to; year++ {
						first, last, censored, in := s.inYear(year, y)
						if !in {
							continue
						}
						c := byYear.in(year)
						row = MemberYearRow{Agreement: a.ID, Party: p.ID, Country: c.Country, COW: c.COW, GW: c.GW, Year: year,
							First: first, Last: last, Censored: censored, Sources: s.sourcesIn(first, last), Obligations: obligations,
							obligationsRecord: record, obligationsCSV: encoded}
						if !yield(&row) {
							return
						}
					}
				}
			}
		}
	}
}

// merge joins spans that follow one another without a gap (bound, then
// frozen: bound throughout), so that a year is one row.
func merge(spans []span) []span {
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && !out[n-1].To.IsZero() && out[n-1].To.AddDays(1) == s.From {
			out[n-1].To, out[n-1].EndSources = s.To, s.EndSources
			continue
		}
		out = append(out, s)
	}
	return out
}

// DyadYearRow is a year of the obligations between two parties of an
// agreement: A is the first by country code, then party id.
type DyadYearRow struct {
	Agreement string `json:"agreement"`
	A         string `json:"a"`
	B         string `json:"b"`
	CountryA  string `json:"country_a,omitempty"`
	CountryB  string `json:"country_b,omitempty"`
	COWA      int    `json:"cow_a,omitzero"`
	COWB      int    `json:"cow_b,omitzero"`
	GWA       int    `json:"gw_a,omitzero"`
	GWB       int    `json:"gw_b,omitzero"`
	Year      int    `json:"year"`
	// Binding says the obligations between them bound on some day of the
	// year, First and Last the first and last such day.
	Binding bool           `json:"binding"`
	First   agreement.Date `json:"first,omitzero"`
	Last    agreement.Date `json:"last,omitzero"`
	// Suspended says that on some day of the year the obligations between
	// them were suspended (obligations-suspended) though both were bound.
	Suspended bool `json:"suspended"`
	// Censored says they still bound on the last day of the table's last
	// year.
	Censored bool `json:"censored"`
	// Sources are those of the events behind First and Last, when they
	// are days the obligations between them began or ceased to bind.
	Sources []string `json:"sources,omitempty"`
	// AB is what A owes B; BA what B owes A. They differ when a
	// commitment is made by one party, or toward one.
	AB Obligations `json:"ab"`
	BA Obligations `json:"ba"`

	// abRecord and baRecord are AB's and BA's CSV fields, made once for
	// all the years of a pair, and abCSV and baCSV the same as CSV.
	abRecord, baRecord []string
	abCSV, baCSV       []byte
	abHead, baHead     []byte // the first fields of a line, from A and from B
	// plainTail is the fields of a line after its dates in a year neither
	// suspended nor censored and without sources; codesCSV the four codes
	// of codesOf, as the last line wrote them.
	plainTail []byte
	codesCSV  []byte
	codesOf   [4]int
}

// DyadYears returns a row for each pair of parties and year of the table
// in which the obligations between them bound, or were suspended, on some
// day.
func DyadYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[DyadYearRow] {
	return values(dyadYears(as, y))
}

// dyadYears gives DyadYears's rows in one row, filled again for each: a
// row, with the obligations both ways, is most of a kilobyte.
func dyadYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[*DyadYearRow] {
	return func(yield func(*DyadYearRow) bool) {
		eachPair(as, y, func(pl *pairLives, i, j int) bool { return pl.pairYears(i, j, yield) })
	}
}

// eachPair calls f for each pair of parties i and j of each agreement,
// with the agreement's lives, until f returns false.
func eachPair(as iter.Seq[*agreement.Agreement], y Years, f func(pl *pairLives, i, j int) bool) {
	var years []pairYear // room for a pair's years, used again for the next
	for a := range as {
		pl := pairLivesOf(a, y)
		pl.years = years
		for i := range pl.parties {
			for j := i + 1; j < len(pl.parties); j++ {
				if !f(pl, i, j) {
					return
				}
			}
		}
		years = pl.years
	}
}

// DirectedDyadYearRow is a year of what one party owes another: a dyad
// year seen from From, listed for both orders of every pair.
type DirectedDyadYearRow struct {
	Agreement   string         `json:"agreement"`
	From        string         `json:"from"`
	To          string         `json:"to"`
	CountryFrom string         `json:"country_from,omitempty"`
	CountryTo   string         `json:"country_to,omitempty"`
	COWFrom     int            `json:"cow_from,omitzero"`
	COWTo       int            `json:"cow_to,omitzero"`
	GWFrom      int            `json:"gw_from,omitzero"`
	GWTo        int            `json:"gw_to,omitzero"`
	Year        int            `json:"year"`
	Binding     bool           `json:"binding"`
	First       agreement.Date `json:"first,omitzero"`
	Last        agreement.Date `json:"last,omitzero"`
	Suspended   bool           `json:"suspended"`
	Censored    bool           `json:"censored"`
	Sources     []string       `json:"sources,omitempty"`
	Obligations Obligations    `json:"obligations"` // what From owes To

	obligationsRecord []string // its CSV fields, made once for all the years of a pair
	obligationsCSV    []byte   // and as CSV
	headCSV           []byte   // the first fields of its line
}

// DirectedDyadYears returns the dyad-years of DyadYears seen from each
// party of the pair in turn: A's row, then B's.
func DirectedDyadYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[DirectedDyadYearRow] {
	return values(directedDyadYears(as, y))
}

// directedDyadYears gives DirectedDyadYears's rows in two rows, filled
// again for each pair and year.
func directedDyadYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[*DirectedDyadYearRow] {
	return func(yield func(*DirectedDyadYearRow) bool) {
		var ab, ba DirectedDyadYearRow
		for d := range dyadYears(as, y) {
			ab = DirectedDyadYearRow{Agreement: d.Agreement, From: d.A, To: d.B, CountryFrom: d.CountryA, CountryTo: d.CountryB,
				COWFrom: d.COWA, COWTo: d.COWB, GWFrom: d.GWA, GWTo: d.GWB, Year: d.Year, Binding: d.Binding, First: d.First, Last: d.Last,
				Suspended: d.Suspended, Censored: d.Censored, Sources: d.Sources, Obligations: d.AB, obligationsRecord: d.abRecord, obligationsCSV: d.abCSV, headCSV: d.abHead}
			ba = ab
			ba.From, ba.To, ba.CountryFrom, ba.CountryTo = d.B, d.A, d.CountryB, d.CountryA
			ba.COWFrom, ba.COWTo, ba.GWFrom, ba.GWTo = d.COWB, d.COWA, d.GWB, d.GWA
			ba.Obligations, ba.obligationsRecord, ba.obligationsCSV, ba.headCSV = d.BA, d.baRecord, d.baCSV, d.baHead
			if !yield(&ab) || !yield(&ba) {
				return
			}
		}
	}
}

// Pairs returns the pairs of an agreement's parties that have a life in
// it, each once, as the dyad tables order them: A before B by country
// code, then party id.
func Pairs(a *agreement.Agreement) iter.Seq2[agreement.Party, agreement.Party] {
	return func(yield func(agreement.Party, agreement.Party) bool) {
		ps := ordered(a)
		for i, x := range ps {
			for _, z := range ps[i+1:] {
				if !yield(x, z) {
					return
				}
			}
		}
	}
}

// ordered returns the agreement's parties with a life in it, by country
// code, then id.
func ordered(a *agreement.Agreement) []agreement.Party {
	var ps []agreement.Party
	for _, p := range a.Parties {
		if len(a.Life().Spells(p.ID)) > 0 {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(x, y agreement.Party) int {
		return cmp.Or(strings.Compare(x.Country, y.Country), strings.Compare(x.ID, y.ID))
	})
	return ps
}

// pairLives are what the dyad-years of one agreement read, found once
// for all its pairs.
type pairLives struct {
	a       *agreement.Agreement
	life    *agreement.Life
	y       Years
	own     func(agreement.Spell) []agreement.Event
	parties []agreement.Party // ordered
	spells  [][]agreement.Spell
	codes   []*yearCodes
	years   []pairYear // by year of the table, for the pair being laid out
	// named are the parties a commitment is made by or toward by name;
	// any two others owe each other the same, common.
	named  map[string]bool
	common owedBetween
	row    DyadYearRow // the row given, filled again for each pair and year
	run    DyadYearRun // the run given, filled again for each
	// binding and suspended are room for a pair's spans.
	binding, suspended []span
}

// owedBetween is what one party owes another, with its CSV fields.
type owedBetween struct {
	obligations Obligations
	record      []string
	csv         []byte
}

func owedBetweenOf(a *agreement.Agreement, from, to string) owedBetween {
	o := owedBetween{obligations: owed(a, from, to)}
	o.record = o.obligations.record()
	o.csv = obligationsCSV(o.record)
	return o
}

// owes returns what party i owes party j.
func (pl *pairLives) owes(i, j int) owedBetween {
	from, to := pl.parties[i].ID, pl.parties[j].ID
	if !pl.named[from] && !pl.named[to] {
		return pl.common
	}
	return owedBetweenOf(pl.a, from, to)
}

// namedParties returns the parties a commitment names as the one that
// makes it or the one it is made toward.
func namedParties(a *agreement.Agreement) map[string]bool {
	named := map[string]bool{}
	var walk func(cs []agreement.Clause)
	walk = func(cs []agreement.Clause) {
		for _, c := range cs {
			for _, cm := range c.Commitments {
				named[cm.By], named[cm.Towards] = true, true
			}
			walk(c.Clauses)
		}
	}
	walk(a.Clauses)
	return named
}

// pairYear is what a pair's spells make of a year.
type pairYear struct {
	binding, suspended, censored bool
	first, last                  agreement.Date
	sources                      []string
}

func pairLivesOf(a *agreement.Agreement, y Years) *pairLives {
	pl := &pairLives{a: a, life: a.Life(), y: y, own: ownEvents(a, y), parties: ordered(a), named: namedParties(a)}
	// No party is named so: what anyone owes anyone else.
	pl.common = owedBetweenOf(a, "\x00someone", "\x00another")
	for _, p := range pl.parties {
		pl.spells = append(pl.spells, pl.life.Spells(p.ID))
		pl.codes = append(pl.codes, yearCodesOf(p.Country))
	}
	return pl
}

// pairYears gives the dyad-years of parties i and j (of pl.parties) to
// emit, in order of year; false when emit asked to stop.
func (pl *pairLives) pairYears(i, j int, emit func(*DyadYearRow) bool) bool {
	years := pl.layOut(i, j)
	if years == nil {
		return true
	}
	row := pl.pairRow(i, j, true)
	for k := range years {
		if yr := &years[k]; yr.binding || yr.suspended {
			pl.fillYear(row, i, j, pl.y.From+k, yr)
			if !emit(row) {
				return false
			}
		}
	}
	return true
}

// pairRuns gives the dyad-years of parties i and j folded into runs (see
// DyadYearRuns) to emit; false when emit asked to stop.
func (pl *pairLives) pairRuns(i, j int, emit func(*DyadYearRun) bool) bool {
	years := pl.layOut(i, j)
	if years == nil {
		return true
	}
	row := pl.pairRow(i, j, false)
	run := &pl.run
	var end runEnd // what the last year taken into run says of its end
	started := false
	for k := range years {
		yr, n := &years[k], pl.y.From+k
		if !yr.binding && !yr.suspended {
			continue
		}
		if started && yr.binding == run.First.Binding && yr.suspended == run.First.Suspended && end.continuedBy(n, yr.binding, yr.first) {
			run.To, run.Last, run.LastSources, run.Censored = n, yr.last, yr.sources, yr.censored
			end = runEnd{year: n, binding: yr.binding, last: yr.last, censored: yr.censored, sources: len(yr.sources) > 0}
			continue
		}
		if started && !emit(run) {
			return false
		}
		pl.fillYear(row, i, j, n, yr)
		*run = DyadYearRun{First: *row, To: n, Last: yr.last, LastSources: yr.sources, Censored: yr.censored}
		end = runEnd{year: n, first: true, binding: yr.binding, last: yr.last, censored: yr.censored}
		started = true
	}
	return !started || emit(run)
}

// pairRow returns pl's row, filled with what all the years of parties i
// and j share; with the CSV fields made once for them when forCSV.
func (pl *pairLives) pairRow(i, j int, forCSV bool) *DyadYearRow {
	a, x, z := pl.a, pl.parties[i], pl.parties[j]
	ab, ba := pl.owes(i, j), pl.owes(j, i)
	row := &pl.row
	*row = DyadYearRow{Agreement: a.ID, A: x.ID, B: z.ID, CountryA: x.Country, CountryB: z.Country,
		AB: ab.obligations, BA: ba.obligations, abRecord: ab.record, baRecord: ba.record, abCSV: ab.csv, baCSV: ba.csv}
	if forCSV {
		row.abHead, row.baHead = headCSV(a.ID, x.ID, z.ID, x.Country, z.Country), headCSV(a.ID, z.ID, x.ID, z.Country, x.Country)
		row.plainTail = append(append(appendYearEnd(nil, false, false, nil), ab.csv...), ba.csv...)
	}
	return row
}

// fillYear fills a pair's row with what a year says.
func (pl *pairLives) fillYear(row *DyadYearRow, i, j, n int, yr *pairYear) {
	cx, cz := pl.codes[i].in(n), pl.codes[j].in(n)
	row.COWA, row.COWB, row.GWA, row.GWB = cx.COW, cz.COW, cx.GW, cz.GW
	row.Year, row.Binding, row.First, row.Last, row.Suspended, row.Censored, row.Sources = n, yr.binding, yr.first, yr.last, yr.suspended, yr.censored, yr.sources
}

// layOut returns what each year of the table holds for parties i and j,
// by year from pl.y.From; nil when no year holds anything. The slice is
// pl's, used again for the next pair.
func (pl *pairLives) layOut(i, j int) []pairYear {
	y, x, z := pl.y, pl.parties[i], pl.parties[j]
	spells := pl.life.PairSpells(x.ID, z.ID)
	// The sources of the events of a day the pair's obligations began or
	// ceased to bind: the pair's own (a suspension between them), and
	// those of either party's spell that began that day (its accession,
	// its leaving, the agreement's entry into force).
	sourcesOn := func(ps agreement.PairSpell) []string {
		sources := sourcesOf(ps.Events)
		for _, members := range [2][]agreement.Spell{pl.spells[i], pl.spells[j]} {
			for _, sp := range members {
				if sp.From == ps.From {
					for _, e := range pl.own(sp) {
						sources = addSources(sources, e.Sources)
					}
				}
			}
		}
		return sources
	}
	binding, suspended := pl.binding[:0], pl.suspended[:0]
	defer func() { pl.binding, pl.suspended = binding, suspended }() // room for the next pair
	for k, ps := range spells {
		if !ps.Binding && !pairSuspension(ps.Events) {
			continue
		}
		s := span{From: ps.From, Sources: sourcesOn(ps)}
		if k+1 < len(spells) {
			s.To = spells[k+1].From.AddDays(-1)
			s.EndSources = sourcesOn(spells[k+1])
		}
		if ps.Binding {
			binding = append(binding, s)
		} else {
			suspended = append(suspended, s)
		}
	}
	if len(binding)+len(suspended) == 0 {
		return nil
	}
	if n := y.To - y.From + 1; cap(pl.years) < n {
		pl.years = make([]pairYear, n)
	}
	years := pl.years[:y.To-y.From+1]
	clear(years) // the sources of the last pair's rows are theirs
	at := func(n int) *pairYear { return &years[n-y.From] }
	for _, s := range binding {
		from, to, ok := s.years(y)
		for n := from; ok && n <= to; n++ {
			yr := at(n)
			if !yr.binding && n > s.From.Year && (s.To.IsZero() || n < s.To.Year) && n != y.To {
				// A year inside the span, not its last in the table: whole,
				// without sources (what inYear says of it, sooner).
				yr.binding, yr.first, yr.last = true, wholeFirst(true, n), wholeLast(true, n)
				continue
			}
			if first, last, censored, in := s.inYear(n, y); in {
				if !yr.binding || first.Compare(yr.first) < 0 {
					yr.first = first
				}
				yr.binding, yr.last, yr.censored = true, last, yr.censored || censored
				yr.sources = addSources(yr.sources, s.sourcesIn(first, last))
			}
		}
	}
	for _, s := range suspended {
		from, to, ok := s.years(y)
		for n := from; ok && n <= to; n++ {
			if _, _, _, in := s.inYear(n, y); in {
				at(n).suspended = true
			}
		}
	}
	return years
}

func pairSuspension(events []agreement.Event) bool {
	for _, e := range events {
		if e.Event == agreement.EventObligationsSuspended {
			return true
		}
	}
	return false
}

// SetDyadYearRow is a year of two states across a set of agreements: the
// agreements whose obligations bound them to each other on some day of
// it, and which obligations, each named agreement#clause.
type SetDyadYearRow struct {
	CountryA   string   `json:"country_a"`
	CountryB   string   `json:"country_b"`
	COWA       int      `json:"cow_a,omitzero"`
	COWB       int      `json:"cow_b,omitzero"`
	GWA        int      `json:"gw_a,omitzero"`
	GWB        int      `json:"gw_b,omitzero"`
	Year       int      `json:"year"`
	Agreements []string `json:"agreements"`
	// The obligations any of the agreements put on either toward the
	// other, each as the clauses behind it (agreement#clause).
	Defence       []string `json:"defence,omitempty"`
	Offence       []string `json:"offence,omitempty"`
	Neutrality    []string `json:"neutrality,omitempty"`
	NonAggression []string `json:"non_aggression,omitempty"`
	Consultation  []string `json:"consultation,omitempty"`
}

// SetDyadYears returns a row for each pair of countries and year in
// which the obligations of at least one agreement bound them to each
// other on some day; parties without a country (organisations) are left
// out. The rows are sorted by pair and year: the set's runs of binding
// dyad-years (DyadYearRuns) are gathered before the first row is given,
// a few dozen bytes each, and each row is made as it is given.
func SetDyadYears(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[SetDyadYearRow] {
	return func(yield func(SetDyadYearRow) bool) {
		type countries struct{ a, b string }
		// bound is a run of years two countries were bound by an
		// agreement, what each owed the other an index in owes.
		type bound struct {
			agreement string
			from, to  int
			ab, ba    int
		}
		var owes []Obligations
		byPair := map[countries][]bound{}
		var agreementID string
		var ofAgreement []int // the indexes in owes of the agreement's sets
		index := func(o Obligations) int {
			for _, i := range ofAgreement {
				if owes[i].Equal(o) {
					return i
				}
			}
			owes = append(owes, o)
			ofAgreement = append(ofAgreement, len(owes)-1)
			return len(owes) - 1
		}
		for run := range DyadYearRuns(as, y) {
			d := &run.First
			if !d.Binding || d.CountryA == "" || d.CountryB == "" || d.CountryA == d.CountryB {
				continue
			}
			if d.Agreement != agreementID {
				agreementID, ofAgreement = d.Agreement, ofAgreement[:0]
			}
			k := countries{d.CountryA, d.CountryB}
			byPair[k] = append(byPair[k], bound{agreement: d.Agreement, from: d.Year, to: run.To, ab: index(d.AB), ba: index(d.BA)})
		}
		keys := slices.SortedFunc(maps.Keys(byPair), func(x, z countries) int {
			return cmp.Or(strings.Compare(x.a, z.a), strings.Compare(x.b, z.b))
		})
		for _, k := range keys {
			runs := byPair[k]
			codesA, codesB := yearCodesOf(k.a), yearCodesOf(k.b)
			for year := y.From; year <= y.To; year++ {
				// The runs that hold the year, in the order the set gives
				// them: their clauses are cited in that order.
				r := SetDyadYearRow{CountryA: k.a, CountryB: k.b, Year: year}
				for _, b := range runs {
					if year < b.from || year > b.to {
						continue
					}
					if n := len(r.Agreements); n == 0 || r.Agreements[n-1] != b.agreement {
						r.Agreements = append(r.Agreements, b.agreement)
					}
					for _, o := range [2]*Obligations{&owes[b.ab], &owes[b.ba]} {
						r.Defence = cite(r.Defence, b.agreement, o.Defence)
						r.Offence = cite(r.Offence, b.agreement, o.Offence)
						r.Neutrality = cite(r.Neutrality, b.agreement, o.Neutrality)
						r.NonAggression = cite(r.NonAggression, b.agreement, o.NonAggression)
						r.Consultation = cite(r.Consultation, b.agreement, o.Consultation)
					}
				}
				if len(r.Agreements) == 0 {
					continue
				}
				slices.Sort(r.Agreements)
				r.Agreements = slices.Compact(r.Agreements) // two pairs of one agreement, apart in the set's order
				ca, cb := codesA.in(year), codesB.in(year)
				r.COWA, r.COWB, r.GWA, r.GWB = ca.COW, cb.COW, ca.GW, cb.GW
				if !yield(r) {
					return
				}
			}
		}
	}
}

// cite adds the clauses of an agreement behind an obligation to refs, as
// agreement#clause, each once. The refs of this agreement are the last
// of refs: only they are searched.
func cite(refs []string, agreementID string, o Obligation) []string {
	from := len(refs)
	for from > 0 && strings.HasPrefix(refs[from-1], agreementID+"#") {
		from--
	}
	for _, c := range o.Clauses {
		if ref := agreementID + "#" + c; !slices.Contains(refs[from:], ref) {
			refs = append(refs, ref)
		}
	}
	return refs
}

// Equal reports whether two sets of obligations are the same, clause for
// clause.
func (o Obligations) Equal(p Obligations) bool {
	same := func(x, z Obligation) bool {
		return x.Present == z.Present && slices.Equal(x.Clauses, z.Clauses) && slices.Equal(x.Scopes, z.Scopes) && slices.Equal(x.Conditions, z.Conditions)
	}
	return same(o.Defence, p.Defence) && same(o.Offence, p.Offence) && same(o.Neutrality, p.Neutrality) &&
		same(o.NonAggression, p.NonAggression) && same(o.Consultation, p.Consultation)
}

// values gives the rows a row iterator points at, each copied.
func values[R any](rows iter.Seq[*R]) iter.Seq[R] {
	return func(yield func(R) bool) {
		for r := range rows {
			if !yield(*r) {
				return
			}
		}
	}
}

// pointers gives a pointer to each row.
func pointers[R any](rows func(iter.Seq[*agreement.Agreement], Years) iter.Seq[R]) func(iter.Seq[*agreement.Agreement], Years) iter.Seq[*R] {
	return func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[*R] {
		return func(yield func(*R) bool) {
			for r := range rows(as, y) {
				if !yield(&r) {
					return
				}
			}
		}
	}
}
