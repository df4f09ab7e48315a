package agreement

import (
	"fmt"
	"testing"
)

func TestDateStringAsFmt(t *testing.T) {
	for _, d := range []Date{{Year: 1}, {Year: 12, Month: 3}, {Year: 999, Month: 12, Day: 31}, {Year: 2025, Month: 1, Day: 7, Approximate: true}, {Year: 9999, Month: 10, Uncertain: true}, {Year: 1950, Approximate: true, Uncertain: true}, {Year: 10000, Month: 1, Day: 1}, {Year: -5}} {
		var want string
		switch d.Precision() {
		case DayPrecision:
			want = fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
		case MonthPrecision:
			want = fmt.Sprintf("%04d-%02d", d.Year, d.Month)
		default:
			want = fmt.Sprintf("%04d", d.Year)
		}
		switch {
		case d.Approximate && d.Uncertain:
			want += "%"
		case d.Approximate:
			want += "~"
		case d.Uncertain:
			want += "?"
		}
		if got := d.String(); got != want {
			t.Errorf("%#v: %q, want %q", d, got, want)
		}
	}
}
