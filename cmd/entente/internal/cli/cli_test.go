package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/golden"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	c := Command{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}
	code = c.Main(append([]string{"entente"}, args...))
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean examples", []string{"validate", "../../../../examples/agreements"}, ExitClean},
		{"a glob", []string{"validate", "../../../../examples/agreements/*.yaml"}, ExitClean},
		{"broken files", []string{"validate", "../../../../agreement/testdata/err"}, ExitProblems},
		{"a missing file", []string{"validate", "no/such/file.yaml"}, ExitFailure},
		{"a glob matching nothing", []string{"validate", "no/such/*.yaml"}, ExitFailure},
		{"no path", []string{"validate"}, ExitUsage},
		{"an unknown flag", []string{"validate", "--no-such-flag", "x"}, ExitUsage},
		{"bad -j", []string{"validate", "-j", "0", "x"}, ExitUsage},
		{"no command", nil, ExitUsage},
		{"an unknown command", []string{"frobnicate"}, ExitUsage},
		{"help", []string{"help"}, ExitClean},
		{"version", []string{"--version"}, ExitClean},
		{"schema", []string{"schema"}, ExitClean},
		{"schema with an argument", []string{"schema", "x"}, ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, out, errOut := run(tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.want, out, errOut)
			}
		})
	}
}

// TestValidateOutput keeps the text output for the error cases in a
// golden file, and checks that it does not depend on the parallelism.
func TestValidateOutput(t *testing.T) {
	_, serial, serialErr := run("validate", "-j", "1", "../../../../agreement/testdata/err")
	_, parallel, _ := run("validate", "-j", "8", "../../../../agreement/testdata/err")
	if serial != parallel {
		t.Errorf("output depends on -j:\n-j 1:\n%s\n-j 8:\n%s", serial, parallel)
	}
	golden.Check(t, "testdata/validate-err.golden", []byte(serial+"--- stderr ---\n"+serialErr))
}

func TestCaret(t *testing.T) {
	_, out, _ := run("validate", "../../../../agreement/testdata/err/misspelt-field.yaml")
	want := "   11 |     signatoreis: []  # want load.unknown-field@5\n" +
		"            ^\n"
	if !strings.Contains(out, want) {
		t.Errorf("no caret under column 5 of line 11 in:\n%s", out)
	}
}

func TestSchemaCommand(t *testing.T) {
	_, out, _ := run("schema")
	if !strings.Contains(out, `"$schema": "https://json-schema.org/draft/2020-12/schema"`) {
		t.Errorf("entente schema does not print the schema:\n%.200s", out)
	}
}

// TestReports keeps the output of show, timeline and ls in golden files.
func TestReports(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"show-ir-ru.golden", []string{"show", "--at", "2026-03-01", "../../../../examples/agreements/ir-ru-csp-2025.yaml"}},
		{"show-ru-kp.golden", []string{"show", "--at", "2026-03-01", "../../../../examples/agreements/ru-kp-csp-2024.yaml"}},
		{"show-ir-ru.json", []string{"show", "--at", "2025-08-01", "--format", "json", "../../../../examples/agreements/ir-ru-csp-2025.yaml"}},
		{"timeline-ru-kp.mmd", []string{"timeline", "../../../../examples/agreements/ru-kp-csp-2024.yaml"}},
		{"ls-kp.golden", []string{"ls", "--party", "KP", "--in-force-on", "2026-03-01", "../../../../examples/agreements"}},
		{"ls-topic.golden", []string{"ls", "--topic", "security", "--in-force-on", "2025-03-01", "../../../../examples/agreements"}},
		// By membership on the day: Georgia was a party to the CST in 1995
		// and had left by 2000; Uzbekistan was back in 2008.
		{"ls-ge-1995.golden", []string{"ls", "--party", "GE", "--in-force-on", "1995-01-01", "../../../../examples/agreements"}},
		{"ls-ge-2000.golden", []string{"ls", "--party", "GE", "--in-force-on", "2000-01-01", "../../../../examples/agreements"}},
		{"ls-uz-2008.golden", []string{"ls", "--party", "UZ", "--in-force-on", "2008-01-01", "../../../../examples/agreements"}},
		{"show-cst.golden", []string{"show", "--at", "2025-06-01", "../../../../examples/agreements/cst-1992.yaml"}},
		// A filter that names nothing known says so; the listing is empty.
		{"ls-unknown.golden", []string{"ls", "--party", "XX", "--topic", "securty", "--in-force-on", "2026-03-01", "../../../../examples/agreements"}},
		{"ls-in-force.json", []string{"ls", "--format", "json", "--in-force-on", "2026-03-01", "../../../../examples/agreements"}},
		{"show-anzus.json", []string{"show", "--at", "2026-03-01", "--format", "json", "../../../../examples/agreements/anzus-1951.yaml"}},
		{"explain-anzus.golden", []string{"explain", "../../../../examples/agreements/anzus-1951.yaml", "--party", "us", "--towards", "nz", "--year", "1987"}},
		{"explain-cst-uz.golden", []string{"explain", "../../../../examples/agreements/cst-1992.yaml", "--party", "uz", "--year", "2006"}},
		{"diff-git.golden", []string{"diff", "examples/agreements/ir-ru-csp-2025.yaml",
			"../../../../examples/agreements/ir-ru-csp-2025-announced.yaml", "abc123", "100644",
			"../../../../examples/agreements/ir-ru-csp-2025.yaml", "def456", "100644"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != ExitClean {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if errOut != "" {
				out += "--- stderr ---\n" + errOut
			}
			golden.Check(t, "testdata/"+tt.golden, []byte(out))
		})
	}
}

func TestReportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"show"},
		{"show", "--at", "2026-03", "x.yaml"},
		{"show", "--format", "xml", "x.yaml"},
		{"timeline", "--format", "png", "x.yaml"},
		{"ls", "--in-force-on", "tomorrow", "."},
		{"ls", "--format", "xml", "."},
		{"ls"},
	} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, _, _ := run("show", "../../../../agreement/testdata/err/bad-values.yaml"); code != ExitProblems {
		t.Errorf("show on a broken file: exit %d, want %d", code, ExitProblems)
	}
	if code, _, _ := run("show", "no-such-file.yaml"); code != ExitFailure {
		t.Errorf("show on a missing file: exit %d, want %d", code, ExitFailure)
	}
}

func TestDiffExitCodes(t *testing.T) {
	const a, b = "../../../../examples/agreements/ir-ru-csp-2025-announced.yaml", "../../../../examples/agreements/ir-ru-csp-2025.yaml"
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"diff", a, b}, ExitClean},
		{[]string{"diff", "--exit-code", a, b}, ExitProblems},
		{[]string{"diff", "--exit-code", b, b}, ExitClean},
		{[]string{"diff", "--format", "markdown", a, b}, ExitClean},
		{[]string{"diff", "--format", "html", a, b}, ExitUsage},
		{[]string{"diff", a}, ExitUsage},
		{[]string{"diff", a, "no-such.yaml"}, ExitFailure},
		{[]string{"diff", a, "../../../../agreement/testdata/err/bad-values.yaml"}, ExitFailure}, // could not be read as written: 3, never 1
		{[]string{"diff", a, "../../../../agreement/testdata/err/references.yaml"}, ExitClean},   // rule problems are noted, not fatal
		{[]string{"diff", "--exit-code", a, "../../../../agreement/testdata/err/references.yaml"}, ExitProblems},
		{[]string{"diff", a, "../../../../.pre-commit-hooks.yaml"}, ExitFailure}, // not an agreement
		{[]string{"diff", "/dev/null", b}, ExitClean},
	}
	for _, tt := range tests {
		if code, _, errOut := run(tt.args...); code != tt.want {
			t.Errorf("%v: exit %d, want %d (%s)", tt.args, code, tt.want, errOut)
		}
	}
}

// TestDiffReportsBothFiles: the two files load side by side; the findings
// of both are written, the old file's first, whatever finishes first.
func TestDiffReportsBothFiles(t *testing.T) {
	const bad1, bad2 = "../../../../agreement/testdata/err/bad-values.yaml", "../../../../agreement/testdata/err/duplicate-key.yaml"
	code, out, errOut := run("diff", bad1, bad2)
	if code != ExitFailure || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	first := strings.Index(errOut, bad1+":3:33: ")
	second := strings.Index(errOut, bad2+":10:5: ")
	if first != 0 || second < first || !strings.Contains(errOut[second:], "[load.duplicate-key]") {
		t.Errorf("want the old file's findings first (from 3:33), then the new file's (load.duplicate-key at 10:5):\n%s", errOut)
	}
}

