//go:build linux

// The memory tests measure the peak of the command with GNU time (CI
// installs it).

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente-go/entente/internal/corpus"
)

// TestValidateMemoryPerFile: validate holds of each file only what the
// rules across files need, and reads a file with findings again to print
// them, so its memory grows by little per file even when every file has
// a finding. It runs the command on 2,000 and on 8,000 small files, each
// with an unknown key, and bounds the growth of its peak resident memory
// per file (measured with GOGC=100, so that the collector's headroom
// does not hide what is held). Holding every file's findings and text,
// as validate did, grew by about 4.5 KB a file; the bound is 2 KB.
func TestValidateMemoryPerFile(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := build(t)
	dir := t.TempDir()
	peak := func(n int) int64 {
		return validatePeak(t, bin, filepath.Join(dir, fmt.Sprint(n)), n, "GOGC=100")
	}
	a, b := peak(2000), peak(8000)
	perFile := float64(b-a) * 1024 / 6000
	t.Logf("peak resident memory: %d KiB for 2,000 files, %d KiB for 8,000: %.0f bytes a file", a, b, perFile)
	if perFile > 2048 {
		t.Errorf("validate's memory grows by %.0f bytes a file; the bound is 2,048", perFile)
	}
}

// TestValidate50000Files: the run the reliability issue measured, 50,000
// small files each with a finding, as the command runs by default. It
// took 463 to 493 MB when validate held every file's findings and text,
// and 234 to 241 MB since; the bound is 320 MB.
func TestValidate50000Files(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := build(t)
	kib := validatePeak(t, bin, filepath.Join(t.TempDir(), "files"), 50_000)
	t.Logf("peak resident memory: %d KiB", kib)
	if kib > 320<<10 {
		t.Errorf("validate on 50,000 files took %d MiB; the bound is 320", kib>>10)
	}
}

// validatePeak writes n small agreements, each with an unknown key, into
// dir, runs validate on it with env added, checks that it found the n
// faults, and returns its peak resident memory in KiB.
func validatePeak(t *testing.T, bin, dir string, n int, env ...string) int64 {
	t.Helper()
	const small = `format: entente/v1
id: pact-%d
version: {label: signed, stage: signed, date: 2020-01-01}
title: A small pact
kind: treaty
parties:
  - {id: a, kind: state, country: FR}
  - {id: b, kind: state, country: DE}
clauses:
  - id: art-1
    num: "1"
    sumary: The parties consult.
`
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%05d.yaml", i)), []byte(fmt.Sprintf(small, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out strings.Builder
	kib, code := peakOf(t, &out, env, bin, "validate", dir)
	if code != 1 {
		t.Fatalf("validate on %d files: exit %d", n, code)
	}
	if got := strings.Count(out.String(), "unknown field"); got != n {
		t.Fatalf("%d findings for %d files", got, n)
	}
	return kib
}

// peakOf runs a command under GNU time and returns its peak resident
// memory in KiB and its exit code. (The command's own ru_maxrss, as
// os/exec reports it, counts the memory it shares with the test process
// until it execs, and so can show the test's peak instead of its own;
// time, a small process, starts it afresh.)
func peakOf(t *testing.T, stdout io.Writer, env []string, args ...string) (kib int64, code int) {
	t.Helper()
	needTool(t, "/usr/bin/time")
	report := filepath.Join(t.TempDir(), "time")
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", report}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	code = exitCode(cmd.Run())
	text, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	kib, err = strconv.ParseInt(lines[len(lines)-1], 10, 64)
	if err != nil {
		t.Fatalf("time wrote %q", text)
	}
	return kib, code
}

// TestFmtMemory: fmt's peak memory above the program's own, on a 4 MB
// agreement, is at most 20 times the file's size. (The YAML library's
// tree of a file is 13 to 17 times its size; the soft memory limit fmt
// sets keeps the collector's headroom small.) A peak is noisy only
// upwards — a collection that starts late, another process's pressure —
// so each size is run three times on one core (GOMAXPROCS=1, so that the
// collector's timing does not depend on a second core being free) and
// the least peak is the figure: it once read 21.4 times in a full run
// from a single measure, and the least of three is the one the code
// decides.
func TestFmtMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	bin := build(t)
	dir := t.TempDir()
	peak := func(src []byte) int64 {
		name := filepath.Join(dir, fmt.Sprintf("a%d.yaml", len(src)))
		if err := os.WriteFile(name, src, 0o644); err != nil {
			t.Fatal(err)
		}
		least := int64(-1)
		var all []int64
		for range 3 {
			kib, code := peakOf(t, io.Discard, []string{"GOMAXPROCS=1"}, bin, "fmt", name) // the canonical text, to stdout
			if code != 0 {
				t.Fatalf("fmt on %d bytes: exit %d", len(src), code)
			}
			all = append(all, kib)
			if least < 0 || kib < least {
				least = kib
			}
		}
		t.Logf("fmt on %d bytes: peaks %v KiB", len(src), all)
		return least << 10
	}
	base := peak(corpus.Articles(1))
	large := corpus.Articles(7500)
	got := peak(large) - base
	t.Logf("fmt on %d bytes: %d bytes above the program's %d (%.1f times the file)", len(large), got, base, float64(got)/float64(len(large)))
	if got > 20*int64(len(large)) {
		t.Errorf("fmt took %.1f times the file's size; the bound is 20", float64(got)/float64(len(large)))
	}
}
