package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente-go/entente/agreement"
)

// The tests of this file are a hostile user's: a configuration from a
// pull request that names files outside the repository, settings that
// would let an unreadable file pass, suppressions that would let fmt
// drop what a file holds, and paths that are not regular files.

const secret = "ghp_SECRETTOKEN123"

// hostileRepo makes a repository (a folder with .git) holding one clean
// agreement, beside a file outside it that holds a secret.
func hostileRepo(t *testing.T) (repo, agreementFile string) {
	t.Helper()
	top := t.TempDir()
	writeFile(t, top, ".git-credentials", "https://user:"+secret+"@github.com\n")
	repo = filepath.Join(top, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../../../examples/agreements/anzus-1951.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return repo, writeFile(t, repo, "agreements/anzus-1951.yaml", string(src))
}

// TestConfigStaysInItsRepository: the paths a configuration names stay
// inside its repository, and a file that is not a taxonomy is never
// quoted.
func TestConfigStaysInItsRepository(t *testing.T) {
	repo, file := hostileRepo(t)
	outside := filepath.Join(filepath.Dir(repo), ".git-credentials")
	if err := os.Symlink(outside, filepath.Join(repo, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, repo, "not-taxonomy.yaml", "token: "+secret+"\n")
	writeFile(t, repo, "sub/taxonomy.yaml", "topics:\n  - {code: space, label: Space}\n")
	tests := []struct {
		name, config string
		// want is the refusal, by file, line, column and rule; "" for a
		// configuration that is accepted.
		want, rule string
	}{
		{"a topics path up and out", `topics: ["../.git-credentials"]`, ".entente.yaml:1:10: ", "[load.invalid-value]"},
		{"an absolute topics path", `topics: ["` + outside + `"]`, ".entente.yaml:1:10: ", "[load.invalid-value]"},
		{"a link that leads out", `topics: [link.yaml]`, ".entente.yaml:1:10: ", "[load.invalid-value]"},
		{"a root above the repository", `root: ../../..`, ".entente.yaml:1:7: ", "[load.invalid-value]"},
		{"a file that is not a taxonomy", `topics: [not-taxonomy.yaml]`, "not-taxonomy.yaml:1:1: ", "[load.shape]"},
		{"a taxonomy in the repository", `topics: [sub/taxonomy.yaml]`, "", ""},
		{"a path that goes up and comes back in", `topics: [sub/../sub/taxonomy.yaml]`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeFile(t, repo, ".entente.yaml", tt.config+"\n")
			code, out, errOut := run("validate", "--config", cfg, file)
			if strings.Contains(out+errOut, secret) {
				t.Errorf("the secret is printed:\n%s%s", out, errOut)
			}
			if (tt.want == "") != (code == ExitClean) {
				t.Errorf("exit %d, want it clean: %v\n%s%s", code, tt.want == "", out, errOut)
			}
			if tt.want != "" && (!strings.Contains(errOut, tt.want) || !strings.Contains(errOut, tt.rule)) {
				t.Errorf("no %s...%s in:\n%s", tt.want, tt.rule, errOut)
			}
		})
	}
	// A configuration outside any repository keeps to its own folder.
	dir := t.TempDir()
	writeFile(t, filepath.Dir(dir), "outside-taxonomy.yaml", "topics:\n  - {code: space, label: Space}\n")
	cfg := writeFile(t, dir, ".entente.yaml", "topics: [../outside-taxonomy.yaml]\n")
	if code, _, errOut := run("validate", "--config", cfg, file); code != ExitUsage || !strings.Contains(errOut, ".entente.yaml:1:10: ") || !strings.Contains(errOut, "[load.invalid-value]") {
		t.Errorf("a configuration in no repository reading its parent folder: exit %d:\n%s", code, errOut)
	}
}

// TestUnreadableFindingsStayErrors: a finding that means a file could not
// be read cannot be lowered or turned off by the configuration, and
// saying so is a configuration error at its line.
func TestUnreadableFindingsStayErrors(t *testing.T) {
	dir := t.TempDir()
	broken := writeFile(t, dir, "broken.yaml", "format: entente/v1\ntitle: [unclosed\n")
	for _, setting := range []string{`syntax: warning`, `syntax: "off"`, `load.too-large: warning`, `load.too-deep: "off"`, `load.too-many: warning`} {
		t.Run(setting, func(t *testing.T) {
			cfg := writeFile(t, dir, ".entente.yaml", "rules: {"+setting+"}\n")
			code, _, errOut := run("validate", "--config", cfg, broken)
			if code != ExitUsage || !strings.Contains(errOut, ".entente.yaml:1:") || !strings.Contains(errOut, "[load.invalid-value]") {
				t.Errorf("exit %d, want the setting refused at its line:\n%s", code, errOut)
			}
		})
	}
	cfg := writeFile(t, dir, ".entente.yaml", "rules: {syntax: error}\n")
	if code, out, errOut := run("validate", "--config", cfg, broken); code != ExitProblems || !strings.Contains(out, "[syntax]") {
		t.Errorf("syntax: error is allowed and the file fails: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFmtKeepsSuppressedValues: a value the loader could not take is not
// in the model, so fmt -w refuses the file even when a suppression
// comment hides the finding from validate; the file is unchanged.
func TestFmtKeepsSuppressedValues(t *testing.T) {
	dir := t.TempDir()
	text := `format: entente/v1
id: x
version: {label: v, stage: signed}
title: T
kind: treaty
parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]
clauses:
  - id: c1
    num: "1"
    summary: [a, b] # entente:ignore load.shape, schema.type -- r
    txt: x # entente:ignore load.unknown-field -- r
`
	file := writeFile(t, dir, "a.yaml", text)
	if code, out, errOut := run("validate", file); code != ExitClean {
		t.Fatalf("the suppressions do not hold for validate: exit %d\n%s%s", code, out, errOut)
	}
	code, _, errOut := run("fmt", "-w", file)
	if code != ExitProblems {
		t.Errorf("fmt -w: exit %d, want %d\n%s", code, ExitProblems, errOut)
	}
	for _, want := range []string{"a.yaml:10:14:", "[load.shape]", "a.yaml:11:5:", "[load.unknown-field]", "suppression comment hides this"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("no %q in:\n%s", want, errOut)
		}
	}
	if after, _ := os.ReadFile(file); string(after) != text {
		t.Errorf("fmt -w changed the file:\n%s", after)
	}
}

// TestNoWaitOnPipes: every file the command opens goes through one
// opener that refuses what is not a regular file, so none of these waits
// for a writer.
func TestNoWaitOnPipes(t *testing.T) {
	repo, file := hostileRepo(t)
	fifo := filepath.Join(repo, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	linkDir := filepath.Join(repo, "linked")
	if err := os.MkdirAll(linkDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fifo, filepath.Join(linkDir, ConfigName)); err != nil {
		t.Fatal(err)
	}
	taxonomyPipe := writeFile(t, repo, "tax/.entente.yaml", "topics: [../fifo.yaml]\n")
	tests := []struct {
		name string
		dir  string // the working directory, when it matters
		args []string
		// git: as git's external diff, whose failure on one file shows
		// nothing for it rather than stopping git (exit 0)
		git bool
	}{
		{name: "a taxonomy that is a pipe", args: []string{"validate", "--config", taxonomyPipe, file}},
		{name: "--config a pipe", args: []string{"validate", "--config", fifo, file}},
		{name: "vocab --config a pipe", args: []string{"vocab", "--config", fifo, "topic"}},
		{name: "show with .entente.yaml linked to a pipe", dir: linkDir, args: []string{"show", file}},
		{name: "validate with .entente.yaml linked to a pipe", dir: linkDir, args: []string{"validate", file}},
		{name: "diff of a pipe", args: []string{"diff", fifo, file}},
		{name: "diff of a pipe, in git's form", git: true, args: []string{"diff", "agreements/anzus-1951.yaml", fifo, "0000000", "100644", file, "0000000", "100644"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.dir != "" {
				t.Chdir(tt.dir)
			}
			done := make(chan struct{})
			var code int
			var errOut string
			go func() {
				code, _, errOut = run(tt.args...)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("it waits on the pipe")
			}
			if (code == ExitClean) != tt.git || !strings.Contains(errOut, "not a regular file") {
				t.Errorf("exit %d, want the pipe refused by name:\n%s", code, errOut)
			}
		})
	}
}

// TestLsSaysWhatItLeavesOut: ls exits 1 when it leaves out a file with
// errors, and leaves other YAML alone without counting it.
func TestLsSaysWhatItLeavesOut(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../../../examples/agreements/anzus-1951.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "anzus.yaml", string(src))
	writeFile(t, dir, "workflow.yaml", "on: push\njobs: {}\n")
	if code, out, errOut := run("ls", dir); code != ExitClean || strings.Contains(errOut, "left out") || !strings.Contains(out, "anzus-1951") {
		t.Errorf("a clean folder with other YAML: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, dir, "broken.yaml", "format: entente/v1\ntitle: [unclosed\n")
	if code, _, errOut := run("ls", dir); code != ExitProblems || !strings.Contains(errOut, "1 file with errors left out") {
		t.Errorf("a folder with a broken agreement: exit %d\n%s", code, errOut)
	}
}

// TestRequiredFieldsCannotBeSuppressed: a suppression of schema.required
// is itself a finding, and the incomplete agreement does not reach show.
func TestRequiredFieldsCannotBeSuppressed(t *testing.T) {
	file := writeFile(t, t.TempDir(), "a.yaml", "format: entente/v1 # entente:ignore schema.required -- hide them all\nid: x\n")
	code, out, _ := run("validate", file)
	if code != ExitProblems || !strings.Contains(out, "[suppress.malformed]") || !strings.Contains(out, "[schema.required]") {
		t.Errorf("validate: exit %d\n%s", code, out)
	}
	if code, out, errOut := run("show", "--format", "json", file); code == ExitClean || strings.Contains(out, `"parties": null`) {
		t.Errorf("show printed an incomplete agreement: exit %d\n%s%s", code, out, errOut)
	}
}

// TestFlagDates: a day that does not exist is named as such, not as a
// date that is not full.
func TestFlagDates(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"show", "--at", "2024-02-30", "../../../../examples/agreements/cst-1992.yaml"}, "February 2024 has 29 days"},
		{[]string{"show", "--at", "2024-02", "../../../../examples/agreements/cst-1992.yaml"}, "not a full date"},
		{[]string{"ls", "--in-force-on", "2023-02-29", "../../../../examples/agreements"}, "February 2023 has 28 days"},
	} {
		if code, _, errOut := run(tt.args...); code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d: %s", tt.args, code, errOut)
		}
	}
}

// FuzzConfig reads arbitrary configuration files in a repository beside
// a file holding a secret: no panic; every problem is at a line of the
// configuration (or names a taxonomy file in the repository); and the
// secret is never part of a message.
//
//	go test ./cmd/entente/internal/cli -run '^$' -fuzz FuzzConfig -fuzztime 10m
func FuzzConfig(f *testing.F) {
	for _, seed := range []string{
		"include: [\"agreements/**/*.yaml\"]\nexclude: [drafts/**]\nroot: agreements\nrules: {value.empty: \"off\", clause.gap: error}\ntopics: [taxonomy.yaml]\ndate: \"2026-03-01\"\n",
		"topics: [\"../.git-credentials\"]\n", "topics: [link.yaml]\n", "root: ../../..\n", "rules: {syntax: warning}\n",
		"topics: [not-taxonomy.yaml]\n", "topics: [/etc/passwd]\n", "{}\n", "colour: red\n",
	} {
		f.Add([]byte(seed))
	}
	top := f.TempDir()
	if err := os.WriteFile(filepath.Join(top, ".git-credentials"), []byte("https://user:"+secret+"@github.com\n"), 0o600); err != nil {
		f.Fatal(err)
	}
	repo := filepath.Join(top, "repo")
	for _, dir := range []string{".git", "agreements"} {
		if err := os.MkdirAll(filepath.Join(repo, dir), 0o755); err != nil {
			f.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(repo, "taxonomy.yaml"), []byte("topics:\n  - {code: space, label: Space}\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "not-taxonomy.yaml"), []byte("token: "+secret+"\n"), 0o644)
	os.Symlink(filepath.Join(top, ".git-credentials"), filepath.Join(repo, "link.yaml"))
	cfgPath := filepath.Join(repo, ConfigName)
	f.Fuzz(func(t *testing.T, src []byte) {
		if bytes.Contains(src, []byte(secret)) {
			return // a secret written into the configuration itself may be quoted from it
		}
		if err := os.WriteFile(cfgPath, src, 0o644); err != nil {
			t.Fatal(err)
		}
		_, ds, err := loadConfig(cfgPath)
		if err != nil {
			return // unreadable: an error of the tool, with no text of the file
		}
		for _, d := range ds {
			if strings.Contains(d.Message+d.Hint, secret) {
				t.Fatalf("a finding quotes the secret: %s", d)
			}
			if d.File != cfgPath && d.File != filepath.Join(repo, "taxonomy.yaml") && !strings.HasPrefix(d.File, repo+string(filepath.Separator)) {
				t.Fatalf("a finding of a file outside the repository: %s", d)
			}
		}
	})
}

// TestSkipOtherNothingToCheck: a hook that passes only other YAML with
// --skip-other has nothing to check, which is success; without the flag,
// the file is named as not an agreement.
func TestSkipOtherNothingToCheck(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "mkdocs.yml", "site_name: x\n")
	b := writeFile(t, dir, "package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}\n")
	if code, out, errOut := run("validate", "--skip-other", a, b); code != ExitClean || !strings.Contains(errOut, "0 files checked: 2 files that are not agreements left out") {
		t.Errorf("--skip-other on other YAML only: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, _ := run("validate", a); code != ExitProblems || !strings.Contains(out, "[load.not-agreement]") {
		t.Errorf("other YAML named without --skip-other: exit %d\n%s", code, out)
	}
}

// TestMistypedCommand: a mistyped command gets a suggestion.
func TestMistypedCommand(t *testing.T) {
	if code, _, errOut := run("valdate", "x"); code != ExitUsage || !strings.Contains(errOut, "did you mean validate?") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// TestStdinForFmtAndDiff: - is the standard input for fmt and for one
// side of diff.
func TestStdinForFmtAndDiff(t *testing.T) {
	announced, err := os.ReadFile("../../../../examples/agreements/ir-ru-csp-2025-announced.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runEnv(nil, string(announced), "fmt", "-"); code != ExitClean || out != string(announced) {
		t.Errorf("fmt - on a formatted file: exit %d, %d bytes out of %d\n%s", code, len(out), len(announced), errOut)
	}
	if code, _, errOut := runEnv(nil, string(announced), "fmt", "-w", "-"); code != ExitUsage {
		t.Errorf("fmt -w -: exit %d: %s", code, errOut)
	}
	if code, out, errOut := runEnv(nil, string(announced), "diff", "-", "../../../../examples/agreements/ir-ru-csp-2025.yaml"); code != ExitClean || !strings.Contains(out, "announced-2025-01-16 → signed") {
		t.Errorf("diff - B: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runEnv(nil, "", "diff", "-", "-"); code != ExitUsage {
		t.Errorf("diff - -: exit %d", code)
	}
}

// TestOneFileTwoSpellings: a file named twice, in two spellings, is
// checked once and is no duplicate of itself.
func TestOneFileTwoSpellings(t *testing.T) {
	dir, err := filepath.Abs("../../../../examples/agreements")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, errOut := run("validate", "anzus-1951.yaml", "./anzus-1951.yaml", filepath.Join(dir, "anzus-1951.yaml"))
	if code != ExitClean || !strings.Contains(errOut, "1 file checked: 0 errors") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// TestConfigProblemsCapped: a configuration with thousands of problems
// lists the first thousand and how many more there were.
func TestConfigProblemsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("rules:\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "  no.such-rule-%d: error\n", i)
	}
	cfg := writeFile(t, t.TempDir(), ".entente.yaml", b.String())
	code, _, errOut := run("validate", "--config", cfg, "../../../../examples/agreements")
	if code != ExitUsage || strings.Count(errOut, "is not a rule") != agreement.MaxDiagnostics || !strings.Contains(errOut, "2000 more problems are not shown") {
		t.Errorf("exit %d, %d problems listed:\n%.300s", code, strings.Count(errOut, "is not a rule"), errOut)
	}
}

// TestShowPastTheCalendar: a date reckoned past 9999 is not printed as a
// date no file could hold.
func TestShowPastTheCalendar(t *testing.T) {
	file := writeFile(t, t.TempDir(), "late.yaml", "format: entente/v1\nid: late\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n"+
		"parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\nterm: {duration: P20Y}\n"+
		"timeline:\n  - {date: \"9990-01-01\", event: signed}\n  - {date: \"9990-01-01\", event: entered-into-force}\n")
	code, out, errOut := run("show", "--format", "json", "--at", "9995-01-01", file)
	if code != ExitClean || strings.Contains(out, "10010") || !strings.Contains(out, `"initial_term_ends": "after 9999-12-31"`) {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
