package diff_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/agreement/diff"
	"github.com/entente-go/entente/internal/gen"
)

func generated(seed uint64, clauses int) *agreement.Agreement {
	r := rand.New(rand.NewPCG(seed, 3))
	return gen.Agreement(r, gen.Options{Clauses: clauses, Depth: 2})
}

func TestDiffSelfIsEmpty(t *testing.T) {
	for seed := range uint64(50) {
		a := generated(seed, 10)
		if cs := diff.Diff(a, gen.Copy(a)); !cs.Empty() {
			t.Fatalf("seed %d: Diff(a, a) has %d changes: %+v", seed, len(cs.Changes), cs.Changes[0])
		}
	}
}

// TestApplyDiff is the main property: applying Diff(a, b) to a gives b,
// with the changes used as Diff returns them and after a trip through
// their JSON; and Diff is deterministic.
func TestApplyDiff(t *testing.T) {
	total := 0
	defer func() {
		if !t.Failed() && total < 300 {
			t.Errorf("only %d changes over all seeds: the test exercises too little", total)
		}
	}()
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 4))
		a := generated(seed, 1+r.IntN(12))
		b := gen.Mutate(r, a, 1+r.IntN(6))
		cs := diff.Diff(a, b)
		total += len(cs.Changes)
		if again := diff.Diff(a, b); !cmp.Equal(cs, again) {
			t.Fatalf("seed %d: two runs of Diff differ", seed)
		}
		got, err := diff.Apply(cs.Changes, a)
		if err != nil {
			t.Fatalf("seed %d: Apply: %v", seed, err)
		}
		if !cmp.Equal(b, got) {
			t.Fatalf("seed %d: Apply(Diff(a, b), a) != b (-b +got):\n%s", seed, cmp.Diff(b, got))
		}
		data, err := json.Marshal(cs.Changes)
		if err != nil {
			t.Fatal(err)
		}
		var back []diff.Change
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		got, err = diff.Apply(back, a)
		if err != nil {
			t.Fatalf("seed %d: Apply after JSON: %v", seed, err)
		}
		if !cmp.Equal(b, got) {
			t.Fatalf("seed %d: Apply after JSON != b:\n%s", seed, cmp.Diff(b, got))
		}
	}
}

func TestInsertOneClause(t *testing.T) {
	for seed := range uint64(50) {
		a := generated(seed, 8)
		b := gen.Copy(a)
		at := int(seed) % (len(b.Clauses) + 1)
		b.Clauses = append(b.Clauses[:at], append([]agreement.Clause{{ID: "inserted", Num: "99"}}, b.Clauses[at:]...)...)
		cs := diff.Diff(a, b)
		if len(cs.Changes) != 1 || cs.Changes[0].Op != diff.OpAdded || cs.Changes[0].Path.String() != "clauses[inserted]" {
			t.Fatalf("seed %d: inserting a clause at %d gives %+v", seed, at, cs.Changes)
		}
	}
}

func TestRenumberAll(t *testing.T) {
	a := generated(1, 20)
	b := gen.Copy(a)
	for i := range b.Clauses {
		b.Clauses[i].Num = fmt.Sprint(i + 2)
	}
	cs := diff.Diff(a, b)
	if len(cs.Changes) != len(a.Clauses) {
		t.Fatalf("%d changes for %d renumbered clauses", len(cs.Changes), len(a.Clauses))
	}
	for _, c := range cs.Changes {
		if c.Op != diff.OpMoved || c.Impact != diff.ImpactPatch {
			t.Errorf("%s: %s %s, want moved, patch", c.Path, c.Op, c.Impact)
		}
	}
}

func TestApplyConflict(t *testing.T) {
	a := generated(2, 5)
	b := gen.Copy(a)
	b.Title = "A new title"
	cs := diff.Diff(a, b)
	other := gen.Copy(a)
	other.Title = "Someone else's title"
	if _, err := diff.Apply(cs.Changes, other); err == nil {
		t.Fatal("applying to a base whose title differs: want a conflict")
	} else if _, ok := err.(*diff.ConflictError); !ok {
		t.Fatalf("error %T, want *ConflictError", err)
	}
	if other.Title != "Someone else's title" {
		t.Error("Apply changed its input")
	}
}

