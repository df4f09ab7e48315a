// Command summary loads an agreement and prints what a reader wants first:
// title, kind, parties and signatories, term, key dates and the areas of
// cooperation.
//
//	go -C examples run ./summary [FILE]
//
// Without FILE it reads the Iran–Russia treaty of 2025 from
// examples/agreements.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

func main() {
	file := "agreements/ir-ru-csp-2025.yaml"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	if err := run(os.Stdout, file); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, file string) error {
	doc, err := agreement.ReadFile(file)
	if err != nil {
		return err
	}
	if doc.Diagnostics.HasErrors() {
		return doc.Diagnostics.Err()
	}
	a := doc.Agreement
	fmt.Fprintf(w, "%s\n", a.Title)
	if a.ShortTitle != "" {
		fmt.Fprintf(w, "(%s)\n", a.ShortTitle)
	}
	fmt.Fprintf(w, "\nKind:     %s, version %q (%s", a.Kind, a.Version.Label, a.Version.Stage)
	if !a.Version.Date.IsZero() {
		fmt.Fprintf(w, ", %s", a.Version.Date)
	}
	fmt.Fprintln(w, ")")

	fmt.Fprintln(w, "\nParties:")
	for _, p := range a.Parties {
		fmt.Fprintf(w, "  %-4s %s", p.ID, p.DisplayName())
		var names []string
		for _, s := range p.Signatories {
			names = append(names, s.Name+", "+s.Office)
		}
		if len(names) > 0 {
			fmt.Fprintf(w, " — signed by %s", strings.Join(names, "; "))
		}
		fmt.Fprintln(w)
	}
	if len(a.Contexts) > 0 {
		var names []string
		for _, c := range a.Contexts {
			if o, ok := parties.LookupOrganisation(c); ok {
				names = append(names, o.Name)
			} else {
				names = append(names, c)
			}
		}
		fmt.Fprintf(w, "  acting also through: %s\n", strings.Join(names, ", "))
	}

	if t := a.Term; t != nil {
		fmt.Fprintln(w, "\nTerm:")
		switch {
		case t.Indefinite:
			fmt.Fprintln(w, "  indefinite, until terminated")
		case !t.Duration.IsZero():
			fmt.Fprintf(w, "  %s", t.Duration.Words())
			if t.From != "" {
				fmt.Fprintf(w, " from %s", strings.ReplaceAll(string(t.From), "-", " "))
			}
			fmt.Fprintln(w)
		}
		if r := t.Renewal; r != nil {
			how := "renewable"
			if r.Automatic {
				how = "renewed automatically"
			}
			fmt.Fprintf(w, "  %s for periods of %s\n", how, r.Period.Words())
		}
		if !t.Notice.IsZero() {
			fmt.Fprintf(w, "  notice to end or not renew: %s\n", t.Notice.Words())
		}
		if e := t.EntryIntoForce; e != nil {
			fmt.Fprintf(w, "  enters into force %s after the %s\n", e.Delay.Words(), strings.ReplaceAll(string(e.After), "-", " "))
		}
	}

	fmt.Fprintln(w, "\nDates:")
	for _, e := range a.Timeline {
		fmt.Fprintf(w, "  %-12s %s", e.Date, strings.ReplaceAll(string(e.Event), "-", " "))
		if e.Party != "" {
			fmt.Fprintf(w, " (%s", e.Party)
			if e.Organ != "" {
				fmt.Fprintf(w, ", %s", e.Organ)
			}
			fmt.Fprint(w, ")")
		}
		if e.Place != "" {
			fmt.Fprintf(w, " in %s", e.Place)
		}
		if a.Timeline.Disputed(e) {
			if e.Preferred {
				fmt.Fprint(w, " [reports differ; preferred]")
			} else {
				fmt.Fprint(w, " [reports differ]")
			}
			fmt.Fprintf(w, " per %s", strings.Join(e.Sources, ", "))
		}
		fmt.Fprintln(w)
	}

	if len(a.Cooperation) > 0 {
		fmt.Fprintln(w, "\nCooperation:")
		tax := topics.Builtin()
		for _, c := range a.Cooperation {
			label := c.Topic
			if tp, ok := tax.Lookup(c.Topic); ok {
				label = tp.Label
			}
			fmt.Fprintf(w, "  %-28s %s\n", label, c.Summary)
		}
	}
	return nil
}
