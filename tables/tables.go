// Package tables lays out the lives of agreements as the tables analysts
// work with: one row per agreement, per party spell, per member-year, per
// dyad-year (undirected and directed) and per dyad-year across a set.
//
// Every row is traceable. An obligation flag names the clauses behind it;
// a date names the sources of the events behind it and how precisely it is
// known (a day, a month, a year, or "on or before" for an entry into force
// the record gives only as the latest). A year counts when any day of it
// counts, and the row gives the first and last such day. Nothing is coded
// as a number standing for "unknown": a date not known is empty, and a
// spell still running at the end of the table's years is marked censored,
// never closed at that end.
//
// The rows come from each agreement's life ([agreement.Agreement.Life]),
// as iterators, so a table of many agreements is written as it is made:
//
//	for row := range tables.DyadYears(tables.InSet(set), tables.Years{From: 1950, To: 2025}) {
//		...
//	}
//
// [Table.WriteCSV] writes a table as CSV, laying the agreements out on
// every core; [DyadYearRuns] and [MemberYearRuns] fold the years of a
// member or pair that are alike into runs (a pair bound for fifty years
// is one run), and give the rows back.
//
// Pairs are ordered by country code, then party id ([Pairs]); party A of
// a dyad is the first. The COW and Gleditsch–Ward codes are those of the year
// ([parties.StateCodeIn]); empty where the systems list no state.
package tables

