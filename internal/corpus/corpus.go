// Package corpus writes large agreements for benchmarks: valid, in the
// shape of the example treaty's articles. It imports nothing of the
// module, so that every package's tests can use it, the agreement
// package's own among them.
package corpus

import (
	"fmt"
	"strings"
)

// Articles writes a valid agreement of n articles, each with two
// paragraphs, a commitment, topics and a summary, as YAML.
func Articles(n int) []byte {
	var b strings.Builder
	b.WriteString(`format: entente/v1
id: large
version: {label: signed, stage: signed, date: 2025-01-17}
title: A large generated agreement
kind: treaty
parties:
  - {id: ir, kind: state, country: IR, roles: [contracting-party]}
  - {id: ru, kind: state, country: RU, roles: [contracting-party]}
contexts: [sco, brics]
term: {duration: P20Y, from: entry-into-force, renewal: {period: P5Y, automatic: true}, notice: P1Y}
clauses:
`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `  - id: art-%[1]d
    num: "%[1]d"
    heading: Article %[1]d on cooperation
    topics: [energy.oil-gas, transport.corridors]
    summary: The parties cooperate in the field of article %[1]d and exchange information on it.
    commitments:
      - {modality: shall, by: all, kind: cooperation, action: cooperate in the field of article %[1]d}
    clauses:
      - {id: art-%[1]d.1, num: "1", summary: The first paragraph of article %[1]d.}
      - {id: art-%[1]d.2, num: "2", summary: The second paragraph of article %[1]d., refs: [art-%[1]d.1]}
`, i)
	}
	b.WriteString("timeline:\n  - {date: 2025-01-17, event: signed, place: Moscow}\n")
	return []byte(b.String())
}
