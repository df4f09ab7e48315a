package agreement

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/entente-go/entente/internal/enum"
)

// Precision is how much of a date is known.
type Precision int

const (
	YearPrecision  Precision = iota + 1 // 2019
	MonthPrecision                      // 2025-01
	DayPrecision                        // 2025-01-17
)

// Date is a calendar date that may be partial, as history often is: a
// year, a year and month, or a full date, optionally marked approximate
// (EDTF "~"), uncertain ("?") or both ("%"). The zero Date is "no date".
type Date struct {
	Year        int
	Month       int // 1-12, or 0 when only the year is known
	Day         int // 1-31, or 0 when only the year and month are known
	Approximate bool
	Uncertain   bool
}

// ParseDate parses an EDTF level-1 date: YYYY, YYYY-MM or YYYY-MM-DD with
// an optional qualifier ~, ? or %. The date must exist (no 30 February).
func ParseDate(s string) (Date, error) {
	var d Date
	body := s
	switch {
	case strings.HasSuffix(s, "%"):
		d.Approximate, d.Uncertain = true, true
		body = s[:len(s)-1]
	case strings.HasSuffix(s, "~"):
		d.Approximate = true
		body = s[:len(s)-1]
	case strings.HasSuffix(s, "?"):
		d.Uncertain = true
		body = s[:len(s)-1]
	}
	parts := strings.Split(body, "-")
	if len(parts) > 3 || !digits(parts[0], 4) {
		return Date{}, dateError(s)
	}
	d.Year, _ = strconv.Atoi(parts[0])
	if d.Year == 0 {
		return Date{}, &enum.Error{Msg: fmt.Sprintf("%q: year 0000 is not supported", s), HintMsg: "years run from 0001 to 9999"}
	}
	if len(parts) >= 2 {
		if !digits(parts[1], 2) {
			return Date{}, dateError(s)
		}
		d.Month, _ = strconv.Atoi(parts[1])
		if d.Month < 1 || d.Month > 12 {
			return Date{}, &enum.Error{Msg: fmt.Sprintf("%q has no month %d", s, d.Month), HintMsg: "months run from 01 to 12"}
		}
	}
	if len(parts) == 3 {
		if !digits(parts[2], 2) {
			return Date{}, dateError(s)
		}
		d.Day, _ = strconv.Atoi(parts[2])
		if last := daysIn(d.Year, d.Month); d.Day < 1 || d.Day > last {
			return Date{}, &enum.Error{
				Msg:     fmt.Sprintf("%q is not a real date: %s %d has %d days", s, time.Month(d.Month), d.Year, last),
				HintMsg: "check the day of the month",
			}
		}
	}
	return d, nil
}