import (
	"iter"
	"slices"
	"sync"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

// Years is the span a table covers, in whole years, both included.
type Years struct{ From, To int }

func (y Years) first() agreement.Date { return agreement.Date{Year: y.From, Month: 1, Day: 1} }
func (y Years) last() agreement.Date  { return agreement.Date{Year: y.To, Month: 12, Day: 31} }

// InSet returns the agreements of a set, one version of each (see
// [agreement.Set.Agreements]).
func InSet(s *agreement.Set) iter.Seq[*agreement.Agreement] {
	return slices.Values(s.Agreements())
}

// Precision is how precisely a row's date is known.
type Precision string

const (
	PrecisionDay      Precision = "day"
	PrecisionMonth    Precision = "month"
	PrecisionYear     Precision = "year"
	PrecisionAtLatest Precision = "on-or-before" // the record gives only the latest it can have been
)

// Day is a date of a row: when, how precisely it is known, and the
// sources of the events behind it. The zero Day is "none": not recorded,
// or past the table's years.
type Day struct {
	Date      agreement.Date `json:"date,omitzero"`
	Precision Precision      `json:"precision,omitempty"`
	Sources   []string       `json:"sources,omitempty"`
}

// dayOf is the Day of a date, with the sources of the events behind it.
func dayOf(d agreement.Date, atLatest bool, events []agreement.Event) Day {
	if d.IsZero() {
		return Day{}
	}
	out := Day{Date: d, Sources: sourcesOf(events)}
	switch {
	case atLatest:
		out.Precision = PrecisionAtLatest
	case d.Precision() == agreement.DayPrecision:
		out.Precision = PrecisionDay
	case d.Precision() == agreement.MonthPrecision:
		out.Precision = PrecisionMonth
	default:
		out.Precision = PrecisionYear
	}
	return out
}

func sourcesOf(events []agreement.Event) []string {
	var out []string
	for _, e := range events {
		out = addSources(out, e.Sources)
	}
	return out
}

// Obligation is one of the obligations the security profile codes, with
// the clauses behind it and the limits their commitments put on it.
type Obligation struct {
	Present    bool     `json:"present"`
	Clauses    []string `json:"clauses,omitempty"`
	Scopes     []string `json:"scopes,omitempty"`
	Conditions []string `json:"conditions,omitempty"`
}

// Obligations are the five obligations ATOP codes.
type Obligations struct {
	Defence       Obligation `json:"defence"`
	Offence       Obligation `json:"offence"`
	Neutrality    Obligation `json:"neutrality"`
	NonAggression Obligation `json:"non_aggression"`
	Consultation  Obligation `json:"consultation"`
}

// Any reports whether any of the five is present: an alliance as ATOP
// counts them.
func (o Obligations) Any() bool {
	return o.Defence.Present || o.Offence.Present || o.Neutrality.Present || o.NonAggression.Present || o.Consultation.Present
}

func (o *Obligations) flag(f agreement.ProfileFlag) *Obligation {
	switch f {
	case agreement.FlagDefence:
		return &o.Defence
	case agreement.FlagOffence:
		return &o.Offence
	case agreement.FlagNeutrality:
		return &o.Neutrality
	case agreement.FlagNonAggression:
		return &o.NonAggression
	case agreement.FlagConsultation:
		return &o.Consultation
	}
	return nil
}

func (ob *Obligation) add(clause string, cm agreement.Commitment) {
	ob.Present = true
	if n := len(ob.Clauses); n == 0 || ob.Clauses[n-1] != clause {
		ob.Clauses = append(ob.Clauses, clause)
	}
	if cm.Scope != "" && !slices.Contains(ob.Scopes, cm.Scope) {
		ob.Scopes = append(ob.Scopes, cm.Scope)
	}
	if cm.Condition != "" && !slices.Contains(ob.Conditions, cm.Condition) {
		ob.Conditions = append(ob.Conditions, cm.Condition)
	}
}

// ObligationsOf returns the obligations that the agreement's binding
// commitments put on party from toward party to: those made by it (or by
// each, or all) owed to it (or to no one party in particular), each with
// its clauses. to "" asks what from owes any other; from "" what the
// agreement holds at all. Whether they bind on a day is the life's
// question (agreement.Agreement.ObligationsBetween).
func ObligationsOf(a *agreement.Agreement, from, to string) Obligations { return owed(a, from, to) }

func owed(a *agreement.Agreement, from, to string) Obligations {
	var o Obligations
	var walk func(cs []agreement.Clause)
	walk = func(cs []agreement.Clause) {
		for i := range cs {
			c := &cs[i]
			for _, cm := range c.Commitments {
				if !cm.Modality.Binding() {
					continue
				}
				if from != "" && !owedOne(cm, from, to) {
					continue
				}
				if ob := o.flag(cm.Kind.ProfileFlag()); ob != nil {
					ob.add(c.ID, cm)
				}
			}
			walk(c.Clauses)
		}
	}
	walk(a.Clauses)
	return o
}

// codes are a party's country and its state-system codes in a year.
type codes struct {
	Country string
	COW, GW int
}

func codesIn(country string, year int) codes {
	c := codes{Country: country}
	if country == "" {
		return c
	}
	if sc, ok := parties.StateCodeIn(country, parties.SystemCOW, year); ok {
		c.COW = sc.Code
	}
	if sc, ok := parties.StateCodeIn(country, parties.SystemGW, year); ok {
		c.GW = sc.Code
	}
	return c
}

// yearCodes are a country's codes in each year from codesFrom to
// codesTo, looked up once for the program: a dyad-year table asks for
// them on every row, on every core.
type yearCodes struct {
	country string
	byYear  [codesTo - codesFrom + 1]codes
}

const codesFrom, codesTo = 1700, 2200

var codesByCountry sync.Map // country → *yearCodes

// yearCodesOf returns a country's codes by year; nil for none ("").
func yearCodesOf(country string) *yearCodes {
	if country == "" {
		return nil
	}
	if c, ok := codesByCountry.Load(country); ok {
		return c.(*yearCodes)
	}
	c := &yearCodes{country: country}
	for i := range c.byYear {
		c.byYear[i] = codesIn(country, codesFrom+i)
	}
	kept, _ := codesByCountry.LoadOrStore(country, c)
	return kept.(*yearCodes)
}

// in returns the country's codes in a year.
func (c *yearCodes) in(year int) codes {
	switch {
	case c == nil:
		return codes{}
	case year < codesFrom || year > codesTo:
		return codesIn(c.country, year)
	}
	return c.byYear[year-codesFrom]
}

// span is a stretch of days from From to To, both included; To zero: it
// runs on. Sources and AtLatest are those of the events of its first day,
// EndSources those of the events that ended it.
type span struct {
	From, To            agreement.Date
	Sources, EndSources []string
	AtLatest            bool
}

// spellSpans returns the stretches of a party's spells whose state keep
// says count; own gives the events behind a spell's first day.
func spellSpans(spells []agreement.Spell, keep func(agreement.PartyState) bool, own func(agreement.Spell) []agreement.Event) []span {
	var out []span
	for i, sp := range spells {
		if !keep(sp.State) {
			continue
		}
		s := span{From: sp.From, Sources: sourcesOf(own(sp)), AtLatest: sp.FromAtLatest}
		if i+1 < len(spells) {
			s.To = spells[i+1].From.AddDays(-1)
			s.EndSources = sourcesOf(own(spells[i+1]))
		}
		out = append(out, s)
	}
	return out
}

// sourcesIn returns the sources of the events behind a year's first and
// last days, when they are the span's own first and last: a year that
// runs from 1 January to 31 December inside a span has none.
func (s span) sourcesIn(first, last agreement.Date) []string {
	start := first == s.From
	end := !s.To.IsZero() && last == s.To
	switch {
	case start && end:
		return addSources(slices.Clone(s.Sources), s.EndSources)
	case start:
		return s.Sources
	case end:
		return s.EndSources
	}
	return nil
}

// addSources appends those of sources not in to already.
func addSources(to, sources []string) []string {
	for _, src := range sources {
		if !slices.Contains(to, src) {
			to = append(to, src)
		}
	}
	return to
}

// inYear is the part of a span that lies in one year: its first and last
// day, whether it runs past the end of the table's years.
func (s span) inYear(year int, y Years) (first, last agreement.Date, censored, ok bool) {
	start, end := agreement.Date{Year: year, Month: 1, Day: 1}, agreement.Date{Year: year, Month: 12, Day: 31}
	first, last = s.From, s.To
	if first.Year < year {
		first = start
	}
	if last.IsZero() || last.Year > year {
		last = end
	}
	if first.Year > year || last.Year < year || first.IsZero() {
		return agreement.Date{}, agreement.Date{}, false, false
	}
	censored = year == y.To && (s.To.IsZero() || s.To.Compare(y.last()) > 0)
	return first, last, censored, true
}

// years returns the years of the table a span touches.
func (s span) years(y Years) (from, to int, ok bool) {
	from, to = max(s.From.Year, y.From), y.To
	if !s.To.IsZero() {
		to = min(s.To.Year, y.To)
	}
	return from, to, !s.From.IsZero() && from <= to
}
