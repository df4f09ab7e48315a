package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// build compiles the command once for the end-to-end tests.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// needTool skips a test when a real tool it drives is not installed, and
// fails it instead in CI (ENTENTE_REQUIRE_TOOLS=1), which installs them:
// there a missing tool is a broken set-up, not a reason to pass.
func needTool(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("ENTENTE_REQUIRE_TOOLS") != "" {
			t.Fatalf("%s is not installed, and ENTENTE_REQUIRE_TOOLS is set", tool)
		}
		t.Skipf("%s is not installed", tool)
	}
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// snapshot reads every file under dir, to show that a command wrote
// nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			info, _ := d.Info()
			out[path] = string(data) + info.ModTime().String()
		}
		return nil
	})
	return out
}

// TestEndToEnd runs the built binary as CI would.
func TestEndToEnd(t *testing.T) {
	bin := build(t)
	before := snapshot(t, "../../examples")
	defer func() {
		if after := snapshot(t, "../../examples"); !reflect.DeepEqual(before, after) {
			t.Error("a command that only reads changed files under examples/")
		}
	}()
	tests := []struct {
		args []string
		code int
		want string // in stdout or stderr
	}{
		{[]string{"validate", "../../examples/agreements"}, 0, "8 files checked: 0 errors, 0 warnings"},
		{[]string{"validate", "../../agreement/testdata/err"}, 1, "^"},
		{[]string{"fmt", "--check", "../../examples/agreements"}, 0, ""},
		{[]string{"show", "--at", "2026-03-01", "../../examples/agreements/ru-kp-csp-2024.yaml"}, 0, "Verdict: a military alliance."},
		{[]string{"--version"}, 0, "entente"},
		{[]string{"validate", "nowhere"}, 3, "no such file"},
		{[]string{"bogus"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bin, tt.args...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if code := exitCode(err); code != tt.code || !strings.Contains(out.String(), tt.want) {
			t.Errorf("entente %v: exit %d, want %d; output:\n%s", tt.args, code, tt.code, out.String())
		}
	}
}

// TestGitDiffDriver sets up a repository as the README says and checks
// that git diff shows entente's diff for an agreement file.
func TestGitDiffDriver(t *testing.T) {
	needTool(t, "git")
	bin := build(t)
	repo := t.TempDir()
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	copy := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("init", "-q")
	// The set-up the README documents.
	os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.yaml diff=entente\n"), 0o644)
	git("config", "diff.entente.command", bin+" diff")
	copy("../../examples/agreements/ir-ru-csp-2025-announced.yaml", "treaty.yaml")
	git("add", ".")
	git("commit", "-q", "-m", "announced")
	copy("../../examples/agreements/ir-ru-csp-2025.yaml", "treaty.yaml")
	out := git("diff")
	if !strings.Contains(out, "entente diff treaty.yaml") || !strings.Contains(out, "announced-2025-01-16 → signed") {
		t.Errorf("git diff does not show entente's diff:\n%s", out)
	}
	git("commit", "-q", "-am", "signed")
	if log := git("log", "-p", "--ext-diff", "-1"); !strings.Contains(log, "security profile: neutrality: no → yes") {
		t.Errorf("git log -p does not show entente's diff:\n%s", log)
	}

	// The driver never stops git: other YAML beside the agreements gets a
	// line diff, and so does an agreement that does not parse; a rename
	// with an edit passes nine arguments.
	os.WriteFile(filepath.Join(repo, "mkdocs.yml"), []byte("site_name: x\nnav: [a]\n"), 0o644)
	os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.yaml diff=entente\n*.yml diff=entente\n"), 0o644)
	git("add", ".")
	git("commit", "-q", "-m", "other yaml")
	os.WriteFile(filepath.Join(repo, "mkdocs.yml"), []byte("site_name: y\nnav: [a]\n"), 0o644)
	if out := git("diff"); !strings.Contains(out, "-site_name: x") || !strings.Contains(out, "+site_name: y") ||
		strings.Count(out, "mkdocs.yml is not an agreement file") != 1 {
		t.Errorf("a YAML file that is not an agreement: no line diff:\n%s", out)
	}
	git("commit", "-q", "-am", "site name")
	// With the driver on every YAML and JSON file: a workflow, the
	// pre-commit configuration and package.json get line diffs, and a JSON
	// agreement entente's diff.
	os.WriteFile(filepath.Join(repo, ".gitattributes"), []byte("*.yaml diff=entente\n*.yml diff=entente\n*.json diff=entente\n"), 0o644)
	os.MkdirAll(filepath.Join(repo, ".github", "workflows"), 0o755)
	others := map[string]string{
		".github/workflows/ci.yml": "on: push\njobs: {test: {runs-on: ubuntu-latest}}\n",
		".pre-commit-config.yaml":  "repos: []\n",
		"package.json":             "{\"name\": \"site\"}\n",
	}
	for name, text := range others {
		os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644)
	}
	jsonAgreement := `{"format": "entente/v1", "id": "fr-de", "version": {"label": "draft", "stage": "draft"}, "title": "A draft", "kind": "treaty",
"excerpt": true, "parties": [{"id": "fr", "kind": "state", "country": "FR"}, {"id": "de", "kind": "state", "country": "DE"}],
"clauses": [{"id": "art-1", "num": "1", "summary": "What the parties agree."}]}
`
	os.WriteFile(filepath.Join(repo, "fr-de.json"), []byte(jsonAgreement), 0o644)
	git("add", ".")
	git("commit", "-q", "-m", "other files")
	for name, text := range others {
		os.WriteFile(filepath.Join(repo, name), []byte(strings.Replace(text, "\n", " # edited\n", 1)), 0o644)
		if name == "package.json" {
			os.WriteFile(filepath.Join(repo, name), []byte("{\"name\": \"site2\"}\n"), 0o644)
		}
	}
	os.WriteFile(filepath.Join(repo, "fr-de.json"), []byte(strings.Replace(jsonAgreement, `"label": "draft"`, `"label": "draft-2"`, 1)), 0o644)
	out = git("diff")
	for _, want := range []string{"+on: push # edited", "+repos: [] # edited", `+{"name": "site2"}`, "entente diff fr-de.json", "draft → draft-2"} {
		if !strings.Contains(out, want) {
			t.Errorf("git diff over the other files and a JSON agreement: no %q:\n%s", want, out)
		}
	}
	git("checkout", "-q", ".")
	os.WriteFile(filepath.Join(repo, "treaty.yaml"), []byte("format: entente/v1\nid: [unclosed\n"), 0o644)
	if out := git("diff"); !strings.Contains(out, "+id: [unclosed") {
		t.Errorf("an agreement that does not parse: no line diff:\n%s", out)
	}
	git("commit", "-q", "-am", "broken")
	if log := git("log", "-p", "--ext-diff"); !strings.Contains(log, "+id: [unclosed") || !strings.Contains(log, "announced-2025-01-16 → signed") {
		t.Errorf("git log -p over a broken version:\n%s", log)
	}
	copy("../../examples/agreements/ir-ru-csp-2025.yaml", "treaty.yaml")
	git("commit", "-q", "-am", "fixed")
	git("mv", "treaty.yaml", "renamed.yaml")
	data, _ := os.ReadFile(filepath.Join(repo, "renamed.yaml"))
	os.WriteFile(filepath.Join(repo, "renamed.yaml"), bytes.Replace(data, []byte("notice: P1Y"), []byte("notice: P6M"), 1), 0o644)
	git("add", ".")
	if out := git("diff", "--cached", "-M"); !strings.Contains(out, "entente diff renamed.yaml") || !strings.Contains(out, "P1Y → P6M") {
		t.Errorf("git diff -M of a renamed, edited agreement:\n%s", out)
	}
	// What git says beside the text: a rename names the old path, a mode
	// change is shown, a new file's hunk starts at line 0 as GNU diff's.
	if out := git("diff", "--cached", "-M"); !strings.Contains(out, "rename from treaty.yaml") {
		t.Errorf("a rename does not name the old path:\n%s", out)
	}
	os.Chmod(filepath.Join(repo, "renamed.yaml"), 0o755)
	if out := git("diff"); !strings.Contains(out, "old mode 100644\nnew mode 100755") {
		t.Errorf("a mode change is not shown:\n%s", out)
	}
	os.Chmod(filepath.Join(repo, "renamed.yaml"), 0o644)
	os.WriteFile(filepath.Join(repo, "new.yml"), []byte("site_name: new\n"), 0o644)
	git("add", "new.yml")
	if out := git("diff", "--cached", "new.yml"); !strings.Contains(out, "new file mode 100644") || !strings.Contains(out, "--- /dev/null") ||
		!strings.Contains(out, "@@ -0,0 +1,1 @@") {
		t.Errorf("a new file that is not an agreement:\n%s", out)
	}
	git("rm", "-q", "--cached", "new.yml")
	// A version with a problem is still compared, with a note.
	git("commit", "-q", "-m", "renamed")
	data, _ = os.ReadFile(filepath.Join(repo, "renamed.yaml"))
	os.WriteFile(filepath.Join(repo, "renamed.yaml"), bytes.Replace(data, []byte("clauses: [transport]"), []byte("clauses: [transportt]"), 1), 0o644)
	git("commit", "-q", "-am", "a problem")
	if log := git("log", "-p", "--ext-diff", "-1"); !strings.Contains(log, "entente diff renamed.yaml") || !strings.Contains(log, "transportt") ||
		!strings.Contains(log, "note: the new version of renamed.yaml has 1 problem") {
		t.Errorf("git log -p over a version with a problem:\n%s", log)
	}
	// A misspelt word is kept in the model, so the version is compared as
	// an agreement; the notes say which version has problems.
	data, _ = os.ReadFile(filepath.Join(repo, "renamed.yaml"))
	os.WriteFile(filepath.Join(repo, "renamed.yaml"), bytes.Replace(data, []byte("kind: treaty"), []byte("kind: treatyy"), 1), 0o644)
	if out := git("diff"); !strings.Contains(out, "kind: treaty → treatyy") || !strings.Contains(out, "note: the old version of renamed.yaml has 1 problem") ||
		!strings.Contains(out, "note: the new version of renamed.yaml has 2 problems") {
		t.Errorf("a misspelt kind:\n%s", out)
	}
	// A syntax error is an agreement with a mistake, not other YAML.
	os.WriteFile(filepath.Join(repo, "renamed.yaml"), append(bytes.Clone(data), "extra: [open\n"...), 0o644)
	if out := git("diff"); strings.Contains(out, "not an agreement file") || !strings.Contains(out, "is not read as written") ||
		!strings.Contains(out, "+extra: [open") {
		t.Errorf("an agreement with a syntax error:\n%s", out)
	}
	// A file grown past the size limit gets a line diff of the lines
	// that changed, not nothing.
	big := append(bytes.Clone(data), "# "+strings.Repeat("x", 17<<20)+"\n"...)
	os.WriteFile(filepath.Join(repo, "renamed.yaml"), big, 0o644)
	if out := git("diff"); !strings.Contains(out, "+# xxxx") || strings.Count(out, "\n-") > 1 {
		t.Errorf("a file past the size limit: no line diff of the one added line (%d bytes of output)", len(out))
	}
	// A binary file gets git's one line, not its bytes; a deleted
	// agreement lists what goes, without the emptied lists.
	os.WriteFile(filepath.Join(repo, "mkdocs.yml"), []byte("site_name: \x00\x01\n"), 0o644)
	if out := git("diff", "mkdocs.yml"); !strings.Contains(out, "Binary files a/mkdocs.yml and b/mkdocs.yml differ") || strings.Contains(out, "\x00") {
		t.Errorf("a binary file:\n%q", out)
	}
	git("checkout", "-q", ".")
	git("rm", "-q", "renamed.yaml")
	if out := git("diff", "--cached"); !strings.Contains(out, "deleted file mode 100644") || !strings.Contains(out, "parties[ir]: removed") ||
		strings.Contains(out, "removed []") {
		t.Errorf("a deleted agreement:\n%s", out)
	}
}

// TestPreCommitHooks runs the real pre-commit, with the hooks this
// repository publishes, on a scratch repository that holds agreements
// beside other YAML and JSON: the hooks pass on the good files, keep JSON
// as JSON, and fail with a positioned finding on an agreement with a
// mistake. It needs git and pre-commit (CI installs both) and builds the
// hooks as pre-commit does, so -short skips it.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	needTool(t, "git")
	needTool(t, "pre-commit")
	bin := build(t)
	tmp := t.TempDir()
	modcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+tmp, "PRE_COMMIT_HOME="+filepath.Join(tmp, "cache"),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	run := func(dir string, name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(dir string, name string, args ...string) string {
		t.Helper()
		out, err := run(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return out
	}
	write := func(path, text string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// The hook repository: this module's tracked files as they are in the
	// working tree, committed, so pre-commit can clone it at a revision.
	files, err := exec.Command("git", "-C", "../..", "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skip("the module is not a git checkout")
	}
	hooks := filepath.Join(tmp, "hooks")
	for _, name := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			continue // deleted in the working tree
		}
		write(filepath.Join(hooks, name), string(data))
	}
	must(hooks, "git", "init", "-q")
	must(hooks, "git", "add", ".")
	must(hooks, "git", "commit", "-q", "-m", "hooks")
	rev := strings.TrimSpace(must(hooks, "git", "rev-parse", "HEAD"))

	// The user's repository, with the config the README documents.
	repo := filepath.Join(tmp, "repo")
	write(filepath.Join(repo, ".pre-commit-config.yaml"), "repos:\n- repo: "+hooks+"\n  rev: "+rev+
		"\n  hooks: [{id: entente-validate}, {id: entente-fmt}]\n")
	write(filepath.Join(repo, ".github/workflows/ci.yml"), "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n")
	write(filepath.Join(repo, "package.json"), "{\"name\": \"site\", \"private\": true}\n")
	write(filepath.Join(repo, "mkdocs.yml"), "site_name: Agreements\nnav: [index.md]\n")
	treaty, err := os.ReadFile("../../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(repo, "agreements/ir-ru-csp-2025.yaml"), string(treaty))
	jsonAgreement := filepath.Join(repo, "agreements/fr-de.json")
	write(jsonAgreement, `{"format": "entente/v1", "id": "fr-de", "version": {"label": "draft", "stage": "draft"},
"title": "A draft", "kind": "treaty", "excerpt": true,
"parties": [{"id": "fr", "kind": "state", "country": "FR", "roles": ["contracting-party"]},
  {"id": "de", "kind": "state", "country": "DE", "roles": ["contracting-party"]}],
"clauses": [{"id": "art-1", "num": "1", "heading": "Purpose", "summary": "What the parties agree."}]}
`)
	must(repo, bin, "fmt", "-w", jsonAgreement) // canonical already, as an author's editor would leave it
	canonical, _ := os.ReadFile(jsonAgreement)
	must(repo, "git", "init", "-q")
	must(repo, "git", "add", ".")
	must(repo, "git", "commit", "-q", "-m", "start")

	if out, err := run(repo, "pre-commit", "run", "--all-files"); err != nil {
		t.Fatalf("pre-commit run --all-files on good files: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(jsonAgreement); !bytes.Equal(after, canonical) || !json.Valid(after) {
		t.Errorf("the fmt hook changed the JSON agreement:\n%s", after)
	}
	// The hooks install only the command: the examples and the bench
	// programs are modules of their own.
	installed, _ := filepath.Glob(filepath.Join(tmp, "cache", "repo*", "golangenv-*", "bin", "*"))
	var names []string
	for _, p := range installed {
		names = append(names, filepath.Base(p))
	}
	if !reflect.DeepEqual(names, []string{"entente"}) {
		t.Errorf("the hooks installed %v, want only entente", names)
	}

	// A commit that stages only other YAML and JSON passes the hooks: with
	// --skip-other, nothing to check is success.
	write(filepath.Join(repo, "mkdocs.yml"), "site_name: Agreements\nnav: [index.md, about.md]\n")
	write(filepath.Join(repo, "package.json"), "{\"name\": \"site\", \"private\": true, \"version\": \"1.0.0\"}\n")
	must(repo, "pre-commit", "install")
	must(repo, "git", "add", "mkdocs.yml", "package.json")
	if out, err := run(repo, "git", "commit", "-m", "site only"); err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("a commit of other YAML and JSON only, through the hooks: %v\n%s", err, out)
	}

	// A mistake in an agreement fails the hook at its line.
	write(filepath.Join(repo, "agreements/fr-de.yaml"), strings.Replace(string(canonical), `"kind": "treaty"`, `"kind": "treatyy"`, 1))
	must(repo, "git", "add", ".")
	out, err := run(repo, "pre-commit", "run", "--all-files")
	if err == nil || !strings.Contains(out, "agreements/fr-de.yaml:") || !strings.Contains(out, "treatyy") {
		t.Errorf("pre-commit on an agreement with a mistake: %v\n%s", err, out)
	}
}

// TestRegistryDatabase: entente db writes a database Debian's sqlite3
// reads, and answers the README's question from it.
func TestRegistryDatabase(t *testing.T) {
	needTool(t, "sqlite3")
	bin := build(t)
	db := filepath.Join(t.TempDir(), "registry.sqlite")
	if out, err := exec.Command(bin, "db", "-o", db, "--to", "2025", "../../examples/agreements").CombinedOutput(); err != nil {
		t.Fatalf("entente db: %v\n%s", err, out)
	}
	query := `SELECT group_concat(country_from, ' ') FROM (SELECT DISTINCT country_from FROM directed_dyad_years
		WHERE country_to = 'TR' AND year = 1960 AND binding = 1 AND defence = 1 ORDER BY 1);`
	out, err := exec.Command("sqlite3", db, query).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "BE CA DE DK FR GB GR IS IT LU NL NO PT US" {
		t.Errorf("bound to defend Turkey in 1960, by sqlite3: %q", got)
	}
	out, err = exec.Command("sqlite3", db, `SELECT DISTINCT d.defence_clauses, a.defence_conditions FROM directed_dyad_years d
		JOIN agreements a USING (agreement) WHERE d.country_to = 'TR' AND d.year = 1960 AND d.defence = 1;`).CombinedOutput()
	if got := strings.TrimSpace(string(out)); err != nil || got != "art-5|such action as it deems necessary, including the use of armed force" {
		t.Errorf("the clause and its condition, by sqlite3: %v %q", err, got)
	}
	out, err = exec.Command("sqlite3", db, "PRAGMA integrity_check;").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "ok" {
		t.Errorf("integrity_check: %v %s", err, out)
	}
	// The year tables are views of runs: this sqlite3 lays out as many
	// rows as entente table writes.
	for _, name := range []string{"member-years", "dyad-years", "directed-dyad-years", "set-dyad-years"} {
		csv, err := exec.Command(bin, "table", name, "--to", "2025", "../../examples/agreements").Output()
		if err != nil {
			t.Fatalf("entente table %s: %v", name, err)
		}
		out, err := exec.Command("sqlite3", db, "SELECT count(*) FROM "+strings.ReplaceAll(name, "-", "_")+";").CombinedOutput()
		if want := strconv.Itoa(bytes.Count(csv, []byte("\n")) - 1); err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("%s, by sqlite3: %v %q rows, entente table writes %s", name, err, out, want)
		}
	}
	out, err = exec.Command("sqlite3", db, `SELECT agreements, count, defence FROM set_dyad_years WHERE country_a = 'TR' AND country_b = 'US' AND year = 1960;`).CombinedOutput()
	if got := strings.TrimSpace(string(out)); err != nil || got != "nato-1949|1|nato-1949#art-5" {
		t.Errorf("Turkey and the United States in 1960, by sqlite3: %v %q", err, got)
	}
}