// TestDiffClasses pins the class, impact and note of typical changes.
func TestDiffClasses(t *testing.T) {
	base := load(t, "ir-ru-csp-2025.yaml")
	tests := []struct {
		name   string
		edit   func(a *agreement.Agreement)
		path   string
		op     diff.Op
		class  diff.Class
		impact diff.Impact
		note   string
	}{
		{"may becomes shall", func(a *agreement.Agreement) { a.Clauses[0].Clauses[0].Commitments[1].Modality = agreement.ModalityMay },
			"clauses[art-3].clauses[art-3.3].commitments[1].modality", diff.OpModified, diff.ClassCommitment, diff.ImpactMajor, "shall → may: weakened"},
		{"a party removed", func(a *agreement.Agreement) { a.Parties = a.Parties[:1] },
			"parties[ru]", diff.OpRemoved, diff.ClassParty, diff.ImpactMajor, ""},
		{"reworded", func(a *agreement.Agreement) { a.Clauses[1].Summary = "The services exchange information." },
			"clauses[art-4].summary", diff.OpModified, diff.ClassText, diff.ImpactMinor, ""},
		{"re-wrapped", func(a *agreement.Agreement) { a.Clauses[1].Summary += "  " },
			"clauses[art-4].summary", diff.OpModified, diff.ClassCosmetic, diff.ImpactNone, ""},
		{"the term", func(a *agreement.Agreement) { a.Term.Notice = agreement.MustDuration("P6M") },
			"term.notice", diff.OpModified, diff.ClassTemporal, diff.ImpactMajor, ""},
		{"renumbered", func(a *agreement.Agreement) { a.Clauses[1].Num = "6" },
			"clauses[art-4].num", diff.OpMoved, diff.ClassStructural, diff.ImpactPatch, "renumbered 4 → 6"},
		{"entry into force moved", func(a *agreement.Agreement) { a.Timeline[len(a.Timeline)-1].Date = agreement.MustDate("2025-10-03") },
			"timeline[10].date", diff.OpModified, diff.ClassTemporal, diff.ImpactMajor, ""},
		{"a source added", func(a *agreement.Agreement) {
			a.Sources = append(a.Sources, agreement.Source{ID: "new", Title: "New"})
		}, "sources[new]", diff.OpAdded, diff.ClassCitation, diff.ImpactPatch, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := gen.Copy(base)
			tt.edit(b)
			cs := diff.Diff(base, b)
			if len(cs.Changes) != 1 {
				t.Fatalf("%d changes: %+v", len(cs.Changes), cs.Changes)
			}
			c := cs.Changes[0]
			if c.Path.String() != tt.path || c.Op != tt.op || c.Class != tt.class || c.Impact != tt.impact || c.Note != tt.note {
				t.Errorf("got %s %s %s %s %q, want %s %s %s %s %q", c.Path, c.Op, c.Class, c.Impact, c.Note, tt.path, tt.op, tt.class, tt.impact, tt.note)
			}
		})
	}
}

func load(t *testing.T, name string) *agreement.Agreement {
	t.Helper()
	doc, err := agreement.ReadFile("../../examples/agreements/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) > 0 {
		t.Fatalf("%s: %v", name, doc.Diagnostics)
	}
	return doc.Agreement
}

// TestClausesWithoutIDs: elements with no identity are paired in order, so
// an unchanged list is unchanged and an edited one is changed in place,
// not removed and added (found by FuzzDiff).
func TestClausesWithoutIDs(t *testing.T) {
	a := &agreement.Agreement{Clauses: []agreement.Clause{{Summary: "one"}, {Summary: "two"}}}
	if cs := diff.Diff(a, a.Clone()); !cs.Empty() {
		t.Fatalf("Diff(a, a): %+v", cs.Changes)
	}
	b := a.Clone()
	b.Clauses[1].Summary = "two, amended"
	cs := diff.Diff(a, b)
	if len(cs.Changes) != 1 || cs.Changes[0].Op != diff.OpModified || cs.Changes[0].Path.String() != "clauses[1].summary" {
		t.Fatalf("one clause edited: %+v", cs.Changes)
	}
	got, err := diff.Apply(cs.Changes, a)
	if err != nil || !cmp.Equal(got, b) {
		t.Fatalf("Apply: %v\n%s", err, cmp.Diff(b, got))
	}
}

// TestDiffNil: a missing side is an empty agreement, not a panic.
func TestDiffNil(t *testing.T) {
	a := &agreement.Agreement{Format: agreement.FormatV1, ID: "x", Title: "T"}
	if cs := diff.Diff(nil, a); len(cs.Changes) == 0 || cs.Changes[0].Op != diff.OpAdded {
		t.Errorf("Diff(nil, a) = %+v, want what a holds added", cs.Changes)
	}
	if cs := diff.Diff(a, nil); len(cs.Changes) == 0 || cs.Changes[0].Op != diff.OpRemoved {
		t.Errorf("Diff(a, nil) = %+v, want what a holds removed", cs.Changes)
	}
	if cs := diff.DiffDocuments(nil, nil); len(cs.Changes) != 0 {
		t.Errorf("DiffDocuments(nil, nil) = %+v, want no changes", cs.Changes)
	}
}

// TestDiffOfADeletedAgreement: removing a whole agreement shows each
// party, clause and source removed once; the removal of the emptied lists
// (which Apply needs) is neither shown nor counted, and Apply still gives
// an empty agreement.
func TestDiffOfADeletedAgreement(t *testing.T) {
	a := load(t, "ir-ru-csp-2025.yaml")
	cs := diff.Diff(a, &agreement.Agreement{})
	var text, md strings.Builder
	if err := cs.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := cs.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text.String(), md.String()} {
		if strings.Contains(out, "removed []") || !strings.Contains(out, "parties[ir]") {
			t.Errorf("a deleted agreement:\n%s", out)
		}
	}
	counted := 0
	for _, n := range cs.Summary.Counts {
		counted += n
	}
	shown := strings.Count(text.String(), "\n  major ") + strings.Count(text.String(), "\n  minor ") +
		strings.Count(text.String(), "\n  patch ") + strings.Count(text.String(), "\n  none  ")
	if counted != shown || counted >= len(cs.Changes) || !strings.Contains(text.String(), fmt.Sprintf(": %d changes (", shown)) {
		t.Errorf("%d changes counted, %d shown, %d in the set:\n%s", counted, shown, len(cs.Changes), text.String())
	}
	got, err := diff.Apply(cs.Changes, a)
	if err != nil || !cmp.Equal(got, &agreement.Agreement{}, cmpopts.EquateEmpty()) {
		t.Errorf("Apply: %v\n%s", err, cmp.Diff(&agreement.Agreement{}, got, cmpopts.EquateEmpty()))
	}
}
