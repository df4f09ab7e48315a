package cli

import (
	"bytes"
	"cmp"
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
// new-hex new-mode), nine for a rename or copy (then new-path and git's
// header lines), or one for an unmerged path. Run by git it never stops
// git and never leaves a change out: a file that is not an agreement, or
// is not read as written, gets a line diff (with a note on stderr), a
// binary file git's one line, and the exit is 0.
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
	var g gitArgs
	switch n := fs.NArg(); {
	case n == 2:
		oldPath, newPath = fs.Arg(0), fs.Arg(1)
		oldName, newName = oldPath, newPath
		if oldPath == "-" && newPath == "-" {
			fmt.Fprintln(c.Stderr, "entente diff: only one side can be the standard input")
			return ExitUsage
		}
	case n == 7 || n == 9: // git: path old-file old-hex old-mode new-file new-hex new-mode [new-path header]
		g = gitArgs{on: true, oldMode: fs.Arg(3), newMode: fs.Arg(6)}
		oldName, oldPath, newPath = fs.Arg(0), fs.Arg(1), fs.Arg(4)
		newName = oldName
		if n == 9 {
			newName, g.header = fs.Arg(7), fs.Arg(8)
		}
	case n == 1 && c.getenv("GIT_DIFF_PATH_TOTAL") != "":
		// git passes one argument for a path with unresolved conflicts.
		fmt.Fprintf(c.Stdout, "* Unmerged path %s\n", fs.Arg(0))
		return ExitClean
	default:
		fs.Usage()
		return ExitUsage
	}
	if *format != "text" && *format != "markdown" && *format != "json" {
		fs.Usage()
		return ExitUsage
	}
	c.tuneGC(gcDiff)
	readLimit := *maxBytes
	if g.on {
		// Under git a file too large to compare still gets a line diff.
		readLimit = max(readLimit, gitLineDiffMaxBytes)
	}
	load := func(path, name string) diffSide {
		if path == "/dev/null" { // git: the file is new, or deleted
			return diffSide{absent: true, doc: &agreement.Document{Name: name, Agreement: &agreement.Agreement{}}}
		}
		var src []byte
		var err error
		if path == "-" && !g.on {
			src, err = regular.ReadLimited(c.Stdin, "the standard input", *maxBytes)
		} else {
			src, err = regular.ReadFile(path, readLimit)
		}
		if err != nil {
			return diffSide{why: err.Error(), fail: true}
		}
		if g.on && binary(src) {
			return diffSide{src: src, binary: true}
		}
		doc := agreement.Loader{MaxBytes: *maxBytes}.Parse(name, src)
		if !doc.IsAgreement() {
			return diffSide{src: src, why: name + " is not an agreement file (its top level declares no format: entente/...)"}
		}
		if !doc.ReadAsWritten() {
			var b bytes.Buffer
			for _, d := range doc.Diagnostics {
				if d.Rule == agreement.RuleSyntax || strings.HasPrefix(string(d.Rule), "load.") {
					writeText(&b, src, d, c.paints(fs, true))
				}
			}
			return diffSide{src: src, report: b.String(), why: name + " is not read as written"}
		}
		return diffSide{src: src, doc: doc}
	}
	var old diffSide
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		old = load(oldPath, oldName)
	}()
	new := load(newPath, newName)
	<-loaded
	if g.on && *format == "text" {
		fmt.Fprintf(c.Stdout, "entente diff %s\n", newName)
		g.writeHeader(c.Stdout, old.absent, new.absent)
	}
	if old.doc == nil || new.doc == nil {
		said := map[string]bool{}
		for _, s := range []diffSide{old, new} {
			c.Stderr.Write([]byte(s.report))
			if s.why != "" && !said[s.why] {
				said[s.why] = true
				fmt.Fprintf(c.Stderr, "entente diff: %s\n", s.why)
			}
		}
		if !g.on {
			return ExitFailure // not an agreement, or not read as written
		}
		switch {
		case old.fail || new.fail:
			fmt.Fprintf(c.Stdout, "Files a/%s and b/%s differ (not shown: %s)\n", oldName, newName, cmp.Or(old.why, new.why))
		case old.binary || new.binary:
			fmt.Fprintf(c.Stdout, "Binary files %s and %s differ\n", gitSide("a", oldName, old.absent), gitSide("b", newName, new.absent))
		default:
			fmt.Fprintln(c.Stderr, "entente diff: showing a line diff")
			writeLineDiff(c.Stdout, gitSide("a", oldName, old.absent), gitSide("b", newName, new.absent), old.src, new.src)
		}
		return ExitClean
	}
	for i, s := range []diffSide{old, new} {
		if n := len(s.doc.Diagnostics.Errors()); n > 0 {
			which := s.doc.Name
			if oldName == newName { // git's two versions of one file
				which = []string{"the old version of ", "the new version of "}[i] + which
			}
			fmt.Fprintf(c.Stderr, "entente diff: note: %s has %s; run entente validate\n", which, plural(n, "problem"))
		}
	}
	cs := diff.DiffDocuments(old.doc, new.doc)
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
	if *exitCode && !g.on && !cs.Empty() {
		return ExitProblems
	}
	return ExitClean
}

