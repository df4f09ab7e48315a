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

// TestTooManyValues: a file holding more values than one for every 16
// bytes of the size limit is refused before it is parsed, at the value
// that passes the limit; one at the limit is read. A rule's findings past
// what a report shows are counted, not kept.
func TestTooManyValues(t *testing.T) {
	const head = "format: entente/v1\nid: x\nversion: {label: v1, stage: signed}\ntitle: T\nkind: treaty\nexcerpt: true\n" +
		"parties:\n  - {id: a, kind: state, country: FR}\n  - {id: b, kind: state, country: DE}\n"
	list := func(n int, word string) string {
		return head + "contexts: [" + strings.Repeat(word+",", n-1) + word + "]\n"
	}
	loader := agreement.Loader{MaxBytes: 16_000} // 1,000 values
	headValues := strings.Count(head, ",") + strings.Count(head, ": ") + strings.Count(head, ":\n") + strings.Count(head, "- ") + 1
	doc := loader.Parse("x.yaml", []byte(list(1000-headValues, "sco")))
	if len(doc.Diagnostics) > 0 || doc.Agreement == nil {
		t.Fatalf("at the limit: %v", doc.Diagnostics)
	}
	doc = loader.Parse("x.yaml", []byte(list(1001-headValues+1, "sco")))
	if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != agreement.RuleLoadTooLarge || doc.Diagnostics[0].Line != 10 || doc.Agreement != nil {
		t.Fatalf("past the limit: %v", doc.Diagnostics)
	}
	// 5,000 unknown organisations: a thousand findings shown, the rest
	// counted.
	doc = agreement.Parse("x.yaml", []byte(list(5000, "zz")))
	errs := doc.Diagnostics.Errors()
	last := errs[len(errs)-1]
	if len(errs) != agreement.MaxDiagnostics+1 || last.Rule != agreement.RuleLoadTooMany || !strings.HasPrefix(last.Message, "4000 more problems") {
		t.Fatalf("%d findings, the last %v", len(errs), last)
	}
}
