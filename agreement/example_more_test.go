package agreement_test

import (
	"fmt"
	"os"

	"github.com/entente-go/entente/agreement"
)

func mustRead(name string) *agreement.Agreement {
	doc, err := agreement.ReadFile("../examples/agreements/" + name)
	if err != nil {
		panic(err)
	}
	return doc.Agreement
}

// Where does the treaty stand on a day, and since when?
func ExampleAgreement_StatusOn() {
	a := mustRead("ir-ru-csp-2025.yaml")
	for _, day := range []string{"2025-03-01", "2026-03-01"} {
		st := a.StatusOn(agreement.MustDate(day))
		fmt.Println(day, st.State, "since", st.Since)
		if !st.Until.IsZero() {
			fmt.Println("  until", st.Until, "as things stand")
		}
	}
	// Output:
	// 2025-03-01 signed since 2025-01-17
	// 2026-03-01 in-force since 2025-10-02
	//   until 2045-10-02 as things stand
}

// The term laid out: entry into force, the initial term, the last day to
// give notice.
func ExampleAgreement_Schedule() {
	a := mustRead("ir-ru-csp-2025.yaml")
	sched, ok := a.Schedule(agreement.MustDate("2050-01-01"))
	if !ok {
		fmt.Println("the data does not say")
		return
	}
	fmt.Println("in force from", sched.Start, "("+sched.EntryIntoForce.Basis+")")
	for _, p := range sched.Periods {
		fmt.Printf("period %d: %s to %s, notice by %s\n", p.Renewal, p.Start, p.LastDay, p.NoticeBy)
	}
	// Output:
	// in force from 2025-10-02 (the preferred report (mfa-ru-2025-10))
	// period 0: 2025-10-02 to 2045-10-01, notice by 2044-10-01
	// period 1: 2045-10-02 to 2050-10-01, notice by 2049-10-01
}

// Is it a military alliance? The profile says, flag by flag, and names
// the clauses.
func ExampleAgreement_SecurityProfile() {
	for _, name := range []string{"ir-ru-csp-2025.yaml", "ru-kp-csp-2024.yaml"} {
		a := mustRead(name)
		p := a.SecurityProfile()
		fmt.Println(a.ID, "military alliance:", p.MilitaryAlliance)
		fmt.Println("  defence:", p.Defence.Present, p.Defence.Labels)
		fmt.Println("  because:", p.Reasons[0])
	}
	// Output:
	// ir-ru-csp-2025 military alliance: false
	//   defence: false []
	//   because: No clause binds a party to defend the other if it is attacked, or to join it in an attack.
	// ru-kp-csp-2024 military alliance: true
	//   defence: true [Article 4]
	//   because: Article 4 binds the parties to assist one another militarily if one is attacked: a mutual-defence obligation.
}

// Format writes canonical YAML and keeps the author's comments.
func ExampleFormat() {
	src := []byte(`id: example   # the work
format: entente/v1
kind: memorandum
title: An example
version: {stage: draft, label: draft}
`)
	out, ds := agreement.Format("example.yaml", src)
	if ds.HasErrors() {
		fmt.Println(ds)
		return
	}
	os.Stdout.Write(out)
	// Output:
	// format: entente/v1
	// id: example # the work
	// version:
	//   label: draft
	//   stage: draft
	// title: An example
	// kind: memorandum
}

// A folder of agreements is a set: the rules across files run, and the
// set answers for all of them.
func ExampleReadFS() {
	set, err := agreement.ReadFS(os.DirFS("../examples"), "agreements")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(set.Documents), "files,", len(set.Diagnostics()), "findings")
	for _, a := range set.Involving("KP") {
		fmt.Println("with North Korea:", a.ID)
	}
	for _, a := range set.InForceOn(agreement.MustDate("2026-03-01")) {
		fmt.Println("in force on 2026-03-01:", a.ID, a.Version.Label)
	}
	latest := set.Latest("ir-ru-csp-2025")
	fmt.Println("the latest version of ir-ru-csp-2025:", latest.Agreement.Version.Label)
	// Output:
	// 8 files, 0 findings
	// with North Korea: ru-kp-2000
	// with North Korea: ru-kp-csp-2024
	// in force on 2026-03-01: anzus-1951 signed
	// in force on 2026-03-01: cst-1992 as-amended-2010
	// in force on 2026-03-01: ir-ru-csp-2025 signed
	// in force on 2026-03-01: nato-1949 signed
	// in force on 2026-03-01: ru-kp-csp-2024 in-force
	// the latest version of ir-ru-csp-2025: signed
}

// An agreement built in code is checked with Validate: findings by path.
func ExampleValidate() {
	a := &agreement.Agreement{
		Format: agreement.FormatV1, ID: "made-in-code", Title: "Made in code", Kind: agreement.KindMemorandum,
		Version: agreement.Version{Label: "draft", Stage: agreement.StageDraft},
		Parties: []agreement.Party{{ID: "a", Kind: "state", Country: "IR"}},
		Clauses: []agreement.Clause{{ID: "art-1", Commitments: []agreement.Commitment{
			{Modality: agreement.ModalityShall, By: "b", Kind: agreement.CommitmentConsultation},
		}}},
	}
	for _, d := range agreement.Validate(a) {
		fmt.Println(d.Path, d.Rule, d.Message)
	}
	// Output:
	// clauses[art-1].commitments[0].by ref.party no party has the id "b"
}

// The vocabularies say what each closed field accepts, with a line on
// each word: what an editor or a form can offer an author.
func ExampleVocabularies() {
	for _, v := range agreement.Vocabularies() {
		if v.Name != "modality" {
			continue
		}
		fmt.Println(v.Name, "in", v.Where[0])
		for _, w := range v.Words[:3] {
			fmt.Printf("  %-10s %s\n", w.Value, w.Doc)
		}
	}
	// Output:
	// modality in clauses[].commitments[].modality
	//   shall      an obligation: the party must
	//   shall-not  a prohibition: the party must not
	//   may        a permission: the party may
}
