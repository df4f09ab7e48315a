package agreement

import "time"

// Dates are compared millions of times when a life is laid out as
// tables, so their days are compared as numbers rather than as
// time.Time values. A day's number orders as the day does. A day that
// does not exist (30 February, a month 13, as a Date built in code may
// hold) is first moved as time.Date moves it, into the next month, so
// that the numbers order every date as First and Last do.

// dayNumber is the number of a day, as time.Date reads it.
func dayNumber(year, month, day int) int {
	if !exists(year, month, day) {
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		year, month, day = t.Year(), int(t.Month()), t.Day()
	}
	return year*512 + month*32 + day // month*32+day runs from 33 to 415
}

// exists reports whether a day is in the calendar, in years 0 to 9999.
func exists(year, month, day int) bool {
	return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)
}

// monthLength is daysIn without time.Date, for months 1 to 12.
func monthLength(year, month int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return monthDays[month]
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// firstDayNumber is the number of First's day.
func (d Date) firstDayNumber() int {
	if d.IsZero() {
		return dayNumber(1, 1, 1) // time.Time{}
	}
	return dayNumber(d.Year, max(d.Month, 1), max(d.Day, 1))
}

// lastDayNumber is the number of Last's day.
func (d Date) lastDayNumber() int {
	switch d.Precision() {
	case YearPrecision:
		return dayNumber(d.Year, 12, 31)
	case MonthPrecision:
		if d.Month < 1 || d.Month > 12 {
			return dayNumber(d.Year, d.Month, daysIn(d.Year, d.Month))
		}
		return dayNumber(d.Year, d.Month, monthLength(d.Year, d.Month))
	}
	return d.firstDayNumber()
}
