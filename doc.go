// Package entente models agreements between parties — treaties,
// strategic-partnership deals, memoranda, protocols — as typed data that
// is loaded from YAML or JSON, checked, queried and compared.
//
// The module is a set of small packages, each with one job:
//
//   - [github.com/entente-go/entente/agreement]: the model, loading with
//     positioned diagnostics, and canonical YAML and JSON output.
//   - [github.com/entente-go/entente/parties]: kinds of party and roles,
//     every ISO 3166-1 country, and a registry of intergovernmental
//     organisations with their members.
//   - [github.com/entente-go/entente/topics]: the taxonomy of cooperation
//     areas (energy.oil-gas, transport.corridors ...), extensible.
//   - [github.com/entente-go/entente/timeline]: the life of an agreement
//     as Mermaid and SVG.
//   - cmd/entente: the command-line tool for CI and terminals.
//
// # Quick start
//
//	doc, err := agreement.ReadFile("examples/agreements/ir-ru-csp-2025.yaml")
//	if err != nil {
//		return err // the file could not be read
//	}
//	for _, d := range doc.Diagnostics {
//		fmt.Println(d) // file:line:col: message [rule]
//	}
//	if !doc.Diagnostics.HasErrors() {
//		fmt.Println(doc.Agreement.Title, doc.Agreement.Term.Duration)
//	}
//
// Problems in a file are values ([agreement.Diagnostic]), never a failed
// load: every one of them is reported, each with its line, column, path
// in the document and a stable rule id. The error result is kept for
// failures to read.
package entente
