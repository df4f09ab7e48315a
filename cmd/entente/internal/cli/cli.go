// Package cli is the entente command: argument parsing, output formats and
// exit codes. The library packages know nothing of terminals or flags.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/entente-go/entente/internal/suggest"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/cmd/entente/internal/lsp"

	"github.com/entente-go/entente/schema"
)

// Exit codes of the command.
const (
	ExitClean    = 0 // no problems
	ExitProblems = 1 // problems found in the input
	ExitUsage    = 2 // the command line is wrong
	ExitFailure  = 3 // the tool itself failed: an unreadable path, I/O
)

// Command is one run of the entente command with its streams.
type Command struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads the environment (os.Getenv in main); nil reads nothing.
	Getenv func(string) string
	// IsTerminal reports whether Stdout is a terminal, for colour; nil
	// means it is not.
	IsTerminal func() bool
	// IsErrTerminal reports the same of Stderr, where commands other than
	// validate write their findings.
	IsErrTerminal func() bool
	// Getwd gives the working directory (os.Getwd in main), which SARIF
	// names as the root its paths are relative to; nil names none.
	Getwd func() (string, error)
}

func (c Command) getenv(key string) string {
	if c.Getenv == nil {
		return ""
	}
	return c.Getenv(key)
}

const usage = `entente: agreements as typed, validated data

Usage:
  entente validate [flags] PATH...   check agreement files, directories or globs
  entente diff [--format text|markdown|json] [--exit-code] OLD NEW
                                     what changed between two versions
  entente show [--at DATE] [--format text|json] FILE
                                     status, term, security profile and timeline
  entente timeline [--format mermaid|svg] FILE
                                     the agreement's life as a picture
  entente ls [--party CODE] [--topic TOPIC] [--in-force-on DATE] [--format text|json] DIR
                                     list the agreements of a folder
  entente table KIND [--from YEAR] [--to YEAR] [--format csv|jsonl|json] PATH...
                                     member-years, dyad-years and other tables, each row traceable
  entente explain FILE --party ID [--towards ID] --year YEAR
                                     what a table's row rests on: clauses, commitments, reports, sources
  entente db -o FILE [--from YEAR] [--to YEAR] PATH...
                                     the agreements, their lives and the tables as a SQLite database
  entente compare --atop FILE | --cow FILE [--format text|json] PATH...
                                     where the files disagree with your copy of ATOP or COW
  entente fmt [-w] [--check] PATH... write files in canonical form, keeping comments
  entente new [--kind KIND] [--parties IR,RU] FILE
                                     start an agreement from a valid skeleton
  entente schema [--output validate|diff|show|ls]
                                     print the JSON Schema of the format, or of a JSON output
  entente rules [--format text|markdown]
                                     the rules findings are named by, with what each finds
  entente vocab [--format text|markdown] [NAME]
                                     the words the format accepts (kinds, roles, events, topics ...)
  entente lsp                        a language server on stdin and stdout: findings as you type
  entente version                    print the version

Run "entente help COMMAND" (or "entente COMMAND -h") for the flags of a command.
`

// Main runs the command with args (args[0] is the program name) and
// returns the exit code.
func (c Command) Main(args []string) int {
	if len(args) < 2 {
		fmt.Fprint(c.Stderr, usage)
		return ExitUsage
	}
	switch args[1] {
	case "validate":
		return c.validate(args[2:])
	case "diff":
		return c.diff(args[2:])
	case "show":
		return c.show(args[2:])
	case "fmt":
		return c.fmt(args[2:])
	case "new":
		return c.new(args[2:])
	case "timeline":
		return c.timeline(args[2:])
	case "ls":
		return c.ls(args[2:])
	case "table":
		return c.table(args[2:])
	case "db":
		return c.db(args[2:])
	case "compare":
		return c.compare(args[2:])
	case "explain":
		return c.explain(args[2:])
	case "rules":
		return c.rules(args[2:])
	case "vocab":
		return c.vocab(args[2:])
	case "lsp":
		fs := c.flags("lsp", "lsp [--config FILE]")
		configPath := fs.String("config", "", "the configuration file (default: .entente.yaml in this folder or one above it)")
		if ok, code := parse(fs, args[2:]); !ok {
			return code
		}
		if fs.NArg() > 0 {
			fmt.Fprintln(c.Stderr, "entente lsp: takes no arguments; it speaks the Language Server Protocol on stdin and stdout")
			return ExitUsage
		}
		cfg, ok := c.configFor("lsp", *configPath, false)
		if !ok {
			return ExitUsage
		}
		opts := lsp.Options{
			Loader: agreement.Loader{Topics: cfg.taxonomy},
			Adjust: cfg.apply,
			Files: func(folder string) ([]string, error) {
				files, _, err := expand([]string{folder})
				return slices.DeleteFunc(files, func(f string) bool { return !cfg.keeps(f, true) }), err
			},
			Keeps:    func(f string) bool { return agreement.IsAgreementFile(f) && cfg.keeps(f, true) },
			Excluded: func(f string) bool { return !cfg.keeps(f, false) },
		}
		if err := lsp.Serve(c.Stdin, c.Stdout, opts); err != nil {
			fmt.Fprintf(c.Stderr, "entente lsp: %v\n", err)
			return ExitProblems
		}
		return ExitClean
	case "schema":
		fs := c.flags("schema", "schema [--output validate|diff|show|ls]")
		output := fs.String("output", "", "print the schema of a JSON output instead of the format's: validate, diff, show or ls")
		if ok, code := parse(fs, args[2:]); !ok {
			return code
		}
		if fs.NArg() > 0 {
			fmt.Fprintln(c.Stderr, "entente schema: takes no arguments")
			return ExitUsage
		}
		out := schema.JSON()
		if *output != "" {
			var ok bool
			if out, ok = schema.Output(*output); !ok {
				fmt.Fprintf(c.Stderr, "entente schema: --output %q: %s\n", *output, strings.Join(schema.OutputNames(), ", "))
				return ExitUsage
			}
		}
		if _, err := c.Stdout.Write(out); err != nil {
			return ExitFailure
		}
		return ExitClean
	case "version", "--version", "-version":
		fmt.Fprintln(c.Stdout, "entente", version())
		return ExitClean
	case "help", "-h", "--help":
		if len(args) > 2 && args[1] == "help" {
			return c.help(args[2])
		}
		fmt.Fprint(c.Stdout, usage)
		return ExitClean
	}
	hint := ""
	if best, ok := suggest.Closest(args[1], commands); ok {
		hint = fmt.Sprintf(" (did you mean %s?)", best)
	}
	fmt.Fprintf(c.Stderr, "entente: unknown command %q%s\n\n%s", args[1], hint, usage)
	return ExitUsage
}

