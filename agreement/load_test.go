package agreement_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/entente-go/entente/docpath"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	goldenpkg "github.com/entente-go/entente/internal/golden"
)

// marker is an expected diagnostic written into a test file next to the
// fault: "# want RULE@COLUMN" at the end of the faulty line.
type marker struct {
	Line, Column int
	Rule         agreement.Rule
}

var wantRE = regexp.MustCompile(`([a-z.-]+)@(\d+)`)

// markers reads the expected diagnostics of a file: "# want RULE@COL ..."
// at the end of a line lists the rules expected on that line.
func markers(src []byte) []marker {
	var out []marker
	for i, line := range strings.Split(string(src), "\n") {
		_, want, ok := strings.Cut(line, "# want ")
		if !ok {
			continue
		}
		for _, m := range wantRE.FindAllStringSubmatch(want, -1) {
			col, _ := strconv.Atoi(m[2])
			out = append(out, marker{Line: i + 1, Column: col, Rule: agreement.Rule(m[1])})
		}
	}
	slices.SortFunc(out, func(a, b marker) int {
		return cmpPos(agreement.Position{Line: a.Line, Column: a.Column}, agreement.Position{Line: b.Line, Column: b.Column})
	})
	return out
}

// TestErrors loads every file under testdata/err and checks that each
// fault written into the file is reported at its line and column with its
// rule, and that nothing else is reported. The rendered diagnostics are
// kept in a golden .out file beside each input (rewrite with -update).
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/err/*.yaml")
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := markers(src)
			if len(want) == 0 {
				t.Fatal("the file marks no expected diagnostic")
			}
			doc := agreement.Parse(file, src)
			var got []marker
			for _, d := range doc.Diagnostics {
				got = append(got, marker{Line: d.Line, Column: d.Column, Rule: d.Rule})
				if d.File != file || d.Severity == 0 {
					t.Errorf("diagnostic %v: file %q, severity %v", d, d.File, d.Severity)
				}
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
			var out bytes.Buffer
			for _, d := range doc.Diagnostics {
				fmt.Fprintf(&out, "%s\n", d)
				if d.Hint != "" {
					fmt.Fprintf(&out, "\thint: %s\n", d.Hint)
				}
			}
			golden(t, strings.TrimSuffix(file, ".yaml")+".out", out.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) { t.Helper(); goldenpkg.Check(t, path, got) }

// TestDiagnosticsSorted checks that problems are reported in the order of
// the file, whichever stage found them.
func TestDiagnosticsSorted(t *testing.T) {
	src, err := os.ReadFile("testdata/err/bad-values.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ds := agreement.Parse("x.yaml", src).Diagnostics
	if len(ds) < 2 {
		t.Fatalf("want several diagnostics, got %d", len(ds))
	}
	if !slices.IsSortedFunc(ds, func(a, b agreement.Diagnostic) int {
		return cmpPos(a.Position, b.Position)
	}) {
		t.Errorf("diagnostics are not in file order: %v", ds)
	}
}

func cmpPos(a, b agreement.Position) int {
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Column - b.Column
}

func TestPaths(t *testing.T) {
	src := []byte(`format: entente/v1
id: paths
clauses:
  - id: art-3
    clauses:
      - id: art-3.3
        commitments:
          - modality: shall-not
            by: each
            kind: non-assistence
  - num: "4"
    heading: no id here
    topics: 12
`)
	doc := agreement.Parse("paths.yaml", src)
	tests := []struct {
		name string
		path string
		rule agreement.Rule
		pos  agreement.Position
	}{
		{"nested clauses are named by id", "clauses[art-3].clauses[art-3.3].commitments[0].kind", agreement.RuleLoadInvalidValue, agreement.Position{Line: 10, Column: 19}},
		{"an element without id is named by index", "clauses[1].topics", agreement.RuleLoadShape, agreement.Position{Line: 13, Column: 13}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := slices.IndexFunc(doc.Diagnostics, func(d agreement.Diagnostic) bool { return d.Path.String() == tt.path })
			if i < 0 {
				t.Fatalf("no diagnostic at %s; got %v", tt.path, doc.Diagnostics)
			}
			d := doc.Diagnostics[i]
			if d.Rule != tt.rule || d.Position != tt.pos {
				t.Errorf("got %s at %v, want %s at %v", d.Rule, d.Position, tt.rule, tt.pos)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	doc, err := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path      docpath.Path
		key, val  agreement.Position
		wantFound bool
	}{
		{docpath.Root().Child("id"), agreement.Position{Line: 5, Column: 1}, agreement.Position{Line: 5, Column: 5}, true},
		{docpath.Root().Child("clauses").Key("art-3").Child("clauses").Key("art-3.3").Child("commitments").Index(0).Child("modality"),
			agreement.Position{Line: 62, Column: 13}, agreement.Position{Line: 62, Column: 23}, true},
		{docpath.Root().Child("clauses").Index(2).Child("id"), agreement.Position{Line: 93, Column: 5}, agreement.Position{Line: 93, Column: 9}, true},
		{docpath.Root().Child("clauses").Key("art-99"), agreement.Position{}, agreement.Position{}, false},
		{docpath.Root().Child("title").Index(0), agreement.Position{}, agreement.Position{}, false},
	}
	for _, tt := range tests {
		span, ok := doc.Lookup(tt.path)
		if ok != tt.wantFound || span.Key != tt.key || span.Value != tt.val {
			t.Errorf("Lookup(%q) = %+v, %v; want key %v value %v, %v", tt.path, span, ok, tt.key, tt.val, tt.wantFound)
		}
	}
}

// TestScalarsAsWritten checks that unquoted dates, years and numbers keep
// the text the author wrote instead of YAML's reading of it.
func TestScalarsAsWritten(t *testing.T) {
	src := []byte(`format: entente/v1
id: scalars
version: {label: "1", stage: draft, date: 2025}
title: Scalars as written
kind: treaty
parties: [{id: a, kind: state, country: IR}]
excerpt: true
clauses:
  - id: art-1
    num: 012
  - id: art-2
    num: 2.10
timeline:
  - {date: 2024-01-17, event: signed}
  - {date: "2025-01", event: ratified}
`)
	doc := agreement.Parse("scalars.yaml", src)
	if len(doc.Diagnostics) != 0 {
		t.Fatalf("unexpected diagnostics: %v", doc.Diagnostics)
	}
	a := doc.Agreement
	got := []string{a.Version.Date.String(), a.Clauses[0].Num, a.Clauses[1].Num, a.Timeline[0].Date.String(), a.Timeline[1].Date.String()}
	want := []string{"2025", "012", "2.10", "2024-01-17", "2025-01"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
}

func TestJSONInput(t *testing.T) {
	src := []byte(`{
  "format": "entente/v1",
  "id": "json",
  "titel": "x",
  "version": {"label": "draft", "stage": "draft"}, "kind": "treaty",
  "parties": [{"id": "a", "kind": "state", "country": "IR"}],
  "timeline": [{"date": "2025-02-29", "event": "signed"}]
}`)
	doc := agreement.Parse("a.json", src)
	want := []marker{
		{Line: 4, Column: 3, Rule: agreement.RuleLoadUnknownField},
		{Line: 7, Column: 25, Rule: agreement.RuleLoadInvalidValue},
	}
	var got []marker
	for _, d := range doc.Diagnostics {
		got = append(got, marker{d.Line, d.Column, d.Rule})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

func TestDiagnosticsErr(t *testing.T) {
	var none agreement.Diagnostics
	if err := none.Err(); err != nil {
		t.Errorf("empty list: Err() = %v, want nil", err)
	}
	warn := agreement.Diagnostics{{Rule: agreement.RuleSyntax, Severity: agreement.SeverityWarning}}
	if err := warn.Err(); err != nil {
		t.Errorf("warnings only: Err() = %v, want nil", err)
	}
	bad := agreement.Diagnostics{
		{File: "f", Position: agreement.Position{Line: 1, Column: 2}, Rule: agreement.RuleSyntax, Severity: agreement.SeverityError, Message: "m"},
		{File: "f", Position: agreement.Position{Line: 2, Column: 1}, Rule: agreement.RuleValueEmpty, Severity: agreement.SeverityWarning, Message: "w"},
		{File: "f", Position: agreement.Position{Line: 3, Column: 4}, Rule: agreement.RuleRefParty, Severity: agreement.SeverityError, Message: "p"},
	}
	err := fmt.Errorf("loading: %w", bad.Err())
	var list *agreement.DiagnosticsError
	if !errors.As(err, &list) {
		t.Fatalf("errors.As finds no *DiagnosticsError in %v", err)
	}
	if len(list.Diagnostics) != 2 || list.Diagnostics[1].Rule != agreement.RuleRefParty {
		t.Errorf("the error holds %v, want the two errors", list.Diagnostics)
	}
	var first agreement.Diagnostic
	if !errors.As(err, &first) || first.Rule != agreement.RuleSyntax {
		t.Errorf("errors.As gives the diagnostic %v, want the first error", first)
	}
	if got := strings.Count(err.Error(), "\n"); got != 1 {
		t.Errorf("the message has %d line breaks, want one per error after the first", got)
	}
}

func TestReadFS(t *testing.T) {
	set, err := agreement.ReadFS(os.DirFS("../examples"), "agreements")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range set.Documents {
		names = append(names, filepath.Base(d.Name))
	}
	if !slices.Contains(names, "ir-ru-csp-2025.yaml") || !slices.IsSorted(names) {
		t.Errorf("documents = %v: want the examples, sorted", names)
	}
	if d := set.Latest("ir-ru-2001"); d == nil || d.Agreement.Version.Date.String() != "2001-03-12" {
		t.Errorf("Latest(ir-ru-2001) = %+v", d)
	}
	if ds := set.Diagnostics(); len(ds) != 0 {
		t.Errorf("examples have diagnostics: %v", ds)
	}
}

// TestSetVersions checks which version Set.Version and Set.Latest give
// when a set holds several versions of one agreement.
func TestSetVersions(t *testing.T) {
	doc := func(label, stage, date string) []byte {
		return []byte("format: entente/v1\nid: one\nversion: {label: " + label + ", stage: " + stage + ", date: \"" + date + "\"}\n" +
			"title: T\nkind: treaty\nparties: [{id: a, kind: state, country: IR}]\n")
	}
	fsys := fstest.MapFS{
		"a.yaml": {Data: doc("signed", "signed", "2025-01-17")},
		"b.yaml": {Data: doc("draft-2", "draft", "2025-01-10")},
		"c.yaml": {Data: doc("in-force", "in-force", "2025-10-02")},
		"d.yaml": {Data: doc("draft-1", "draft", "2024-12-01")},
	}
	set, err := agreement.ReadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  *agreement.Document
		want string // the file, or "" for none
	}{
		{"a version by label", set.Version("one", "draft-1"), "d.yaml"},
		{"an unknown label", set.Version("one", "draft-3"), ""},
		{"an unknown id", set.Latest("two"), ""},
		{"the latest is the furthest stage", set.Latest("one"), "c.yaml"},
	}
	for _, tt := range tests {
		got := ""
		if tt.got != nil {
			got = tt.got.Name
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	drafts := agreement.NewSet(set.Version("one", "draft-1"), set.Version("one", "draft-2"))
	if d := drafts.Latest("one"); d == nil || d.Name != "b.yaml" {
		t.Errorf("of two drafts, the later date: %v", d)
	}
}

// TestDiagnosticsOnly checks that a document loaded for its diagnostics
// keeps no model, and that the rules across files still find what they
// find on whole documents, at the same places.
func TestDiagnosticsOnly(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte("format: entente/v1\nid: one\nversion: {label: signed, stage: signed}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}]\nrelations:\n  - {type: supersedes, agreement: zero}\n")},
		"b.yaml": {Data: []byte("format: entente/v1\nid: one\nversion: {label: signed, stage: signed}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: XX}]\n")},
	}
	full, err := agreement.ReadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	slim, err := agreement.Loader{DiagnosticsOnly: true}.ReadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(full.Diagnostics(), slim.Diagnostics()); diff != "" {
		t.Errorf("diagnostics differ (-full +slim):\n%s", diff)
	}
	if len(full.Diagnostics()) != 3 {
		t.Errorf("want 3 findings (set.unresolved, code.country, set.duplicate-id), got %v", full.Diagnostics())
	}
	for _, d := range slim.Documents {
		if d.Agreement != nil {
			t.Errorf("%s: a model is kept", d.Name)
		}
		if _, ok := d.Lookup(docpath.Root().Child("id")); ok {
			t.Errorf("%s: positions are kept", d.Name)
		}
		if d.Header.ID != "one" {
			t.Errorf("%s: header %+v", d.Name, d.Header)
		}
	}
	if slim.Documents[1].Source == nil {
		t.Error("b.yaml has findings but no source to show them with")
	}
}

// TestEncodingErrorsAtTheirByte: a byte YAML does not allow is reported
// where it is, with what it is, not at 1:1 where go-yaml puts it.
func TestEncodingErrorsAtTheirByte(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
		what      string
	}{
		{"invalid UTF-8", "format: entente/v1\ntitle: ab\xffcd\n", 2, 10, "invalid UTF-8 byte 0xff"},
		{"a NUL", "format: entente/v1\ntitle: ab\x00cd\n", 2, 10, "NUL"},
		{"a control character", "format: entente/v1\ntitle: ab\x07cd\n", 2, 10, "U+0007"},
		{"after non-ASCII text", "format: entente/v1\ntitle: Иран\x01\n", 2, 12, "U+0001"},
		{"a truncated sequence", "a: b\nc: \xd0\n", 2, 4, "invalid UTF-8 byte 0xd0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("x.yaml", []byte(tt.src))
			if len(doc.Diagnostics) != 1 {
				t.Fatalf("%d diagnostics: %v", len(doc.Diagnostics), doc.Diagnostics)
			}
			d := doc.Diagnostics[0]
			if d.Rule != agreement.RuleSyntax || d.Line != tt.line || d.Column != tt.col || !strings.Contains(d.Message, tt.what) {
				t.Errorf("%s, want %s at %d:%d", d, tt.what, tt.line, tt.col)
			}
		})
	}
}

// TestUnclosedFlowHint: a [ or { left open on one line makes YAML break
// lines later; the finding points back at the bracket.
func TestUnclosedFlowHint(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		related agreement.Position // where the collection opened; zero for no hint
		hint    string
	}{
		{"sequence", "format: entente/v1\nid: x\nparties: [\n  {id: a, kind: state},\n  {id: b, kind: state}\ntitle: T\nkind: treaty\n",
			agreement.Position{Line: 3, Column: 10}, `closing "]" missing for the "[" on line 3`},
		{"mapping", "format: entente/v1\nid: x\nversion: {label: v,\n  stage: draft\ntitle: T\n",
			agreement.Position{Line: 3, Column: 10}, `closing "}" missing for the "{" on line 3`},
		{"closed on its line", "format: entente/v1\nid: [x]]\n", agreement.Position{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("f.yaml", []byte(tt.src))
			if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != agreement.RuleSyntax {
				t.Fatalf("want one syntax error: %v", doc.Diagnostics)
			}
			d := doc.Diagnostics[0]
			var got agreement.Position
			for _, r := range d.Related {
				if strings.HasPrefix(r.Message, "while parsing a flow ") && d.Hint != "" {
					got = r.Position
				}
			}
			if got != tt.related || !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("related %v, hint %q; want %v, %q (%s)", got, d.Hint, tt.related, tt.hint, d)
			}
		})
	}
}

// TestUnclosedQuoteHint: a closing quote left out on one line makes the
// string run on to the next quote, and YAML breaks lines later; the
// finding points back at where the string began.
func TestUnclosedQuoteHint(t *testing.T) {
	head := "format: entente/v1\nid: x\nversion: {label: v, stage: draft}\ntitle: T\nkind: treaty\n" +
		"parties: [{id: a, kind: state, country: IR}]\nclauses:\n  - id: c1\n"
	tests := []struct {
		name    string
		body    string
		related agreement.Position // where the string began; zero for no hint
	}{
		{"double quotes", "    summary: \"This is unclosed\n  - id: c2\n    summary: fine\n  - id: c3\n    summary: \"another\"\n", agreement.Position{Line: 9, Column: 14}},
		{"single quotes", "    summary: 'It''s unclosed\n  - id: c2\n    summary: 'another'\n", agreement.Position{Line: 9, Column: 14}},
		{"after non-ASCII text", "    heading: Иран\n    summary: \"Договор\n  - id: c2\n    summary: \"x\"\n", agreement.Position{Line: 10, Column: 14}},
		{"no quote involved", "    summary: fine\n   - id: c2\n", agreement.Position{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("q.yaml", []byte(head+tt.body))
			if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Rule != agreement.RuleSyntax {
				t.Fatalf("want one syntax error: %v", doc.Diagnostics)
			}
			d := doc.Diagnostics[0]
			var got agreement.Position
			for _, r := range d.Related {
				if strings.HasPrefix(r.Message, "a quoted string starts here") {
					got = r.Position
				}
			}
			if got != tt.related {
				t.Errorf("related %v, want %v (%s; %v)", got, tt.related, d, d.Related)
			}
			if tt.related.IsValid() && !strings.Contains(d.Hint, fmt.Sprintf("line %d", tt.related.Line)) {
				t.Errorf("hint %q names no line", d.Hint)
			}
		})
	}
}

func TestAt(t *testing.T) {
	doc, err := agreement.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, col int
		path      string // "" for nothing there
		onKey     bool
	}{
		{5, 1, "id", true},
		{5, 2, "id", true},
		{5, 5, "id", false},
		{5, 10, "id", false},
		{5, 40, "", false}, // past the value
		{62, 13, "clauses[art-3].clauses[art-3.3].commitments[0].modality", true},
		{62, 23, "clauses[art-3].clauses[art-3.3].commitments[0].modality", false},
		{62, 32, "clauses[art-3].clauses[art-3.3].commitments[0].modality", false}, // just after "shall-not"
		{62, 33, "", false},
		{63, 17, "clauses[art-3].clauses[art-3.3].commitments[0].by", false},
		{93, 9, "clauses[art-5].id", false},
		{1, 1, "", false}, // a comment
		{10000, 1, "", false},
	}
	for _, tt := range tests {
		path, start, onKey, ok := doc.At(agreement.Position{Line: tt.line, Column: tt.col})
		got := ""
		if ok {
			got = path.String()
			// It starts at the word's first column, on the line asked about.
			if span, _ := doc.Lookup(path); start.Line != tt.line || start != span.Value && start != span.Key {
				t.Errorf("At(%d:%d) starts at %v; Lookup gives %+v", tt.line, tt.col, start, span)
			}
		}
		if got != tt.path || onKey != tt.onKey {
			t.Errorf("At(%d:%d) = %q, key %v; want %q, key %v", tt.line, tt.col, got, onKey, tt.path, tt.onKey)
		}
	}
}
