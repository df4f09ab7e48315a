package agreement_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/entente-go/entente/agreement"
)

// bounded loads src and fails when loading takes longer than limit or
// allocates more than maxAlloc bytes; it returns the diagnostics' rules.
func bounded(t *testing.T, src []byte, l agreement.Loader, limit time.Duration, maxAlloc uint64) []agreement.Rule {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan *agreement.Document, 1)
	go func() { done <- l.Parse("hostile.yaml", src) }()
	var doc *agreement.Document
	select {
	case doc = <-done:
	case <-time.After(limit):
		t.Fatalf("loading did not end within %v", limit)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
		t.Errorf("loading allocated %d MiB, over the bound of %d MiB", alloc>>20, maxAlloc>>20)
	}
	var rules []agreement.Rule
	for _, d := range doc.Diagnostics {
		if d.Severity == agreement.SeverityError && !d.IsValid() {
			t.Errorf("an error without a position: %v", d)
		}
		rules = append(rules, d.Rule)
	}
	return rules
}

const header = "format: entente/v1\nid: hostile\nversion: {label: x, stage: draft}\ntitle: T\nkind: treaty\nparties: [{id: a, kind: state, country: IR}]\n"

func laughs(levels int) string {
	var b strings.Builder
	b.WriteString(header + "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < levels; i++ {
		fmt.Fprintf(&b, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	return b.String()
}

// TestHostileInputs loads inputs written to hurt, each within bounds of
// time and memory, and checks what entente says about them.
// manyKeys writes n distinct keys for a flow mapping.
func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: v, ", i)
	}
	return strings.TrimSuffix(b.String(), ", ")
}

func TestHostileInputs(t *testing.T) {
	const sec = time.Second
	const mib = 1 << 20
	bomb := laughs(9) // 10^9 values if expanded
	bombInField := header + "clauses: &c [{id: x}]\n" + strings.ReplaceAll(laughs(9)[len(header):], "[x, x, x, x, x, x, x, x, x, x]", "[{id: y, clauses: *c}]")
	tests := []struct {
		name   string
		src    string
		loader agreement.Loader
		want   agreement.Rule // a rule that must be reported; "" for a clean load
	}{
		{"billion laughs in unknown fields", bomb, agreement.Loader{}, agreement.RuleLoadUnknownField},
		{"billion laughs in the model", header + nested(9) + "clauses: *c9\n", agreement.Loader{}, agreement.RuleLoadUnsupported},
		{"alias bomb decoded", bombInField, agreement.Loader{}, agreement.RuleLoadUnknownField},
		{"nesting ten thousand deep", header + "notes: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", agreement.Loader{}, agreement.RuleLoadTooDeep},
		{"nesting past the limit", header + "notes: " + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "\n", agreement.Loader{}, agreement.RuleLoadTooDeep},
		{"over the size limit", header + "notes: " + strings.Repeat("a", 2000) + "\n", agreement.Loader{MaxBytes: 1000}, agreement.RuleLoadTooLarge},
		{"a very long line", header + "notes: " + strings.Repeat("word ", 400_000) + "\n", agreement.Loader{}, ""},
		{"a long line of many values, not ASCII", header + "x_list: [" + strings.Repeat("é, ", 300_000) + "é]\n", agreement.Loader{}, agreement.RuleLoadUnknownField},
		{"a mapping of many unknown keys", header + "term: {duration: P1Y, " + manyKeys(100_000) + "}\n", agreement.Loader{}, agreement.RuleLoadUnknownField},
		{"a long list of empty strings", header + "contexts: [" + strings.Repeat("'', ", 100_000) + "'']\n", agreement.Loader{}, agreement.RuleSchemaPattern},
		{"a huge quoted scalar", header + "notes: \"" + strings.Repeat("\\u00e9", 500_000) + "\"\n", agreement.Loader{}, ""},
		{"many duplicate keys", header + strings.Repeat("title: T\n", 5000), agreement.Loader{}, agreement.RuleLoadTooMany},
		{"not UTF-8", header + "notes: \xff\xfe\xfd\n", agreement.Loader{}, agreement.RuleSyntax},
		{"a byte-order mark and CRLF", "\ufeff" + strings.ReplaceAll(header, "\n", "\r\n"), agreement.Loader{}, ""},
		{"tabs in indentation", header + "term:\n\tduration: P1Y\n", agreement.Loader{}, agreement.RuleSyntax},
		{"several documents", header + "---\n" + header, agreement.Loader{}, agreement.RuleSyntax},
		{"a merge key", header + "version: {<<: {label: x}, stage: draft}\n", agreement.Loader{}, agreement.RuleLoadDuplicateKey},
		{"non-string keys", header + "? [a, b]\n: c\n1: one\n", agreement.Loader{}, agreement.RuleLoadShape},
		{"nulls where values are required", header[:len("format: entente/v1\n")] + "id: ~\nversion: null\ntitle:\nkind: treaty\nparties: [~]\n", agreement.Loader{}, agreement.RuleLoadNull},
		{"binary data", string(bytes.Repeat([]byte{0, 1, 2, 0xff, 0x7f, 0x1b}, 1000)), agreement.Loader{}, agreement.RuleSyntax},
		{"an empty file", "", agreement.Loader{}, agreement.RuleSyntax},
		{"only comments", "# nothing\n# here\n", agreement.Loader{}, agreement.RuleSyntax},
		{"a scalar document", "just text\n", agreement.Loader{}, agreement.RuleLoadShape},
		{"a tag that says more than the value (binary data)", header + "notes: !!binary aGVsbG8=\n", agreement.Loader{}, agreement.RuleLoadUnsupported},
		{"an anchor cycle", header + "clauses: &c [{id: a, clauses: *c}]\n", agreement.Loader{}, agreement.RuleLoadUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := bounded(t, []byte(tt.src), tt.loader, 20*sec, 768*mib)
			if tt.want == "" {
				for _, r := range rules {
					if r == agreement.RuleSyntax || strings.HasPrefix(string(r), "load.") {
						t.Errorf("unexpected %s", r)
					}
				}
				return
			}
			if !contains(strs(rules), string(tt.want)) {
				t.Errorf("no %s among %d diagnostics, the first %v", tt.want, len(rules), rules[:min(5, len(rules))])
			}
		})
	}
}

