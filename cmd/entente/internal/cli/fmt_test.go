package cli

import (
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
