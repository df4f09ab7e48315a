package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/golden"
	"github.com/entente-go/entente/schema"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const errDir = "../../../../agreement/testdata/err"

func runEnv(env map[string]string, stdin string, args ...string) (int, string, string) {
	var out, errOut strings.Builder
	c := Command{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	code := c.Main(append([]string{"entente"}, args...))
	return code, out.String(), errOut.String()
}

func goldenFile(t *testing.T, path, got string) { t.Helper(); golden.Check(t, path, []byte(got)) }

type place struct {
	File         string
	Line, Column int
	Rule         string
}

// TestFormatsAgree checks that every format reports the same findings,
// and keeps each format's output in a golden file.
func TestFormatsAgree(t *testing.T) {
	var text, js, sarif, github string
	for format, out := range map[string]*string{"text": &text, "json": &js, "sarif": &sarif, "github": &github} {
		code, o, _ := runEnv(nil, "", "validate", "--format", format, errDir)
		if code != ExitProblems {
			t.Fatalf("%s: exit %d, want %d", format, code, ExitProblems)
		}
		*out = o
	}
	goldenFile(t, "testdata/validate-err.json", js)
	goldenFile(t, "testdata/validate-err.sarif", strings.ReplaceAll(sarif, version(), "VERSION"))
	goldenFile(t, "testdata/validate-err.github", github)

	fromText := textPlaces(text)
	fromJSON, fromSARIF, fromGitHub := jsonPlaces(t, js), sarifPlaces(t, sarif), githubPlaces(github)
	if len(fromText) < 20 {
		t.Fatalf("only %d findings in the text output", len(fromText))
	}
	for name, got := range map[string][]place{"json": fromJSON, "sarif": fromSARIF, "github": fromGitHub} {
		if diff := cmp.Diff(fromText, got); diff != "" {
			t.Errorf("%s findings differ from the text format's (-text +%s):\n%s", name, name, diff)
		}
	}
}

// textPlaces, jsonPlaces, sarifPlaces and githubPlaces read the places of
// the findings in each format of validate.
func textPlaces(text string) []place {
	var out []place
	head := regexp.MustCompile(`(?m)^(\S+):(\d+):(\d+): .*\[([a-z.-]+)\]$`)
	for _, m := range head.FindAllStringSubmatch(text, -1) {
		var l, c int
		fmt.Sscan(m[2], &l)
		fmt.Sscan(m[3], &c)
		out = append(out, place{m[1], l, c, m[4]})
	}
	return out
}

func jsonPlaces(t *testing.T, js string) []place {
	t.Helper()
	var j struct {
		Diagnostics []struct {
			File         string
			Line, Column int
			Rule         string
		}
	}
	if err := json.Unmarshal([]byte(js), &j); err != nil {
		t.Fatal(err)
	}
	var out []place
	for _, d := range j.Diagnostics {
		out = append(out, place{d.File, d.Line, d.Column, d.Rule})
	}
	return out
}

func sarifPlaces(t *testing.T, sarif string) []place {
	t.Helper()
	var s struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &s); err != nil {
		t.Fatal(err)
	}
	var out []place
	for _, r := range s.Runs[0].Results {
		p := r.Locations[0].PhysicalLocation
		out = append(out, place{p.ArtifactLocation.URI, p.Region.StartLine, p.Region.StartColumn, r.RuleID})
	}
	return out
}

func githubPlaces(github string) []place {
	var out []place
	ann := regexp.MustCompile(`(?m)^::(?:error|warning) file=([^,]+),line=(\d+),col=(\d+)(?:,endLine=\d+,endColumn=\d+)?,title=entente ([a-z.-]+)::`)
	for _, m := range ann.FindAllStringSubmatch(github, -1) {
		var l, c int
		fmt.Sscan(m[2], &l)
		fmt.Sscan(m[3], &c)
		out = append(out, place{m[1], l, c, m[4]})
	}
	return out
}

