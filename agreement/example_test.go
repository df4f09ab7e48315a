package agreement_test

import (
	"fmt"
	"os"

	"github.com/entente-go/entente/agreement"
)

// Load the Iran–Russia treaty and read its parties and term.
func ExampleReadFile() {
	doc, err := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		fmt.Println(err) // the file could not be read
		return
	}
	if doc.Diagnostics.HasErrors() {
		for _, d := range doc.Diagnostics {
			fmt.Println(d)
		}
		return
	}
	a := doc.Agreement
	fmt.Println(a.ShortTitle)
	for _, p := range a.Parties {
		fmt.Printf("%s: %s (%s)\n", p.ID, p.Signatories[0].Name, p.Country)
	}
	fmt.Println("term:", a.Term.Duration, "from", a.Term.From, "renewed by", a.Term.Renewal.Period)
	fmt.Println("in force", a.Term.EntryIntoForce.Delay, "after the", a.Term.EntryIntoForce.After)
	// Output:
	// Iran–Russia Comprehensive Strategic Partnership Treaty
	// ir: Masoud Pezeshkian (IR)
	// ru: Vladimir Putin (RU)
	// term: P20Y from entry-into-force renewed by P5Y
	// in force P30D after the last-notification
}

// Problems are values with a position, a path and a rule id; loading
// reports all of them, sorted by position.
func ExampleParse() {
	src := []byte(`format: entente/v1
id: example
titel: A misspelt field
version: {label: draft, stage: draft, date: 2025-02-30}
kind: memorandum
parties: [{id: a, kind: state, country: XK}]
`)
	doc := agreement.Parse("example.yaml", src)
	for _, d := range doc.Diagnostics {
		fmt.Printf("%s\n  path %s, hint: %s\n", d, d.Path, d.Hint)
	}
	// Output:
	// example.yaml:3:1: unknown field "titel" [load.unknown-field]
	//   path titel, hint: did you mean "title"?
	// example.yaml:4:45: "2025-02-30" is not a real date: February 2025 has 28 days [load.invalid-value]
	//   path version.date, hint: check the day of the month
	// example.yaml:6:41: "XK" is not an ISO 3166-1 alpha-2 country code [code.country]
	//   path parties[a].country, hint: use an ISO 3166-1 alpha-2 code such as IR or RU
}

// Conflicting reports are kept side by side; one may be preferred.
func ExampleTimeline() {
	doc, _ := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	for _, e := range doc.Agreement.Timeline {
		if e.Event == agreement.EventEnteredIntoForce {
			fmt.Println(e.Date, e.Preferred, e.Sources)
		}
	}
	// Output:
	// 2025-07 false [ir-ambassador-2025-07]
	// 2025-10-02 true [mfa-ru-2025-10]
}

// Write an agreement back as canonical YAML.
func ExampleMarshalYAML() {
	a := &agreement.Agreement{
		Format:  agreement.FormatV1,
		ID:      "example",
		Version: agreement.Version{Label: "draft", Stage: agreement.StageDraft, Date: agreement.MustDate("2025-01")},
		Title:   "An example",
		Kind:    agreement.KindMemorandum,
		Term:    &agreement.Term{Duration: agreement.MustDuration("P5Y")},
	}
	out, err := agreement.MarshalYAML(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(out)
	// Output:
	// format: entente/v1
	// id: example
	// version:
	//   label: draft
	//   stage: draft
	//   date: 2025-01
	// title: An example
	// kind: memorandum
	// term:
	//   duration: P5Y
}
