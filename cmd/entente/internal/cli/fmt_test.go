package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFmt(t *testing.T) {
	dir := t.TempDir()
	messy := filepath.Join(dir, "messy.yaml")
	copyFile(t, "../../../../agreement/testdata/fmt/messy.yaml", messy)
	broken := filepath.Join(dir, "broken.yaml")
	copyFile(t, "../../../../agreement/testdata/err/misspelt-field.yaml", broken)

	if code, out, _ := run("fmt", "--check", "../../../../examples/agreements"); code != ExitClean || out != "" {
		t.Errorf("fmt --check on the examples: exit %d, %q", code, out)
	}
	if code, out, _ := run("fmt", "--check", messy); code != ExitProblems || strings.TrimSpace(out) != messy {
		t.Errorf("fmt --check on a messy file: exit %d, %q", code, out)
	}
	code, printed, _ := run("fmt", messy)
	if code != ExitClean {
		t.Fatalf("fmt: exit %d", code)
	}
	if code, _, _ := run("fmt", "-w", messy); code != ExitClean {
		t.Fatalf("fmt -w: exit %d", code)
	}
	written, _ := os.ReadFile(messy)
	if string(written) != printed {
		t.Error("fmt -w wrote something other than fmt prints")
	}
	if code, _, _ := run("fmt", "--check", messy); code != ExitClean {
		t.Error("after fmt -w, fmt --check still fails")
	}
	before, _ := os.ReadFile(broken)
	if code, _, errOut := run("fmt", "-w", broken); code != ExitProblems || !strings.Contains(errOut, "load.unknown-field") {
		t.Errorf("fmt -w on a broken file: exit %d, %s", code, errOut)
	}
	if after, _ := os.ReadFile(broken); string(after) != string(before) {
		t.Error("fmt -w changed a file it refused to format")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if code, _, _ := run("fmt", "-w", "--check", messy); code != ExitUsage {
		t.Errorf("-w with --check: exit %d, want %d", code, ExitUsage)
	}
}

// TestFmtReadOnlyDirectory: when the temporary file cannot be made, the
// original is left as it was and the command fails.
// TestFmtLeavesOtherFiles: fmt never rewrites YAML or JSON that is not an
// agreement. A folder's other files are left out; one named is refused
// (exit 1) unless --skip-other, which the pre-commit hook passes.
func TestFmtLeavesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	workflow := filepath.Join(dir, "ci.yml")
	pkg := filepath.Join(dir, "package.json")
	os.WriteFile(workflow, []byte("on:   push\njobs: {}\n"), 0o644)
	// A workflow that runs entente names it, and is still not an agreement.
	os.WriteFile(filepath.Join(dir, "check.yml"), []byte("steps:\n  - run: go run github.com/entente-go/entente/cmd/entente@latest validate .\n"), 0o644)
	os.WriteFile(pkg, []byte(`{"name":"site"}`+"\n"), 0o644)
	messy := filepath.Join(dir, "messy.yaml")
	copyFile(t, "../../../../agreement/testdata/fmt/messy.yaml", messy)
	tests := []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"fmt", "-w", dir}, ExitClean, ""},
		{[]string{"fmt", "-w", workflow}, ExitProblems, "ci.yml is not an agreement"},
		{[]string{"fmt", "-w", pkg, messy}, ExitProblems, "package.json is not an agreement"},
		{[]string{"fmt", "-w", "--skip-other", workflow, pkg, messy}, ExitClean, ""},
		{[]string{"fmt", "--check", "--skip-other", workflow, pkg, messy}, ExitClean, ""},
	}
	for _, tt := range tests {
		code, _, errOut := run(tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || (tt.want == "" && errOut != "") {
			t.Errorf("entente %v: exit %d, want %d; stderr:\n%s", tt.args, code, tt.code, errOut)
		}
	}
	if data, _ := os.ReadFile(workflow); string(data) != "on:   push\njobs: {}\n" {
		t.Errorf("fmt changed a workflow: %q", data)
	}
	if data, _ := os.ReadFile(pkg); string(data) != `{"name":"site"}`+"\n" {
		t.Errorf("fmt changed package.json: %q", data)
	}
}

func TestFmtReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories")
	}
	dir := t.TempDir()
	messy := filepath.Join(dir, "messy.yaml")
	copyFile(t, "../../../../agreement/testdata/fmt/messy.yaml", messy)
	before, _ := os.ReadFile(messy)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if code, _, _ := run("fmt", "-w", messy); code != ExitFailure {
		t.Errorf("exit %d, want %d", code, ExitFailure)
	}
	if after, _ := os.ReadFile(messy); string(after) != string(before) {
		t.Error("the original changed")
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "new.yaml")
	if code, _, errOut := run("new", "--kind", "memorandum", "--parties", "IR,RU,KP", file); code != ExitClean {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(file)
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=https://") {
		t.Errorf("no schema comment:\n%s", data)
	}
	if code, out, errOut := run("validate", file); code != ExitClean || out != "" {
		t.Errorf("the skeleton does not validate clean: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := run("fmt", "--check", file); code != ExitClean {
		t.Error("the skeleton is not formatted")
	}
	if code, _, _ := run("new", file); code != ExitFailure {
		t.Errorf("new over an existing file: exit %d, want %d", code, ExitFailure)
	}
	for _, args := range [][]string{{"new"}, {"new", "--kind", "pact", filepath.Join(dir, "x.yaml")}, {"new", "--parties", "XX", filepath.Join(dir, "y.yaml")}} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

// fullDisk is a temporary file on a disk that fills up after a few bytes.
type fullDisk struct {
	*os.File
	room int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.File.Write(p[:f.room])
		f.room = 0
		return n, syscall.ENOSPC
	}
	f.room -= len(p)
	return f.File.Write(p)
}

// failingWrite copies the messy example into a temporary folder and makes
// fmt -w create its temporary file with create; it returns the copy and
// its bytes.
func failingWrite(t *testing.T, create func(dir, pattern string) (tempFile, error)) (path string, before []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "messy.yaml")
	copyFile(t, "../../../../agreement/testdata/fmt/messy.yaml", path)
	before, _ = os.ReadFile(path)
	saved := createTemp
	t.Cleanup(func() { createTemp = saved })
	createTemp = create
	return path, before
}

