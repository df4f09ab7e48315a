//go:build linux

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFmtKeepsExtendedAttributes: fmt -w replaces a file by a rename, and
// the new file gets the old one's extended attributes (an ACL is one).
func TestFmtKeepsExtendedAttributes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.yaml")
	// Out of the canonical order, so that fmt -w rewrites it.
	before := "id: x\nformat: entente/v1 # kept\ntitle: T\nkind: treaty\nversion: {label: v, stage: signed}\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n"
	if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Setxattr(file, "user.entente-test", []byte("kept"), 0); err != nil {
		t.Skipf("no user extended attributes here: %v", err)
	}
	if code, _, errOut := run("fmt", "-w", file); code != ExitClean {
		t.Fatalf("fmt -w: exit %d: %s", code, errOut)
	}
	if after, _ := os.ReadFile(file); string(after) == before {
		t.Fatal("fmt -w did not rewrite the file: the test proves nothing")
	}
	value := make([]byte, 16)
	n, err := syscall.Getxattr(file, "user.entente-test", value)
	if err != nil || string(value[:n]) != "kept" {
		t.Errorf("the attribute after fmt -w: %q, %v", value[:n], err)
	}
}

// TestFmtRefusesAnotherUsersFile: a user who owns the folder but not the
// file (root's, mode 0644) cannot have fmt -w replace it and so take it
// over; run as root, the test runs fmt as nobody.
func TestFmtRefusesAnotherUsersFile(t *testing.T) {
	if os.Getenv("ENTENTE_FMT_AS_NOBODY") != "" {
		os.Exit(Command{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}.Main([]string{"entente", "fmt", "-w", os.Getenv("ENTENTE_FMT_AS_NOBODY")}))
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root, to make a file another user's")
	}
	const nobody = 65534
	dir := t.TempDir()
	if err := os.Chmod(filepath.Dir(dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dir, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(file, []byte("format: entente/v1\nid: x\ntitle: T\nkind: treaty\nversion: {label: v, stage: signed}\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The test binary, where nobody may run it.
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(t.TempDir(), "cli.test")
	copyFile(t, self, exe)
	if err := os.Chmod(exe, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(exe), filepath.Dir(filepath.Dir(exe))} { // the test's own folders
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(exe, "-test.run=^TestFmtRefusesAnotherUsersFile$")
	cmd.Env = append(os.Environ(), "ENTENTE_FMT_AS_NOBODY="+file)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "not writable by you") {
		t.Errorf("fmt -w as nobody on root's file: %v\n%s", err, out)
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if st := info.Sys().(*syscall.Stat_t); st.Uid != 0 {
		t.Errorf("the file now belongs to uid %d", st.Uid)
	}
}