// gitLineDiffMaxBytes is the largest file the git driver reads for a line
// diff when it is too large to compare as an agreement.
const gitLineDiffMaxBytes = 256 << 20

// diffSide is one file of a diff: its bytes, and the document when it is
// an agreement read as written.
type diffSide struct {
	src    []byte
	doc    *agreement.Document
	absent bool   // git: the file is new (this is the old side) or deleted
	binary bool   // git: the file holds a NUL byte
	why    string // why it is not compared as an agreement
	report string // the findings that keep it from being read as written
	fail   bool   // it could not be read at all
}

// gitArgs is what git says of a file beyond its two versions.
type gitArgs struct {
	on               bool   // run by git
	oldMode, newMode string // octal, or "." for a side that is absent
	header           string // for a rename or copy: git's lines (similarity, rename from, rename to, index)
}

// writeHeader writes the lines git writes above a file's diff that the
// versions' texts do not show: a rename, a new or deleted file, a mode
// change.
func (g gitArgs) writeHeader(w io.Writer, oldAbsent, newAbsent bool) {
	for _, line := range strings.Split(strings.TrimRight(g.header, "\n"), "\n") {
		if strings.HasPrefix(line, "similarity index ") || strings.HasPrefix(line, "rename ") ||
			strings.HasPrefix(line, "copy ") || strings.HasPrefix(line, "dissimilarity index ") {
			fmt.Fprintln(w, line)
		}
	}
	switch {
	case oldAbsent:
		fmt.Fprintf(w, "new file mode %s\n", g.newMode)
	case newAbsent:
		fmt.Fprintf(w, "deleted file mode %s\n", g.oldMode)
	case g.oldMode != g.newMode:
		fmt.Fprintf(w, "old mode %s\nnew mode %s\n", g.oldMode, g.newMode)
	}
}

// gitSide names one side of a line diff as git does: a/NAME, or /dev/null
// for a file that is not there.
func gitSide(prefix, name string, absent bool) string {
	if absent {
		return "/dev/null"
	}
	return prefix + "/" + name
}

// binary reports whether a file is binary by git's test: a NUL byte in its
// first 8,000 bytes.
func binary(src []byte) bool {
	return bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0
}

// writeLineDiff writes a unified diff of two texts, three lines of context
// around each change; the names are written as given (a/x.yaml, or
// /dev/null).
func writeLineDiff(w io.Writer, oldName, newName string, a, b []byte) {
	type line struct {
		op   byte
		text string
	}
	var lines []line
	for _, o := range diff.Lines(string(a), string(b)) {
		lines = append(lines, line{o.Op[0], o.Text})
	}
	fmt.Fprintf(w, "--- %s\n+++ %s\n", oldName, newName)
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
		if oldCount == 0 { // GNU diff names the line before an insertion
			oldLine--
		}
		if newCount == 0 {
			newLine--
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
