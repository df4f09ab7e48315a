package gen

import (
	"fmt"
	"math/rand/v2"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

// Multilateral returns a coherent multilateral agreement made at random:
// 4 to 30 parties, some of which join later, leave (with notice), are
// suspended, freeze their participation or suspend their obligations
// toward another; a fixed term with renewals or an indefinite one; and
// one to three clauses of security commitments (defence, consultation,
// non-aggression), some owed by one party or toward one. With the same
// seed it makes the same agreement.
func Multilateral(seed uint64) *agreement.Agreement {
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
		p := agreement.Party{ID: fmt.Sprintf("p%d", i), Kind: "state", Country: multilateralCountries[i], Roles: []parties.Role{"contracting-party"}}
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
	kinds := []agreement.CommitmentKind{agreement.CommitmentMutualDefence, agreement.CommitmentConsultation, agreement.CommitmentNonAggression, agreement.CommitmentMilitaryCooperation}
	for k := range 1 + r.IntN(3) {
		cm := agreement.Commitment{Modality: agreement.ModalityShall, By: "each", Kind: kinds[r.IntN(len(kinds))]}
		if r.IntN(4) == 0 { // one party's promise to another
			cm.By, cm.Towards = a.Parties[r.IntN(n)].ID, a.Parties[r.IntN(n)].ID
			if cm.Towards == cm.By {
				cm.Towards = ""
			}
		}
		if cm.Kind == agreement.CommitmentMutualDefence && r.IntN(2) == 0 {
			cm.Condition = "in accordance with its constitutional processes"
		}
		a.Clauses = append(a.Clauses, agreement.Clause{ID: fmt.Sprintf("art-%d", k+1), Num: fmt.Sprint(k + 1), Commitments: []agreement.Commitment{cm}})
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

var multilateralCountries = []string{"AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD"}
