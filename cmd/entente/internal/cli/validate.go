package cli

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/regular"
)

func (c Command) validate(args []string) int {
	fs := c.flags("validate", "validate [flags] PATH...   (PATH may be a file, a directory, a glob or - for stdin)")
	jobs := fs.Int("j", runtime.NumCPU(), "files to validate at once")
	format := fs.String("format", "", "output format: text, json, github or sarif (default text; github when GITHUB_ACTIONS=true)")
	warnAsErr := fs.Bool("warnings-as-errors", false, "fail the run on warnings too")
	maxErrors := fs.Int("max-errors", 0, "print at most this many findings (0: all); the exit code still counts every one")
	stdinName := fs.String("stdin-filename", defaultStdinName, stdinNameUsage)
	maxBytes := fs.Int64("max-bytes", agreement.DefaultMaxBytes, "refuse files larger than this, before parsing them; to read larger files, give a larger number")
	configPath := fs.String("config", "", "the configuration file (default: the nearest "+ConfigName+" from the working directory up)")
	skipOther := fs.Bool("skip-other", false, "leave out files given by name that are not agreements (no format: entente/... at the top level), as folders do; for hooks that pass every YAML file")
	var quiet bool
	fs.BoolVar(&quiet, "quiet", false, "print the findings only, without the summary line")
	fs.BoolVar(&quiet, "q", false, "the same as --quiet")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if *maxBytes < 1 {
		fmt.Fprintf(c.Stderr, "entente validate: --max-bytes %d: the limit cannot be turned off; give a larger number of bytes\n", *maxBytes)
		return ExitUsage
	}
	if *format == "" {
		*format = "text"
		if c.getenv("GITHUB_ACTIONS") == "true" {
			*format = "github"
		}
	}
	switch {
	case fs.NArg() == 0:
		fmt.Fprintln(c.Stderr, "entente validate: no PATH given")
		fs.Usage()
		return ExitUsage
	case *jobs < 1:
		fmt.Fprintln(c.Stderr, "entente validate: -j must be at least 1")
		return ExitUsage
	case *maxErrors < 0:
		fmt.Fprintln(c.Stderr, "entente validate: --max-errors must not be negative")
		return ExitUsage
	case !slices.Contains([]string{"text", "json", "github", "sarif"}, *format):
		fmt.Fprintf(c.Stderr, "entente validate: unknown format %q: text, json, github or sarif\n", *format)
		return ExitUsage
	}
	cfg, problems, ok := c.readConfig("validate", *configPath)
	if problems != nil {
		// The configuration's findings are findings of the run, in its
		// format: a CI job reading JSON or SARIF sees them.
		if *format == "text" {
			problems.writeText(c.Stderr, c.paints(fs, true))
		} else {
			r := result{}
			for _, f := range problems.findings {
				r.errors++
				r.shown++
				r.findings = append(r.findings, newFinding(f.Diagnostic, f.src))
			}
			if err := c.writeResult(*format, r); err != nil {
				fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
			}
		}
		c.configFailed("validate", problems)
	}
	if !ok {
		return ExitUsage
	}
	loader := agreement.Loader{MaxBytes: *maxBytes, Topics: cfg.taxonomy}
	var docs []*agreement.Document
	var paths []string
	for _, p := range fs.Args() {
		if p != "-" {
			paths = append(paths, p)
			continue
		}
		doc, err := loader.Read(*stdinName, c.Stdin)
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
			return ExitFailure
		}
		docs = append(docs, doc)
	}
	files, skipped, err := expand(paths)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
		return ExitFailure
	}
	named := map[string]bool{}
	for _, p := range paths {
		named[filepath.Clean(p)] = true
	}
	files = slices.DeleteFunc(files, func(f string) bool { return !cfg.keeps(f, !named[filepath.Clean(f)]) })
	c.tuneGC(gcValidate)
	slim := loader
	slim.DiagnosticsOnly = true
	// Each file is loaded and let go but for what the rules across files
	// need (its header); a file with findings is read again when they are
	// printed, in order. So the memory of a run grows with its files'
	// headers, not with their findings and text.
	loaded, err := loadAll(slim, files, *jobs)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
		return ExitFailure
	}
	// Other YAML beside the agreements (workflows, configuration) is left
	// out when a folder or glob brought it, and named as such when it was
	// given by name.
	other := 0
	var kept []*loadedFile
	for _, doc := range docs { // from stdin: held whole, since it cannot be read again
		if !doc.IsAgreement() {
			if *skipOther {
				other++
				continue
			}
			doc.Diagnostics = agreement.Diagnostics{notAgreement(doc.Name)}
		}
		kept = append(kept, &loadedFile{Document: doc, agreement: true})
	}
	for _, lf := range loaded {
		if lf.agreement {
			kept = append(kept, lf)
			continue
		}
		lf.again = false // its own findings are not shown
		if !named[filepath.Clean(lf.Name)] || *skipOther {
			other++
			continue
		}
		lf.Diagnostics = agreement.Diagnostics{notAgreement(lf.Name)}
		kept = append(kept, lf)
	}
	if len(kept) == 0 {
		if *skipOther && other > 0 {
			// A hook that passes every YAML file it stages: other YAML
			// alone is nothing to check, and that is success.
			fmt.Fprintf(c.Stderr, "0 files checked: %s\n", otherLeftOut(other))
			return ExitClean
		}
		fmt.Fprintf(c.Stderr, "entente validate: %s: no agreement files found\n", strings.Join(fs.Args(), " "))
		return ExitUsage
	}
	setDocs := make([]*agreement.Document, len(kept))
	for i, lf := range kept {
		setDocs[i] = lf.Document
	}
	// The rules across files, against the whole set when the configuration
	// names its root, or when only files were given (a pre-commit hook's
	// run): their references resolve against the folder. Only the files
	// given report.
	if root := cfg.setRoot(paths); root != "" {
		given := map[string]bool{}
		for _, f := range files {
			if abs, err := filepath.Abs(f); err == nil {
				given[abs] = true
			}
		}
		rest, _, err := expand([]string{root})
		if err != nil && cfg.Root == "" {
			// A folder the run only guessed at: its references are left
			// to the files given, with a note, instead of failing.
			fmt.Fprintf(c.Stderr, "entente validate: note: the rest of the set, in %s, cannot be read (%v); the files are checked among themselves\n", root, err)
			rest = nil
		} else if err != nil {
			fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
			return ExitFailure
		}
		rest = slices.DeleteFunc(rest, func(f string) bool {
			abs, err := filepath.Abs(f)
			return err != nil || given[abs] || !cfg.keeps(f, true)
		})
		// The rest of the set is read for its headers only: a file of it
		// that cannot be read (another user's, in a folder nobody named)
		// is left out rather than stopping the run.
		for _, doc := range loadReadable(slim, rest, *jobs) {
			setDocs = append(setDocs, doc)
		}
	}
	agreement.NewSet(setDocs...)

	r := result{files: len(kept)}
	held := *format != "text" // the other outputs are one document, or two passes: their findings are held
	paint := c.paints(fs, false)
	show := func(d agreement.Diagnostic, src []byte) {
		if d.Severity == agreement.SeverityError {
			r.errors++
		} else {
			r.warnings++
		}
		if *maxErrors > 0 && r.shown >= *maxErrors {
			return
		}
		r.shown++
		if held {
			r.findings = append(r.findings, newFinding(d, src))
		} else {
			writeText(c.Stdout, src, d, paint)
		}
	}
	err = readAgain(slim, kept, *jobs, func(lf *loadedFile, src []byte) {
		for _, d := range cfg.apply(lf.Diagnostics) {
			show(d, src)
		}
	})
	if err == nil {
		err = c.writeResult(*format, r)
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente validate: %v\n", err)
		return ExitFailure
	}
	summary := fmt.Sprintf("%s checked: %s, %s", plural(r.files, "file"), plural(r.errors, "error"), plural(r.warnings, "warning"))
	if other > 0 {
		summary += "; " + otherLeftOut(other)
	}
	if skipped > 0 {
		summary += fmt.Sprintf("; %s that %s not regular left out", plural(skipped, "file"), map[bool]string{true: "is", false: "are"}[skipped == 1])
	}
	if r.shown < r.errors+r.warnings {
		summary += fmt.Sprintf(" (%d shown, --max-errors)", r.shown)
	}
	if !quiet {
		fmt.Fprintln(c.Stderr, summary)
	}
	if r.errors > 0 || (*warnAsErr && r.warnings > 0) {
		return ExitProblems
	}
	return ExitClean
}