func dateError(s string) error {
	return &enum.Error{
		Msg:     fmt.Sprintf("%q is not a date", s),
		HintMsg: "write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate), ? (uncertain) or % (both)",
	}
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MustDate is ParseDate for literals known to be valid; it panics otherwise.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Valid reports whether d is a date the format can hold: the zero Date
// (none), or a year from 1 to 9999 with, optionally, a month, and with a
// month, optionally, a day that the month has. A Date built in code can
// be anything; ParseDate makes only valid ones.
func (d Date) Valid() bool {
	switch {
	case d.IsZero():
		return true
	case d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0:
		return false
	case d.Month == 0:
		return d.Day == 0
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

// IsZero reports whether d is the zero Date (no date given).
func (d Date) IsZero() bool { return d == Date{} }

// Precision returns how much of the date is known.
func (d Date) Precision() Precision {
	switch {
	case d.Day != 0:
		return DayPrecision
	case d.Month != 0:
		return MonthPrecision
	}
	return YearPrecision
}

// String returns the date as EDTF text, the form it is written in.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendText(make([]byte, 0, 11)))
}

// AppendText appends the date's EDTF text to b (nothing for the zero
// Date), as encoding.TextAppender asks.
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.IsZero() {
		return b, nil
	}
	return d.appendText(b), nil
}

// appendText is written by hand, not with fmt: tables write millions of
// dates.
func (d Date) appendText(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	if p := d.Precision(); p >= MonthPrecision {
		b = appendPadded(append(b, '-'), d.Month, 2)
		if p == DayPrecision {
			b = appendPadded(append(b, '-'), d.Day, 2)
		}
	}
	switch {
	case d.Approximate && d.Uncertain:
		b = append(b, '%')
	case d.Approximate:
		b = append(b, '~')
	case d.Uncertain:
		b = append(b, '?')
	}
	return b
}

// appendPadded appends n in decimal, with leading zeros to width.
func appendPadded(b []byte, n, width int) []byte {
	switch {
	case width == 2 && n >= 0 && n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case width == 4 && n >= 0 && n < 10000:
		return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	case n < 0: // not a date the format reads; written as fmt would
		return appendPadded(append(b, '-'), -n, width-1)
	}
	for w, x := 1, n; w < width; w++ {
		if x /= 10; x == 0 {
			b = append(b, strings.Repeat("0", width-w)...)
			break
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// MarshalText returns the EDTF text of d.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// UnmarshalText parses EDTF text into d.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// First returns the first day the date can mean: 1 January for a year,
// the 1st for a month. It is the zero time for the zero Date.
func (d Date) First() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// Last returns the last day the date can mean: 31 December for a year,
// the month's last day for a month.
func (d Date) Last() time.Time {
	switch d.Precision() {
	case YearPrecision:
		return time.Date(d.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	case MonthPrecision:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Exact reports whether the date is a full date that is neither
// approximate nor uncertain.
func (d Date) Exact() bool {
	return d.Precision() == DayPrecision && !d.Approximate && !d.Uncertain
}

// DefinitelyBefore reports whether every day d can mean comes before every
// day e can mean. Approximate and uncertain dates are never definitely
// before or after anything.
func (d Date) DefinitelyBefore(e Date) bool {
	if d.IsZero() || e.IsZero() || d.Approximate || d.Uncertain || e.Approximate || e.Uncertain {
		return false
	}
	return d.Last().Before(e.First())
}

// DateOf returns the full Date of t's calendar day.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// Add returns d moved forward by dur, keeping d's precision and
// qualifiers (an approximate date stays approximate). Years and months are
// added first; a day that does not exist in the resulting month becomes
// the month's last day (31 January plus one month is 28 or 29 February,
// never 2 or 3 March; 29 February plus one year is 28 February). Weeks and
// days are then added to a full date. A partial date moves by whole years
// or months only: a year plus P30D is the same year, since a span of a
// year cannot say more.
func (d Date) Add(dur Duration) Date { return d.add(dur, 1) }

// Sub returns d moved back by dur, under the same rules as Add.
func (d Date) Sub(dur Duration) Date { return d.add(dur, -1) }

func (d Date) add(dur Duration, sign int) Date {
	if d.IsZero() {
		return d
	}
	out := d
	years, months := sign*dur.Years, sign*dur.Months
	if d.Precision() == YearPrecision {
		out.Year = d.Year + years + months/12
		return out
	}
	total := d.Month - 1 + months + 12*years
	out.Year = d.Year + floorDiv(total, 12)
	out.Month = total - 12*floorDiv(total, 12) + 1
	if d.Precision() == MonthPrecision {
		return out
	}
	out.Day = min(d.Day, daysIn(out.Year, out.Month))
	if days := sign * (7*dur.Weeks + dur.Days); days != 0 {
		t := out.First().AddDate(0, 0, days)
		out.Year, out.Month, out.Day = t.Year(), int(t.Month()), t.Day()
	}
	return out
}

// AddDays returns a full date moved by n days (back when n < 0); a
// partial date is returned unchanged.
func (d Date) AddDays(n int) Date {
	if d.Precision() != DayPrecision {
		return d
	}
	if exists(d.Year, d.Month, d.Day) && (n == 1 && d.Day < monthLength(d.Year, d.Month) || n == -1 && d.Day > 1) {
		d.Day += n // the day before or after, in the same month
		return d
	}
	t := d.First().AddDate(0, 0, n)
	out := d
	out.Year, out.Month, out.Day = t.Year(), int(t.Month()), t.Day()
	return out
}

// Compare orders dates by their first day, then by their last day (so a
// year sorts before its own months when they start together).
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.firstDayNumber(), e.firstDayNumber()), cmp.Compare(d.lastDayNumber(), e.lastDayNumber()))
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
