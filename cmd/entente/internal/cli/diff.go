package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/entente-go/entente/agreement/diff"

	"github.com/entente-go/entente/agreement"
)

// diff compares two versions of an agreement. Besides OLD NEW it takes the
// seven arguments git passes to an external diff driver (GIT_EXTERNAL_DIFF
// or a diff driver's command): path old-file old-hex old-mode new-file
// new-hex new-mode.
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
	var oldPath, newPath, name string
	switch fs.NArg() {
	case 2:
		oldPath, newPath = fs.Arg(0), fs.Arg(1)
	case 7: // git: path old-file old-hex old-mode new-file new-hex new-mode
		name, oldPath, newPath = fs.Arg(0), fs.Arg(1), fs.Arg(4)
	default:
		fs.Usage()
		return ExitUsage
	}
	if *format != "text" && *format != "markdown" && *format != "json" {
		fs.Usage()
		return ExitUsage
	}
	c.tuneGC(gcDiff)
	load := func(path string, stderr io.Writer) (*agreement.Document, int) {
		if path == "/dev/null" { // git: the file is new, or deleted
			return &agreement.Document{Name: path, Agreement: &agreement.Agreement{}}, ExitClean
		}
		doc, err := agreement.Loader{MaxBytes: *maxBytes}.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "entente diff: %v\n", err)
			return nil, ExitFailure
		}
		if doc.Diagnostics.HasErrors() {
			for _, d := range doc.Diagnostics.Errors() {
				writeText(stderr, doc.Source, d, false)
			}
			fmt.Fprintf(stderr, "entente diff: %s has errors\n", path)
			return nil, ExitProblems
		}
		return doc, ExitClean
	}
	// The two files load side by side; their errors are written in order.
	var old *agreement.Document
	var oldCode int
	var oldErr, newErr bytes.Buffer
	loaded := make(chan struct{})
	go func() {
		defer close(loaded)
		old, oldCode = load(oldPath, &oldErr)
	}()
	new, newCode := load(newPath, &newErr)
	<-loaded
	c.Stderr.Write(oldErr.Bytes())
	c.Stderr.Write(newErr.Bytes())
	if old == nil {
		return oldCode
	}
	if new == nil {
		return newCode
	}
	cs := diff.DiffDocuments(old, new)
	if name != "" && *format == "text" {
		fmt.Fprintf(c.Stdout, "entente diff %s\n", name)
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
	if *exitCode && !cs.Empty() {
		return ExitProblems
	}
	return ExitClean
}
