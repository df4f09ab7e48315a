package tables

import (
	"iter"

	"github.com/entente-go/entente/agreement"
)

// A year table repeats itself: a pair bound for fifty years is fifty rows
// that differ only in their year. A run folds the consecutive years of
// one member or pair that are alike into one: its first year's row, its
// last year, and what that last year's row says of its end. The years
// between are whole: bound from 1 January to 31 December (or, for a year
// of suspended obligations only, with no days), without sources, not
// censored. Rows gives the years back, row for row as the table gives
// them; a database keeps the runs and lays out the years in a view.

// DyadYearRun is a run of a pair's dyad-years.
type DyadYearRun struct {
	// First is the row of its first year, with that year's first day
	// and sources.
	First DyadYearRow `json:"first"`
	// To is its last year; Last, LastSources and Censored are that
	// year's (for a run of one year, First's own).
	To          int            `json:"to"`
	Last        agreement.Date `json:"last,omitzero"`
	LastSources []string       `json:"last_sources,omitempty"`
	Censored    bool           `json:"censored"`
}

// DyadYearRuns returns the dyad-years of DyadYears folded into runs.
func DyadYearRuns(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[DyadYearRun] {
	return func(yield func(DyadYearRun) bool) {
		emit := func(run *DyadYearRun) bool { return yield(*run) }
		eachPair(as, y, func(pl *pairLives, i, j int) bool { return pl.pairRuns(i, j, emit) })
	}
}

// runEnd is what the last row of a run says of its end: whether a row
// of the next year may follow it in the run.
type runEnd struct {
	year     int
	first    bool // it is the run's first row, whose sources are its own
	binding  bool
	last     agreement.Date
	censored bool
	sources  bool
}

// continuedBy says a row of a year, binding or not and beginning on
// first, continues the run: the run's last row is then a year inside
// it, whole but for its first day if it is the run's first.
func (e runEnd) continuedBy(year int, binding bool, first agreement.Date) bool {
	return year == e.year+1 && wholeEnd(e.binding, e.last, e.censored) && (e.first || !e.sources) && wholeStart(binding, first)
}

// Rows returns the rows of the run's years.
func (run DyadYearRun) Rows() iter.Seq[DyadYearRow] {
	return func(yield func(DyadYearRow) bool) {
		first := run.First
		codesA, codesB := yearCodesOf(first.CountryA), yearCodesOf(first.CountryB)
		for part := range runYears(first.Year, run.To, first.Binding, first.First, run.Last, first.Sources, run.LastSources, run.Censored) {
			row := first
			row.Year, row.First, row.Last, row.Sources, row.Censored = part.year, part.first, part.last, part.sources, part.censored
			a, b := codesA.in(part.year), codesB.in(part.year)
			row.COWA, row.COWB, row.GWA, row.GWB = a.COW, b.COW, a.GW, b.GW
			if !yield(row) {
				return
			}
		}
	}
}

// yearOfRun is what a year's row of a run holds that its first row may
// not.
type yearOfRun struct {
	year        int
	first, last agreement.Date
	sources     []string
	censored    bool
}

// runYears gives the years of a run from from to to: the first with its
// own first day and sources, the last with the run's end, those between
// whole.
func runYears(from, to int, binding bool, first, last agreement.Date, firstSources, lastSources []string, censored bool) iter.Seq[yearOfRun] {
	return func(yield func(yearOfRun) bool) {
		for year := from; year <= to; year++ {
			part := yearOfRun{year: year, first: wholeFirst(binding, year), last: wholeLast(binding, year)}
			if year == from {
				part.first, part.sources = first, firstSources
			}
			if year == to {
				part.last, part.censored = last, censored
				if year > from {
					part.sources = lastSources
				}
			}
			if !yield(part) {
				return
			}
		}
	}
}

// MemberYearRun is a run of a member's member-years.
type MemberYearRun struct {
	First       MemberYearRow  `json:"first"`
	To          int            `json:"to"`
	Last        agreement.Date `json:"last"`
	LastSources []string       `json:"last_sources,omitempty"`
	Censored    bool           `json:"censored"`
}

// MemberYearRuns returns the member-years of MemberYears folded into
// runs.
func MemberYearRuns(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[MemberYearRun] {
	return func(yield func(MemberYearRun) bool) {
		var run MemberYearRun
		var end runEnd
		started := false
		for r := range memberYears(as, y) {
			if started && r.Agreement == run.First.Agreement && r.Party == run.First.Party && end.continuedBy(r.Year, true, r.First) {
				run.To, run.Last, run.LastSources, run.Censored = r.Year, r.Last, r.Sources, r.Censored
				end = runEnd{year: r.Year, binding: true, last: r.Last, censored: r.Censored, sources: len(r.Sources) > 0}
				continue
			}
			if started && !yield(run) {
				return
			}
			run = MemberYearRun{First: *r, To: r.Year, Last: r.Last, LastSources: r.Sources, Censored: r.Censored}
			end = runEnd{year: r.Year, first: true, binding: true, last: r.Last, censored: r.Censored}
			started = true
		}
		if started {
			yield(run)
		}
	}
}

// Rows returns the rows of the run's years.
func (run MemberYearRun) Rows() iter.Seq[MemberYearRow] {
	return func(yield func(MemberYearRow) bool) {
		first := run.First
		byYear := yearCodesOf(first.Country)
		for part := range runYears(first.Year, run.To, true, first.First, run.Last, first.Sources, run.LastSources, run.Censored) {
			row := first
			row.Year, row.First, row.Last, row.Sources, row.Censored = part.year, part.first, part.last, part.sources, part.censored
			c := byYear.in(part.year)
			row.COW, row.GW = c.COW, c.GW
			if !yield(row) {
				return
			}
		}
	}
}

// wholeFirst and wholeLast are the first and last days of a year inside
// a run: 1 January and 31 December when bound, none when not.
func wholeFirst(binding bool, year int) agreement.Date {
	if !binding {
		return agreement.Date{}
	}
	return agreement.Date{Year: year, Month: 1, Day: 1}
}

func wholeLast(binding bool, year int) agreement.Date {
	if !binding {
		return agreement.Date{}
	}
	return agreement.Date{Year: year, Month: 12, Day: 31}
}

// wholeStart says a row's year begins as a year inside a run does, and
// wholeEnd that it ends so.
func wholeStart(binding bool, first agreement.Date) bool {
	return first == wholeFirst(binding, first.Year)
}

func wholeEnd(binding bool, last agreement.Date, censored bool) bool {
	return !censored && last == wholeLast(binding, last.Year)
}
