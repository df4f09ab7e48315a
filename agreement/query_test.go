package agreement_test

import (
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestQueryTowards: the commitments owed to a party: those that name it,
// and those of each, all or another party that name no one.
func TestQueryTowards(t *testing.T) {
	a := &agreement.Agreement{Clauses: []agreement.Clause{{ID: "c", Commitments: []agreement.Commitment{
		{Kind: agreement.CommitmentConsultation, By: "each"},                   // owed to every other party
		{Kind: agreement.CommitmentAssistance, By: "a"},                        // owed by a to the others
		{Kind: agreement.CommitmentRecognition, By: "b"},                       // owed by b: not to b
		{Kind: agreement.CommitmentNonAggression, By: "a", Towards: "c"},       // owed to c alone
		{Kind: agreement.CommitmentMutualDefence, By: "all", Towards: "b"},     // owed to b
		{Kind: agreement.CommitmentInformationExchange, By: "c", Towards: "a"}, // owed to a alone
	}}}}
	kinds := func(q agreement.Query) []agreement.CommitmentKind {
		var out []agreement.CommitmentKind
		for _, c := range a.FindCommitments(q) {
			out = append(out, c.Commitment.Kind)
		}
		return out
	}
	tests := []struct {
		towards string
		want    []agreement.CommitmentKind
	}{
		{"b", []agreement.CommitmentKind{agreement.CommitmentConsultation, agreement.CommitmentAssistance, agreement.CommitmentMutualDefence}},
		{"c", []agreement.CommitmentKind{agreement.CommitmentConsultation, agreement.CommitmentAssistance, agreement.CommitmentRecognition, agreement.CommitmentNonAggression}},
	}
	for _, tt := range tests {
		got := kinds(agreement.Query{Towards: tt.towards})
		if len(got) != len(tt.want) {
			t.Errorf("towards %s: %v, want %v", tt.towards, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("towards %s: %v, want %v", tt.towards, got, tt.want)
				break
			}
		}
		if n := len(a.FindClauses(agreement.Query{Towards: tt.towards})); n != 1 {
			t.Errorf("FindClauses towards %s: %d clauses, want 1", tt.towards, n)
		}
	}
}

// TestSetOneVersionEach: a set holding the announced and the signed text
// of one treaty answers with the latest, once.
func TestSetOneVersionEach(t *testing.T) {
	set, err := agreement.ReadFS(osDirFS("../examples"), "agreements")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range set.Agreements() {
		if a.ID == "ir-ru-csp-2025" {
			n++
			if a.Version.Label != "signed" && a.Version.Stage != agreement.StageSigned && a.Version.Stage != agreement.StageInForce {
				t.Errorf("the version answered with is %s (%s), not the latest", a.Version.Label, a.Version.Stage)
			}
		}
	}
	if n != 1 {
		t.Errorf("ir-ru-csp-2025 appears %d times among the set's agreements", n)
	}
	if got := set.Involving("IR"); len(got) != 2 { // ir-ru-2001 and ir-ru-csp-2025, once each
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID+"@"+a.Version.Label)
		}
		t.Errorf("Involving(IR) = %v, want the two treaties once each", ids)
	}
}
