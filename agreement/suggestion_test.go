package agreement_test

import (
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestSuggestion checks that each kind of "did you mean" gives its word,
// and that the finding sits on the word to replace.
func TestSuggestion(t *testing.T) {
	src := `format: entente/v1
id: pact
title: A pact
kind: treaty
parties:
  - {id: iran, kind: state, country: IR}
  - {id: russia, kind: state, country: RU}
clauses:
  - id: art-1
    num: "1"
    sumary: Both consult.
    topics: [energ]
    commitments:
      - {modality: shal, by: iran, kind: consultation, action: consult}
      - {modality: shall, by: rusia, kind: consultation, action: consult}
`
	doc := agreement.Parse("pact.yaml", []byte(src))
	lines := strings.Split(src, "\n")
	want := map[string]string{ // the word written: the word proposed
		"sumary": "summary", "energ": "energy", "shal": "shall", "rusia": "russia",
	}
	got := map[string]string{}
	for _, d := range doc.Diagnostics {
		word, ok := d.Suggestion()
		if !ok {
			continue
		}
		end := agreement.TokenEnd(doc.Source, d.Position)
		written := lines[d.Line-1][d.Column-1 : end-1]
		got[written] = word
	}
	for written, word := range want {
		if got[written] != word {
			t.Errorf("for %q: got %q, want %q (all: %v; diagnostics %v)", written, got[written], word, got, doc.Diagnostics)
		}
	}
	for hint, word := range map[string]string{
		"the code of Iran is IR":                       "IR",
		"write the alpha-2 code RU for Russia":         "RU",
		`did you mean "energy"? (allowed: a, b)`:       "energy",
		"did you mean sco?":                            "sco",
		"add country: with an ISO 3166-1 alpha-2 code": "",
		"did you mean two words?":                      "",
	} {
		got, ok := (agreement.Diagnostic{Hint: hint}).Suggestion()
		if got != word && ok || ok != (word != "") {
			t.Errorf("Suggestion of %q = %q, %v; want %q", hint, got, ok, word)
		}
	}
}
