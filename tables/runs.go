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
		var run DyadYearRun
		var end *DyadYearRow // the last row taken into run, nil before the first
		var last DyadYearRow // end's copy
		for r := range dyadYears(as, y) {
			if end != nil && r.Agreement == run.First.Agreement && r.A == run.First.A && r.B == run.First.B &&
				r.Year == run.To+1 && r.Binding == run.First.Binding && r.Suspended == run.First.Suspended &&
				wholeEnd(end.Binding, end.Last, end.Censored) && (end.Year == run.First.Year || len(end.Sources) == 0) &&
				wholeStart(r.Binding, r.First) {
				run.To, run.Last, run.LastSources, run.Censored = r.Year, r.Last, r.Sources, r.Censored
				last = *r
				continue
			}
			if end != nil && !yield(run) {
				return
			}
			run = DyadYearRun{First: *r, To: r.Year, Last: r.Last, LastSources: r.Sources, Censored: r.Censored}
			last, end = *r, &last
		}
		if end != nil {
			yield(run)
		}
	}
}

// Rows returns the rows of the run's years.
func (run DyadYearRun) Rows() iter.Seq[DyadYearRow] {
	return func(yield func(DyadYearRow) bool) {
		first := run.First
		a, b := yearCodesOf(agreement.Party{Country: first.CountryA}), yearCodesOf(agreement.Party{Country: first.CountryB})
		for year := first.Year; year <= run.To; year++ {
			row := first
			if year > first.Year {
				row.Year, row.First, row.Sources = year, wholeFirst(row.Binding, year), nil
				ca, cb := a.in(agreement.Party{Country: first.CountryA}, year), b.in(agreement.Party{Country: first.CountryB}, year)
				row.COWA, row.COWB, row.GWA, row.GWB = ca.COW, cb.COW, ca.GW, cb.GW
			}
			if year < run.To {
				row.Last, row.Censored = wholeLast(row.Binding, year), false
			} else {
				row.Last, row.Censored = run.Last, run.Censored
				if year > first.Year {
					row.Sources = run.LastSources
				}
			}
			if !yield(row) {
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
		var end *MemberYearRow
		var last MemberYearRow
		for r := range memberYears(as, y) {
			if end != nil && r.Agreement == run.First.Agreement && r.Party == run.First.Party && r.Year == run.To+1 &&
				wholeEnd(true, end.Last, end.Censored) && (end.Year == run.First.Year || len(end.Sources) == 0) && wholeStart(true, r.First) {
				run.To, run.Last, run.LastSources, run.Censored = r.Year, r.Last, r.Sources, r.Censored
				last = *r
				continue
			}
			if end != nil && !yield(run) {
				return
			}
			run = MemberYearRun{First: *r, To: r.Year, Last: r.Last, LastSources: r.Sources, Censored: r.Censored}
			last, end = *r, &last
		}
		if end != nil {
			yield(run)
		}
	}
}

// Rows returns the rows of the run's years.
func (run MemberYearRun) Rows() iter.Seq[MemberYearRow] {
	return func(yield func(MemberYearRow) bool) {
		first := run.First
		party := agreement.Party{Country: first.Country}
		byYear := yearCodesOf(party)
		for year := first.Year; year <= run.To; year++ {
			row := first
			if year > first.Year {
				c := byYear.in(party, year)
				row.Year, row.First, row.Sources, row.COW, row.GW = year, wholeFirst(true, year), nil, c.COW, c.GW
			}
			if year < run.To {
				row.Last, row.Censored = wholeLast(true, year), false
			} else {
				row.Last, row.Censored = run.Last, run.Censored
				if year > first.Year {
					row.Sources = run.LastSources
				}
			}
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
	return first == wholeFirst(binding, first.Year) && (binding || first.IsZero())
}

func wholeEnd(binding bool, last agreement.Date, censored bool) bool {
	return !censored && last == wholeLast(binding, last.Year) && (binding || last.IsZero())
}
