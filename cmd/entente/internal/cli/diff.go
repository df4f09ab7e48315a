package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/entente-go/entente/agreement/diff"
	"github.com/entente-go/entente/internal/regular"

	"github.com/entente-go/entente/agreement"
)

// diff compares two versions of an agreement. Besides OLD NEW it takes the
// arguments git passes to an external diff driver (GIT_EXTERNAL_DIFF or a
// diff driver's command): seven (path old-file old-hex old-mode new-file
// new-hex new-mode), or nine for a rename or copy (then new-path and the
// similarity). Run by git it never stops git: a file that is not an
// agreement, or that does not parse, gets a line diff, with a note on
// stderr, and the exit is 0.
//
// Exit codes: 0 the same (or any result under git), 1 they differ (with
// --exit-code), 2 usage, 3 a file could not be read or parsed.
func (c Command) diff(args []string) int {
	fs := c.flags("diff", "diff [--format text|markdown|json] [--exit-code] OLD NEW")
	format := fs.String("format", "text", "output format: text, markdown or json")
	exitCode := fs.Bool("exit-code", false, "exit 1 when the versions differ")
	maxBytes := fs.Int64("max-bytes", agreement.DefaultMaxBytes, "refuse files larger than this, before parsing them; to read larger files, give a larger number")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if *maxBytes < 1 {
		fmt.Fprintf(c.Stderr, "entente diff: --max-bytes %d: the limit cannot be turned off; give a larger number of bytes\n", *maxBytes)
		return ExitUsage
	}
	var oldPath, newPath, oldName, newName string
	git := false
	switch fs.NArg() {
	case 2:
		oldPath, newPath = fs.Arg(0), fs.Arg(1)
		oldName, newName = oldPath, newPath
		if oldPath == "-" && newPath == "-" {
			fmt.Fprintln(c.Stderr, "entente diff: only one side can be the standard input")
			return ExitUsage
		}
	case 7, 9: // git: path old-file old-hex old-mode new-file new-hex new-mode [new-path similarity]
		git = true
		oldName, oldPath, newPath = fs.Arg(0), fs.Arg(1), fs.Arg(4)
		newName = oldName
		if fs.NArg() == 9 {
			newName = fs.Arg(7)
		}
	default:
		fs.Usage()
		return ExitUsage
	}
	if *format != "text" && *format != "markdown" && *format != "json" {
		fs.Usage()
		return ExitUsage
	}
	c.tuneGC(gcDiff)
	// side is one file: its bytes, and the document when it is an
	// agreement that loads.
	type side struct {
		src    []byte
		doc    *agreement.Document
		why    string // why it is not compared as an agreement
		report string // the findings that keep it from being read as written
		fail   bool   // it could not be read at all
	}
	load := func(path, name string) side {
		if path == "/dev/null" { // git: the file is new, or deleted
			return side{doc: &agreement.Document{Name: name, Agreement: &agreement.Agreement{}}}
		}
		var src []byte
		var err error
		if path == "-" && !git {
			src, err = regular.ReadLimited(c.Stdin, "the standard input", *maxBytes)
		} else {
			src, err = regular.ReadFile(path, *maxBytes)
		}
		if err != nil {
			return side{why: err.Error(), fail: true}
		}
		if !agreement.Declares(src) {
			return side{src: src, why: name + " is not an agreement file (its top level declares no format: entente/...)"}
		}
		doc := agreement.Loader{MaxBytes: *maxBytes}.Parse(name, src)
		var b bytes.Buffer
		for _, d := range doc.Diagnostics {
			if d.Rule == agreement.RuleSyntax || strings.HasPrefix(string(d.Rule), "load.") {
				writeText(&b, src, d, false)
			}
		}
		if b.Len() > 0 {
			return side{src: src, report: b.String(), why: name + " is not read as written"}
		}
		return side{src: src, doc: doc}
	}
	var old side
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		old = load(oldPath, oldName)
	}()
	new := load(newPath, newName)
	<-loaded
	if old.doc == nil || new.doc == nil {
		for _, s := range []side{old, new} {
			c.Stderr.Write([]byte(s.report))
			if s.why != "" {
				fmt.Fprintf(c.Stderr, "entente diff: %s\n", s.why)
			}
		}
		if !git {
			return ExitFailure // not an agreement, or not read as written
		}
		if old.fail || new.fail {
			return ExitClean // git shows nothing for this file rather than stopping
		}
		fmt.Fprintln(c.Stderr, "entente diff: showing a line diff")
		writeLineDiff(c.Stdout, oldName, newName, old.src, new.src)
		return ExitClean
	}
	for _, s := range []side{old, new} {
		if n := len(s.doc.Diagnostics.Errors()); n > 0 {
			fmt.Fprintf(c.Stderr, "entente diff: note: %s has %s; run entente validate\n", s.doc.Name, plural(n, "problem"))
		}
	}
	cs := diff.DiffDocuments(old.doc, new.doc)
	if git && *format == "text" {
		fmt.Fprintf(c.Stdout, "entente diff %s\n", newName)
	}
	var err error
	switch *format {
	case "markdown":
		err = cs.WriteMarkdown(c.Stdout)
	case "json":
		err = cs.WriteJSON(c.Stdout)
	default:
		err = cs.WriteText(c.Stdout)
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente diff: %v\n", err)
		return ExitFailure
	}
	if *exitCode && !git && !cs.Empty() {
		return ExitProblems
	}
	return ExitClean
}

// writeLineDiff writes a unified diff of two texts, three lines of context
// around each change.
func writeLineDiff(w io.Writer, oldName, newName string, a, b []byte) {
	type line struct {
		op   byte
		text string
	}
	var lines []line
	for _, o := range diff.Lines(string(a), string(b)) {
		lines = append(lines, line{o.Op[0], o.Text})
	}
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", oldName, newName)
	const context = 3
	for i := 0; i < len(lines); {
		if lines[i].op == '=' {
			i++
			continue
		}
		start := max(0, i-context)
		end := i
		for end < len(lines) {
			if lines[end].op != '=' {
				end++
				continue
			}
			run := end
			for run < len(lines) && lines[run].op == '=' {
				run++
			}
			if run-end > 2*context || run == len(lines) {
				end = min(end+context, len(lines))
				break
			}
			end = run
		}
		oldLine, newLine := 1, 1
		for _, l := range lines[:start] {
			if l.op != '+' {
				oldLine++
			}
			if l.op != '-' {
				newLine++
			}
		}
		oldCount, newCount := 0, 0
		for _, l := range lines[start:end] {
			if l.op != '+' {
				oldCount++
			}
			if l.op != '-' {
				newCount++
			}
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n", oldLine, oldCount, newLine, newCount)
		for _, l := range lines[start:end] {
			text := l.text
			fmt.Fprintf(w, "%c%s", map[byte]byte{'=': ' ', '-': '-', '+': '+'}[l.op], text)
			if !strings.HasSuffix(text, "\n") {
				fmt.Fprint(w, "\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
}
