package agreement_test

import (
	"fmt"

	"github.com/entente-go/entente/agreement"
)

// Who stands where on a day: the Collective Security Treaty in June 2025.
// A frozen participation is still a party, and still bound; a suspended
// one is a party whose obligations do not run.
func ExampleAgreement_PartiesOn() {
	a := mustRead("cst-1992.yaml")
	for _, m := range a.PartiesOn(agreement.MustDate("2025-06-01")) {
		fmt.Printf("%s %s since %s (party %v, bound %v)\n", m.Party.ID, m.State, m.From, m.State.IsParty(), m.State.IsBound())
	}
	// Output:
	// am frozen since 2024-02-22 (party true, bound true)
	// kz bound since 1994-04-20 (party true, bound true)
	// kg bound since 1994-04-20 (party true, bound true)
	// ru bound since 1994-04-20 (party true, bound true)
	// tj bound since 1994-04-20 (party true, bound true)
	// uz suspended since 2012-12-19 (party true, bound false)
	// az withdrawn since 1999-04-20 (party false, bound false)
	// by bound since 1994-04-20 (party true, bound true)
	// ge withdrawn since 1999-04-20 (party false, bound false)
}

// One party's standing, the events that decided it, and the reports of
// them that were not taken.
func ExampleAgreement_StatusFor() {
	a := mustRead("cst-1992.yaml")
	m, _ := a.StatusFor("uz", agreement.MustDate("2008-01-01"))
	fmt.Println(m.State, "since", m.From, "-", m.Basis)
	for _, r := range m.NotTaken {
		fmt.Println("  a report not taken:", r.Date, r.Sources)
	}
	// Output:
	// bound since 2006-08-16 - acceded again, having left
	//   a report not taken: 2006-06-23 [panarmenian-2006]
}

// A party's whole life in the agreement, spell by spell.
func ExampleLife_Spells() {
	a := mustRead("cst-1992.yaml")
	for _, s := range a.Life().Spells("uz") {
		fmt.Println(s.From, s.State)
	}
	// Output:
	// 1992-05-15 signatory
	// 1994-04-20 bound
	// 1999-04-20 withdrawn
	// 2006-08-16 bound
	// 2012-12-19 suspended
}

// Bound during a period: the first and last days of it on which the
// party's obligations ran.
func ExampleLife_BoundDuring() {
	a := mustRead("cst-1992.yaml")
	first, last, ok := a.Life().BoundDuring("uz", agreement.MustDate("2012-01-01"), agreement.MustDate("2012-12-31"))
	fmt.Println(ok, first, last)
	// Output:
	// true 2012-01-01 2012-12-18
}

// Whether the commitments bind two parties toward each other, over time:
// the United States suspended its obligations toward New Zealand in 1986.
func ExampleLife_PairSpells() {
	a := mustRead("anzus-1951.yaml")
	for _, s := range a.Life().PairSpells("us", "nz") {
		fmt.Println(s.From, s.Binding, "-", s.Reason)
	}
	// Output:
	// 1951-09-01 false - us is signatory on 1951-09-01
	// 1952-04-29 true - both are bound on 1952-04-29
	// 1986-08-11 false - us suspended its obligations toward nz on 1986-08-11
}

// Whether two parties owe each other the commitments on a day.
func ExampleAgreement_ObligationsBetween() {
	a := mustRead("anzus-1951.yaml")
	day := agreement.MustDate("2026-03-01")
	for _, pair := range [][2]string{{"au", "us"}, {"nz", "us"}} {
		o := a.ObligationsBetween(pair[0], pair[1], day)
		fmt.Println(pair[0], pair[1], o.Binding, "-", o.Reason)
	}
	// Output:
	// au us true - both are bound on 2026-03-01
	// nz us false - us suspended its obligations toward nz on 1986-08-11
}

// If a party gave notice on a day, when would it be out?
func ExampleAgreement_EarliestExit() {
	a := mustRead("anzus-1951.yaml")
	x, _, ok := a.EarliestExit("nz", agreement.MustDate("2026-03-01"))
	fmt.Println(ok, x.NoticeOn, x.Out, x.Effect, x.Clauses)
	// Output:
	// true 2026-03-01 2027-03-01 party [art-10]
}

// The agreements of a set that bind a state on a day, and those it is a
// party to: Uzbekistan, suspended from the Collective Security Treaty,
// is a party to it but not bound by it.
func ExampleSet_PartyTo() {
	set, err := agreement.ReadFS(osDirFS("../examples"), "agreements")
	if err != nil {
		panic(err)
	}
	day := agreement.MustDate("2026-03-01")
	fmt.Println("bound:", len(set.BindingOn("UZ", day)))
	for _, a := range set.PartyTo("UZ", day) {
		fmt.Println("a party to:", a.ID)
	}
	// Output:
	// bound: 0
	// a party to: cst-1992
}
