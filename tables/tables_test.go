package tables_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/golden"
	"github.com/entente-go/entente/tables"
)

var span = tables.Years{From: 1950, To: 2025}

func examples(t *testing.T) *agreement.Set {
	t.Helper()
	set, err := agreement.ReadFS(os.DirFS("../examples/agreements"), ".")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// writeCSV writes a table as CSV.
func writeCSV(t *testing.T, tb tables.Table, as iter.Seq[*agreement.Agreement], y tables.Years) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(tb.Columns)
	for rec := range tb.Records(as, y) {
		if len(rec) != len(tb.Columns) {
			t.Fatalf("%s: a record of %d fields under %d columns: %q", tb.Name, len(rec), len(tb.Columns), rec)
		}
		w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTablesOfTheExamples: every table of the example agreements, as
// CSV, against its golden file; read back by encoding/csv, each gives the
// records written. NATO's fifteen parties would make the dyad tables
// thousands of lines: its own golden files hold its members in its first
// years, when Greece, Turkey and the Federal Republic joined.
func TestTablesOfTheExamples(t *testing.T) {
	set := examples(t)
	all := tables.InSet(set)
	others := func(yield func(*agreement.Agreement) bool) {
		for a := range all {
			if a.ID != "nato-1949" && !yield(a) {
				return
			}
		}
	}
	nato := func(yield func(*agreement.Agreement) bool) {
		for a := range all {
			if a.ID == "nato-1949" && !yield(a) {
				return
			}
		}
	}
	for _, tb := range tables.All() {
		t.Run(tb.Name, func(t *testing.T) {
			if !strings.Contains(tb.Name, "dyad") {
				golden.Check(t, "testdata/nato-"+tb.Name+".csv", writeCSV(t, tb, nato, tables.Years{From: 1951, To: 1956}))
			}
			out := writeCSV(t, tb, others, span)
			golden.Check(t, "testdata/"+tb.Name+".csv", out)
			back, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			want = append(want, tb.Columns)
			for rec := range tb.Records(others, span) {
				want = append(want, slices.Clone(rec)) // the record is used again for the next row
			}
			if !slices.EqualFunc(back, want, slices.Equal) {
				t.Errorf("read back, %d records differ from the %d written", len(back), len(want))
			}
			if len(back) < 3 {
				t.Errorf("only %d records", len(back))
			}
		})
	}
}

// TestRowsAsJSON: each typed row marshals, with the table's keys.
func TestRowsAsJSON(t *testing.T) {
	set := examples(t)
	for _, tb := range tables.All() {
		for row := range tb.Rows(tables.InSet(set), span) {
			b, err := json.Marshal(row)
			if err != nil {
				t.Fatalf("%s: %v", tb.Name, err)
			}
			if !bytes.Contains(b, []byte(`"year"`)) && tb.Name != "agreements" && tb.Name != "members" {
				t.Errorf("%s: no year in %s", tb.Name, b)
			}
			break
		}
	}
}

// small makes an agreement of parties a, b, c (FR, DE, IT) from YAML.
func small(t *testing.T, rest string) *agreement.Agreement {
	t.Helper()
	src := "format: entente/v1\nid: small\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" +
		"parties:\n  - {id: a, kind: state, country: FR}\n  - {id: b, kind: state, country: DE}\n  - {id: c, kind: state, country: IT}\n" + rest
	doc := agreement.Parse("small.yaml", []byte(src))
	for _, d := range doc.Diagnostics {
		if d.Severity == agreement.SeverityError {
			t.Fatalf("%s\n%s", d, src)
		}
	}
	return doc.Agreement
}

func one(a *agreement.Agreement) iter.Seq[*agreement.Agreement] {
	return slices.Values([]*agreement.Agreement{a})
}

func TestMemberYears(t *testing.T) {
	a := small(t, `term: {indefinite: true, withdrawal: {notice: P1Y}}
clauses:
  - {id: art-5, num: "5", commitments: [{modality: shall, by: each, kind: mutual-defence, condition: as it deems necessary}]}
timeline:
  - {date: "1955-05-09", event: signed}
  - {date: "1955-05-09", event: entered-into-force}
  - {date: "1960-03-01", event: withdrawal-notified, party: c}
  - {date: "1963", event: acceded, party: c}
`)
	got := map[string]string{}
	for r := range tables.MemberYears(one(a), tables.Years{From: 1950, To: 1970}) {
		got[fmt.Sprintf("%s %d", r.Party, r.Year)] = fmt.Sprintf("%s..%s cow %d censored %v defence %v %v %v", r.First, r.Last, r.COW, r.Censored,
			r.Obligations.Defence.Present, r.Obligations.Defence.Clauses, r.Obligations.Defence.Conditions)
	}
	tests := []struct{ key, want string }{
		{"a 1955", "1955-05-09..1955-12-31 cow 220 censored false defence true [art-5] [as it deems necessary]"},
		{"b 1960", "1960-01-01..1960-12-31 cow 260 censored false defence true [art-5] [as it deems necessary]"}, // the German Federal Republic
		{"c 1961", "1961-01-01..1961-02-28 cow 325 censored false defence true [art-5] [as it deems necessary]"}, // its notice ran out on 1 March
		{"c 1962", ""}, // out
		{"c 1963", "1963..1963-12-31 cow 325 censored false defence true [art-5] [as it deems necessary]"}, // back, on a day of 1963 the record does not give
		{"a 1970", "1970-01-01..1970-12-31 cow 220 censored true defence true [art-5] [as it deems necessary]"},
		{"a 1954", ""}, // before entry into force
	}
	for _, tt := range tests {
		if got[tt.key] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.key, got[tt.key], tt.want)
		}
	}
}

