package agreement_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/schema"
)

// TestEventTable: every kind of event has a full row in the table that
// every reader of events reads, and the schema's list of kinds and the
// vocabulary are the table's.
func TestEventTable(t *testing.T) {
	sections := []string{agreement.SectionNegotiation, agreement.SectionSignature, agreement.SectionRatification,
		agreement.SectionEntryIntoForce, agreement.SectionMembership, agreement.SectionTerm, agreement.SectionEnd}
	infos := agreement.EventInfos()
	if len(infos) != len(agreement.EventKind("").Values()) {
		t.Fatalf("the table has %d rows for %d kinds", len(infos), len(agreement.EventKind("").Values()))
	}
	for _, info := range infos {
		switch {
		case info.Kind == "" || !info.Kind.Valid():
			t.Errorf("%q: not a kind of the format", info.Kind)
		case info.Doc == "":
			t.Errorf("%s: no doc line", info.Kind)
		case info.Of < agreement.OfAgreement || info.Of > agreement.OfEither:
			t.Errorf("%s: no owner", info.Kind)
		case info.Stage < agreement.StageNegotiation || info.Stage > agreement.StageLater:
			t.Errorf("%s: no stage", info.Kind)
		case !slices.Contains(sections, info.Section):
			t.Errorf("%s: section %q is not one of %v", info.Kind, info.Section, sections)
		case info.Effect < agreement.EffectNone || info.Effect > agreement.EffectInForceBy: // the last effect
			t.Errorf("%s: no effect", info.Kind)
		}
		if got, ok := info.Kind.Info(); !ok || got != info {
			t.Errorf("%s: Info() = %v, %v; want its row", info.Kind, got, ok)
		}
		// What changes status or membership is decisive in a diff.
		if info.Effect != agreement.EffectNone && !info.Decisive && info.Effect != agreement.EffectInstrument {
			t.Errorf("%s changes the life (%d) but a diff would not call its change major", info.Kind, info.Effect)
		}
	}
	// The schema's enumeration is the table's, in its order.
	var s struct {
		Properties struct {
			Timeline struct {
				Items struct {
					Properties struct {
						Event struct {
							Enum []string `json:"enum"`
						} `json:"event"`
					} `json:"properties"`
				} `json:"items"`
			} `json:"timeline"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.JSON(), &s); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, info := range infos {
		kinds = append(kinds, string(info.Kind))
	}
	if got := s.Properties.Timeline.Items.Properties.Event.Enum; !slices.Equal(got, kinds) {
		t.Errorf("the schema's kinds of event:\n%v\nthe table's:\n%v", got, kinds)
	}
	// The vocabulary's lines are the table's.
	found := false
	for _, v := range agreement.Vocabularies() {
		if v.Name != "kind of event" {
			continue
		}
		found = true
		if len(v.Words) != len(infos) {
			t.Errorf("the vocabulary has %d kinds of event, the table %d", len(v.Words), len(infos))
			continue
		}
		for i, w := range v.Words {
			if w.Value != kinds[i] || w.Doc != infos[i].Doc {
				t.Errorf("vocabulary word %d: %s %q, want %s %q", i, w.Value, w.Doc, kinds[i], infos[i].Doc)
			}
		}
	}
	if !found {
		t.Error("no vocabulary of the kinds of event")
	}
}
