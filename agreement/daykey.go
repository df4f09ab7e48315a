package agreement

import "cmp"

// Dates are compared millions of times when a life is laid out as
// tables, so their days are compared as numbers rather than as
// time.Time values. A day's number orders as the day does; a date that
// Valid would reject (30 February, a day without a month) has none, and
// is compared through time.Date, which moves such a day into the next
// month.

// dayNumber is the number of a day that exists, in years 0 to 9999.
func dayNumber(year, month, day int) (int, bool) {
	if year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) {
		return 0, false
	}
	return (year*16+month)*32 + day, true
}

// monthLength is daysIn without time.Date.
func monthLength(year, month int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return monthDays[month]
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// firstDayNumber is the number of First's day.
func (d Date) firstDayNumber() (int, bool) {
	if d.IsZero() {
		return dayNumber(1, 1, 1) // time.Time{}
	}
	return dayNumber(d.Year, max(d.Month, 1), max(d.Day, 1))
}

// lastDayNumber is the number of Last's day.
func (d Date) lastDayNumber() (int, bool) {
	switch d.Precision() {
	case YearPrecision:
		return dayNumber(d.Year, 12, 31)
	case MonthPrecision:
		if d.Month < 1 || d.Month > 12 {
			return 0, false
		}
		return dayNumber(d.Year, d.Month, monthLength(d.Year, d.Month))
	}
	return d.firstDayNumber()
}

// compareDays is Compare by day numbers; false when a date has none.
func compareDays(d, e Date) (int, bool) {
	df, ok1 := d.firstDayNumber()
	ef, ok2 := e.firstDayNumber()
	if !ok1 || !ok2 {
		return 0, false
	}
	if c := cmp.Compare(df, ef); c != 0 {
		return c, true
	}
	dl, ok1 := d.lastDayNumber()
	el, ok2 := e.lastDayNumber()
	if !ok1 || !ok2 {
		return 0, false
	}
	return cmp.Compare(dl, el), true
}