// notAgreement is the finding of a file given by name (or on stdin) that
// is not an agreement.
func notAgreement(name string) agreement.Diagnostic {
	return agreement.Diagnostic{File: name, Position: agreement.Position{Line: 1, Column: 1},
		Rule: agreement.RuleLoadNotAgreement, Severity: agreement.SeverityError,
		Message: "this file is not an agreement: its top level declares no format: entente/...",
		Hint:    "leave it out, add format: entente/v1 if it is one, or pass --skip-other"}
}

// writeResult writes the held findings of a run in a format other than
// text (which is written as it goes).
func (c Command) writeResult(format string, r result) error {
	switch format {
	case "json":
		return writeJSON(c.Stdout, r)
	case "sarif":
		return writeSARIF(c.Stdout, r, c.Getwd)
	case "github":
		writeGitHub(c.Stdout, r)
	}
	return nil
}

// expand turns the command line's paths into a sorted list of files:
// files as given, directories searched for agreement files, and globs.
// Only regular files are read: a named pipe, socket or device given by
// name is an error (opening a pipe would wait for a writer for ever), and
// one found while walking a directory is left out and counted in skipped.
func expand(paths []string) (files []string, skipped int, err error) {
	for _, p := range paths {
		matches := []string{p}
		if _, err := os.Lstat(p); err != nil && strings.ContainsAny(p, "*?[") { // an existing path is taken literally
			m, err := glob(p)
			if err != nil {
				return nil, 0, fmt.Errorf("bad pattern %q: %v", p, err)
			}
			if len(m) == 0 {
				return nil, 0, fmt.Errorf("%s: no file matches", p)
			}
			matches = m
		}
		for _, m := range matches {
			info, err := os.Stat(m)
			if err != nil {
				return nil, 0, err
			}
			if !info.IsDir() {
				if !info.Mode().IsRegular() {
					return nil, 0, fmt.Errorf("%s is not a regular file (%s); it is not read", m, modeWords(info.Mode()))
				}
				files = append(files, m)
				continue
			}
			err = filepath.WalkDir(m, func(name string, e fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if e.IsDir() && name != m && strings.HasPrefix(e.Name(), ".") {
					return filepath.SkipDir // .git and other hidden folders
				}
				if e.IsDir() || !agreement.IsAgreementFile(name) {
					return nil
				}
				if !e.Type().IsRegular() {
					// A symbolic link is followed; anything else that is not a
					// regular file is left out.
					info, err := os.Stat(name)
					if err != nil || !info.Mode().IsRegular() {
						skipped++
						return nil
					}
				}
				files = append(files, name)
				return nil
			})
			if err != nil {
				return nil, 0, err
			}
		}
	}
	// One file under two spellings (a.yaml, ./a.yaml, its absolute path)
	// is one file: the first spelling given is kept.
	seen := map[string]bool{}
	kept := files[:0]
	for _, f := range files {
		key := filepath.Clean(f)
		if abs, err := filepath.Abs(f); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			kept = append(kept, f)
		}
	}
	slices.Sort(kept)
	return kept, skipped, nil
}

