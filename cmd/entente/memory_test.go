//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
	peak := func(n int) int64 {
		sub := filepath.Join(dir, fmt.Sprint(n))
		os.Mkdir(sub, 0o755)
		for i := range n {
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("p%05d.yaml", i)), []byte(fmt.Sprintf(small, i)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(bin, "validate", sub)
		cmd.Env = append(os.Environ(), "GOGC=100")
		var out strings.Builder
		cmd.Stdout = &out
		if err := cmd.Run(); exitCode(err) != 1 {
			t.Fatalf("validate on %d files: %v", n, err)
		}
		if got := strings.Count(out.String(), "unknown field"); got != n {
			t.Fatalf("%d findings for %d files", got, n)
		}
		return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	}
	a, b := peak(2000), peak(8000)
	perFile := float64(b-a) * 1024 / 6000
	t.Logf("peak resident memory: %d KiB for 2,000 files, %d KiB for 8,000: %.0f bytes a file", a, b, perFile)
	if perFile > 2048 {
		t.Errorf("validate's memory grows by %.0f bytes a file; the bound is 2,048", perFile)
	}
}
