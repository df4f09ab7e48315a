package diff_test

import (
	"fmt"
	"os"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/agreement/diff"
)

func read(name string) *agreement.Document {
	doc, err := agreement.ReadFile("../../examples/agreements/" + name)
	if err != nil {
		panic(err)
	}
	return doc
}

// What changed between the text announced before signing and the text
// that was signed? The summary is data; the change set writes itself.
func ExampleDiffDocuments() {
	announced, signed := read("ir-ru-csp-2025-announced.yaml"), read("ir-ru-csp-2025.yaml")
	cs := diff.DiffDocuments(announced, signed)
	fmt.Println(cs.Old.Name(), "→", cs.New.Name()+":", len(cs.Changes), "changes, the highest", cs.Summary.Highest)
	for _, d := range cs.Summary.Dates {
		fmt.Println(d.Date, "now", d.New)
	}
	for _, f := range cs.Summary.Profile {
		fmt.Println(f.Flag, f.Old, "→", f.New)
	}
	// Output:
	// announced-2025-01-16 → signed: 73 changes, the highest major
	// signature now 2025-01-17
	// entry-into-force now 2025-10-02
	// initial-term-end now 2045-10-02
	// neutrality false → true
	// general-consultation false → true
}

// A change in a commitment's force is major, and the note says which way.
func ExampleDiff() {
	old := read("ir-ru-csp-2025.yaml").Agreement
	new := old.Clone()
	for _, ref := range new.AllClauses() {
		if ref.Clause.ID == "art-3.3" {
			ref.Clause.Commitments[1].Modality = agreement.ModalityMay
		}
	}
	for _, c := range diff.Diff(old, new).Changes {
		fmt.Println(c.Path, c.Op, c.Class, c.Impact, c.Note)
	}
	// Output:
	// clauses[art-3].clauses[art-3.3].commitments[1].modality modified commitment major shall → may: weakened
}

// Apply gives the new version back from the old one and the changes, and
// refuses changes that do not fit.
func ExampleApply() {
	old := read("ir-ru-csp-2025-announced.yaml").Agreement
	signed := read("ir-ru-csp-2025.yaml").Agreement
	cs := diff.Diff(old, signed)
	got, err := diff.Apply(cs.Changes, old)
	fmt.Println(err, diff.Diff(got, signed).Empty())

	other := old.Clone()
	other.Version.Label = "a-version-of-my-own"
	_, err = diff.Apply(cs.Changes, other)
	fmt.Println(err)
	// Output:
	// <nil> true
	// conflict at version.label: the old value is a-version-of-my-own, not announced-2025-01-16
}

// The change set in Markdown, for a pull request.
func ExampleChangeSet_WriteMarkdown() {
	old := read("ir-ru-csp-2025.yaml").Agreement
	new := old.Clone()
	new.Term.Notice = agreement.MustDuration("P6M")
	diff.Diff(old, new).WriteMarkdown(os.Stdout)
	// Output:
	// ### signed → signed
	//
	// 1 change: 1 major.
	//
	// - the term changed
	//
	// | impact | class | where | change |
	// |---|---|---|---|
	// | major | temporal | `term.notice` | P1Y → P6M |
}
