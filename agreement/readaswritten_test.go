package agreement_test

import (
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestReadAsWritten: loading that drops or changes what the file says
// makes ReadAsWritten false, suppressed or not; a word outside its
// vocabulary, which the model keeps, and the findings of the rules do
// not.
func TestReadAsWritten(t *testing.T) {
	const head = "format: entente/v1\nid: x\nversion: {label: v1, stage: signed}\ntitle: T\nkind: treaty\nexcerpt: true\n" +
		"parties:\n  - {id: a, kind: state, country: FR}\n  - {id: b, kind: state, country: DE}\n"
	tests := []struct {
		name, src string
		want      bool
	}{
		{"clean", head, true},
		{"a word outside its vocabulary", head + "clauses:\n  - {id: c, num: '1', summary: S, commitments: [{by: a, modality: shalll, kind: dispute-settlement, action: settle}]}\n", true},
		{"a rule's finding", head + "clauses:\n  - {id: c, num: '1', summary: S, commitments: [{by: zz, modality: shall, kind: dispute-settlement, action: settle}]}\n", true},
		{"an unknown field", head + "txt: lost\n", false},
		{"an unknown field, suppressed", head + "txt: lost # entente:ignore load.unknown-field -- kept for now\n", false},
		{"a date that does not exist", head + "signed: 2024-02-30\n", false},
		{"a list for a string", head + "short_title: [a, b]\n", false},
		{"a syntax error", head + "title: [open\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("x.yaml", []byte(tt.src))
			if got := doc.ReadAsWritten(); got != tt.want {
				t.Errorf("ReadAsWritten() = %v, want %v; findings: %v", got, tt.want, doc.Diagnostics)
			}
			if tt.name != "clean" && !strings.HasSuffix(tt.name, "suppressed") && len(doc.Diagnostics) == 0 {
				t.Errorf("no finding: the case tests nothing")
			}
			if !agreement.Declares([]byte(tt.src)) {
				t.Errorf("Declares() = false for an agreement (%s)", tt.name)
			}
		})
	}
	if doc := (agreement.Loader{DiagnosticsOnly: true}).Parse("x.yaml", []byte(head)); doc.ReadAsWritten() {
		t.Error("a document loaded without its model: ReadAsWritten() = true")
	}
}