// TestSARIFValidates checks the SARIF output against the OASIS SARIF
// 2.1.0 schema in ../shared/sarif.
func TestSARIFValidates(t *testing.T) {
	const schemaPath = "../../../../../shared/sarif/sarif-schema-2.1.0.json"
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Skipf("the SARIF schema is not beside the repository (%v)", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{errDir, "../../../../examples/agreements"} {
		_, out, _ := runEnv(nil, "", "validate", "--format", "sarif", dir)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v", dir, err)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\nb", "a%0Ab", "a%0Ab"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"dir:file,x.yaml", "dir:file,x.yaml", "dir%3Afile%2Cx.yaml"},
		{"%0A", "%250A", "%250A"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestValidateOptions(t *testing.T) {
	src, err := os.ReadFile(errDir + "/references.yaml")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("stdin", func(t *testing.T) {
		code, out, _ := runEnv(nil, string(src), "validate", "--stdin-filename", "piped.yaml", "-")
		if code != ExitProblems || !strings.HasPrefix(out, "piped.yaml:7:17: ") {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
	})
	t.Run("github chosen in GitHub Actions", func(t *testing.T) {
		_, out, _ := runEnv(map[string]string{"GITHUB_ACTIONS": "true"}, "", "validate", errDir+"/empty.yaml")
		if !strings.HasPrefix(out, "::error file=") || !strings.Contains(out, "::warning file=") {
			t.Errorf("not annotations:\n%s", out)
		}
	})
	t.Run("max-errors", func(t *testing.T) {
		code, out, errOut := runEnv(nil, "", "validate", "--format", "json", "--max-errors", "2", errDir)
		var j struct {
			Errors, Warnings int
			Diagnostics      []any
		}
		if err := json.Unmarshal([]byte(out), &j); err != nil {
			t.Fatal(err)
		}
		if code != ExitProblems || len(j.Diagnostics) != 2 || j.Errors+j.Warnings <= 2 || !strings.Contains(errOut, "2 shown") {
			t.Errorf("exit %d, %d shown of %d: %s", code, len(j.Diagnostics), j.Errors+j.Warnings, errOut)
		}
	})
	t.Run("warnings", func(t *testing.T) {
		// empty.yaml has one error (schema.empty); numbering.yaml only errors and warnings
		dir := t.TempDir()
		data, _ := os.ReadFile(errDir + "/empty.yaml")
		fixed := strings.Replace(string(data), `base: ""`, `base: draft`, 1)
		os.WriteFile(dir+"/w.yaml", []byte(fixed), 0o644)
		if code, _, errOut := runEnv(nil, "", "validate", dir); code != ExitClean || !strings.Contains(errOut, "0 errors, 4 warnings") {
			t.Errorf("warnings only: exit %d (%s), want %d", code, errOut, ExitClean)
		}
		if code, _, _ := runEnv(nil, "", "validate", "--warnings-as-errors", dir); code != ExitProblems {
			t.Errorf("--warnings-as-errors: exit %d, want %d", code, ExitProblems)
		}
	})
	t.Run("colour", func(t *testing.T) {
		_, plain, _ := runEnv(nil, "", "validate", errDir+"/term.yaml")
		_, always, _ := runEnv(nil, "", "validate", "--color", "always", errDir+"/term.yaml")
		if strings.Contains(plain, "\x1b[") || !strings.Contains(always, "\x1b[31m^") {
			t.Errorf("colour: plain has escapes %v, always lacks them %v", strings.Contains(plain, "\x1b["), !strings.Contains(always, "\x1b[31m^"))
		}
		var out strings.Builder
		c := Command{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, IsTerminal: func() bool { return true },
			Getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }}
		c.Main([]string{"entente", "validate", errDir + "/term.yaml"})
		if strings.Contains(out.String(), "\x1b[") {
			t.Error("NO_COLOR on a terminal: colour printed")
		}
		out.Reset()
		c.Getenv = func(k string) string { return map[string]string{"TERM": "dumb"}[k] }
		c.Main([]string{"entente", "validate", errDir + "/term.yaml"})
		if strings.Contains(out.String(), "\x1b[") {
			t.Error("TERM=dumb on a terminal: colour printed")
		}
		out.Reset()
		c.Getenv = nil
		c.Main([]string{"entente", "validate", errDir + "/term.yaml"})
		if !strings.Contains(out.String(), "\x1b[") {
			t.Error("a terminal: no colour")
		}
	})
	t.Run("colour on every command", func(t *testing.T) {
		for _, name := range commands {
			if name == "lsp" || name == "version" || name == "help" {
				continue
			}
			if code, _, errOut := runEnv(nil, "", name, "--color", "pink"); code != ExitUsage || !strings.Contains(errOut, "auto, always or never") {
				t.Errorf("%s --color pink: exit %d, %q", name, code, errOut)
			}
		}
		// The commands that write findings to stderr colour them as
		// validate does, and only when asked or on a terminal.
		broken := errDir + "/unclosed-flow-at-end.yaml"
		for _, args := range [][]string{{"fmt", broken}, {"show", broken}, {"diff", broken, broken}} {
			_, _, plain := runEnv(nil, "", args...)
			_, _, always := runEnv(nil, "", append(args[:1:1], append([]string{"--color", "always"}, args[1:]...)...)...)
			if strings.Contains(plain, "\x1b[") || !strings.Contains(always, "\x1b[31m^") {
				t.Errorf("%v: plain has escapes %v, --color always lacks them:\n%s", args, strings.Contains(plain, "\x1b["), always)
			}
			var out strings.Builder
			c := Command{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, IsErrTerminal: func() bool { return true }}
			c.Main(append([]string{"entente"}, args...))
			if !strings.Contains(out.String(), "\x1b[") {
				t.Errorf("%v with stderr a terminal: no colour", args)
			}
		}
	})
	t.Run("quiet", func(t *testing.T) {
		code, out, errOut := runEnv(nil, "", "validate", "-q", "../../../../examples/agreements")
		if code != ExitClean || out != "" || errOut != "" {
			t.Errorf("-q on clean files: exit %d, %q %q", code, out, errOut)
		}
		code, out, errOut = runEnv(nil, "", "validate", "--quiet", errDir+"/term.yaml")
		if code != ExitProblems || !strings.Contains(out, "[term.") || strings.Contains(errOut, "checked") {
			t.Errorf("--quiet with findings: exit %d, %q %q", code, out, errOut)
		}
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{"validate", "--format", "xml", "x"}, {"validate", "--max-errors", "-1", "x"}, {"validate", "--color", "pink", "x"}} {
			if code, _, _ := runEnv(nil, "", args...); code != ExitUsage {
				t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
			}
		}
	})
}

func TestTokenEnd(t *testing.T) {
	src := []byte("a: word\nb: \"quoted, with: marks\"\nc: [IR, ZZ]\nd: Иран\n")
	tests := []struct {
		line, col, want int
	}{
		{1, 4, 8},  // word
		{1, 1, 2},  // a key
		{2, 4, 25}, // a quoted value, to its closing quote
		{3, 9, 11}, // ZZ in a flow list
		{4, 4, 8},  // four letters of Cyrillic, counted as characters
		{5, 1, 0},  // past the end
		{1, 40, 0}, // past the line
	}
	for _, tt := range tests {
		if got := agreement.TokenEnd(src, agreement.Position{Line: tt.line, Column: tt.col}); got != tt.want {
			t.Errorf("TokenEnd(%d:%d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestVocabularyReference: docs/vocabulary.md is what entente vocab
// --format markdown writes, with a section for every vocabulary; the text
// listing has every word, and one vocabulary can be asked for by name.
func TestVocabularyReference(t *testing.T) {
	_, out, _ := run("vocab", "--format", "markdown")
	golden.Check(t, "../../../../docs/vocabulary.md", []byte(out))
	_, text, _ := run("vocab")
	for _, v := range agreement.Vocabularies() {
		if !strings.Contains(out, "\n## "+v.Name+"\n") {
			t.Errorf("docs/vocabulary.md has no section for %s", v.Name)
		}
		for _, w := range v.Words {
			if !regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(w.Value) + ` +` + regexp.QuoteMeta(w.Doc) + `$`).MatchString(text) {
				t.Errorf("entente vocab has no line for %s %q", v.Name, w.Value)
			}
		}
	}
	code, one, _ := run("vocab", "modality")
	if code != ExitClean || !strings.HasPrefix(one, "modality (clauses[].commitments[].modality)\n") || strings.Contains(one, "armed-attack") {
		t.Errorf("entente vocab modality: exit %d:\n%s", code, one)
	}
	if code, _, errOut := run("vocab", "modalities"); code != ExitUsage || !strings.Contains(errOut, "kind-of-event") {
		t.Errorf("entente vocab modalities: exit %d: %s", code, errOut)
	}
}

// TestRuleReference: docs/rules.md is what entente rules --format
// reference writes, and every rule's helpUri points at its section there.
func TestRuleReference(t *testing.T) {
	_, out, _ := run("rules", "--format", "reference")
	golden.Check(t, "../../../../docs/rules.md", []byte(out))
	for _, r := range agreement.Rules() {
		if !strings.Contains(out, "\n## "+string(r)+"\n") {
			t.Errorf("docs/rules.md has no section for %s", r)
		}
		if !strings.HasSuffix(ruleHelpURI(r), "#"+strings.ReplaceAll(string(r), ".", "")) {
			t.Errorf("%s: help at %s", r, ruleHelpURI(r))
		}
	}
}

// TestSARIFFields: each rule has its descriptions, help in text and
// Markdown, a link to its own section and a default level; results carry
// end columns and related locations; paths are percent-encoded URIs
// relative to SRCROOT, which names the working directory.
func TestSARIFFields(t *testing.T) {
	c := Command{Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer), Getwd: func() (string, error) { return "/some where", nil }}
	c.Main([]string{"entente", "validate", "--format", "sarif", errDir})
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string
						FullDescription      struct{ Text string }
						Help                 struct{ Text, Markdown string }
						HelpURI              string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ EndColumn int }
					}
				}
				RelatedLocations []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal(c.Stdout.(*bytes.Buffer).Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got := run.OriginalURIBaseIDs["SRCROOT"].URI; got != "file:///some%20where/" {
		t.Errorf("SRCROOT %q", got)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.FullDescription.Text == "" || r.Help.Markdown == "" || !strings.Contains(r.HelpURI, "#") || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s: %+v", r.ID, r)
		}
	}
	ends, related := 0, 0
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "SRCROOT" || strings.Contains(loc.ArtifactLocation.URI, " ") {
			t.Errorf("location %+v", loc.ArtifactLocation)
		}
		if loc.Region.EndColumn > 0 {
			ends++
		}
		related += len(res.RelatedLocations)
	}
	if ends < len(run.Results)/2 || related == 0 {
		t.Errorf("%d of %d results have an end column, %d related locations", ends, len(run.Results), related)
	}
	if got := sarifURI("a dir/x y[1].yaml"); got != "a%20dir/x%20y%5B1%5D.yaml" {
		t.Errorf("sarifURI: %s", got)
	}
}

