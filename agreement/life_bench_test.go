package agreement_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

// multilateral returns a coherent multilateral agreement made at random:
// 4 to 30 parties, some of which join later, leave (with notice), are
// suspended, freeze their participation or suspend their obligations
// toward another; a fixed term with renewals or an indefinite one. With
// the same seed it makes the same agreement.
func multilateral(seed uint64) *agreement.Agreement {
	r := rand.New(rand.NewPCG(seed, 1))
	day := func(year int) agreement.Date {
		return agreement.Date{Year: year, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}
	}
	a := &agreement.Agreement{Format: agreement.FormatV1, ID: fmt.Sprintf("gen-%d", seed), Kind: agreement.KindTreaty, Title: "A generated treaty",
		Version: agreement.Version{Label: "v", Stage: agreement.StageInForce}}
	signed := 1950 + r.IntN(40)
	n := 4 + r.IntN(27)
	originals := 2 + r.IntN(n-1)
	for i := range n {
		p := agreement.Party{ID: fmt.Sprintf("p%d", i), Kind: "state", Country: countries[i], Roles: []parties.Role{"contracting-party"}}
		if i < originals {
			p.Roles = append(p.Roles, "signatory")
		}
		a.Parties = append(a.Parties, p)
	}
	if r.IntN(2) == 0 {
		a.Term = &agreement.Term{Indefinite: true, Withdrawal: &agreement.Withdrawal{Notice: agreement.Duration{Years: 1}, Effect: agreement.WithdrawalEffectParty}}
	} else {
		a.Term = &agreement.Term{Duration: agreement.Duration{Years: 10 + r.IntN(20)}, Notice: agreement.Duration{Years: 1},
			Renewal:    &agreement.Renewal{Period: agreement.Duration{Years: 5}, Automatic: true},
			Withdrawal: &agreement.Withdrawal{Notice: agreement.Duration{Months: 6}, Effect: agreement.WithdrawalEffectParty}}
	}
	eif := signed + 1 + r.IntN(2)
	a.Timeline = append(a.Timeline,
		agreement.Event{Date: day(signed), Event: agreement.EventSigned},
		agreement.Event{Date: day(eif), Event: agreement.EventEnteredIntoForce})
	for i, p := range a.Parties {
		year := eif + 1
		if i >= originals {
			year = eif + 1 + r.IntN(30)
			a.Timeline = append(a.Timeline, agreement.Event{Date: day(year), Event: agreement.EventAcceded, Party: p.ID})
		}
		switch r.IntN(6) {
		case 0: // leaves, and may come back
			notice := year + 1 + r.IntN(30)
			a.Timeline = append(a.Timeline, agreement.Event{Date: day(notice), Event: agreement.EventWithdrawalNotified, Party: p.ID})
			if r.IntN(2) == 0 {
				a.Timeline = append(a.Timeline, agreement.Event{Date: day(notice + 2), Event: agreement.EventAcceded, Party: p.ID})
			}
		case 1:
			from := year + 1 + r.IntN(30)
			a.Timeline = append(a.Timeline, agreement.Event{Date: day(from), Event: agreement.EventSuspended, Party: p.ID},
				agreement.Event{Date: day(from + 1 + r.IntN(5)), Event: agreement.EventResumed, Party: p.ID})
		case 2:
			a.Timeline = append(a.Timeline, agreement.Event{Date: day(year + 1 + r.IntN(30)), Event: agreement.EventFrozen, Party: p.ID})
		case 3:
			other := a.Parties[r.IntN(n)].ID
			if other != p.ID {
				a.Timeline = append(a.Timeline, agreement.Event{Date: day(year + 1 + r.IntN(30)), Event: agreement.EventObligationsSuspended, Party: p.ID, Towards: other})
			}
		}
	}
	return a
}

var countries = []string{"AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD"}

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
				a := multilateral(seed)
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
				a := multilateral(seed)
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
		a := multilateral(seed)
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
