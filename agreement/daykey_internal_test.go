package agreement

import (
	"math/rand/v2"
	"testing"
)

// TestDayNumbersOrderAsTime: Compare, happenedBy and AddDays by day
// numbers give what they give through time.Date, for valid dates, for
// dates Valid rejects and for the zero Date.
func TestDayNumbersOrderAsTime(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	date := func() Date {
		switch r.IntN(8) {
		case 0:
			return Date{}
		case 1: // anything, valid or not
			return Date{Year: r.IntN(10_002) - 1, Month: r.IntN(15) - 1, Day: r.IntN(34) - 1, Approximate: r.IntN(2) == 0}
		}
		d := Date{Year: 1896 + r.IntN(210), Month: r.IntN(13)}
		if d.Month > 0 && r.IntN(3) > 0 {
			d.Day = 1 + r.IntN(daysIn(d.Year, d.Month))
		}
		return d
	}
	slowCompare := func(d, e Date) int {
		if c := d.First().Compare(e.First()); c != 0 {
			return c
		}
		return d.Last().Compare(e.Last())
	}
	edges := []Date{{}, {Year: 2000, Month: 2, Day: 29}, {Year: 2000, Month: 2}, {Year: 2000, Month: 3, Day: 1}, {Year: 1900, Month: 2, Day: 28},
		{Year: 1900, Month: 2}, {Year: 1900, Month: 3, Day: 1}, {Year: 1900, Month: 2, Day: 29}, {Year: 2024, Month: 2, Day: 29}, {Year: 2023, Month: 12, Day: 31},
		{Year: 2024}, {Year: 2024, Month: 1, Day: 1}, {Year: 9999, Month: 12, Day: 31}, {Year: 1}, {Year: 0, Uncertain: true}, {Year: 2025, Day: 5}}
	pairs := func(yield func(Date, Date) bool) {
		for _, d := range edges {
			for _, e := range edges {
				if !yield(d, e) {
					return
				}
			}
		}
		for range 200_000 {
			if !yield(date(), date()) {
				return
			}
		}
	}
	for d, e := range pairs {
		if got, want := d.Compare(e), slowCompare(d, e); got != want {
			t.Fatalf("%#v.Compare(%#v) = %d, through time %d", d, e, got, want)
		}
		if got, want := happenedBy(d, e), !d.IsZero() && d.Last().Compare(e.First()) <= 0; got != want {
			t.Fatalf("happenedBy(%#v, %#v) = %v, through time %v", d, e, got, want)
		}
		for _, n := range []int{-1, 1} {
			want := d
			if d.Precision() == DayPrecision {
				tm := d.First().AddDate(0, 0, n)
				want.Year, want.Month, want.Day = tm.Year(), int(tm.Month()), tm.Day()
			}
			if got := d.AddDays(n); got != want {
				t.Fatalf("%#v.AddDays(%d) = %#v, through time %#v", d, n, got, want)
			}
		}
	}
}
