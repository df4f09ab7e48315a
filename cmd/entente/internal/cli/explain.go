package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/entente-go/entente/tables"
)

func (c Command) explain(args []string) int {
	fs := c.flags("explain", "explain FILE --party ID [--towards ID] --year YEAR [--format text|json]")
	party := fs.String("party", "", "the party of the row (a party id of the file)")
	towards := fs.String("towards", "", "for a dyad's cell: the other party")
	year := fs.Int("year", 0, "the year of the row")
	format := fs.String("format", "text", "output format: text or json")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *party == "" || *year == 0 || (*format != "text" && *format != "json") {
		fs.Usage()
		return ExitUsage
	}
	cfg, ok := c.configFor("explain", "", c.paints(fs, true))
	if !ok {
		return ExitUsage
	}
	doc, err := c.readDoc(fs.Arg(0), "", cfg)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente explain: %v\n", err)
		return ExitFailure
	}
	if doc.Agreement == nil || doc.Diagnostics.HasErrors() {
		fmt.Fprintf(c.Stderr, "entente explain: %s has errors; run entente validate\n", fs.Arg(0))
		return ExitProblems
	}
	ex, err := tables.Explain(doc.Agreement, *party, *towards, *year)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente explain: %v\n", err)
		return ExitUsage
	}
	if *format == "json" {
		out, _ := json.MarshalIndent(ex, "", "  ")
		fmt.Fprintf(c.Stdout, "%s\n", out)
		return ExitClean
	}
	writeExplanation(c.Stdout, ex)
	return ExitClean
}

// writeExplanation prints what a row's cells rest on.
func writeExplanation(w io.Writer, ex tables.Explanation) {
	who := ex.Party
	if ex.Towards != "" {
		who += " toward " + ex.Towards
	}
	fmt.Fprintf(w, "%s, %s, %d\n\nObligations\n", ex.Agreement, who, ex.Year)
	if len(ex.Commitments) == 0 {
		fmt.Fprintln(w, "  none of the five")
	}
	for _, cm := range ex.Commitments {
		c := cm.Commitment
		line := fmt.Sprintf("  %-15s %s", cm.Obligation, cm.Clause)
		if cm.Heading != "" {
			line += " (" + cm.Heading + ")"
		}
		line += fmt.Sprintf(": %s %s %s", c.By, c.Modality, c.Kind)
		if c.Towards != "" {
			line += " towards " + c.Towards
		}
		if c.Trigger != "" {
			line += ", on " + string(c.Trigger)
		}
		for _, s := range []struct{ what, v string }{{"scope", c.Scope}, {"condition", c.Condition}} {
			if s.v != "" {
				line += "; " + s.what + ": " + s.v
			}
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, "\nSpells")
	for _, s := range ex.Spells {
		sp := s.Spell
		span := "from " + sp.From.String()
		if sp.FromAtLatest {
			span += " or earlier"
		}
		if !s.Until.IsZero() {
			span += " to " + s.Until.String()
		}
		fmt.Fprintf(w, "  %-5s %s %s: %s\n", s.Party, strings.ReplaceAll(string(sp.State), "-", " "), span, sp.Basis)
		for _, e := range s.Events {
			fmt.Fprintf(w, "        %s %s%s\n", e.Date, e.Event, sourcesWords(e.Sources))
		}
		for _, e := range sp.NotTaken {
			fmt.Fprintf(w, "        a report not taken: %s %s%s\n", e.Date, e.Event, sourcesWords(e.Sources))
		}
	}
	if ex.Towards != "" {
		fmt.Fprintln(w, "\nBetween them")
		for _, p := range ex.Pair {
			state := "not binding"
			if p.Binding {
				state = "binding"
			}
			fmt.Fprintf(w, "  %s from %s: %s\n", state, p.From, p.Reason)
			for _, e := range p.Events {
				fmt.Fprintf(w, "        %s %s of %s towards %s%s\n", e.Date, e.Event, e.Party, e.Towards, sourcesWords(e.Sources))
			}
		}
	}
}

func sourcesWords(ids []string) string {
	if len(ids) == 0 {
		return " (no source cited)"
	}
	return " (" + strings.Join(ids, ", ") + ")"
}
