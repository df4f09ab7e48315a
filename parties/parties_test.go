package parties_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/parties"
)

func TestLookupCountry(t *testing.T) {
	tests := []struct {
		code, alpha2, name string
	}{
		{"IR", "IR", "Iran"},
		{"ir", "IR", "Iran"},
		{"IRN", "IR", "Iran"},
		{"364", "IR", "Iran"},
		{"RU", "RU", "Russian Federation"},
		{"KP", "KP", "North Korea"},
		{"643", "RU", "Russian Federation"},
	}
	for _, tt := range tests {
		c, ok := parties.LookupCountry(tt.code)
		if !ok || c.Alpha2 != tt.alpha2 || c.Name != tt.name {
			t.Errorf("LookupCountry(%q) = %+v, %v; want %s %q", tt.code, c, ok, tt.alpha2, tt.name)
		}
	}
	for _, bad := range []string{"", "XX", "IRQQ", "999", "Iran"} {
		if c, ok := parties.LookupCountry(bad); ok {
			t.Errorf("LookupCountry(%q) = %+v, want not found", bad, c)
		}
	}
}

func TestCountriesTable(t *testing.T) {
	cs := parties.Countries()
	if len(cs) != 249 {
		t.Errorf("ISO 3166-1 has 249 entries, the table %d", len(cs))
	}
	seen := map[string]bool{}
	for _, c := range cs {
		for _, code := range []string{c.Alpha2, c.Alpha3, c.Numeric} {
			if seen[code] {
				t.Errorf("code %s appears twice", code)
			}
			seen[code] = true
		}
		if len(c.Alpha2) != 2 || len(c.Alpha3) != 3 || len(c.Numeric) != 3 || c.Name == "" {
			t.Errorf("malformed entry %+v", c)
		}
	}
	// LookupCountry searches the alpha-2 codes in order: every entry is
	// found by each of its codes, in either case.
	if !slices.IsSortedFunc(cs, func(a, b parties.Country) int { return strings.Compare(a.Alpha2, b.Alpha2) }) {
		t.Error("the table is not sorted by alpha-2 code")
	}
	for _, c := range cs {
		for _, code := range []string{c.Alpha2, c.Alpha3, c.Numeric, strings.ToLower(c.Alpha2), strings.ToLower(c.Alpha3)} {
			if got, ok := parties.LookupCountry(code); !ok || got != c {
				t.Errorf("LookupCountry(%q) = %+v, %v", code, got, ok)
			}
		}
	}
}

var edtf = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// TestOrganisations checks the hand-written registry: every member is a
// real country, no one is listed twice, dates are well formed and every
// entry cites a source.
func TestOrganisations(t *testing.T) {
	want := []string{"un", "sco", "brics", "eaeu", "eu", "nato", "csto", "asean", "au", "opec", "gcc", "cis"}
	for _, code := range want {
		if _, ok := parties.LookupOrganisation(code); !ok {
			t.Errorf("organisation %s is missing", code)
		}
	}
	for _, o := range parties.Organisations() {
		if o.Source == "" || o.Name == "" || !edtf.MatchString(o.Founded) {
			t.Errorf("%s: incomplete entry %+v", o.Code, o)
		}
		if o.Dissolved != "" && (!edtf.MatchString(o.Dissolved) || o.Dissolved < o.Founded) {
			t.Errorf("%s: dissolved %q, before it was founded (%s) or malformed", o.Code, o.Dissolved, o.Founded)
		}
		seen := map[string]bool{}
		for _, m := range append(o.Members, o.Observers...) {
			if _, ok := parties.LookupCountry(m.Country); !ok || len(m.Country) != 2 {
				t.Errorf("%s: member %q is not an ISO alpha-2 code", o.Code, m.Country)
			}
			if seen[m.Country] {
				t.Errorf("%s: %s listed twice", o.Code, m.Country)
			}
			seen[m.Country] = true
			if m.Joined != "" && (!edtf.MatchString(m.Joined) || m.Joined < o.Founded[:4]) {
				t.Errorf("%s: %s joined %q, before founding %s or malformed", o.Code, m.Country, m.Joined, o.Founded)
			}
		}
	}
	for _, code := range []string{"oas", "seato", "warsaw-pact", "cento"} {
		if _, ok := parties.LookupOrganisation(code); !ok {
			t.Errorf("the historic organisation %s is missing", code)
		}
	}
	counts := map[string]int{"eu": 27, "nato": 32, "asean": 11, "au": 55, "gcc": 6, "sco": 10, "brics": 10, "opec": 12}
	for code, n := range counts {
		o, _ := parties.LookupOrganisation(code)
		if len(o.Members) != n {
			t.Errorf("%s has %d members in the registry, want %d", code, len(o.Members), n)
		}
	}
	sco, _ := parties.LookupOrganisation("SCO")
	if !sco.IsMember("IR") || !sco.IsMember("ru") || sco.IsMember("US") {
		t.Error("SCO membership of IR, RU, US is wrong")
	}
}

