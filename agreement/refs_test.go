package agreement_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/schema"
)

// TestRefsAreWhereTheySay checks every ref of every example: its path
// leads to a value written in the file, and that value is the ref's id.
func TestRefsAreWhereTheySay(t *testing.T) {
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	kinds := map[agreement.RefKind]int{}
	for _, name := range files {
		doc, err := agreement.ReadFile(name)
		if err != nil || doc.Agreement == nil {
			t.Fatalf("%s: %v", name, err)
		}
		lines := strings.Split(string(doc.Source), "\n")
		for _, r := range doc.Agreement.Refs() {
			kinds[r.Kind]++
			span, ok := doc.Lookup(r.Path)
			if !ok {
				t.Errorf("%s: the %s %q at %s is not in the file", name, r.Kind, r.ID, r.Path)
				continue
			}
			line := lines[span.Value.Line-1]
			written := strings.TrimLeft(line[span.Value.Column-1:], `"'`)
			if !strings.HasPrefix(written, r.ID) {
				t.Errorf("%s:%v: the %s %q is written as %q", name, span.Value, r.Kind, r.ID, line)
			}
		}
	}
	for _, k := range []agreement.RefKind{agreement.RefAgreement, agreement.RefParty, agreement.RefClause, agreement.RefSource,
		agreement.RefTopic, agreement.RefCountry, agreement.RefOrganisation, agreement.RefLanguage} {
		if kinds[k] == 0 {
			t.Errorf("the examples have no ref of kind %s", k)
		}
	}
}

func TestRefs(t *testing.T) {
	doc := agreement.Parse("refs.yaml", []byte(`format: entente/v1
id: pact
parties:
  - {id: a, kind: state, country: FR}
  - {id: b, kind: state, country: DE}
clauses:
  - id: art-1
    num: "1"
    refs: [art-2]
    commitments:
      - {modality: shall, by: each, kind: consultation, action: consult}
      - {modality: shall, by: a, towards: b, kind: consultation, action: tell}
  - id: art-2
    num: "2"
    clauses:
      - {id: art-2.1, num: "2.1", topics: [energy]}
timeline:
  - {date: 2020-01-01, event: signed, party: b, sources: [s1]}
sources:
  - {id: s1, title: A source}
`))
	var got []string
	for _, r := range doc.Agreement.Refs() {
		s := string(r.Kind) + " " + r.ID + " " + r.Path.String()
		if r.Def {
			s += " def"
		}
		got = append(got, s)
	}
	want := []string{
		"agreement pact id def",
		"party a parties[a].id def",
		"country FR parties[a].country",
		"party b parties[b].id def",
		"country DE parties[b].country",
		"clause art-1 clauses[art-1].id def",
		"clause art-2 clauses[art-1].refs[0]",
		"party a clauses[art-1].commitments[1].by",
		"party b clauses[art-1].commitments[1].towards",
		"clause art-2 clauses[art-2].id def",
		"clause art-2.1 clauses[art-2].clauses[art-2.1].id def",
		"topic energy clauses[art-2].clauses[art-2.1].topics[0]",
		"party b timeline[0].party",
		"source s1 timeline[0].sources[0]",
		"source s1 sources[s1].id def",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Refs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIDPattern holds IDPattern to the schema: every id field has it.
func TestIDPattern(t *testing.T) {
	doc := string(schema.JSON())
	if n := strings.Count(doc, `"pattern": "`+strings.ReplaceAll(agreement.IDPattern, `\`, `\\`)+`"`); n < 4 {
		t.Errorf("the schema gives the id pattern %d times; want it for agreement, party, clause and source ids", n)
	}
	for id, want := range map[string]bool{"art-3.1": true, "ir": true, "0a": true, "": false, "Art-3": false, "-a": false, "a b": false, "ß": false} {
		if agreement.ValidID(id) != want {
			t.Errorf("ValidID(%q) = %v", id, !want)
		}
	}
}

// TestClause holds Agreement.Clause to AllClauses on every example.
func TestClause(t *testing.T) {
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, name := range files {
		doc, err := agreement.ReadFile(name)
		if err != nil || doc.Agreement == nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen := map[string]bool{}
		for _, want := range doc.Agreement.AllClauses() {
			id := want.Clause.ID
			if seen[id] {
				continue
			}
			seen[id] = true
			got, ok := doc.Agreement.Clause(id)
			if !ok || got.Clause != want.Clause || got.Label != want.Label || !got.Path.Equal(want.Path) || strings.Join(got.Topics, ",") != strings.Join(want.Topics, ",") {
				t.Errorf("%s: Clause(%q) = %+v, %v; want %+v", name, id, got, ok, want)
			}
		}
		if _, ok := doc.Agreement.Clause("no-such-clause"); ok {
			t.Errorf("%s: a clause that is not there was found", name)
		}
	}
}