// commands are the command's subcommands, for a suggestion when one is
// mistyped.
var commands = []string{"validate", "diff", "show", "fmt", "new", "timeline", "ls", "table", "explain", "db", "compare", "rules", "vocab", "lsp", "schema", "version", "help"}

// version is the module's version and, when the build records it, the
// revision it was built from: "v0.2.0", "(devel) 1a2b3c4d5e6f (modified)".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " (modified)"
			}
		}
	}
	if rev != "" && !strings.HasPrefix(v, "v") {
		return fmt.Sprintf("%s %.12s%s", v, rev, modified)
	}
	return v
}

// flags makes a flag set that reports errors to stderr and never exits.
func (c Command) flags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.Stderr, "Usage: entente %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	if name != "lsp" { // the server writes only to its client
		mode := colourAuto
		fs.Var(&mode, "color", "colour findings: auto (on a terminal, unless NO_COLOR is set or TERM is dumb), always or never")
	}
	return fs
}

// colourMode is the value of --color, which every command that prints
// findings takes.
type colourMode string

const colourAuto colourMode = "auto"

func (m *colourMode) String() string { return string(*m) }

func (m *colourMode) Set(s string) error {
	if s != "auto" && s != "always" && s != "never" {
		return fmt.Errorf("%q: auto, always or never", s)
	}
	*m = colourMode(s)
	return nil
}

// paints reports whether findings written to Stdout (or, with toStderr,
// to Stderr) are coloured, by the command's --color: always, never, or
// on a terminal unless NO_COLOR is set or TERM is dumb.
func (c Command) paints(fs *flag.FlagSet, toStderr bool) bool {
	f := fs.Lookup("color")
	if f == nil {
		return false
	}
	switch f.Value.String() {
	case "always":
		return true
	case "never":
		return false
	}
	terminal := c.IsTerminal
	if toStderr {
		terminal = c.IsErrTerminal
	}
	return terminal != nil && terminal() && c.getenv("NO_COLOR") == "" && c.getenv("TERM") != "dumb"
}

// parse parses flags, before or after the paths as in other command-line
// tools (validate good.yaml --format json); "--" ends the flags, and what
// follows it is taken as paths, "-x" or not. A lone "-" is a path: the
// standard input. The second result is the exit code to return when
// parsing did not succeed (-h asked for help, or a flag was wrong).
func parse(fs *flag.FlagSet, args []string) (bool, int) {
	var flags, paths []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			paths = append(paths, args[i+1:]...)
			i = len(args)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil && !isBool(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i]) // the flag's value
			}
		default:
			paths = append(paths, a)
		}
	}
	err := fs.Parse(append(append(flags, "--"), paths...))
	switch {
	case err == nil:
		return true, 0
	case errors.Is(err, flag.ErrHelp):
		return false, ExitClean
	}
	return false, ExitUsage
}

// isBool reports whether a flag takes no value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Terminal returns a function that reports whether f is a terminal (a
// character device), for deciding on colour.
func Terminal(f *os.File) func() bool {
	return func() bool {
		info, err := f.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0
	}
}

// readDoc loads the agreement at path, or from the standard input when
// path is "-", under the name stdinName.
func (c Command) readDoc(path, stdinName string, cfg *config) (*agreement.Document, error) {
	loader := agreement.Loader{Topics: cfg.taxonomy}
	var doc *agreement.Document
	var err error
	if path == "-" {
		if c.Stdin == nil {
			return nil, fmt.Errorf("no standard input")
		}
		doc, err = loader.Read(stdinName, c.Stdin)
	} else {
		doc, err = loader.ReadFile(path)
	}
	if err == nil {
		// The configuration's severities hold here as in validate: a file
		// validate accepts is one show and timeline read.
		doc.Diagnostics = cfg.apply(doc.Diagnostics)
	}
	return doc, err
}

// help prints a command's flags on stdout: entente help validate is
// entente validate -h.
func (c Command) help(name string) int {
	switch {
	case name == "version" || name == "help":
		fmt.Fprint(c.Stdout, usage)
		return ExitClean
	case !slices.Contains(commands, name):
		hint := ""
		if best, ok := suggest.Closest(name, commands); ok {
			hint = fmt.Sprintf(" (did you mean %s?)", best)
		}
		fmt.Fprintf(c.Stderr, "entente help: no command %q%s\n", name, hint)
		return ExitUsage
	}
	c.Stderr = c.Stdout
	c.Stdin = strings.NewReader("")
	if code := c.Main([]string{"entente", name, "-h"}); code != ExitClean && code != ExitUsage {
		return code
	}
	return ExitClean
}
