package agreement

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/entente-go/entente/internal/enum"
)

// Duration is an ISO 8601 calendar duration such as P20Y, P1Y6M, P2W or
// P30D. Agreements count in years, months, weeks and days; hours and
// smaller units are not part of the format. The parts are kept as written
// (P12M stays P12M), so that nothing the author wrote is changed.
type Duration struct {
	Years, Months, Weeks, Days int
}

// ParseDuration parses an ISO 8601 duration of years, months, weeks and
// days, each an integer, in that order.
func ParseDuration(s string) (Duration, error) {
	var d Duration
	bad := func(why string) error {
		return &enum.Error{
			Msg:     fmt.Sprintf("%q is not a duration: %s", s, why),
			HintMsg: "write an ISO 8601 duration such as P20Y, P1Y6M, P2W or P30D",
		}
	}
	rest, ok := strings.CutPrefix(s, "P")
	if !ok {
		return d, bad("it must start with P")
	}
	if rest == "" {
		return d, bad("it gives no amount")
	}
	if strings.Contains(rest, "T") {
		return d, bad("hours, minutes and seconds are not used in agreement terms")
	}
	order := "YMWD"
	fields := []*int{&d.Years, &d.Months, &d.Weeks, &d.Days}
	next := 0
	for rest != "" {
		i := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
		if i <= 0 {
			return Duration{}, bad("each unit needs a whole number before it")
		}
		if i > 1 && rest[0] == '0' {
			return Duration{}, bad("numbers are written without leading zeros")
		}
		if rest[:i] == "0" {
			return Duration{}, bad("a part of zero says nothing: leave it out")
		}
		n, err := strconv.Atoi(rest[:i])
		if err != nil || n > 1_000_000 {
			return Duration{}, bad("the number is too large")
		}
		unit := strings.IndexByte(order, rest[i])
		if unit < next {
			return Duration{}, bad(fmt.Sprintf("unit %q is unknown, repeated or out of order (Y, M, W, D)", rest[i]))
		}
		*fields[unit] = n
		next = unit + 1
		rest = rest[i+1:]
	}
	if d.IsZero() {
		return d, &enum.Error{
			Msg:     fmt.Sprintf("%q is a duration of zero", s),
			HintMsg: "leave the field out: no delay and no period are written by omitting them",
		}
	}
	return d, nil
}

// MustDuration is ParseDuration for literals known to be valid; it panics
// otherwise.
func MustDuration(s string) Duration {
	d, err := ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether no duration was given.
func (d Duration) IsZero() bool { return d == Duration{} }

// String returns the ISO 8601 text of d.
func (d Duration) String() string {
	if d.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteByte('P')
	for _, p := range []struct {
		n    int
		unit byte
	}{{d.Years, 'Y'}, {d.Months, 'M'}, {d.Weeks, 'W'}, {d.Days, 'D'}} {
		if p.n != 0 {
			b.WriteString(strconv.Itoa(p.n))
			b.WriteByte(p.unit)
		}
	}
	return b.String()
}

// MarshalText returns the ISO 8601 text of d.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses ISO 8601 text into d.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
