package agreement_test

import (
	"testing"

	"github.com/entente-go/entente/agreement"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want agreement.Date
		prec agreement.Precision
	}{
		{"2019", agreement.Date{Year: 2019}, agreement.YearPrecision},
		{"2025-01", agreement.Date{Year: 2025, Month: 1}, agreement.MonthPrecision},
		{"2025-01-17", agreement.Date{Year: 2025, Month: 1, Day: 17}, agreement.DayPrecision},
		{"2024-02-29", agreement.Date{Year: 2024, Month: 2, Day: 29}, agreement.DayPrecision},
		{"2024~", agreement.Date{Year: 2024, Approximate: true}, agreement.YearPrecision},
		{"2025-04-21~", agreement.Date{Year: 2025, Month: 4, Day: 21, Approximate: true}, agreement.DayPrecision},
		{"2025-07?", agreement.Date{Year: 2025, Month: 7, Uncertain: true}, agreement.MonthPrecision},
		{"1961%", agreement.Date{Year: 1961, Approximate: true, Uncertain: true}, agreement.YearPrecision},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := agreement.ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got != tt.want || got.Precision() != tt.prec {
				t.Errorf("ParseDate(%q) = %+v (precision %v), want %+v (%v)", tt.in, got, got.Precision(), tt.want, tt.prec)
			}
			if s := got.String(); s != tt.in {
				t.Errorf("String() = %q, want the input back", s)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		in  string
		why string
	}{
		{"", "empty"},
		{"25", "two-digit year"},
		{"2025-1-17", "one-digit month"},
		{"2025-00", "month zero"},
		{"2025-13", "month thirteen"},
		{"2025-02-29", "not a leap year"},
		{"2025-04-31", "April has 30 days"},
		{"2025-01-00", "day zero"},
		{"2025-01-17T10:00", "a time"},
		{"17.01.2025", "another order"},
		{"2025-01-17~~", "two qualifiers"},
		{"0000", "year zero is the zero Date"},
		{"２０２５", "non-ASCII digits"},
	}
	for _, tt := range tests {
		if d, err := agreement.ParseDate(tt.in); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error (%s)", tt.in, d, tt.why)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want agreement.Duration
	}{
		{"P20Y", agreement.Duration{Years: 20}},
		{"P30D", agreement.Duration{Days: 30}},
		{"P1Y6M", agreement.Duration{Years: 1, Months: 6}},
		{"P12M", agreement.Duration{Months: 12}},
		{"P2W", agreement.Duration{Weeks: 2}},
		{"P1Y2M3W4D", agreement.Duration{Years: 1, Months: 2, Weeks: 3, Days: 4}},
	}
	for _, tt := range tests {
		got, err := agreement.ParseDuration(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		if got.String() != tt.in {
			t.Errorf("String() = %q, want %q", got.String(), tt.in)
		}
	}
	for _, bad := range []string{"", "P", "20Y", "P20", "PY", "P1.5Y", "P1D1Y", "P1Y1Y", "PT1H", "P-1Y", "p20y", "P0D", "P0Y0M", "P01Y", "P0Y1M", "P99999999999999999999Y"} {
		if d, err := agreement.ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) = %+v, want an error", bad, d)
		}
	}
}
