// Command questions asks the example treaties what analysts ask first:
// is it in force on a date, when does the initial term end, what is the
// last day to give notice of non-renewal, and is it a military alliance —
// and why. Of the treaties with many parties it asks too who the parties
// were on chosen days, whether the treaty binds a given pair, and when a
// party would be out if it gave notice on the day.
//
//	go -C examples run ./questions [DATE]
//
// DATE defaults to 2026-03-01.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entente-go/entente/agreement"
)

var files = []string{
	"agreements/ir-ru-csp-2025.yaml",
	"agreements/ru-kp-csp-2024.yaml",
	"agreements/cst-1992.yaml",
	"agreements/anzus-1951.yaml",
}

// membership holds the questions asked of a treaty's membership: the
// days to list its parties on, the pairs to ask about, and the party whose
// way out to ask for.
var membership = map[string]struct {
	days  []string
	pairs [][2]string
	exit  string
}{
	"cst-1992":   {days: []string{"1993-01-01", "1995-01-01", "2000-01-01", "2008-01-01", "2013-01-01"}, pairs: [][2]string{{"ru", "am"}, {"ru", "uz"}}, exit: "am"},
	"anzus-1951": {days: []string{"1980-01-01"}, pairs: [][2]string{{"us", "nz"}, {"au", "nz"}, {"au", "us"}}, exit: "nz"},
}

func main() {
	day := "2026-03-01"
	if len(os.Args) > 1 {
		day = os.Args[1]
	}
	if err := run(os.Stdout, ".", day); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, root, day string) error {
	on, err := agreement.ParseDate(day)
	if err != nil || on.Precision() != agreement.DayPrecision {
		return fmt.Errorf("%q: give a full date, YYYY-MM-DD", day)
	}
	for i, f := range files {
		doc, err := agreement.ReadFile(root + "/" + f)
		if err != nil {
			return err
		}
		if doc.Diagnostics.HasErrors() {
			return doc.Diagnostics.Err()
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		answer(w, doc.Agreement, on)
	}
	return nil
}

func answer(w io.Writer, a *agreement.Agreement, on agreement.Date) {
	fmt.Fprintf(w, "%s\n%s\n", a.ShortTitle, strings.Repeat("=", len([]rune(a.ShortTitle))))

	st := a.StatusOn(on)
	fmt.Fprintf(w, "In force on %s? %s", on, yesNo(st.State == agreement.StateInForce))
	if !st.Since.IsZero() {
		fmt.Fprintf(w, " (%s since %s)", st.State, st.Since)
	}
	fmt.Fprintln(w)
	if eif, ok := a.EntryIntoForce(); ok {
		fmt.Fprintf(w, "  entry into force: %s, from %s\n", eif.Date, eif.Basis)
		for _, c := range eif.Conflicts {
			fmt.Fprintf(w, "  a conflicting report gives %s (%s)\n", c.Date, strings.Join(c.Sources, ", "))
		}
	}
	if st.Disputed != "" {
		fmt.Fprintf(w, "  note: %s\n", st.Disputed)
	}

	sched, ok := a.Schedule(on)
	switch {
	case !ok:
		fmt.Fprintln(w, "When does the initial term end? The data gives no start for the term.")
	case sched.Indefinite:
		fmt.Fprintln(w, "When does the initial term end? Never: the treaty is indefinite, valid until terminated.")
		fmt.Fprintln(w, "Last day to give notice of non-renewal? There is no renewal to refuse.")
	case len(sched.Periods) > 0:
		p := sched.Periods[0]
		fmt.Fprintf(w, "When does the initial term end? It covers %s to %s; from %s it runs only if renewed.\n", p.Start, p.LastDay, p.End)
		if t := a.Term; t.Renewal != nil && t.Renewal.Automatic {
			fmt.Fprintf(w, "  it is renewed automatically for %s at a time\n", t.Renewal.Period.Words())
		}
		for _, x := range sched.Extensions {
			if r := x.Event.Effect.Renewal; r != nil {
				fmt.Fprintf(w, "  the instrument of %s extended it from %s: renewed for %s at a time\n", x.Event.Date, x.From, r.Period.Words())
			}
		}
		if !p.NoticeBy.IsZero() {
			fmt.Fprintf(w, "Last day to give notice of non-renewal? %s (%s before the term ends).\n", p.NoticeBy, a.Term.Notice.Words())
		}
	}

	if q, ok := membership[a.ID]; ok {
		for _, day := range append(q.days, on.String()) {
			fmt.Fprintf(w, "Who are the parties on %s?\n", day)
			for _, m := range a.PartiesOn(agreement.MustDate(day)) {
				fmt.Fprintf(w, "  %-3s %-20s %s", m.Party.ID, m.Party.DisplayName(), strings.ReplaceAll(string(m.State), "-", " "))
				if !m.From.IsZero() {
					fmt.Fprintf(w, " since %s", m.From)
				}
				if !m.Original && m.State != agreement.PartyNotYet {
					fmt.Fprint(w, " (joined later)")
				}
				fmt.Fprintln(w)
			}
		}
		for _, pair := range q.pairs {
			o := a.ObligationsBetween(pair[0], pair[1], on)
			fmt.Fprintf(w, "Does it bind %s and %s toward each other on %s? %s: %s\n", pair[0], pair[1], on, yesNo(o.Binding), o.Reason)
		}
		if x, why, ok := a.EarliestExit(q.exit, on); ok {
			fmt.Fprintf(w, "If %s gave notice on %s, when would it be out? On %s (%s", q.exit, on, x.Out, x.Basis)
			if len(x.Clauses) > 0 {
				fmt.Fprintf(w, "; %s", strings.Join(x.Clauses, ", "))
			}
			fmt.Fprintf(w, "); it would leave %s.\n", map[agreement.WithdrawalEffect]string{agreement.WithdrawalEffectParty: "alone", agreement.WithdrawalEffectAll: "and the treaty would end for all"}[x.Effect])
		} else {
			fmt.Fprintf(w, "If %s gave notice on %s, when would it be out? The data does not say: %s.\n", q.exit, on, why)
		}
	}

	prof := a.SecurityProfileOn(on)
	fmt.Fprintf(w, "A military alliance? %s\n", yesNo(prof.MilitaryAlliance))
	for _, r := range prof.Reasons {
		fmt.Fprintf(w, "  - %s\n", r)
	}
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}
