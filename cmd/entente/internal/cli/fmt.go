package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/entente-go/entente/agreement"
)

func (c Command) fmt(args []string) int {
	fs := c.flags("fmt", "fmt [-w] [--check] PATH...")
	write := fs.Bool("w", false, "write the result to each file instead of printing it")
	check := fs.Bool("check", false, "print the files that are not formatted and exit 1 if there are any; change nothing")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 || (*write && *check) {
		fs.Usage()
		return ExitUsage
	}
	files, _, err := expand(fs.Args())
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente fmt: %v\n", err)
		return ExitFailure
	}
	code := ExitClean
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente fmt: %v\n", err)
			return ExitFailure
		}
		out, diags := agreement.Format(file, src)
		if out == nil {
			for _, d := range diags {
				writeText(c.Stderr, src, d, false)
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
// written: the data goes to a temporary file beside it, which is synced
// and renamed over the original. On any error the original is untouched
// and the temporary file is removed.
func writeAtomic(name string, data []byte) (err error) {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := createTemp(filepath.Dir(name), "."+filepath.Base(name)+".entente-*")
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
	if err = tmp.Chmod(info.Mode().Perm()); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
