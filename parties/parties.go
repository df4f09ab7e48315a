// Package parties knows who can be party to an agreement: the kinds of
// party and their roles, every country of ISO 3166-1, and a curated
// registry of intergovernmental organisations with their members.
//
//   - [Kind] and [Role] are the closed vocabularies of the format.
//   - [LookupCountry] finds a country by alpha-2, alpha-3 or numeric code.
//   - [LookupOrganisation] finds an organisation by its code (sco, brics).
//   - [StateCodeIn] gives a country's COW or GW code in a year.
//   - [SuggestCountry] and [SuggestOrganisation] say "did you mean" for
//     codes that do not exist.
//
// The country table is generated from Debian's iso-codes data with
// `go generate` and committed; so are the COW and Gleditsch–Ward codes of
// each country ([StateCodes], [StateCodeIn]), from the countrycode
// project's code list. The organisation registry is written by hand,
// each entry citing where its facts come from.
package parties

import (
	"slices"
	"strings"

	"github.com/entente-go/entente/internal/enum"
)

//go:generate go run gen_countries.go
//go:generate go run gen_former.go

// Kind is what kind of entity a party is.
type Kind string

const (
	KindState        Kind = "state"
	KindIGO          Kind = "igo" // intergovernmental organisation
	KindSubnational  Kind = "subnational"
	KindOrganisation Kind = "organisation" // a company, party or other non-state body
	KindPerson       Kind = "person"
)

// Role is the part a party plays in an agreement.
type Role string

const (
	ContractingParty Role = "contracting-party"
	Signatory        Role = "signatory"
	Depositary       Role = "depositary"
	Guarantor        Role = "guarantor"
	Observer         Role = "observer"
)

var (
	kinds = []Kind{KindState, KindIGO, KindSubnational, KindOrganisation, KindPerson}
	roles = []Role{ContractingParty, Signatory, Depositary, Guarantor, Observer}
)

// Values returns the valid kinds of party.
func (Kind) Values() []Kind { return slices.Clone(kinds) }

// Values returns the valid roles.
func (Role) Values() []Role { return slices.Clone(roles) }

// Valid reports whether k is a kind of party.
func (k Kind) Valid() bool { return slices.Contains(kinds, k) }

// Valid reports whether r is a role.
func (r Role) Valid() bool { return slices.Contains(roles, r) }

// UnmarshalText sets the kind and reports whether it is valid; an invalid
// value is kept.
func (k *Kind) UnmarshalText(b []byte) error { return enum.Parse(k, b, "kind of party", kinds) }

// UnmarshalText sets the role and reports whether it is valid; an invalid
// value is kept.
func (r *Role) UnmarshalText(b []byte) error { return enum.Parse(r, b, "role", roles) }

// Country is an entry of ISO 3166-1.
type Country struct {
	Alpha2       string // IR
	Alpha3       string // IRN
	Numeric      string // 364
	Name         string // the common name: Iran
	ISOName      string // the ISO short name: Iran, Islamic Republic of
	OfficialName string // Islamic Republic of Iran
}

// LookupCountry finds a country by its alpha-2, alpha-3 or numeric code.
// Letters are matched without regard to case.
func LookupCountry(code string) (Country, bool) {
	code = strings.ToUpper(code)
	if len(code) == 2 { // the table is sorted by alpha-2 code
		i, found := slices.BinarySearchFunc(countries[:], code, func(c Country, code string) int { return strings.Compare(c.Alpha2, code) })
		if found {
			return countries[i], true
		}
		return Country{}, false
	}
	for i := range countries {
		if c := &countries[i]; c.Alpha3 == code || c.Numeric == code {
			return *c, true
		}
	}
	return Country{}, false
}

// Countries returns every country, sorted by alpha-2 code.
func Countries() []Country { return slices.Clone(countries[:]) }

// SuggestCountry returns a hint for a code that is not a country. A
// country's name gets its code; anything else gets the form to use (a
// nearest two-letter code would be a guess, and usually a wrong one).
func SuggestCountry(code string) string {
	for _, c := range countries {
		if strings.EqualFold(c.Name, code) || strings.EqualFold(c.ISOName, code) || strings.EqualFold(c.OfficialName, code) {
			return "the code of " + c.Name + " is " + c.Alpha2
		}
	}
	if c, ok := LookupCountry(code); ok {
		return "write the alpha-2 code " + c.Alpha2 + " for " + c.Name
	}
	return "use an ISO 3166-1 alpha-2 code such as IR or RU"
}