// otherLeftOut says how many files that are not agreements a run left
// out.
func otherLeftOut(n int) string {
	if n == 1 {
		return "1 file that is not an agreement left out"
	}
	return fmt.Sprintf("%d files that are not agreements left out", n)
}

// modeWords names the kind of a file that is not regular.
func modeWords(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// loadedFile is a file loaded for its findings and let go but for what
// the rules across files need: its name, header and suppressions.
type loadedFile struct {
	*agreement.Document
	agreement bool // it is an agreement, or meant to be one (Document.IsAgreement)
	// again says it had findings of its own when loaded, to be read again
	// when they are printed.
	again bool
}

// loadAll loads the files on up to jobs goroutines, each let go but for
// what the rules across files need, and returns them in order.
func loadAll(l agreement.Loader, files []string, jobs int) ([]*loadedFile, error) {
	out := make([]*loadedFile, len(files))
	err := inParallel(len(files), jobs, func(i int) error {
		doc, err := l.ReadFile(files[i])
		if err != nil {
			return err
		}
		out[i] = &loadedFile{Document: doc, agreement: doc.IsAgreement(), again: len(doc.Diagnostics) > 0}
		doc.Diagnostics, doc.Source = nil, nil
		return nil
	})
	return out, err
}

// loadReadable loads the files that can be read, for their headers, and
// leaves out those that cannot.
func loadReadable(l agreement.Loader, files []string, jobs int) []*agreement.Document {
	docs := make([]*agreement.Document, len(files))
	inParallel(len(files), jobs, func(i int) error {
		if doc, err := l.ReadFile(files[i]); err == nil {
			doc.Diagnostics, doc.Source = nil, nil
			docs[i] = doc
		}
		return nil
	})
	return slices.DeleteFunc(docs, func(d *agreement.Document) bool { return d == nil })
}

// readAgain calls emit with each file, in order, its findings whole: those
// of the file itself, read again for a file that had some, with those the
// rules across files gave it; and with its text, for the lines shown
// beside them. The files are read again on up to jobs goroutines, a
// window at a time, so that only a window's texts are held.
func readAgain(l agreement.Loader, files []*loadedFile, jobs int, emit func(lf *loadedFile, src []byte)) error {
	const window = 256
	for start := 0; start < len(files); start += window {
		chunk := files[start:min(start+window, len(files))]
		var names []string
		for _, lf := range chunk {
			if lf.again {
				names = append(names, lf.Name)
			}
		}
		again, err := loadFull(l, names, jobs)
		if err != nil {
			return err
		}
		k := 0
		for _, lf := range chunk {
			src := lf.Source
			if lf.again {
				doc := again[k]
				k++
				lf.Diagnostics = append(doc.Diagnostics, lf.Diagnostics...)
				lf.Diagnostics.Sort()
				src = doc.Source
			}
			if src == nil && len(lf.Diagnostics) > 0 && !tooLarge(lf.Diagnostics) {
				// Loaded clean, before the rules across files found
				// something: read the file again to show the lines.
				src, _ = regular.ReadFile(lf.Name, agreement.DefaultMaxBytes)
			}
			emit(lf, src)
			lf.Diagnostics = nil
		}
	}
	return nil
}

func tooLarge(ds agreement.Diagnostics) bool {
	return slices.ContainsFunc(ds, func(d agreement.Diagnostic) bool { return d.Rule == agreement.RuleLoadTooLarge })
}

// loadFull loads the files whole (their findings and text) on up to jobs
// goroutines, in order.
func loadFull(l agreement.Loader, files []string, jobs int) ([]*agreement.Document, error) {
	docs := make([]*agreement.Document, len(files))
	err := inParallel(len(files), jobs, func(i int) (err error) {
		docs[i], err = l.ReadFile(files[i])
		return err
	})
	return docs, err
}

// inParallel calls fn with 0 to n-1 on up to jobs goroutines, and
// returns the error of the lowest i that failed.
func inParallel(n, jobs int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Go(func() {
			for i := range next {
				errs[i] = fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// ANSI colours for the text format.
const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// writeText prints a diagnostic as file:line:col: message [rule], then
// the hint, the offending line and a caret under the column. With paint,
// the location is bold and the caret red (yellow for a warning).
func writeText(w io.Writer, src []byte, d agreement.Diagnostic, paint bool) {
	caret := "^"
	if paint {
		col := ansiRed
		if d.Severity == agreement.SeverityWarning {
			col = ansiYellow
		}
		line := d.String()
		if i := strings.Index(line, ": "); i > 0 {
			line = ansiBold + line[:i] + ansiReset + line[i:]
		}
		fmt.Fprintln(w, line)
		caret = col + "^" + ansiReset
	} else {
		fmt.Fprintln(w, d)
	}
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
	fmt.Fprintf(w, "%s%s\n", string(pad), caret)
}

// sourceLine returns line n (1-based) of src as runes, without its end of
// line, or false when there is no such line or it is too long to show.
func sourceLine(src []byte, n int) ([]rune, bool) {
	if n < 1 || len(src) == 0 {
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
	if len(src) > 500 || !utf8.Valid(src) || bytes.ContainsFunc(src, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
		return nil, false // not text a terminal shows as it is
	}
	return []rune(string(src)), true
}

// glob is filepath.Glob with ** for any number of folders:
// agreements/**/*.yaml. Hidden folders are not searched by **.
func glob(pattern string) ([]string, error) {
	if !strings.Contains(pattern, "**") {
		return filepath.Glob(pattern)
	}
	base := pattern[:strings.Index(pattern, "**")]
	if i := strings.IndexAny(base, "*?["); i >= 0 {
		base = base[:i]
	}
	base = filepath.Dir(base + "x")
	re, err := globRegexp(filepath.ToSlash(pattern))
	if err != nil {
		return nil, err
	}
	var out []string
	err = filepath.WalkDir(base, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() && name != base && strings.HasPrefix(e.Name(), ".") {
			return filepath.SkipDir
		}
		if re.MatchString(filepath.ToSlash(name)) {
			out = append(out, name)
		}
		return nil
	})
	return out, err
}

// globRegexp turns a pattern with ** into a regular expression: ** is any
// run of folders, * any name or part of one, ? one character, [...] a
// class.
func globRegexp(pattern string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case strings.HasPrefix(pattern[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(pattern[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			end := strings.IndexByte(pattern[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("bad pattern %q: [ not closed", pattern)
			}
			b.WriteString(pattern[i : i+end+1])
			i += end
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}
