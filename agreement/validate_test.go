package agreement_test

import (
	"slices"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

func TestValidate(t *testing.T) {
	doc, err := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ds := agreement.Validate(doc.Agreement); len(ds) != 0 {
		t.Errorf("the example, validated as a value: %v", ds)
	}
	a := &agreement.Agreement{
		Format: agreement.FormatV1, ID: "made-in-code", Title: "T", Kind: agreement.KindTreaty,
		Parties: []agreement.Party{{ID: "a", Kind: parties.KindState, Country: "ZZ"}, {ID: "a", Kind: parties.KindState, Country: "RU"}},
		Clauses: []agreement.Clause{{ID: "art-1", Num: "1", Refs: []string{"art-9"},
			Commitments: []agreement.Commitment{{Modality: agreement.ModalityShall, By: "b", Kind: agreement.CommitmentConsultation}}}},
	}
	type finding struct {
		Path string
		Rule agreement.Rule
	}
	var got []finding
	for _, d := range agreement.Validate(a) {
		if d.Position.IsValid() || d.File != "" {
			t.Errorf("%s: a value built in code has no file or position", d)
		}
		got = append(got, finding{d.Path.String(), d.Rule})
	}
	for _, want := range []finding{
		{"version", agreement.RuleSchemaRequired},
		{"parties[a].country", agreement.RuleCodeCountry}, // the first a is named by its id, the second by its index
		{"parties[1].id", agreement.RuleIDDuplicate},
		{"clauses[art-1].refs[0]", agreement.RuleRefClause},
		{"clauses[art-1].commitments[0].by", agreement.RuleRefParty},
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %v in %v", want, got)
		}
	}
}
