package agreement_test

import (
	"slices"
	"strings"
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

// TestValidateAsLoadingDoes: a value built in code that no file could
// hold (a day its month does not have, a negative duration) gets the
// finding loading gives the same value written in a file, at the same
// path; nil is checked as an empty agreement, without a panic.
func TestValidateAsLoadingDoes(t *testing.T) {
	base := func() *agreement.Agreement {
		doc, err := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return doc.Agreement
	}
	tests := []struct {
		name   string
		change func(a *agreement.Agreement)
		path   string
	}{
		{"30 February", func(a *agreement.Agreement) { a.Version.Date = agreement.Date{Year: 2020, Month: 2, Day: 31} }, "version.date"},
		{"a negative duration", func(a *agreement.Agreement) { a.Term.Duration = agreement.Duration{Years: -1} }, "term.duration"},
		{"a word not in the list", func(a *agreement.Agreement) { a.Kind = "alliance" }, "kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base()
			tt.change(a)
			rules := func(ds agreement.Diagnostics) []agreement.Rule {
				var out []agreement.Rule
				for _, d := range ds {
					if d.Path.String() == tt.path {
						out = append(out, d.Rule)
					}
				}
				slices.Sort(out)
				return slices.Compact(out)
			}
			got := rules(agreement.Validate(a))
			src, err := agreement.MarshalYAML(a)
			if err != nil {
				t.Fatal(err)
			}
			want := rules(agreement.Parse("a.yaml", src).Diagnostics)
			if len(got) == 0 || !slices.Equal(got, want) {
				t.Errorf("Validate at %s: %v; loading the same value: %v", tt.path, got, want)
			}
		})
	}
	ds := agreement.Validate(nil)
	if !slices.ContainsFunc(ds, func(d agreement.Diagnostic) bool { return d.Rule == agreement.RuleSchemaRequired }) {
		t.Errorf("Validate(nil) = %v, want the required fields missing", ds)
	}
}

func TestDateValid(t *testing.T) {
	for _, tt := range []struct {
		d    agreement.Date
		want bool
	}{
		{agreement.Date{}, true},
		{agreement.Date{Year: 2025}, true},
		{agreement.Date{Year: 2025, Month: 1}, true},
		{agreement.Date{Year: 2024, Month: 2, Day: 29}, true},
		{agreement.Date{Year: 2025, Month: 2, Day: 29}, false},
		{agreement.Date{Year: 2020, Month: 2, Day: 31}, false},
		{agreement.Date{Year: 2025, Month: 13}, false},
		{agreement.Date{Year: 2025, Day: 3}, false}, // a day without a month
		{agreement.Date{Year: 10000}, false},
		{agreement.Date{Year: -1}, false},
	} {
		if got := tt.d.Valid(); got != tt.want {
			t.Errorf("%+v.Valid() = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestDiagnosticStringWithoutPosition(t *testing.T) {
	ds := agreement.Validate(&agreement.Agreement{Format: agreement.FormatV1, ID: "x", Title: "T", Kind: agreement.KindTreaty,
		Version: agreement.Version{Label: "v", Stage: agreement.StageSigned},
		Parties: []agreement.Party{{ID: "a", Kind: "state", Country: "IR"}, {ID: "b", Kind: "state", Country: "RU"}},
		Clauses: []agreement.Clause{{ID: "c", Num: "1", Commitments: []agreement.Commitment{{Modality: agreement.ModalityShall, By: "z", Kind: agreement.CommitmentConsultation}}}}})
	i := slices.IndexFunc(ds, func(d agreement.Diagnostic) bool { return d.Rule == agreement.RuleRefParty })
	if i < 0 {
		t.Fatalf("no ref.party in %v", ds)
	}
	if got, want := ds[i].String(), "clauses[c].commitments[0].by: "; !strings.HasPrefix(got, want) {
		t.Errorf("String() = %q, want it to begin %q", got, want)
	}
}