// TestSpecialFiles: a named pipe given by name is refused at once with
// exit 3 (opening it would wait for a writer for ever); one found while
// walking a directory is left out and counted.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../../../examples/agreements/ru-kp-2000.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan struct{})
	var code int
	var errOut string
	go func() {
		code, _, errOut = run("validate", pipe)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("validate of a named pipe hangs")
	}
	if code != ExitFailure || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("validate PIPE: exit %d, %q", code, errOut)
	}
	code, _, errOut = run("validate", dir)
	if code != ExitClean || !strings.Contains(errOut, "1 file checked") || !strings.Contains(errOut, "1 file that is not regular left out") {
		t.Errorf("validate DIR with a pipe in it: exit %d, %q", code, errOut)
	}
	if _, err := agreement.ReadFile(pipe); err == nil {
		t.Error("agreement.ReadFile of a named pipe: no error")
	}
	set, err := agreement.ReadFS(os.DirFS(dir), ".")
	if err != nil || len(set.Documents) != 1 {
		t.Errorf("ReadFS with a pipe in the folder: %v, %d documents", err, len(set.Documents))
	}
}

// TestOtherYAML: a repository holds other YAML beside the agreements. A
// folder or glob leaves it out, counted; a file given by name gets one
// finding (load.not-agreement) unless --skip-other; a path that finds no
// agreement is a usage error.
func TestOtherYAML(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	src, _ := os.ReadFile("../../../../examples/agreements/anzus-1951.yaml")
	agreementFile := write("agreements/deep/x[1].yaml", string(src))
	workflow := write(".github/workflows/ci.yml", "on: push\njobs: {}\n")
	write("mkdocs.yml", "site_name: x\n")
	write("package.json", `{"name": "x"}`)
	write("broken.yaml", "a: [\n")
	write(".pre-commit-config.yaml", "repos: []\n")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"a folder", []string{"validate", dir}, ExitClean, "1 file checked: 0 errors, 0 warnings; 4 files that are not agreements left out"},
		{"a file by name", []string{"validate", workflow}, ExitProblems, "[load.not-agreement]"},
		{"a file by name, skipped", []string{"validate", "--skip-other", workflow, agreementFile}, ExitClean, "1 file checked: 0 errors, 0 warnings; 1 file that is not an agreement left out"},
		{"flags after paths", []string{"validate", agreementFile, "--format", "json"}, ExitClean, "1 file checked"},
		{"-- ends the flags", []string{"validate", "--", agreementFile}, ExitClean, "1 file checked"},
		{"a name that looks like a glob", []string{"validate", agreementFile}, ExitClean, "1 file checked"},
		{"a ** glob", []string{"validate", filepath.Join(dir, "agreements", "**", "*.yaml")}, ExitClean, "1 file checked"},
		{"nothing found", []string{"validate", filepath.Join(dir, ".github")}, ExitUsage, "no agreement files found"},
		{"only other YAML, skipped: nothing to check is success", []string{"validate", "--skip-other", workflow}, ExitClean, "0 files checked: 1 file that is not an agreement left out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.err) {
				t.Errorf("%v: exit %d, want %d; output:\n%s%s", tt.args, code, tt.code, out, errOut)
			}
		})
	}
	// The standard input is a file given by name.
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate", "--skip-other", "-"}, ExitClean, "0 files checked: 1 file that is not an agreement left out"},
		{[]string{"validate", "-"}, ExitProblems, "1 file checked: 1 error, 0 warnings"},
	} {
		code, out, errOut := runEnv(nil, "site_name: x\nnav: [a]\n", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Contains(out, "schema.required") {
			t.Errorf("other YAML on stdin, %v: exit %d, want %d:\n%s%s", tt.args, code, tt.code, out, errOut)
		}
	}
}