func TestSuggestions(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{parties.SuggestOrganisation("brcs"), `did you mean brics?`},
		{parties.SuggestCountry("Iran, Islamic Republic of"), "the code of Iran is IR"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestKindsAndRoles(t *testing.T) {
	var k parties.Kind
	if err := k.UnmarshalText([]byte("stat")); err == nil || k != "stat" {
		t.Errorf("invalid kind: err %v, value %q (want an error and the value kept)", err, k)
	}
	if err := k.UnmarshalText([]byte("igo")); err != nil || !k.Valid() {
		t.Errorf("igo: %v", err)
	}
	var r parties.Role
	if err := r.UnmarshalText([]byte("depositary")); err != nil || r != parties.Depositary {
		t.Errorf("depositary: %v", err)
	}
}

func ExampleLookupOrganisation() {
	o, _ := parties.LookupOrganisation("sco")
	fmt.Println(o.Name, "founded", o.Founded)
	for _, m := range o.Members {
		if m.Country == "IR" || m.Country == "RU" {
			c, _ := parties.LookupCountry(m.Country)
			fmt.Println(c.Name, "joined", m.Joined)
		}
	}
	// Output:
	// Shanghai Cooperation Organisation founded 2001-06-15
	// Russian Federation joined 2001-06-15
	// Iran joined 2023-07-04
}

func TestFormerCountries(t *testing.T) {
	tests := []struct {
		code, name, withdrawn string
		successors            []string
	}{
		{"SUHH", "USSR, Union of Soviet Socialist Republics", "1992-08-30", []string{"RU", "AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "TJ", "TM", "UA", "UZ"}},
		{"csHH", "Czechoslovakia, Czechoslovak Socialist Republic", "1993-06-15", []string{"CZ", "SK"}},
		{"DDDE", "German Democratic Republic", "1990-10-30", []string{"DE"}},
		{"YUCS", "Yugoslavia, (Socialist) Federal Republic of", "2003-07-23", []string{"CSXX"}},
		{"BYAA", "Byelorussian SSR Soviet Socialist Republic", "1992-06-15", []string{"BY"}}, // renamed
	}
	for _, tt := range tests {
		f, ok := parties.LookupFormer(tt.code)
		if !ok || f.Name != tt.name || f.Withdrawn != tt.withdrawn || !slices.Equal(f.Successors, tt.successors) {
			t.Errorf("LookupFormer(%s) = %+v, %v", tt.code, f, ok)
		}
	}
	if _, ok := parties.LookupFormer("RU"); ok {
		t.Error("RU is not a former country")
	}
	for _, f := range []string{"SUHH"} {
		if _, ok := parties.LookupCountry(f); ok {
			t.Errorf("%s is a country in use", f)
		}
	}
	names := func(fs []parties.FormerCountry) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Alpha4)
		}
		return out
	}
	if got := names(parties.Predecessors("RU")); !slices.Equal(got, []string{"SUHH"}) {
		t.Errorf("Predecessors(RU) = %v", got)
	}
	if got := names(parties.Predecessors("RS")); !slices.Equal(got, []string{"CSXX", "YUCS"}) {
		t.Errorf("Predecessors(RS) = %v, want Serbia and Montenegro and, through it, Yugoslavia", got)
	}
	if got := names(parties.Predecessors("FR")); !slices.Equal(got, []string{"FXFR"}) {
		t.Errorf("Predecessors(FR) = %v", got)
	}
	// Every successor is a code: in use, or of another former country.
	for _, f := range parties.FormerCountries() {
		for _, s := range f.Successors {
			_, current := parties.LookupCountry(s)
			_, former := parties.LookupFormer(s)
			if !(current && len(s) == 2) && !(former && len(s) == 4) {
				t.Errorf("%s: successor %q is no code", f.Alpha4, s)
			}
		}
	}
}