func TestDyadYears(t *testing.T) {
	a := small(t, `term: {indefinite: true}
clauses:
  - {id: art-1, num: "1", commitments: [{modality: shall, by: each, kind: consultation}]}
  - {id: art-2, num: "2", commitments: [{modality: shall, by: a, towards: b, kind: mutual-defence}]}
timeline:
  - {date: "2000-01-01", event: signed}
  - {date: "2000-01-01", event: entered-into-force}
  - {date: "2003-06-01", event: obligations-suspended, party: b, towards: c}
  - {date: "2005-02-01", event: obligations-resumed, party: b, towards: c}
`)
	got := map[string]string{}
	for r := range tables.DyadYears(one(a), tables.Years{From: 2000, To: 2006}) {
		got[fmt.Sprintf("%s-%s %d", r.A, r.B, r.Year)] = fmt.Sprintf("binding %v %s..%s suspended %v censored %v ab %v %v ba %v", r.Binding, r.First, r.Last, r.Suspended, r.Censored,
			r.AB.Defence.Present, r.AB.Consultation.Present, r.BA.Defence.Present)
	}
	// Pairs are ordered by country: DE (b) before FR (a) before IT (c).
	tests := []struct{ key, want string }{
		{"b-a 2000", "binding true 2000-01-01..2000-12-31 suspended false censored false ab false true ba true"}, // a promised to defend b, not b a
		{"b-c 2003", "binding true 2003-01-01..2003-05-31 suspended true censored false ab false true ba false"},
		{"b-c 2004", "binding false .. suspended true censored false ab false true ba false"}, // suspended all year: a row, not binding
		{"b-c 2005", "binding true 2005-02-01..2005-12-31 suspended true censored false ab false true ba false"},
		{"a-c 2006", "binding true 2006-01-01..2006-12-31 suspended false censored true ab false true ba false"},
	}
	for _, tt := range tests {
		if got[tt.key] != tt.want {
			t.Errorf("%s: got %q, want %q", tt.key, got[tt.key], tt.want)
		}
	}
	if _, ok := got["a-b 2000"]; ok {
		t.Error("the pair is listed in both orders")
	}
	// Directed: both orders, each with what it owes.
	owes := map[string]bool{}
	for r := range tables.DirectedDyadYears(one(a), tables.Years{From: 2000, To: 2000}) {
		owes[r.From+">"+r.To] = r.Obligations.Defence.Present
	}
	if len(owes) != 6 || !owes["a>b"] || owes["b>a"] || owes["a>c"] {
		t.Errorf("directed defence: %v", owes)
	}
}

