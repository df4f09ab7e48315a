package agreement_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/entente-go/entente/agreement"
	goldenpkg "github.com/entente-go/entente/internal/golden"
	"github.com/entente-go/entente/topics"
)

func TestReadTaxonomyFindings(t *testing.T) {
	src := []byte(`topics:
  - code: space
    label: Space
  - code: space.launchers
    lable: Launchers
  - code: Space Tourism
    label: Tourism
  - code: moon.bases
    label: Bases
  - code: space
    label: Space again
`)
	tax, ds := agreement.ReadTaxonomy(nil, "custom.yaml", src)
	if tax != nil {
		t.Error("a taxonomy with findings is not nil")
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", d.File, d.Line, d.Column, d.Rule))
	}
	want := []string{
		"custom.yaml:4:5 taxonomy.topic", // no label (lable is misspelt)
		"custom.yaml:5:5 load.unknown-field",
		"custom.yaml:6:11 taxonomy.topic",
		"custom.yaml:8:11 taxonomy.topic",
		"custom.yaml:10:11 taxonomy.topic",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%v\nwant:\n%v", got, want)
	}
}

func TestReadTaxonomyExtends(t *testing.T) {
	src := []byte("topics:\n  - {code: energy.hydrogen, label: Hydrogen}\n")
	if _, ds := agreement.ReadTaxonomy(nil, "custom.yaml", src); len(ds) != 1 || ds[0].Rule != agreement.RuleTaxonomyTopic {
		t.Errorf("on its own, energy.hydrogen has no parent: %v", ds)
	}
	tax, ds := agreement.ReadTaxonomy(topics.Builtin(), "custom.yaml", src)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if !tax.Within("energy.hydrogen", "energy") {
		t.Error("the new topic is not under energy")
	}
	if _, ds := agreement.ReadTaxonomy(nil, "bad.yaml", []byte("topics: [")); len(ds) != 1 || ds[0].Rule != agreement.RuleSyntax {
		t.Errorf("a syntax error: %v", ds)
	}
}

// TestREADMETaxonomy: the README's example taxonomy reads on top of the
// built-in one.
func TestREADMETaxonomy(t *testing.T) {
	block := goldenpkg.DocBlock(t, "../README.md", "<!-- taxonomy example", "yaml")
	tax, ds := agreement.ReadTaxonomy(topics.Builtin(), "space.yaml", []byte(block))
	if len(ds) > 0 || tax == nil {
		t.Fatalf("the README's taxonomy: %v", ds)
	}
	for _, code := range []string{"space.launchers", "science.space-research", "trade.goods"} {
		if _, ok := tax.Lookup(code); !ok {
			t.Errorf("the README's taxonomy lacks %s", code)
		}
	}
}
