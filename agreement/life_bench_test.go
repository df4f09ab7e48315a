package agreement_test

import (
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
)

// BenchmarkStatusFor: one party's standing on a day, the first time an
// agreement is asked (its life computed) and again (read from its life).
//
//	go test ./agreement -run '^$' -bench StatusFor -benchmem
func BenchmarkStatusFor(b *testing.B) {
	cst := loadB(b, "cst-1992.yaml")
	day := agreement.MustDate("2013-01-01")
	b.Run("cst-1992/first", func(b *testing.B) {
		for b.Loop() {
			c := cst.Clone()
			c.StatusFor("uz", day)
		}
	})
	b.Run("cst-1992/again", func(b *testing.B) {
		cst.StatusFor("uz", day)
		for b.Loop() {
			cst.StatusFor("uz", day)
		}
	})
	b.Run("cst-1992/clone-only", func(b *testing.B) { // what /first spends outside the life
		for b.Loop() {
			cst.Clone()
		}
	})
}

// BenchmarkMemberYears: a member-year table over 1,000 generated
// multilateral agreements and 100 years: for each agreement, year and
// party, whether it was bound during the year (BoundDuring, the period
// question), and, as a loop by day would ask, its standing on 1 July
// (StatusFor). Each agreement's life is computed in the loop.
//
//	go test ./agreement -run '^$' -bench MemberYears -benchtime 1x
func BenchmarkMemberYears(b *testing.B) {
	b.Run("bound-during", func(b *testing.B) {
		for b.Loop() {
			rows := 0
			for seed := range uint64(1000) {
				a := gen.Multilateral(seed)
				life := a.Life()
				for year := 1950; year < 2050; year++ {
					from, to := agreement.Date{Year: year, Month: 1, Day: 1}, agreement.Date{Year: year, Month: 12, Day: 31}
					for _, p := range a.Parties {
						if _, _, ok := life.BoundDuring(p.ID, from, to); ok {
							rows++
						}
					}
				}
			}
			b.ReportMetric(float64(rows), "member-years")
		}
	})
	b.Run("status-on-1-july", func(b *testing.B) {
		for b.Loop() {
			rows := 0
			for seed := range uint64(1000) {
				a := gen.Multilateral(seed)
				for year := 1950; year < 2050; year++ {
					day := agreement.Date{Year: year, Month: 7, Day: 1}
					for _, p := range a.Parties {
						if m, _ := a.StatusFor(p.ID, day); m.State.IsBound() {
							rows++
						}
					}
				}
			}
			b.ReportMetric(float64(rows), "member-years")
		}
	})
}

func loadB(b *testing.B, name string) *agreement.Agreement {
	b.Helper()
	doc, err := agreement.ReadFile("../examples/agreements/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return doc.Agreement
}

// TestGeneratedMultilateral: the generated agreements the benchmark runs
// on are coherent (no errors) and their lives true on the day asked.
func TestGeneratedMultilateral(t *testing.T) {
	for seed := range uint64(4) {
		a := gen.Multilateral(seed)
		ds := agreement.Validate(a)
		for _, d := range ds {
			if d.Severity == agreement.SeverityError {
				t.Fatalf("seed %d: %s", seed, d)
			}
		}
		for _, day := range boundaryDays(a) {
			if diff := cmpAnswers(a, day); diff != "" {
				t.Fatalf("seed %d on %s:\n%s", seed, day, diff)
			}
		}
	}
}
