package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/entente-go/entente/datasets"
	"github.com/entente-go/entente/internal/regular"
	"github.com/entente-go/entente/tables"
)

func (c Command) compare(args []string) int {
	fs := c.flags("compare", "compare --atop FILE | --cow FILE [--format text|json] PATH...")
	atop := fs.String("atop", "", "your copy of ATOP's member-level file (atop5_1m.csv)")
	cow := fs.String("cow", "", "your copy of the COW formal alliances' member-level file (alliance_v4.1_by_member.csv)")
	format := fs.String("format", "text", "output format: text or json")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	var layout datasets.Layout
	var file string
	switch {
	case (*atop == "") == (*cow == ""):
		fmt.Fprintln(c.Stderr, "entente compare: give one dataset: --atop FILE or --cow FILE")
		return ExitUsage
	case *atop != "":
		layout, file = datasets.ATOP, *atop
	default:
		layout, file = datasets.COW, *cow
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(c.Stderr, "entente compare: --format %q: text or json\n", *format)
		return ExitUsage
	}
	f, err := regular.Open(file)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente compare: %v\n", err)
		return ExitFailure
	}
	rows, err := datasets.Read(f, file, layout)
	f.Close()
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente compare: %v\n", err)
		return ExitFailure
	}
	set, _, leftOut, code := c.loadAgreements(fs, fs.Args())
	if code != ExitClean {
		return code
	}
	rep := datasets.Compare(tables.InSet(set), layout, rows)
	if *format == "json" {
		out, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintf(c.Stdout, "%s\n", out)
	} else {
		for _, f := range rep.Findings {
			fmt.Fprintln(c.Stdout, f)
		}
	}
	fmt.Fprintf(c.Stderr, "%s compared with %s: %s", plural(len(rep.Compared), "agreement"), layout.Name, plural(len(rep.Findings), "disagreement"))
	if rep.Unmatched > 0 {
		fmt.Fprintf(c.Stderr, "; %s of the file named by no agreement (identifiers: {%s: ...})", plural(rep.Unmatched, "alliance"), layout.Name)
	}
	if len(rep.Missing) > 0 {
		fmt.Fprintf(c.Stderr, "; not in the file: %s", strings.Join(rep.Missing, ", "))
	}
	fmt.Fprintln(c.Stderr)
	if code := c.leftOut("compare", leftOut); code != ExitClean {
		return code
	}
	if len(rep.Findings) > 0 || len(rep.Missing) > 0 {
		return ExitProblems
	}
	return ExitClean
}