// TestFmtFullDisk: when the disk fills up while writing, the original is
// untouched, no temporary file is left, and the command fails.
func TestFmtFullDisk(t *testing.T) {
	messy, before := failingWrite(t, func(dir, pattern string) (tempFile, error) {
		f, err := os.CreateTemp(dir, pattern)
		if err != nil {
			return nil, err
		}
		return &fullDisk{File: f, room: 64}, nil
	})
	code, _, errOut := run("fmt", "-w", messy)
	if code != ExitFailure || !strings.Contains(errOut, "no space left") {
		t.Errorf("exit %d, %q; want %d and the error", code, errOut, ExitFailure)
	}
	if after, _ := os.ReadFile(messy); string(after) != string(before) {
		t.Error("the original changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(messy)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestFmtCannotCreateTemp: when no temporary file can be made (a
// read-only folder, as root cannot be shown one), the original stays.
func TestFmtCannotCreateTemp(t *testing.T) {
	messy, before := failingWrite(t, func(dir, pattern string) (tempFile, error) {
		return nil, &os.PathError{Op: "open", Path: dir, Err: syscall.EACCES}
	})
	if code, _, errOut := run("fmt", "-w", messy); code != ExitFailure || !strings.Contains(errOut, "permission denied") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(messy); string(after) != string(before) {
		t.Error("the original changed")
	}
}

// TestFmtRespectsTheFile: fmt -w rewrites the target of a symbolic link
// and leaves the link a link; keeps the mode, setuid included; refuses a
// read-only file and one with other hard links; keeps JSON as JSON; and
// refuses a file whose values it would re-type.
func TestFmtRespectsTheFile(t *testing.T) {
	dir := t.TempDir()
	messy := func(name string) string {
		p := filepath.Join(dir, name)
		copyFile(t, "../../../../agreement/testdata/fmt/messy.yaml", p)
		return p
	}
	formatted := func(p string) bool {
		code, _, _ := run("fmt", "--check", p)
		return code == ExitClean
	}

	target := messy("target.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink("target.yaml", link); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("fmt", "-w", link); code != ExitClean {
		t.Fatalf("fmt -w LINK: exit %d: %s", code, errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link is no longer a link")
	}
	if !formatted(target) {
		t.Error("the link's target was not formatted")
	}

	setuid := messy("setuid.yaml")
	if err := os.Chmod(setuid, 0o750|os.ModeSetuid); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("fmt", "-w", setuid); code != ExitClean {
		t.Fatalf("fmt -w on a 4750 file: exit %d: %s", code, errOut)
	}
	if fi, _ := os.Stat(setuid); fi.Mode()&(os.ModePerm|os.ModeSetuid) != 0o750|os.ModeSetuid {
		t.Errorf("mode after fmt -w: %v, want -rwsr-x---", fi.Mode())
	}

	if os.Getuid() == 0 { // only root may give a file to another user
		owned := messy("owned.yaml")
		if err := os.Chown(owned, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := run("fmt", "-w", owned); code != ExitClean {
			t.Fatalf("fmt -w on a file of another owner: exit %d: %s", code, errOut)
		}
		fi, _ := os.Stat(owned)
		if st := fi.Sys().(*syscall.Stat_t); st.Uid != 65534 || st.Gid != 65534 {
			t.Errorf("owner after fmt -w: %d:%d, want 65534:65534", st.Uid, st.Gid)
		}
	}

	readOnly := messy("read-only.yaml")
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(readOnly)
	if code, _, errOut := run("fmt", "-w", readOnly); code != ExitFailure || !strings.Contains(errOut, "read-only") {
		t.Errorf("fmt -w on a read-only file: exit %d: %s", code, errOut)
	}
	if after, _ := os.ReadFile(readOnly); string(after) != string(before) {
		t.Error("a read-only file was rewritten")
	}

	linked := messy("linked.yaml")
	other := filepath.Join(dir, "other-name.yaml")
	if err := os.Link(linked, other); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("fmt", "-w", linked); code != ExitFailure || !strings.Contains(errOut, "hard links") {
		t.Errorf("fmt -w on a hard-linked file: exit %d: %s", code, errOut)
	}

	jsonFile := filepath.Join(dir, "agreement.json")
	if err := os.WriteFile(jsonFile, []byte(`{"format": "entente/v1", "id": "j", "version": {"label": "v", "stage": "draft"}, "title": "T", "kind": "treaty", "parties": [{"id": "a", "kind": "state", "country": "IR"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("fmt", "-w", jsonFile); code != ExitClean {
		t.Fatalf("fmt -w on JSON: exit %d: %s", code, errOut)
	}
	written, _ := os.ReadFile(jsonFile)
	if !json.Valid(written) || !strings.HasPrefix(string(written), "{\n") {
		t.Errorf("JSON is no longer JSON:\n%s", written)
	}
	if !formatted(jsonFile) {
		t.Error("fmt of its own JSON output is not idempotent")
	}

	retyped := filepath.Join(dir, "retyped.yaml")
	src := "format: entente/v1\nid: r\nversion: {label: v, stage: draft}\ntitle: T\nkind: treaty\nexcerpt: \"true\"\nparties: [{id: a, kind: state, country: IR}]\n"
	if err := os.WriteFile(retyped, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("fmt", "-w", retyped); code != ExitProblems || !strings.Contains(errOut, "schema.type") {
		t.Errorf(`fmt -w with excerpt: "true": exit %d: %s`, code, errOut)
	}
	if after, _ := os.ReadFile(retyped); string(after) != src {
		t.Error(`fmt changed "true" into a boolean`)
	}
}

// TestLimitsCannotBeTurnedOff: --max-bytes takes a number of bytes, and
// no number turns the limit off; fmt refuses a file over the limit before
// reading it.
func TestLimitsCannotBeTurnedOff(t *testing.T) {
	for _, args := range [][]string{
		{"validate", "--max-bytes", "-1", "../../../../examples/agreements"},
		{"validate", "--max-bytes", "0", "../../../../examples/agreements"},
		{"diff", "--max-bytes", "-1", "../../../../examples/agreements/ir-ru-csp-2025-announced.yaml", "../../../../examples/agreements/ir-ru-csp-2025.yaml"},
	} {
		if code, _, errOut := run(args...); code != ExitUsage || !strings.Contains(errOut, "cannot be turned off") {
			t.Errorf("%v: exit %d: %s", args, code, errOut)
		}
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // 200 MB of nothing, sparse
		t.Fatal(err)
	}
	f.Close()
	if code, _, errOut := run("fmt", big); code != ExitFailure || !strings.Contains(errOut, "over the limit") {
		t.Errorf("fmt on a 200 MB file: exit %d: %s", code, errOut)
	}
	if code, _, errOut := run("fmt", "/dev/zero"); code != ExitFailure || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("fmt /dev/zero: exit %d: %s", code, errOut)
	}
}