// TestJSONOutputsValidate: the JSON of validate, diff and show, on every
// example and every error case, validates against the schema the command
// prints for it.
func TestJSONOutputsValidate(t *testing.T) {
	const ex = "../../../../examples/agreements/"
	files, _ := filepath.Glob(ex + "*.yaml")
	cases := []struct {
		output string
		args   []string
	}{
		{"validate", []string{"validate", "--format", "json", errDir}},
		{"validate", []string{"validate", "--format", "json", ex}},
		{"diff", []string{"diff", "--format", "json", ex + "ir-ru-csp-2025-announced.yaml", ex + "ir-ru-csp-2025.yaml"}},
		{"diff", []string{"diff", "--format", "json", ex + "cst-1992.yaml", ex + "anzus-1951.yaml"}},
		{"ls", []string{"ls", "--format", "json", ex}},
		{"ls", []string{"ls", "--format", "json", "--party", "GE", "--in-force-on", "2000-01-01", ex}},
		{"ls", []string{"ls", "--format", "json", "--topic", "nothing", ex}},
	}
	for _, f := range files {
		cases = append(cases, struct {
			output string
			args   []string
		}{"show", []string{"show", "--format", "json", "--at", "2026-03-01", f}})
	}
	for _, tt := range cases {
		_, out, errOut := run(tt.args...)
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: not JSON: %v\n%s", tt.args, err, errOut)
		}
		if err := schema.ValidateOutput(tt.output, v); err != nil {
			t.Errorf("%v: the output does not validate against its schema: %v", tt.args, err)
		}
	}
	for _, name := range schema.OutputNames() {
		if code, out, _ := run("schema", "--output", name); code != ExitClean || !strings.Contains(out, `"$id"`) {
			t.Errorf("entente schema --output %s: exit %d", name, code)
		}
	}
	if code, _, _ := run("schema", "--output", "nonsense"); code != ExitUsage {
		t.Errorf("entente schema --output nonsense: exit %d", code)
	}
}
