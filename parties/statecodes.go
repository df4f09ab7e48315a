package parties

import (
	"slices"
	"strings"
)

//go:generate go run gen_statecodes.go

// State systems whose codes the registry carries beside ISO's.
const (
	SystemCOW = "cow" // the Correlates of War project's state numbers
	SystemGW  = "gw"  // Gleditsch and Ward's list of independent states
)

// StateCode is a country's code in a state system (COW or GW) for the
// years that system lists it as a state. One ISO code may have several:
// DE is COW 255 until 1945 and from 1990, and 260 (the German Federal
// Republic) from 1955 to 1990.
//
// The codes and years are the countrycode project's code list (see
// gen_statecodes.go), joined by hand for the former states of ISO
// 3166-3 and the codes that changed with borders.
type StateCode struct {
	Country string // the ISO 3166-1 alpha-2 or ISO 3166-3 alpha-4 code
	System  string // SystemCOW or SystemGW
	Code    int    // 365
	Abbrev  string // the system's letters: RUS
	From    int    // the first year the system lists it
	To      int    // the last year the data lists it (the data's last year for a state that still is)
}

// StateCodes returns a country's codes in every state system, by system
// and first year; none for a code the systems do not list (a territory,
// a state before or after their coverage).
func StateCodes(country string) []StateCode {
	return slices.Clone(codesOf(strings.ToUpper(country)))
}

// codesOf returns the rows of the table for a country, in place.
func codesOf(country string) []StateCode {
	i, _ := slices.BinarySearchFunc(stateCodes[:], country, func(c StateCode, code string) int { return strings.Compare(c.Country, code) })
	j := i
	for j < len(stateCodes) && stateCodes[j].Country == country {
		j++
	}
	return stateCodes[i:j]
}

// StateCodeIn returns a country's code in a system in a year. Where two
// codes meet in one year (Germany in 1990), the one that begins that
// year is given. Past the data's last year the latest code of a state
// still listed then is given; false when the system does not list it.
func StateCodeIn(country, system string, year int) (StateCode, bool) {
	var found StateCode
	ok := false
	for _, c := range codesOf(strings.ToUpper(country)) { // ToUpper allocates only for lower case
		if c.System != system || c.From > year {
			continue
		}
		if c.To >= year || c.To >= stateCodesLastYear[system] && year > c.To {
			found, ok = c, true
		}
	}
	return found, ok
}

// stateCodesLastYear is the last year of each system's data: a state
// listed then is taken to be listed after it.
var stateCodesLastYear = func() map[string]int {
	last := map[string]int{}
	for _, c := range stateCodes {
		last[c.System] = max(last[c.System], c.To)
	}
	return last
}()
