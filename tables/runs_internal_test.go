package tables

import (
	"iter"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
)

// TestRunsGiveTheRowsBack: the runs' rows are the table's, record for
// record, and there are fewer runs than rows.
func TestRunsGiveTheRowsBack(t *testing.T) {
	set, err := agreement.ReadFS(os.DirFS("../examples/agreements"), ".")
	if err != nil {
		t.Fatal(err)
	}
	as := set.Agreements()
	for seed := range uint64(30) {
		as = append(as, gen.Multilateral(seed))
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 30 {
		as = append(as, gen.Agreement(r, gen.Options{Clauses: 4, Depth: 1, Tricky: true}))
	}
	all := Years{From: 1950, To: 2025}
	for _, y := range []Years{all, {From: 1951, To: 1956}, {From: 1987, To: 1987}} {
		got, runs := recordsOfRuns(DyadYearRuns(slices.Values(as), y), (*DyadYearRow).record)
		checkRuns(t, "dyad-years", y, got, records(dyadYears(slices.Values(as), y), (*DyadYearRow).record), runs, y == all)
		got, runs = recordsOfRuns(MemberYearRuns(slices.Values(as), y), (*MemberYearRow).record)
		checkRuns(t, "member-years", y, got, records(memberYears(slices.Values(as), y), (*MemberYearRow).record), runs, y == all)
	}
}

// recordsOfRuns returns the records of the runs' rows, and how many runs
// there are.
func recordsOfRuns[R any, Run interface{ Rows() iter.Seq[R] }](runs iter.Seq[Run], record func(*R, []string) []string) ([][]string, int) {
	var out [][]string
	n := 0
	for run := range runs {
		n++
		for row := range run.Rows() {
			out = append(out, record(&row, nil))
		}
	}
	return out, n
}

// records returns the records of rows.
func records[R any](rows iter.Seq[*R], record func(*R, []string) []string) [][]string {
	var out [][]string
	for row := range rows {
		out = append(out, record(row, nil))
	}
	return out
}

func checkRuns(t *testing.T, table string, y Years, got, want [][]string, runs int, fold bool) {
	t.Helper()
	for i := range min(len(got), len(want)) {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("%s %v, row %d from the runs:\n%q\nthe table's:\n%q", table, y, i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%s %v: %d rows from the runs, the table has %d", table, y, len(got), len(want))
	}
	if fold && runs*5 > len(want) {
		t.Errorf("%s %v: %d runs of %d rows", table, y, runs, len(want))
	}
	t.Logf("%s %v: %d runs of %d rows", table, y, runs, len(want))
}
