package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/regular"
)

func (c Command) fmt(args []string) int {
	fs := c.flags("fmt", "fmt [-w] [--check] [--skip-other] PATH... (- reads the standard input and prints the result)")
	write := fs.Bool("w", false, "write the result to each file instead of printing it")
	check := fs.Bool("check", false, "print the files that are not formatted and exit 1 if there are any; change nothing")
	skipOther := fs.Bool("skip-other", false, "leave out files given by name that are not agreements, as folders do; for hooks that pass every YAML file")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 || (*write && *check) {
		fs.Usage()
		return ExitUsage
	}
	files := []string{"-"}
	if fs.NArg() == 1 && fs.Arg(0) == "-" {
		if *write {
			fmt.Fprintln(c.Stderr, "entente fmt: -w cannot write the standard input back; print the result without -w")
			return ExitUsage
		}
	} else {
		var err error
		if files, _, err = expand(fs.Args()); err != nil {
			fmt.Fprintf(c.Stderr, "entente fmt: %v\n", err)
			return ExitFailure
		}
	}
	named := map[string]bool{}
	for _, p := range fs.Args() {
		named[filepath.Clean(p)] = true
	}
	code := ExitClean
	for _, file := range files {
		var src []byte
		var err error
		if file == "-" {
			file = defaultStdinName
			named[file] = true // given by name
			src, err = regular.ReadLimited(c.Stdin, "the standard input", agreement.DefaultMaxBytes)
		} else {
			src, err = regular.ReadFile(file, agreement.DefaultMaxBytes)
		}
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente fmt: %v\n", err)
			return ExitFailure
		}
		c.limitMemory(int64(len(src)))
		out, diags := agreement.Format(file, src)
		// Other YAML and JSON (workflows, package.json) is never rewritten:
		// left out when a folder brought it or --skip-other is given, and
		// refused when it was named.
		if out == nil && len(diags) == 1 && diags[0].Rule == agreement.RuleLoadNotAgreement {
			if named[filepath.Clean(file)] && !*skipOther {
				fmt.Fprintf(c.Stderr, "entente fmt: %s is not an agreement (its top level declares no format: entente/...); it is not formatted\n", file)
				code = max(code, ExitProblems)
			}
			continue
		}
		if out == nil {
			for _, d := range diags {
				writeText(c.Stderr, src, d, c.paints(fs, true))
			}
			fmt.Fprintf(c.Stderr, "entente fmt: %s not formatted: fix the problems above first\n", file)
			code = ExitProblems
			continue
		}
		switch {
		case *check:
			if !bytes.Equal(src, out) {
				fmt.Fprintln(c.Stdout, file)
				code = max(code, ExitProblems)
			}
		case *write:
			if bytes.Equal(src, out) {
				continue
			}
			if err := writeAtomic(file, out); err != nil {
				fmt.Fprintf(c.Stderr, "entente fmt: %v\n", err)
				return ExitFailure
			}
		default:
			c.Stdout.Write(out)
		}
	}
	return code
}

// tempFile is what writeAtomic needs of a temporary file.
type tempFile interface {
	io.Writer
	Name() string
	Chmod(os.FileMode) error
	Sync() error
	Close() error
}

// createTemp makes the temporary file; tests replace it to simulate a
// full disk.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// writeAtomic replaces a file's contents without ever leaving it partly
// written, and with the care gofmt takes: the data goes to a temporary
// file beside the target, which is synced and renamed over it. A symbolic
// link is followed and its target rewritten (the link stays a link); a
// read-only file, one with other hard links (a rename would break them),
// one the user may not write, or another user's (the new file would be
// theirs), is refused; the mode, setuid and setgid bits included, is
// kept, the group where the user may set it, and the extended attributes
// (ACLs among them), or the file is not replaced. On any error the
// original is untouched and the temporary file is removed.
func writeAtomic(name string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	switch {
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file; it is not rewritten", name)
	case info.Mode().Perm()&0o200 == 0:
		return fmt.Errorf("%s is read-only; it is not rewritten (make it writable, or print the result without -w)", name)
	case links(info) > 1:
		return fmt.Errorf("%s has %d hard links, which rewriting it would break; it is not rewritten", name, links(info))
	}
	if err := mayReplace(target, info); err != nil {
		return err
	}
	tmp, err := createTemp(filepath.Dir(target), "."+filepath.Base(target)+".entente-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	keepOwner(tmp.Name(), info) // where the user may (mayReplace refused another user's file)
	if err = copyXattrs(target, tmp.Name()); err != nil {
		return err
	}
	if err = tmp.Chmod(info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// defaultStdinName is the name the standard input (PATH -) goes by in
// findings, for every command, unless --stdin-filename gives another.
const defaultStdinName = "stdin.yaml"

const stdinNameUsage = "the name the standard input (PATH -) goes by in findings"
