package agreement_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
)

// TestRulesDocumented checks that every rule has a doc line and that the
// README's table lists exactly the rules of the catalogue.
func TestRulesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	if i := strings.Index(section, "\n## Rules\n"); i >= 0 {
		section = section[i+1:]
		if j := strings.Index(section[3:], "\n## "); j >= 0 {
			section = section[:j+3]
		}
	} else {
		t.Fatal("the README has no Rules section")
	}
	var listed []agreement.Rule
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z.-]+)` \\| (.*) \\|$").FindAllStringSubmatch(section, -1) {
		listed = append(listed, agreement.Rule(m[1]))
		if doc := agreement.Rule(m[1]).Doc(); doc != m[2] {
			t.Errorf("rule %s: the README says %q, the catalogue %q", m[1], m[2], doc)
		}
	}
	if diff := cmp.Diff(agreement.Rules(), listed); diff != "" {
		t.Errorf("README rule table differs from agreement.Rules() (-catalogue +README):\n%s", diff)
	}
	for _, r := range agreement.Rules() {
		if r.Doc() == "" {
			t.Errorf("rule %s has no doc line", r)
		}
	}
}

// shadowed lists the rules no file of testdata/err can show, and why.
var shadowed = map[agreement.Rule]string{
	agreement.RuleSchemaAdditionalProperty: "the loader reports unknown fields first, as load.unknown-field",
	agreement.RuleSchemaType:               "the loader reports wrong shapes and values first, as load.shape or load.invalid-value",
	agreement.RuleSchemaEnum:               "the loader reports values outside an enumeration first, as load.invalid-value",
	agreement.RuleSchemaConst:              "the loader reports an unknown format first, as format.version",
	agreement.RuleSchemaOther:              "the schema has no keyword left that can fail otherwise",
	agreement.RuleSetDuplicateID:           "a rule across files: TestSetRules",
	agreement.RuleSetUnresolved:            "a rule across files: TestSetRules",
	agreement.RuleLoadTooLarge:             "a file over 16 MiB is not kept in testdata: TestHostileInputs sets a small limit",
	agreement.RuleTaxonomyTopic:            "a rule of taxonomy files, not agreements: TestReadTaxonomyFindings",
	agreement.RuleLoadTooMany:              "a file with a thousand problems is not kept in testdata: TestHostileInputs makes one",
	agreement.RuleLoadNotAgreement:         "a rule of the command, for files it is given by name: TestOtherYAML in cmd/entente/internal/cli",
}

// TestEveryRuleHasACase checks that every rule of the catalogue is shown
// by a file under testdata/err, unless it is listed as shadowed.
func TestEveryRuleHasACase(t *testing.T) {
	files, _ := filepath.Glob("testdata/err/*.yaml")
	covered := map[agreement.Rule]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range markers(src) {
			covered[m.Rule] = true
		}
	}
	for _, r := range agreement.Rules() {
		if why, ok := shadowed[r]; ok {
			if covered[r] {
				t.Errorf("rule %s is listed as shadowed (%s) but a case shows it", r, why)
			}
			continue
		}
		if !covered[r] {
			t.Errorf("rule %s has no case under testdata/err", r)
		}
	}
}

func TestSetRules(t *testing.T) {
	doc := func(id, extra string) []byte {
		return []byte("format: entente/v1\nid: " + id + "\nversion: {label: signed, stage: signed}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}]\n" + extra)
	}
	fsys := fstest.MapFS{
		"a.yaml":     {Data: doc("one", "relations:\n  - {type: supersedes, agreement: two}\n  - {type: amends, agreement: three}\n")},
		"b.yaml":     {Data: doc("two", "")},
		"sub/c.yaml": {Data: doc("two", "preamble: [{text: Recalling, cites: [zero]}]\n")},
		"notes.txt":  {Data: []byte("not an agreement")},
	}
	set, err := agreement.ReadFS(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	type finding struct {
		File string
		Line int
		Rule agreement.Rule
		Sev  agreement.Severity
	}
	var got []finding
	for _, d := range set.Diagnostics() {
		got = append(got, finding{d.File, d.Line, d.Rule, d.Severity})
	}
	want := []finding{
		{"a.yaml", 9, agreement.RuleSetUnresolved, agreement.SeverityWarning},
		{"sub/c.yaml", 2, agreement.RuleSetDuplicateID, agreement.SeverityError},
		{"sub/c.yaml", 7, agreement.RuleSetUnresolved, agreement.SeverityWarning},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("set diagnostics (-want +got):\n%s", diff)
	}
}

// TestCloneChecksAgain checks that a set of clones can be checked again
// and again with the same findings, and leaves the documents loaded as
// they were: a suppression of a set rule is used, or reported unused,
// each time.
func TestCloneChecksAgain(t *testing.T) {
	doc := func(id, extra string) []byte {
		return []byte("format: entente/v1\nid: " + id + "\nversion: {label: signed, stage: signed}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}]\n" + extra)
	}
	a := agreement.Parse("a.yaml", doc("one", "relations:\n  - {type: amends, agreement: two} # entente:ignore set.unresolved -- not yet written\n"))
	b := agreement.Parse("b.yaml", doc("one", "# entente:ignore set.duplicate-id -- nothing to ignore\n"))
	before := len(a.Diagnostics) + len(b.Diagnostics)
	var first string
	for i := range 3 {
		set := agreement.NewSet(a.Clone(), b.Clone())
		got := fmt.Sprint(set.Diagnostics())
		if i == 0 {
			first = got
		} else if got != first {
			t.Errorf("check %d: %s\nthe first: %s", i+1, got, first)
		}
	}
	if n := len(a.Diagnostics) + len(b.Diagnostics); n != before {
		t.Errorf("the documents loaded have %d findings after the checks, %d before", n, before)
	}
	if !strings.Contains(first, "set.duplicate-id") {
		t.Errorf("no duplicate id found: %s", first)
	}
}

// TestSeveritiesHeldToTheCatalogue: every finding of the error cases and
// the historic ones has a severity its rule's catalogue entry allows.
func TestSeveritiesHeldToTheCatalogue(t *testing.T) {
	files, _ := filepath.Glob("testdata/err/*.yaml")
	var all agreement.Diagnostics
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, agreement.Parse(f, src).Diagnostics...)
	}
	for _, c := range historicCases {
		all = append(all, agreement.Parse(c.name, []byte(c.doc)).Diagnostics...)
	}
	seen := map[agreement.Rule]bool{}
	for _, d := range all {
		seen[d.Rule] = true
		if !slices.Contains(d.Rule.Severities(), d.Severity) {
			t.Errorf("%s: a finding of %s is %s; the catalogue allows %v", d, d.Rule, d.Severity, d.Rule.Severities())
		}
	}
	if len(seen) < 30 {
		t.Errorf("only %d rules seen", len(seen))
	}
}
