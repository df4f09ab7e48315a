package parties

import (
	"slices"
	"strings"
)

// FormerCountry is a country whose code ISO 3166-3 withdrew from ISO
// 3166-1: a state that no longer exists (the USSR, Czechoslovakia, the
// German Democratic Republic), one that split, or one that took a new
// name. A document names it by its alpha-4 code (SUHH), which is never
// given to another country; its alpha-2 code may have been (CS was
// Czechoslovakia, then Serbia and Montenegro).
type FormerCountry struct {
	Alpha4  string // SUHH
	Alpha2  string // the alpha-2 code it had: SU
	Alpha3  string // SUN
	Numeric string // 810
	Name    string // the ISO name: USSR, Union of Soviet Socialist Republics
	// Withdrawn is when ISO withdrew the code (a date or a year), which
	// can be well after the state ended: the USSR's code went in 1992.
	Withdrawn string
	// Successors are the codes of the countries that took its place, a
	// continuator first: alpha-2 codes in use, or the alpha-4 code of a
	// successor that is itself a former country.
	Successors []string
	Comment    string // ISO's note, when there is one
}

// LookupFormer finds a former country by its alpha-4 code, without regard
// to case.
func LookupFormer(code string) (FormerCountry, bool) {
	code = strings.ToUpper(code)
	i, found := slices.BinarySearchFunc(formerCountries[:], code, func(c FormerCountry, code string) int { return strings.Compare(c.Alpha4, code) })
	if !found {
		return FormerCountry{}, false
	}
	return formerCountries[i], true
}

// Predecessors returns the former countries that code (an alpha-2 code in
// use, or a former country's alpha-4 code) succeeded, directly or through
// another former country: RU gives the USSR; RS gives Serbia and
// Montenegro and, through it, Yugoslavia.
func Predecessors(code string) []FormerCountry {
	code = strings.ToUpper(code)
	var out []FormerCountry
	seen := map[string]bool{}
	var walk func(code string)
	walk = func(code string) {
		for _, f := range formerCountries {
			if slices.Contains(f.Successors, code) && !seen[f.Alpha4] {
				seen[f.Alpha4] = true
				out = append(out, f)
				walk(f.Alpha4)
			}
		}
	}
	walk(code)
	return out
}

// CountryName returns the name of a country by its code: an ISO 3166-1
// code in use, or a former country's alpha-4 code.
func CountryName(code string) (string, bool) {
	if c, ok := LookupCountry(code); ok && len(code) == 2 {
		return c.Name, true
	}
	if f, ok := LookupFormer(code); ok && len(code) == 4 {
		return f.Name, true
	}
	return "", false
}

// FormerCountries returns every former country, by alpha-4 code.
func FormerCountries() []FormerCountry { return slices.Clone(formerCountries[:]) }
