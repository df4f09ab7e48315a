package cli

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/entente-go/entente/agreement"
)

func (c Command) validate(args []string) int {
	fs := c.flags("validate", "validate [flags] PATH...")
	jobs := fs.Int("j", runtime.NumCPU(), "files to validate at once")
	warnAsErr := fs.Bool("warnings-as-errors", false, "fail the run on warnings too")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(c.Stderr, "entente validate: no PATH given")
		fs.Usage()
		return ExitUsage
	}
	if *jobs < 1 {
		fmt.Fprintln(c.Stderr, "entente validate: -j must be at least 1")
		return ExitUsage
	}
	files, err := expand(fs.Args())
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
		return ExitFailure
	}
	docs, err := loadAll(files, *jobs)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
		return ExitFailure
	}
	agreement.NewSet(docs...) // the rules across files
	var errs, warns int
	for _, doc := range docs {
		for _, d := range doc.Diagnostics {
			writeText(c.Stdout, doc.Source, d)
			if d.Severity == agreement.Error {
				errs++
			} else {
				warns++
			}
		}
	}
	fmt.Fprintf(c.Stderr, "%s checked: %s, %s\n", plural(len(docs), "file"), plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 || (*warnAsErr && warns > 0) {
		return ExitProblems
	}
	return ExitClean
}

// expand turns the command line's paths into a sorted list of files:
// files as given, directories searched for agreement files, and globs.
func expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		matches := []string{p}
		if strings.ContainsAny(p, "*?[") {
			m, err := filepath.Glob(p)
			if err != nil {
				return nil, fmt.Errorf("bad pattern %q: %v", p, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("%s: no file matches", p)
			}
			matches = m
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				return nil, err
			}
			if !info.IsDir() {
				files = append(files, m)
				continue
			}
			err = filepath.WalkDir(m, func(name string, e fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if !e.IsDir() && agreement.IsAgreementFile(name) {
					files = append(files, name)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// loadAll loads the files on up to jobs goroutines and returns the
// documents in the order of files, whatever order they finish in.
func loadAll(files []string, jobs int) ([]*agreement.Document, error) {
	docs := make([]*agreement.Document, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, len(files)) {
		wg.Go(func() {
			for i := range next {
				docs[i], errs[i] = agreement.ReadFile(files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// writeText prints a diagnostic as file:line:col: message [rule], then
// the hint, the offending line and a caret under the column.
func writeText(w io.Writer, src []byte, d agreement.Diagnostic) {
	fmt.Fprintln(w, d)
	if d.Hint != "" {
		fmt.Fprintf(w, "  hint: %s\n", d.Hint)
	}
	line, ok := sourceLine(src, d.Line)
	if !ok {
		return
	}
	prefix := fmt.Sprintf("%5d | ", d.Line)
	fmt.Fprintf(w, "%s%s\n", prefix, string(line))
	col := min(max(d.Column-1, 0), len(line))
	pad := []rune(strings.Repeat(" ", len(prefix)))
	for _, r := range line[:col] {
		if r == '\t' {
			pad = append(pad, '\t')
		} else {
			pad = append(pad, ' ')
		}
	}
	fmt.Fprintf(w, "%s^\n", string(pad))
}

// sourceLine returns line n (1-based) of src as runes, without its end of
// line, or false when there is no such line or it is too long to show.
func sourceLine(src []byte, n int) ([]rune, bool) {
	if n < 1 {
		return nil, false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil, false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	src = bytes.TrimSuffix(src, []byte("\r"))
	if len(src) > 500 || !utf8.Valid(src) {
		return nil, false
	}
	return []rune(string(src)), true
}