func TestMembersPrecisionAndCensoring(t *testing.T) {
	a := small(t, `term: {indefinite: true}
sources: [{id: s1, title: S1}, {id: s2, title: S2}]
timeline:
  - {date: "2000-01-01", event: signed}
  - {date: "2010-03-12", event: in-force, sources: [s1]}
  - {date: "2015", event: suspended, party: c, sources: [s2]}
`)
	var rows []string
	for r := range tables.Members(one(a), tables.Years{From: 2000, To: 2020}) {
		rows = append(rows, fmt.Sprintf("%s %s from %s %s %v to %s %s censored %v", r.Party, r.State, r.From.Date, r.From.Precision, r.From.Sources, r.To.Date, r.To.Precision, r.Censored))
	}
	want := []string{
		"a bound from 2010-03-12 on-or-before [s1] to   censored true",
		"b bound from 2010-03-12 on-or-before [s1] to   censored true",
		"c bound from 2010-03-12 on-or-before [s1] to 2015 year censored false", // up to a day of 2015 the record does not give
		"c suspended from 2015 year [s2] to   censored true",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("members:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	var ag []tables.AgreementRow
	for r := range tables.Agreements(one(a), tables.Years{From: 2000, To: 2020}) {
		ag = append(ag, r)
	}
	if len(ag) != 1 || ag[0].InForce.Precision != tables.PrecisionAtLatest || !ag[0].InEffect || !ag[0].Ended.Date.IsZero() {
		t.Errorf("agreement row: %+v", ag)
	}
}

func TestSetDyadYears(t *testing.T) {
	x := small(t, `term: {indefinite: true}
clauses: [{id: art-5, num: "5", commitments: [{modality: shall, by: each, kind: mutual-defence}]}]
timeline: [{date: "2000-01-01", event: signed}, {date: "2000-01-01", event: entered-into-force}]
`)
	y := small(t, `term: {indefinite: true}
clauses: [{id: art-2, num: "2", commitments: [{modality: shall, by: each, kind: consultation}]}]
timeline: [{date: "2001-07-01", event: signed}, {date: "2001-07-01", event: entered-into-force}]
`)
	y.ID = "other"
	got := map[string]string{}
	for r := range tables.SetDyadYears(slices.Values([]*agreement.Agreement{x, y}), tables.Years{From: 2000, To: 2001}) {
		got[fmt.Sprintf("%s-%s %d", r.CountryA, r.CountryB, r.Year)] = fmt.Sprintf("%v defence %v consultation %v", r.Agreements, r.Defence, r.Consultation)
	}
	if want := "[small] defence [small#art-5] consultation []"; got["DE-FR 2000"] != want {
		t.Errorf("DE-FR 2000: %q, want %q", got["DE-FR 2000"], want)
	}
	if want := "[other small] defence [small#art-5] consultation [other#art-2]"; got["DE-FR 2001"] != want {
		t.Errorf("DE-FR 2001: %q, want %q", got["DE-FR 2001"], want)
	}
	if len(got) != 6 {
		t.Errorf("%d rows, want 3 pairs in 2 years: %v", len(got), got)
	}
}

// TestExplain: a dyad's cell of 1987 in ANZUS rests on Articles 3 and 4,
// on both parties' spells from entry into force (with its source), and on
// the suspension of 1986 between them.
func TestExplain(t *testing.T) {
	set := examples(t)
	var anzus *agreement.Agreement
	for a := range tables.InSet(set) {
		if a.ID == "anzus-1951" {
			anzus = a
		}
	}
	ex, err := tables.Explain(anzus, "us", "nz", 1987)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range ex.Commitments {
		got = append(got, c.Obligation+" "+c.Clause)
	}
	if strings.Join(got, ", ") != "consultation art-3, defence art-4" {
		t.Errorf("commitments: %v", got)
	}
	if len(ex.Spells) != 2 || len(ex.Spells[0].Events) != 1 || !slices.Equal(ex.Spells[0].Events[0].Sources, []string{"dafp-133"}) {
		t.Errorf("spells: %+v", ex.Spells)
	}
	if len(ex.Pair) != 1 || ex.Pair[0].Binding || ex.Pair[0].From.String() != "1986-08-11" {
		t.Errorf("between them: %+v", ex.Pair)
	}
	if _, err := tables.Explain(anzus, "us", "us", 1987); err == nil {
		t.Error("a party toward itself is explained")
	}
	if _, err := tables.Explain(anzus, "fr", "", 1987); err == nil {
		t.Error("a party the agreement does not have is explained")
	}
}

// TestTablesOfBrokenAgreements: every table of every agreement of the
// loader's error cases (wrong dates, unknown parties, conflicting
// reports) is made without a panic, each record as long as the columns.
func TestTablesOfBrokenAgreements(t *testing.T) {
	files, _ := filepath.Glob("../agreement/testdata/err/*.yaml")
	if len(files) < 20 {
		t.Fatalf("only %d cases", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := agreement.Parse(f, src).Agreement
		if a == nil {
			continue
		}
		for _, tb := range tables.All() {
			for rec := range tb.Records(one(a), tables.Years{From: 1900, To: 2030}) {
				if len(rec) != len(tb.Columns) {
					t.Fatalf("%s, %s: %d fields under %d columns", f, tb.Name, len(rec), len(tb.Columns))
				}
			}
		}
		for _, p := range a.Parties {
			tables.Explain(a, p.ID, "", 2000)
		}
	}
}
