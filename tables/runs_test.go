package tables_test

import (
	"slices"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/tables"
)

// TestRunsBreak: a run ends where a year is not whole: a suspension
// between the two, a day the obligations began or ended.
func TestRunsBreak(t *testing.T) {
	set := examples(t)
	var anzus []tables.DyadYearRun
	for run := range tables.DyadYearRuns(tables.InSet(set), span) {
		if run.First.Agreement == "anzus-1951" && run.First.CountryA == "NZ" && run.First.CountryB == "US" {
			anzus = append(anzus, run)
		}
	}
	// Bound from 1952-04-29; suspended by the United States from 1986-08-11.
	var got [][2]int
	for _, r := range anzus {
		got = append(got, [2]int{r.First.Year, r.To})
	}
	want := [][2]int{{1952, 1985}, {1986, 1986}, {1987, 2025}}
	if !slices.Equal(got, want) {
		t.Errorf("ANZUS, New Zealand and the United States: runs %v, want %v", got, want)
	}
	if n := len(anzus); n != 3 || anzus[0].First.First != agreement.MustDate("1952-04-29") || anzus[0].Last != agreement.MustDate("1985-12-31") ||
		anzus[1].Last != agreement.MustDate("1986-08-10") || anzus[2].First.Binding || !anzus[2].First.Suspended || anzus[2].Censored {
		t.Errorf("runs: %+v", anzus)
	}
}