// TestExitCodesEverywhere: every subcommand's exit codes for the cases
// users hit: 0 clean, 1 problems (or differences with --exit-code), 2
// usage, 3 the tool could not read.
func TestExitCodesEverywhere(t *testing.T) {
	const ex = "../../../../examples/agreements/"
	empty := t.TempDir()
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--version"}, ExitClean},
		{[]string{"help"}, ExitClean},
		{[]string{"nonsense"}, ExitUsage},
		{[]string{"schema"}, ExitClean},
		{[]string{"schema", "-h"}, ExitClean},
		{[]string{"schema", "extra"}, ExitUsage},
		{[]string{"validate", "-h"}, ExitClean},
		{[]string{"validate", ex + "anzus-1951.yaml", "--format", "json"}, ExitClean},
		{[]string{"validate", "--nonsense", ex}, ExitUsage},
		{[]string{"validate", empty}, ExitUsage},
		{[]string{"validate", "no-such.yaml"}, ExitFailure},
		{[]string{"validate", "../../../../agreement/testdata/err/bad-date.yaml"}, ExitProblems},
		{[]string{"show", "-h"}, ExitClean},
		{[]string{"show", ex + "anzus-1951.yaml", "--at", "2026-03-01"}, ExitClean},
		{[]string{"show", "--at", "2026-03", ex + "anzus-1951.yaml"}, ExitUsage},
		{[]string{"show", "no-such.yaml"}, ExitFailure},
		{[]string{"timeline", "-h"}, ExitClean},
		{[]string{"timeline", ex + "cst-1992.yaml", "--format", "svg"}, ExitClean},
		{[]string{"ls", "-h"}, ExitClean},
		{[]string{"ls", ex + "cst-1992.yaml"}, ExitClean},
		{[]string{"ls", "no-such-folder"}, ExitFailure},
		{[]string{"fmt", "-h"}, ExitClean},
		{[]string{"fmt", "--check", ex}, ExitClean},
		{[]string{"new", "-h"}, ExitClean},
		{[]string{"new", "-", "--parties", "IR,RU"}, ExitClean},
		{[]string{"new", "--parties", "XX", "-"}, ExitUsage},
		{[]string{"diff", "-h"}, ExitClean},
		{[]string{"vocab", "-h"}, ExitClean},
		{[]string{"lsp", "-h"}, ExitClean},
		{[]string{"lsp", "file.yaml"}, ExitUsage},
		{[]string{"vocab", "role"}, ExitClean},
		{[]string{"vocab", "kind-of-event", "--format", "markdown"}, ExitClean},
		{[]string{"vocab", "nonsense"}, ExitUsage},
		{[]string{"vocab", "--format", "html"}, ExitUsage},
		{[]string{"diff", ex + "ir-ru-csp-2025-announced.yaml", ex + "ir-ru-csp-2025.yaml", "--exit-code"}, ExitProblems},
	}
	for _, tt := range tests {
		if code, _, errOut := run(tt.args...); code != tt.want {
			t.Errorf("entente %s: exit %d, want %d (%s)", strings.Join(tt.args, " "), code, tt.want, errOut)
		}
	}
	// entente lsp: a client that sends exit after shutdown gets 0; one that
	// closes the stream without them, 1.
	frame := func(body string) string { return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body }
	session := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		frame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`)
	for _, tt := range []struct {
		in   string
		want int
	}{{session, ExitClean}, {"", ExitProblems}} {
		c := Command{Stdin: strings.NewReader(tt.in), Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer)}
		if code := c.Main([]string{"entente", "lsp"}); code != tt.want {
			t.Errorf("entente lsp < %.20q: exit %d, want %d (%s)", tt.in, code, tt.want, c.Stderr)
		}
	}
	// - reads the standard input in every subcommand that reads a file.
	src, _ := os.ReadFile(ex + "anzus-1951.yaml")
	for _, args := range [][]string{{"show", "-"}, {"timeline", "-"}, {"validate", "-"}} {
		c := Command{Stdin: bytes.NewReader(src), Stdout: new(bytes.Buffer), Stderr: new(bytes.Buffer)}
		if code := c.Main(append([]string{"entente"}, args...)); code != ExitClean {
			t.Errorf("entente %s < file: exit %d: %s", strings.Join(args, " "), code, c.Stderr)
		}
	}
}

// TestRulesTable: entente rules --format markdown prints the README's
// table of rules, line for line.
func TestRulesTable(t *testing.T) {
	code, out, _ := run("rules", "--format", "markdown")
	if code != ExitClean {
		t.Fatalf("exit %d", code)
	}
	readme, err := os.ReadFile("../../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), out) {
		t.Errorf("the README's table of rules is not what entente rules prints:\n%s", out)
	}
	if code, out, _ := run("rules"); code != ExitClean || !strings.Contains(out, "load.not-agreement") {
		t.Errorf("entente rules: exit %d:\n%s", code, out)
	}
}

// TestConfigFindings: the configuration file is itself checked, each
// problem at its line and column.
func TestConfigFindings(t *testing.T) {
	code, _, errOut := run("validate", "--config", "testdata/config/bad.entente.yaml", "../../../../examples/agreements")
	if code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	for _, want := range []string{
		"bad.entente.yaml:2:11: bad pattern", // the glob's [ never closed
		"bad.entente.yaml:5:15: \"loud\" is not a severity",
		"bad.entente.yaml:6:3: \"no.such-rule\" is not a rule", // at the rule's name
		"bad.entente.yaml:7:3: \"clause.gapp\" is not a rule [load.invalid-value]\n  hint: did you mean \"clause.gap\"?",
		"bad.entente.yaml:8:17: \"errr\" is not a severity [load.invalid-value]\n  hint: did you mean \"error\"?",
		"bad.entente.yaml:9:10: open",           // the taxonomy file is missing
		"bad.entente.yaml:10:7: \"2026-13-01\"", // no month 13
		"bad.entente.yaml:11:1: unknown field \"colour\"",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no %q in:\n%s", want, errOut)
		}
	}
	// In the other formats the configuration's findings are the run's, so
	// a CI job that reads JSON, SARIF or GitHub's annotations sees them.
	for _, format := range []string{"json", "sarif", "github"} {
		code, out, errOut := run("validate", "--format", format, "--config", "testdata/config/bad.entente.yaml", "../../../../examples/agreements")
		if code != ExitUsage || !strings.Contains(errOut, "has problems") {
			t.Errorf("--format %s: exit %d, %s", format, code, errOut)
		}
		var places []place
		switch format {
		case "json":
			places = jsonPlaces(t, out)
		case "sarif":
			places = sarifPlaces(t, out)
		case "github":
			places = githubPlaces(out)
		}
		if len(places) != 8 || places[2] != (place{"testdata/config/bad.entente.yaml", 6, 3, "load.invalid-value"}) {
			t.Errorf("--format %s: %d findings, the third %+v:\n%s", format, len(places), places, out)
		}
	}
}

// TestConfigApplies: severities, include and exclude, the set's root for
// a run on some files, a custom taxonomy and the day of show and ls.
func TestConfigApplies(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	doc := func(id, extra string) string {
		return "format: entente/v1\nid: " + id + "\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}]\n" + extra
	}
	write("agreements/a.yaml", doc("a", "relations: [{type: supersedes, agreement: b}]\nnotes: \"\"\n"))
	write("agreements/b.yaml", doc("b", "cooperation: [{topic: space.launchers}]\n"))
	write("agreements/drafts/c.yaml", doc("c", "title: [broken\n"))
	write("taxonomy.yaml", "topics:\n  - {code: space, label: Space}\n  - {code: space.launchers, label: Launchers}\n")
	cfg := write(".entente.yaml", "exclude: [\"agreements/drafts/**\"]\nroot: agreements\nrules: {value.empty: \"off\", set.unresolved: error}\ntopics: [taxonomy.yaml]\ndate: \"2026-03-01\"\n")

	// The folder: the draft excluded, value.empty off, the custom topic known.
	code, out, errOut := run("validate", "--config", cfg, filepath.Join(dir, "agreements"))
	if code != ExitClean || !strings.Contains(errOut, "2 files checked: 0 errors, 0 warnings") {
		t.Errorf("the folder: exit %d:\n%s%s", code, out, errOut)
	}
	// One file alone: its relation resolves against the root.
	code, out, errOut = run("validate", "--config", cfg, filepath.Join(dir, "agreements", "a.yaml"))
	if code != ExitClean || !strings.Contains(errOut, "1 file checked: 0 errors, 0 warnings") {
		t.Errorf("one file, resolved against the root: exit %d:\n%s%s", code, out, errOut)
	}
	// entente vocab lists the configuration's topics beside the built-in ones.
	if code, out, _ := run("vocab", "--config", cfg, "topic"); code != ExitClean || !strings.Contains(out, "space.launchers") || !strings.Contains(out, "diplomacy") {
		t.Errorf("entente vocab topic with the configuration: exit %d:\n%s", code, out)
	}
	// Without the configuration: value.empty warns, the topic is unknown,
	// and b is not found by a run on a alone; the draft is broken.
	code, out, _ = run("validate", "--config", write("empty.yaml", "{}\n"), filepath.Join(dir, "agreements", "a.yaml"), filepath.Join(dir, "agreements", "drafts"))
	for _, rule := range []string{"[value.empty]", "[set.unresolved]", "[syntax]"} {
		if !strings.Contains(out, rule) {
			t.Errorf("without the configuration, no %s:\n%s", rule, out)
		}
	}
	if code != ExitProblems {
		t.Errorf("without the configuration: exit %d", code)
	}
}

// TestSetOfAFewFiles: a run on files alone (a pre-commit hook passes the
// staged ones) resolves their references against the rest of the
// configuration's folder, or without a configuration of the repository;
// a run on a folder, or outside any repository, against what it was
// given.
func TestSetOfAFewFiles(t *testing.T) {
	doc := func(id, extra string) string {
		return "format: entente/v1\nid: " + id + "\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}]\n" + extra
	}
	repo := t.TempDir()
	writeFile(t, repo, ".git/HEAD", "ref: refs/heads/main\n")
	a := writeFile(t, repo, "agreements/a.yaml", doc("a", "relations: [{type: supersedes, agreement: b}]\n"))
	writeFile(t, repo, "agreements/old/b.yaml", doc("b", ""))
	// (No configuration: none is above the test's folder.)
	if code, out, errOut := run("validate", a); code != ExitClean || strings.Contains(out, "set.unresolved") {
		t.Errorf("one file of a repository, with no root: set: exit %d:\n%s%s", code, out, errOut)
	}
	// With a configuration: its folder, with its exclusions.
	cfg := writeFile(t, repo, ".entente.yaml", "exclude: [\"agreements/old/**\"]\n")
	if _, out, _ := run("validate", "--config", cfg, a); !strings.Contains(out, "[set.unresolved]") {
		t.Errorf("b excluded by the configuration, yet found:\n%s", out)
	}
	// Outside a repository, a file is checked with the files given.
	lone := t.TempDir()
	la := writeFile(t, lone, "a.yaml", doc("a", "relations: [{type: supersedes, agreement: b}]\n"))
	writeFile(t, lone, "b.yaml", doc("b", ""))
	if _, out, _ := run("validate", la); !strings.Contains(out, "[set.unresolved]") {
		t.Errorf("outside a repository, the folder was read as the set:\n%s", out)
	}
}

// writeFile writes text to name under dir, making its folders, and
// returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestShowComputesTheLifeOnce: every answer show gives (the parties on
// the day, their histories and exits, the status, the term, the pairs)
// reads one life of the agreement.
func TestShowComputesTheLifeOnce(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		before := agreement.LivesComputed()
		if code, _, errOut := run("show", "--format", format, "--at", "2025-06-01", "../../../../examples/agreements/cst-1992.yaml"); code != ExitClean {
			t.Fatalf("show: exit %d: %s", code, errOut)
		}
		if n := agreement.LivesComputed() - before; n != 1 {
			t.Errorf("show --format %s computed the life %d times", format, n)
		}
	}
}

// TestShowAndLsFollowTheConfig: show, timeline and ls read the files as
// validate does under .entente.yaml: its topics are known, its exclude
// leaves a draft out of the listing.
func TestShowAndLsFollowTheConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	doc := func(id, extra string) string {
		return "format: entente/v1\nid: " + id + "\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" +
			"parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n" + extra
	}
	write("agreements/b.yaml", doc("b", "cooperation: [{topic: space.launchers}]\ntimeline: [{date: \"2020-01-01\", event: signed}]\n"))
	write("agreements/drafts/c.yaml", doc("c", "title: [broken\n"))
	write("taxonomy.yaml", "topics:\n  - {code: space, label: Space}\n  - {code: space.launchers, label: Launchers}\n")
	write(".entente.yaml", "exclude: [\"agreements/drafts/**\"]\ntopics: [taxonomy.yaml]\n")
	t.Chdir(dir)
	for _, args := range [][]string{{"show", "agreements/b.yaml"}, {"timeline", "agreements/b.yaml"}, {"explain", "agreements/b.yaml", "--party", "a", "--year", "2020"}} {
		if code, _, errOut := run(args...); code != ExitClean {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	code, out, errOut := run("ls", "agreements")
	if code != ExitClean || strings.Contains(out, "\nc ") || errOut != "" {
		t.Errorf("ls: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run("ls", "--topic", "space", "agreements"); code != ExitClean || !strings.Contains(out, "\nb ") {
		t.Errorf("ls --topic space: exit %d\n%s", code, out)
	}
}

// TestDiffUnmergedPath: git passes one argument, the path, for a file with
// unresolved conflicts; the driver names it and lets git go on. Outside
// git one argument is a usage error.
func TestDiffUnmergedPath(t *testing.T) {
	code, out, _ := runEnv(map[string]string{"GIT_DIFF_PATH_TOTAL": "1"}, "", "diff", "treaty.yaml")
	if code != ExitClean || out != "* Unmerged path treaty.yaml\n" {
		t.Errorf("under git: exit %d, %q", code, out)
	}
	if code, _, _ := runEnv(nil, "", "diff", "treaty.yaml"); code != ExitUsage {
		t.Errorf("outside git: exit %d, want %d", code, ExitUsage)
	}
}
