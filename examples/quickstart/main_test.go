package main

import (
	"bytes"
	"go/format"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADME checks that the README's quick start is the body of run, as
// gofmt writes both, and that run prints what the README says.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Quick start in Go\n\n```go\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("the README has no quick start in Go")
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile("(?s)func run\\(\\) error \\{\n(.*)\treturn nil\n\\}").FindSubmatch(src)
	if body == nil {
		t.Fatal("main.go has no func run")
	}
	want := formatBody(t, string(body[1]))
	if got := formatBody(t, string(m[1])); got != want {
		t.Errorf("the README's quick start is not the body of run in main.go:\nREADME:\n%s\nmain.go:\n%s", got, want)
	}

	t.Chdir("..")
	out := capture(t, func() {
		if err := run(); err != nil {
			t.Fatal(err)
		}
	})
	if out != "in-force 2044-10-01 false\n" {
		t.Errorf("run printed %q", out)
	}
}

// formatBody puts statements in a function and formats them, so that two
// spellings of one body compare equal.
func formatBody(t *testing.T, stmts string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(stmts), "\n") {
		b.WriteString("\t" + strings.TrimPrefix(line, "\t") + "\n")
	}
	out, err := format.Source([]byte("package p\n\nfunc run() error {\n" + b.String() + "}\n"))
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return string(out)
}

func capture(t *testing.T, f func()) string {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan []byte)
	go func() {
		var buf bytes.Buffer
		io.Copy(&buf, r)
		done <- buf.Bytes()
	}()
	f()
	w.Close()
	os.Stdout = stdout
	return string(<-done)
}
