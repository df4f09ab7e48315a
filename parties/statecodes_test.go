package parties_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/entente-go/entente/parties"
)

func TestStateCodeIn(t *testing.T) {
	tests := []struct {
		country, system string
		year            int
		want            int // 0: none
	}{
		{"DE", parties.SystemCOW, 1940, 255},
		{"DE", parties.SystemCOW, 1960, 260}, // the German Federal Republic
		{"DE", parties.SystemCOW, 1990, 255}, // the code that begins in 1990
		{"DE", parties.SystemGW, 1995, 260},
		{"DDDE", parties.SystemCOW, 1960, 265},
		{"DDDE", parties.SystemCOW, 1995, 0}, // it no longer exists
		{"SUHH", parties.SystemCOW, 1960, 365},
		{"SUHH", parties.SystemCOW, 1995, 0},
		{"RU", parties.SystemCOW, 2024, 365}, // past the data's last year, a state listed then
		{"VN", parties.SystemCOW, 1970, 817}, // VN was the Republic of Vietnam's code
		{"VN", parties.SystemCOW, 1980, 816},
		{"IR", parties.SystemGW, 2025, 630},
		{"US", parties.SystemCOW, 1800, 0}, // before COW's coverage
		{"PR", parties.SystemCOW, 2000, 0}, // not a state
		{"ir", parties.SystemCOW, 2000, 630},
	}
	for _, tt := range tests {
		c, ok := parties.StateCodeIn(tt.country, tt.system, tt.year)
		if got := map[bool]int{true: c.Code}[ok]; got != tt.want {
			t.Errorf("StateCodeIn(%s, %s, %d) = %d (%v), want %d", tt.country, tt.system, tt.year, c.Code, ok, tt.want)
		}
	}
}

// TestStateCodesTable: the generated table is the committed facts, each
// row a known country code, sorted as the lookup needs.
func TestStateCodesTable(t *testing.T) {
	f, err := os.Open("statecodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var all []parties.StateCode
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		if !seen[r[0]] {
			seen[r[0]] = true
			all = append(all, parties.StateCodes(r[0])...)
		}
	}
	if len(all) != len(recs)-1 {
		t.Fatalf("the table has %d rows, statecodes.csv %d: run go generate ./parties", len(all), len(recs)-1)
	}
	for i, r := range recs[1:] {
		c := all[i]
		if c.Country != r[0] || c.System != r[1] || strconv.Itoa(c.Code) != r[2] || c.Abbrev != r[3] || strconv.Itoa(c.From) != r[4] || strconv.Itoa(c.To) != r[5] {
			t.Errorf("row %d: table %+v, csv %v", i+1, c, r)
		}
		if _, ok := parties.CountryName(c.Country); !ok {
			t.Errorf("%s is not an ISO 3166-1 or 3166-3 code", c.Country)
		}
		if c.From > c.To || (c.System != parties.SystemCOW && c.System != parties.SystemGW) {
			t.Errorf("row %d: %+v", i+1, c)
		}
	}
	if !slices.IsSortedFunc(all, func(x, y parties.StateCode) int {
		if x.Country < y.Country {
			return -1
		}
		if x.Country > y.Country {
			return 1
		}
		return 0
	}) {
		t.Error("the table is not sorted by country")
	}
	if len(seen) < 190 {
		t.Errorf("only %d countries have codes", len(seen))
	}
}

// Germany has two COW numbers in the years of the Federal Republic.
func ExampleStateCodeIn() {
	for _, year := range []int{1938, 1960, 1995} {
		c, _ := parties.StateCodeIn("DE", parties.SystemCOW, year)
		fmt.Println(year, c.Code, c.Abbrev)
	}
	// Output:
	// 1938 255 GMY
	// 1960 260 GFR
	// 1995 255 GMY
}