// nested writes a list of clauses whose sub-clauses repeat through
// aliases, levels deep: 10^levels clauses if expanded.
func nested(levels int) string {
	var b strings.Builder
	b.WriteString("notes_0: &c0 [{id: leaf}]\n")
	for i := 1; i <= levels; i++ {
		refs := strings.Repeat(fmt.Sprintf("{id: n%d, clauses: *c%d}, ", i, i-1), 10)
		fmt.Fprintf(&b, "notes_%d: &c%d [%s]\n", i, i, strings.TrimSuffix(refs, ", "))
	}
	return b.String()
}

// TestYAMLTestSuite runs every case of the YAML test suite (a corpus no one
// here wrote) through the loader: no panic or hang; every invalid input
// yields a positioned error; every valid one loads or yields positioned
// diagnostics.
func TestYAMLTestSuite(t *testing.T) {
	root := "../internal/yamlnode/testdata/yaml-test-suite"
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("the YAML test suite is missing: %v", err)
	}
	var cases []string
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "in.yaml" {
			cases = append(cases, filepath.Dir(path))
		}
		return nil
	})
	if len(cases) < 300 {
		t.Fatalf("found %d cases", len(cases))
	}
	invalid, rejected := 0, 0
	for _, dir := range cases {
		src, err := os.ReadFile(filepath.Join(dir, "in.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		_, statErr := os.Stat(filepath.Join(dir, "error"))
		isInvalid := statErr == nil
		done := make(chan *agreement.Document, 1)
		go func() { done <- agreement.Parse(dir, src) }()
		var doc *agreement.Document
		select {
		case doc = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: loading hung", dir)
		}
		for _, d := range doc.Diagnostics {
			if !d.IsValid() {
				t.Errorf("%s: diagnostic without a position: %v", dir, d)
			}
		}
		if isInvalid {
			invalid++
			if len(doc.Diagnostics) == 0 || !doc.Diagnostics.HasErrors() {
				t.Errorf("%s: invalid YAML loaded without an error", dir)
			}
			if len(doc.Diagnostics) > 0 && doc.Diagnostics[0].Rule == agreement.RuleSyntax {
				rejected++
			}
		}
	}
	t.Logf("%d cases, %d invalid: %d rejected as syntax errors, the rest with positioned findings", len(cases), invalid, rejected)
}

// TestDepthBound: values nested exactly MaxDepth deep load; one level
// more is reported at the first value past the bound. (The root mapping
// is level 1 and notes' value level 2.)
func TestDepthBound(t *testing.T) {
	line := strings.Count(header, "\n") + 1
	for _, tc := range []struct {
		lists  int
		inner  string
		column int // of the diagnostic; 0 for none
	}{
		{agreement.MaxDepth - 1, "", 0},    // the innermost list at level 100
		{agreement.MaxDepth, "", 107},      // at level 101: the 100th bracket
		{agreement.MaxDepth - 2, "x", 0},   // the scalar at level 100
		{agreement.MaxDepth - 1, "x", 107}, // at level 101
	} {
		src := header + "notes: " + strings.Repeat("[", tc.lists) + tc.inner + strings.Repeat("]", tc.lists) + "\n"
		doc := agreement.Parse("deep.yaml", []byte(src))
		var got int
		for _, d := range doc.Diagnostics {
			if d.Rule == agreement.RuleLoadTooDeep {
				if d.Position.Line != line {
					t.Errorf("%d lists around %q: reported on line %d, want %d", tc.lists, tc.inner, d.Position.Line, line)
				}
				got = d.Position.Column
			}
		}
		if got != tc.column {
			t.Errorf("%d lists around %q: too deep at column %d, want %d (0: not reported)", tc.lists, tc.inner, got, tc.column)
		}
	}
}

// TestBlankValuesFound: the walk for blank values is skipped only when
// the reader saw none, so a file whose one blank value is a string, or
// one empty list, still gets its warning.
func TestBlankValuesFound(t *testing.T) {
	line := strings.Count(header, "\n") + 1
	for _, tc := range []struct {
		tail   string
		column int
	}{
		{`notes: "  "`, 8},
		{`notes: ""`, 8},
		{`short_title: ' '`, 14},
		{`contexts: []`, 11},
		{`notes: "\t"`, 8},
	} {
		doc := agreement.Parse("blank.yaml", []byte(header+tc.tail+"\n"))
		found := false
		for _, d := range doc.Diagnostics {
			found = found || d.Rule == agreement.RuleValueEmpty && d.Position == agreement.Position{Line: line, Column: tc.column}
		}
		if !found {
			t.Errorf("%s: no %s at %d:%d among %v", tc.tail, agreement.RuleValueEmpty, line, tc.column, doc.Diagnostics)
		}
	}
}

// TestLongValuesCut: a hostile key or value of a megabyte is not echoed
// back: its finding shows the start of it and its length.
func TestLongValuesCut(t *testing.T) {
	long := strings.Repeat("k", 1<<20)
	for _, src := range []string{
		"format: entente/v1\nid: x\n" + long + ": 1\n",
		"format: entente/v1\nid: x\nkind: " + long + "\n",
		"format: entente/v1\nid: x\nversion: {date: \"" + long + "\"}\n",
	} {
		doc := agreement.Parse("long.yaml", []byte(src))
		found := false
		for _, d := range doc.Diagnostics {
			if len(d.Message) > 300 || len(d.Hint) > 2000 {
				t.Errorf("a %d-byte message: %.120s…", len(d.Message), d.Message)
			}
			if strings.Contains(d.Message, "(1048576 bytes)") {
				found = true
			}
		}
		if !found {
			t.Errorf("no finding names the value's length: %v", doc.Diagnostics)
		}
	}
}

// TestTagsAreRefused: a value with a tag that says more than its form
// (binary data, an application's type) is a finding at the tag, never
// read silently as text or dropped; a core tag (!!str) is read.
func TestTagsAreRefused(t *testing.T) {
	head := "format: entente/v1\nid: x\nkind: treaty\nversion: {label: v, stage: signed}\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n"
	for _, tt := range []struct {
		line string
		ok   bool
	}{
		{"title: !!binary aGVsbG8=", false},
		{"title: !mytag T", false},
		{"title: !<tag:example.com,2026:x> T", false},
		{"title: !!str T", true},
	} {
		doc := agreement.Parse("t.yaml", []byte(head+tt.line+"\n"))
		refused := false
		for _, d := range doc.Diagnostics {
			if d.Rule == agreement.RuleLoadUnsupported && d.Line == 6 && d.Column == 8 {
				refused = true
			}
		}
		if refused == tt.ok || (tt.ok && doc.Agreement.Title != "T") {
			t.Errorf("%s: refused %v, title %q: %v", tt.line, refused, doc.Agreement.Title, doc.Diagnostics)
		}
	}
}
