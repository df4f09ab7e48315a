//go:build linux

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
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

// TestFmtMemory: fmt's peak memory above the program's own, on a 4 MB
// agreement, is at most 20 times the file's size. (The YAML library's
// tree of a file is 13 to 17 times its size; the soft memory limit fmt
// sets keeps the collector's headroom small.)
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
		cmd := exec.Command(bin, "fmt", name) // the canonical text, to stdout
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = io.Discard, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("fmt on %d bytes: %v\n%s", len(src), err, stderr.String())
		}
		return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10
	}
	base := peak(corpus.Articles(1))
	large := corpus.Articles(7500)
	got := peak(large) - base
	t.Logf("fmt on %d bytes: %d bytes above the program's %d (%.1f times the file)", len(large), got, base, float64(got)/float64(len(large)))
	if got > 20*int64(len(large)) {
		t.Errorf("fmt took %.1f times the file's size; the bound is 20", float64(got)/float64(len(large)))
	}
}
