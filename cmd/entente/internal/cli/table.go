package cli

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"path/filepath"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/suggest"
	"github.com/entente-go/entente/tables"
)

// gcTable is the collector's setting for table: like validate, it makes
// much and keeps little (a row is garbage once written).
const gcTable = 400

func (c Command) table(args []string) int {
	fs := c.flags("table", "table KIND [--from YEAR] [--to YEAR] [--format csv|jsonl|json] PATH...")
	from := fs.Int("from", 0, "the first year of the table (default: the year of the earliest event)")
	to := fs.Int("to", 0, "the last year of the table (default: this year); spells running past it are marked censored")
	format := fs.String("format", "csv", "output format: csv, jsonl (a JSON object per line) or json (an array)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(c.Stderr, "entente table: name a table: %s\n", tableNames())
		return ExitUsage
	}
	tb, ok := tables.Lookup(fs.Arg(0))
	if !ok {
		hint := ""
		if best, found := suggest.Closest(fs.Arg(0), tableNameList()); found {
			hint = fmt.Sprintf(" (did you mean %s?)", best)
		}
		fmt.Fprintf(c.Stderr, "entente table: no table %q%s; the tables are:\n%s", fs.Arg(0), hint, tableList())
		return ExitUsage
	}
	if !slices.Contains([]string{"csv", "jsonl", "json"}, *format) {
		fmt.Fprintf(c.Stderr, "entente table: --format %q: csv, jsonl or json\n", *format)
		return ExitUsage
	}
	set, _, leftOut, code := c.loadAgreements(fs, fs.Args()[1:])
	if code != ExitClean {
		return code
	}
	years, ok := c.tableYears("table", set, *from, *to)
	if !ok {
		return ExitUsage
	}
	out := bufio.NewWriterSize(c.Stdout, 64<<10)
	if err := writeTable(out, tb, *format, tables.InSet(set), years); err != nil {
		fmt.Fprintf(c.Stderr, "entente table: %v\n", err)
		return ExitFailure
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(c.Stderr, "entente table: %v\n", err)
		return ExitFailure
	}
	return c.leftOut("table", leftOut)
}

// leftOut says which files a table or database left out, having errors:
// it is not the whole answer, and its exit code says so too.
func (c Command) leftOut(name string, files []string) int {
	if len(files) == 0 {
		return ExitClean
	}
	fmt.Fprintf(c.Stderr, "entente %s: %s with errors left out (%s); run entente validate\n", name, plural(len(files), "file"), strings.Join(files, ", "))
	return ExitProblems
}

// loadAgreements reads the agreements of the paths (the working folder
// when none is given), as .entente.yaml includes them, for a table or a
// database: files with errors are left out and named, other YAML
// skipped. It returns the file each agreement came from.
func (c Command) loadAgreements(fs *flag.FlagSet, paths []string) (*agreement.Set, map[*agreement.Agreement]string, []string, int) {
	name := fs.Name()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	cfg, ok := c.configFor(name, "", c.paints(fs, true))
	if !ok {
		return nil, nil, nil, ExitUsage
	}
	files, _, err := expand(paths)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente %s: %v\n", name, err)
		return nil, nil, nil, ExitFailure
	}
	named := map[string]bool{}
	for _, p := range paths {
		named[filepath.Clean(p)] = true
	}
	files = slices.DeleteFunc(files, func(f string) bool { return !cfg.keeps(f, !named[filepath.Clean(f)]) })
	c.tuneGC(gcTable)
	loader := agreement.Loader{Topics: cfg.taxonomy}
	var docs []*agreement.Document
	var leftOut []string
	from := map[*agreement.Agreement]string{}
	for _, f := range files {
		doc, err := loader.ReadFile(f)
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente %s: %v\n", name, err)
			return nil, nil, nil, ExitFailure
		}
		doc.Diagnostics = cfg.apply(doc.Diagnostics)
		switch {
		case !doc.IsAgreement():
			// other YAML or JSON beside the agreements
		case doc.Agreement == nil || doc.Diagnostics.HasErrors():
			leftOut = append(leftOut, f)
		default:
			// Only the model is read from here on: the file's bytes and
			// trees (most of a document's memory) are let go.
			docs = append(docs, &agreement.Document{Name: doc.Name, Agreement: doc.Agreement, Header: doc.Header, Diagnostics: doc.Diagnostics})
			from[doc.Agreement] = f
		}
	}
	return agreement.NewSet(docs...), from, leftOut, ExitClean
}

// tableYears are the years of a table: as given, else from the earliest
// event to this year.
func (c Command) tableYears(name string, set *agreement.Set, from, to int) (tables.Years, bool) {
	years := tables.Years{From: from, To: to}
	if years.To == 0 {
		years.To = today().Year
	}
	if years.From == 0 {
		years.From = earliestYear(set, years.To)
	}
	if years.From > years.To {
		fmt.Fprintf(c.Stderr, "entente %s: --from %d is after --to %d\n", name, years.From, years.To)
		return years, false
	}
	return years, true
}

// writeTable streams a table's rows in a format.
func writeTable(w *bufio.Writer, tb tables.Table, format string, as iter.Seq[*agreement.Agreement], years tables.Years) error {
	switch format {
	case "csv":
		return tb.WriteCSV(w, as, years)
	case "jsonl", "json":
		first := true
		if format == "json" {
			w.WriteString("[")
		}
		for row := range tb.Rows(as, years) {
			if format == "json" {
				if !first {
					w.WriteString(",")
				}
				w.WriteString("\n")
			}
			first = false
			b, err := json.Marshal(row)
			if err != nil {
				return err
			}
			w.Write(b)
			if format == "jsonl" {
				w.WriteString("\n")
			}
		}
		if format == "json" {
			if !first {
				w.WriteString("\n")
			}
			w.WriteString("]\n")
		}
	}
	return nil
}

// earliestYear is the year of the earliest dated event of the set, or
// to when none is dated.
func earliestYear(set *agreement.Set, to int) int {
	first := to
	for _, a := range set.Agreements() {
		for _, e := range a.Timeline {
			if !e.Date.IsZero() && e.Date.Year < first {
				first = e.Date.Year
			}
		}
	}
	return first
}

func tableNameList() []string {
	var names []string
	for _, t := range tables.All() {
		names = append(names, t.Name)
	}
	return names
}

func tableNames() string { return strings.Join(tableNameList(), ", ") }

// tableList is the tables, one per line, with what a row is.
func tableList() string {
	var b strings.Builder
	for _, t := range tables.All() {
		b.WriteString("  " + t.Name + strings.Repeat(" ", max(1, 21-len(t.Name))) + t.Doc + "\n")
	}
	return b.String()
}
