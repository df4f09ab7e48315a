package tables

import (
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
		var got, want [][]string
		runs := 0
		for run := range DyadYearRuns(slices.Values(as), y) {
			runs++
			for row := range run.Rows() {
				got = append(got, row.record(nil))
			}
		}
		for row := range dyadYears(slices.Values(as), y) {
			want = append(want, row.record(nil))
		}
		checkRuns(t, "dyad-years", y, got, want, runs, y == all)
		got, want, runs = nil, nil, 0
		for run := range MemberYearRuns(slices.Values(as), y) {
			runs++
			for row := range run.Rows() {
				got = append(got, row.record(nil))
			}
		}
		for row := range memberYears(slices.Values(as), y) {
			want = append(want, row.record(nil))
		}
		checkRuns(t, "member-years", y, got, want, runs, y == all)
	}
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
