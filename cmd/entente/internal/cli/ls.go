package cli

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
)

func (c Command) ls(args []string) int {
	fs := c.flags("ls", "ls [--party CODE] [--topic TOPIC] [--in-force-on DATE] DIR|FILE")
	party := fs.String("party", "", "only agreements this country (ISO 3166-1, or a former country's ISO 3166-3 alpha-4 code) or organisation is party to; with --in-force-on, a party on that day")
	predecessors := fs.Bool("predecessors", false, "with --party: also the agreements of the former countries it succeeded (RU: the USSR's)")
	topic := fs.String("topic", "", "only agreements covering this topic or one below it")
	inForce := fs.String("in-force-on", "", "only agreements in force on this date (YYYY-MM-DD)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	var on agreement.Date
	if *inForce != "" {
		d, err := agreement.ParseDate(*inForce)
		if err != nil || d.Precision() != agreement.DayPrecision {
			fmt.Fprintf(c.Stderr, "entente ls: --in-force-on %q: give a full date, YYYY-MM-DD\n", *inForce)
			return ExitUsage
		}
		on = d
	}
	set, err := lsSet(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente ls: %v\n", err)
		return ExitFailure
	}
	cfg, ok := c.configFor("ls", "")
	if !ok {
		return ExitUsage
	}
	status := today()
	if !cfg.Date.IsZero() {
		status = cfg.Date
	}
	if !on.IsZero() {
		status = on
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "ID\tKIND\tPARTIES\tSTATUS ON %s\tTITLE\n", status)
	skipped := 0
	for _, doc := range set.Documents {
		a := doc.Agreement
		if a == nil || doc.Diagnostics.HasErrors() {
			skipped++
			continue
		}
		switch {
		case *party == "":
		case !on.IsZero() && !a.Binds(*party, on) && !(*predecessors && bindsPredecessor(a, *party, on)):
			continue // not a party on that day: not yet joined, or left
		case on.IsZero() && !a.Involves(*party) && !(*predecessors && a.InvolvesOrPredecessor(*party)):
			continue
		}
		if *topic != "" && !a.CoversTopic(*topic, nil) {
			continue
		}
		st := a.StatusOn(status)
		if !on.IsZero() && st.State != agreement.StateInForce {
			continue
		}
		var ps []string
		for _, p := range a.Parties {
			code := p.Country
			if code == "" {
				code = p.ID
			}
			ps = append(ps, code)
		}
		title := a.ShortTitle
		if title == "" {
			title = a.Title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.ID, a.Kind, strings.Join(ps, ","), st.State, title)
	}
	tw.Flush()
	if skipped > 0 {
		fmt.Fprintf(c.Stderr, "entente ls: %s with errors left out; run entente validate\n", plural(skipped, "file"))
	}
	return ExitClean
}

// bindsPredecessor reports whether a former country that code succeeded
// was bound by the agreement on day.
func bindsPredecessor(a *agreement.Agreement, code string, day agreement.Date) bool {
	for _, f := range parties.Predecessors(code) {
		if a.Binds(f.Alpha4, day) {
			return true
		}
	}
	return false
}

// lsSet loads the agreements of a folder, or the one of a file, for their
// models.
func lsSet(path string) (*agreement.Set, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	l := agreement.Loader{ModelsOnly: true}
	if !info.IsDir() {
		doc, err := l.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return agreement.NewSet(doc), nil
	}
	return l.ReadFS(os.DirFS(path), ".")
}
