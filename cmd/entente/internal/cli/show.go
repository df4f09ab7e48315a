package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

// ShowFormatVersion versions the JSON that `entente show --format json`
// prints. It changes when a field changes meaning or goes away.
const ShowFormatVersion = "entente.show/v1"

// showReport is what `entente show` says about an agreement.
type showReport struct {
	Format     string      `json:"format"`
	File       string      `json:"file"`
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	ShortTitle string      `json:"short_title,omitempty"`
	Kind       string      `json:"kind"`
	Version    string      `json:"version"`
	Parties    []showParty `json:"parties"`
	Contexts   []string    `json:"contexts,omitempty"`
	On         string      `json:"on"`
	Status     showStatus  `json:"status"`
	Term       *showTerm   `json:"term,omitempty"`
	Profile    showProfile `json:"security_profile"`
	// Suspended are the pairs of parties whose obligations toward each
	// other are suspended on the day.
	Suspended []string    `json:"obligations_suspended,omitempty"`
	Areas     []showArea  `json:"cooperation,omitempty"`
	Timeline  []showEvent `json:"timeline,omitempty"`
}

type showParty struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Roles       []string `json:"roles,omitempty"`
	Signatories []string `json:"signatories,omitempty"`
	// The party's standing on the day of the report.
	State         string `json:"state"`
	Since         string `json:"since,omitempty"`
	SinceAtLatest bool   `json:"since_at_latest,omitempty"` // since then or earlier: the day is not recorded
	Original      bool   `json:"original"`                  // signed before entry into force, rather than acceded
	Leaving       string `json:"leaving,omitempty"`
	Basis         string `json:"basis,omitempty"`
	// Spells are its life in the agreement, as the whole record gives it.
	Spells []showSpell `json:"spells,omitempty"`
	// Exit is its way out if it gave notice on the day; ExitNone says why
	// there is none.
	Exit     *showExit `json:"earliest_exit,omitempty"`
	ExitNone string    `json:"no_exit,omitempty"`
}

type showSpell struct {
	State     string   `json:"state"`
	From      string   `json:"from"`
	Basis     string   `json:"basis,omitempty"`
	Events    []string `json:"events,omitempty"`    // "acceded 2006-08-16"
	NotTaken  []string `json:"not_taken,omitempty"` // other reports of those events: "2006-06-23 (panarmenian-2006)"
	Contested bool     `json:"contested,omitempty"`
}

type showExit struct {
	NoticeOn string   `json:"notice_on"`
	Out      string   `json:"out"`
	Effect   string   `json:"effect"`
	Basis    string   `json:"basis"`
	Clauses  []string `json:"clauses,omitempty"`
}

type showStatus struct {
	State         string `json:"state"`
	Since         string `json:"since,omitempty"`
	SinceAtLatest bool   `json:"since_at_latest,omitempty"` // since then or earlier: the day is not recorded
	Until         string `json:"until,omitempty"`           // the first day after the current period
	Disputed      string `json:"disputed,omitempty"`
}

type showTerm struct {
	EntryIntoForce string   `json:"entry_into_force,omitempty"`
	AtLatest       bool     `json:"entry_into_force_at_latest,omitempty"` // in force by EntryIntoForce; the day it entered is not recorded
	Basis          string   `json:"basis,omitempty"`
	Conflicting    []string `json:"conflicting_reports,omitempty"`
	Indefinite     bool     `json:"indefinite,omitempty"`
	Duration       string   `json:"duration,omitempty"`
	InitialEnd     string   `json:"initial_term_ends,omitempty"` // the first day after the initial term
	Renewal        string   `json:"renewal,omitempty"`
	NextNoticeBy   string   `json:"next_notice_by,omitempty"` // the last day to give notice before the current period ends
	NoDeadline     string   `json:"no_deadline,omitempty"`    // why there is none, when the term has a notice period
	Withdrawal     string   `json:"withdrawal,omitempty"`     // how a party leaves, in words
	Extensions     []string `json:"extensions,omitempty"`     // later instruments that extended the term, in words
	Ended          string   `json:"ended,omitempty"`
}

type showProfile struct {
	MilitaryAlliance bool                `json:"military_alliance"`
	ATOPAlliance     bool                `json:"atop_alliance"`
	Flags            map[string][]string `json:"flags"` // flag -> clause ids
	Reasons          []string            `json:"reasons"`
}

type showArea struct {
	Topic   string `json:"topic"`
	Label   string `json:"label"`
	Summary string `json:"summary,omitempty"`
}

type showEvent struct {
	Date      string `json:"date"`
	Event     string `json:"event"`
	Party     string `json:"party,omitempty"`
	Towards   string `json:"towards,omitempty"`
	Organ     string `json:"organ,omitempty"`
	Conflict  bool   `json:"conflicting,omitempty"`
	Preferred bool   `json:"preferred,omitempty"`
}

func today() agreement.Date { return agreement.DateOf(time.Now().UTC()) }

// fullDate reads a flag's day: a date that exists, given in full. Its
// error says which of the two it is not.
func fullDate(s string) (agreement.Date, error) {
	d, err := agreement.ParseDate(s)
	switch {
	case err != nil:
		return agreement.Date{}, err
	case d.Precision() != agreement.DayPrecision || d.Approximate || d.Uncertain:
		return agreement.Date{}, fmt.Errorf("%q is not a full date: give a day, YYYY-MM-DD", s)
	}
	return d, nil
}

func (c Command) show(args []string) int {
	fs := c.flags("show", "show [--at DATE] [--format text|json] FILE")
	at := fs.String("at", "", "the date to give the status on (YYYY-MM-DD; default today)")
	format := fs.String("format", "text", "output format: text or json")
	stdinName := fs.String("stdin-filename", defaultStdinName, stdinNameUsage)
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || (*format != "text" && *format != "json") {
		fs.Usage()
		return ExitUsage
	}
	cfg, ok := c.configFor("show", "", c.paints(fs, true))
	if !ok {
		return ExitUsage
	}
	on := today()
	if !cfg.Date.IsZero() {
		on = cfg.Date // the configuration's day, for output that does not change from day to day
	}
	if *at != "" {
		d, err := fullDate(*at)
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente show: --at: %v\n", err)
			return ExitUsage
		}
		on = d
	}
	doc, err := c.readDoc(fs.Arg(0), *stdinName, cfg)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente show: %v\n", err)
		return ExitFailure
	}
	if doc.Diagnostics.HasErrors() {
		for _, d := range doc.Diagnostics.Errors() {
			writeText(c.Stderr, doc.Source, d, c.paints(fs, true))
		}
		fmt.Fprintf(c.Stderr, "entente show: %s has errors; run entente validate\n", fs.Arg(0))
		return ExitProblems
	}
	r := report(doc, on)
	if *format == "json" {
		enc := json.NewEncoder(c.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return ExitFailure
		}
		return ExitClean
	}
	writeShow(c.Stdout, r)
	return ExitClean
}

func report(doc *agreement.Document, on agreement.Date) showReport {
	a := doc.Agreement
	r := showReport{
		Format: ShowFormatVersion, File: doc.Name, ID: a.ID, Title: a.Title, ShortTitle: a.ShortTitle,
		Kind: string(a.Kind), Version: fmt.Sprintf("%s (%s)", a.Version.Label, a.Version.Stage), On: on.String(),
	}
	members := a.PartiesOn(on)
	for i, p := range a.Parties {
		m := members[i]
		sp := showParty{ID: p.ID, Name: p.DisplayName(), State: string(m.State), Since: str(m.From), SinceAtLatest: m.FromAtLatest, Original: m.Original,
			Leaving: str(m.Leaving), Basis: m.Basis}
		for _, s := range a.Life().Spells(p.ID) {
			spell := showSpell{State: string(s.State), From: str(s.From), Basis: s.Basis, Contested: s.Contested}
			for _, e := range s.Events {
				spell.Events = append(spell.Events, fmt.Sprintf("%s %s", e.Event, e.Date))
			}
			for _, e := range s.NotTaken {
				spell.NotTaken = append(spell.NotTaken, fmt.Sprintf("%s (%s)", e.Date, strings.Join(e.Sources, ", ")))
			}
			sp.Spells = append(sp.Spells, spell)
		}
		if x, why, ok := a.EarliestExit(p.ID, on); ok {
			sp.Exit = &showExit{NoticeOn: str(x.NoticeOn), Out: str(x.Out), Effect: string(x.Effect), Basis: x.Basis, Clauses: x.Clauses}
		} else {
			sp.ExitNone = why
		}
		for _, role := range p.Roles {
			sp.Roles = append(sp.Roles, string(role))
		}
		for _, s := range p.Signatories {
			name := s.Name
			if s.Office != "" {
				name += ", " + s.Office
			}
			sp.Signatories = append(sp.Signatories, name)
		}
		r.Parties = append(r.Parties, sp)
	}
	for _, code := range a.Contexts {
		name := code
		if o, ok := parties.LookupOrganisation(code); ok {
			name = o.Name
		}
		r.Contexts = append(r.Contexts, name)
	}
	st := a.StatusOn(on)
	r.Status = showStatus{State: string(st.State), Since: str(st.Since), SinceAtLatest: st.SinceAtLatest, Until: str(st.Until), Disputed: st.Disputed}
	if sched, ok := a.Schedule(on); ok || a.Term != nil {
		t := &showTerm{Indefinite: sched.Indefinite}
		if eif := sched.EntryIntoForce; !eif.Date.IsZero() {
			t.EntryIntoForce, t.Basis, t.AtLatest = eif.Date.String(), eif.Basis, eif.AtLatest
			for _, o := range eif.Conflicts {
				t.Conflicting = append(t.Conflicting, fmt.Sprintf("%s (%s)", o.Date, strings.Join(o.Sources, ", ")))
			}
		}
		if a.Term != nil {
			t.Duration = a.Term.Duration.Words()
			if a.Term.Duration.IsZero() {
				t.Duration = ""
			}
			if rn := a.Term.Renewal; rn != nil {
				t.Renewal = "by periods of " + rn.Period.Words()
				if rn.Automatic {
					t.Renewal = "automatically, " + t.Renewal
				}
			}
		}
		if len(sched.Periods) > 0 {
			t.InitialEnd = str(sched.Periods[0].End)
		}
		if next, why, ok := a.NextNoticeBy(on); ok {
			t.NextNoticeBy = str(next.Date)
		} else if a.Term != nil && !a.Term.Notice.IsZero() && !a.Term.Indefinite {
			t.NoDeadline = why
		}
		if w := a.Term; w != nil && w.Withdrawal != nil {
			t.Withdrawal = withdrawalWords(a)
		}
		for _, x := range sched.Extensions {
			t.Extensions = append(t.Extensions, extensionWords(x))
		}
		t.Ended = str(sched.Ended)
		r.Term = t
	}
	prof := a.SecurityProfileOn(on)
	r.Profile = showProfile{MilitaryAlliance: prof.MilitaryAlliance, ATOPAlliance: prof.ATOPAlliance, Reasons: prof.Reasons, Flags: map[string][]string{}}
	for name, f := range map[string]agreement.Flag{
		"defence": prof.Defence, "offence": prof.Offence, "neutrality": prof.Neutrality, "non_aggression": prof.NonAggression,
		"consultation_crisis": prof.ConsultationCrisis, "consultation_general": prof.ConsultationGeneral,
	} {
		if f.Present {
			r.Profile.Flags[name] = f.Clauses
		}
	}
	for _, x := range a.Parties {
		for _, y := range a.Parties {
			if x.ID >= y.ID {
				continue
			}
			o := a.ObligationsBetween(x.ID, y.ID, on)
			if !o.Binding && len(o.Events) > 0 && o.Events[0].Event == agreement.EventObligationsSuspended {
				r.Suspended = append(r.Suspended, o.Reason)
			}
		}
	}
	tax := topics.Builtin()
	for _, area := range a.Cooperation {
		label := area.Topic
		if tp, ok := tax.Lookup(area.Topic); ok {
			label = tp.Label
		}
		r.Areas = append(r.Areas, showArea{Topic: area.Topic, Label: label, Summary: area.Summary})
	}
	for _, e := range a.Timeline {
		r.Timeline = append(r.Timeline, showEvent{Date: e.Date.String(), Event: string(e.Event), Party: e.Party, Towards: e.Towards,
			Organ: e.Organ, Preferred: e.Preferred, Conflict: a.Timeline.Disputed(e)})
	}
	return r
}

// eventful reports whether a party's spells tell more than "signed, then
// bound": it joined later, left, was suspended or frozen.
func eventful(spells []showSpell) bool {
	if len(spells) > 2 {
		return true
	}
	for _, s := range spells {
		if s.State != string(agreement.PartySignatory) && s.State != string(agreement.PartyBound) {
			return true
		}
	}
	return false
}

func str(d agreement.Date) string {
	switch {
	case d.IsZero():
		return ""
	case d.Year > 9999:
		// Reckoned past the calendar the format writes (a term run on from
		// late in it): said as such, not as a date no file could hold.
		return "after 9999-12-31"
	}
	return d.String()
}

func writeShow(w io.Writer, r showReport) {
	fmt.Fprintln(w, r.Title)
	if r.ShortTitle != "" {
		fmt.Fprintf(w, "(%s)\n", r.ShortTitle)
	}
	fmt.Fprintf(w, "\n  id       %s\n  kind     %s, version %s\n", r.ID, r.Kind, r.Version)
	fmt.Fprintln(w, "\nParties")
	for _, p := range r.Parties {
		fmt.Fprintf(w, "  %-4s %s", p.ID, p.Name)
		if len(p.Signatories) > 0 {
			fmt.Fprintf(w, " — signed by %s", strings.Join(p.Signatories, "; "))
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "       on %s: %s", r.On, strings.ReplaceAll(p.State, "-", " "))
		if p.Since != "" {
			fmt.Fprintf(w, " since %s%s", p.Since, orEarlier(p.SinceAtLatest))
		}
		if p.Leaving != "" {
			fmt.Fprintf(w, ", leaving on %s", p.Leaving)
		}
		if !p.Original && p.State != string(agreement.PartyNotYet) {
			fmt.Fprint(w, "; joined later")
		}
		if slices.Contains(p.Roles, "depositary") {
			fmt.Fprint(w, "; depositary")
		}
		fmt.Fprintln(w)
		if eventful(p.Spells) {
			// Its history, when there is more to it than signing and
			// being bound.
			for _, s := range p.Spells {
				fmt.Fprintf(w, "         %-10s %s", s.From, strings.ReplaceAll(s.State, "-", " "))
				if s.Basis != "" {
					fmt.Fprintf(w, ": %s", s.Basis)
				}
				if s.Contested {
					fmt.Fprint(w, " (contested)")
				}
				fmt.Fprintln(w)
			}
		}
	}
	for _, s := range r.Suspended {
		fmt.Fprintf(w, "  obligations suspended: %s\n", s)
	}
	if len(r.Contexts) > 0 {
		fmt.Fprintf(w, "  acting also through %s\n", strings.Join(r.Contexts, ", "))
	}
	fmt.Fprintf(w, "\nStatus on %s\n  %s", r.On, strings.ReplaceAll(r.Status.State, "-", " "))
	if r.Status.Since != "" {
		fmt.Fprintf(w, " since %s%s", r.Status.Since, orEarlier(r.Status.SinceAtLatest))
	}
	if until, err := agreement.ParseDate(r.Status.Until); err == nil {
		fmt.Fprintf(w, "; the current period runs through %s", until.AddDays(-1))
	}
	fmt.Fprintln(w)
	if r.Status.Disputed != "" {
		fmt.Fprintf(w, "  note: %s\n", r.Status.Disputed)
	}
	if t := r.Term; t != nil {
		fmt.Fprintln(w, "\nTerm")
		if t.EntryIntoForce != "" && t.AtLatest {
			fmt.Fprintf(w, "  entry into force  by %s at the latest, from %s\n", t.EntryIntoForce, t.Basis)
		} else if t.EntryIntoForce != "" {
			fmt.Fprintf(w, "  entry into force  %s, from %s\n", t.EntryIntoForce, t.Basis)
			for _, c := range t.Conflicting {
				fmt.Fprintf(w, "  a report differs  %s\n", c)
			}
		}
		switch {
		case t.Indefinite:
			fmt.Fprintln(w, "  duration          indefinite, until terminated")
		case t.Duration != "":
			fmt.Fprintf(w, "  duration          %s\n", t.Duration)
		}
		if t.InitialEnd != "" {
			fmt.Fprintf(w, "  initial term ends %s (in force through the day before)\n", t.InitialEnd)
		}
		if t.Renewal != "" {
			fmt.Fprintf(w, "  renewal           %s\n", t.Renewal)
		}
		for _, x := range t.Extensions {
			fmt.Fprintf(w, "  extended          %s\n", x)
		}
		if t.NextNoticeBy != "" {
			fmt.Fprintf(w, "  next notice by    %s\n", t.NextNoticeBy)
		}
		if t.NoDeadline != "" {
			fmt.Fprintf(w, "  next notice by    none: %s\n", t.NoDeadline)
		}
		if t.Withdrawal != "" {
			fmt.Fprintf(w, "  withdrawal        %s\n", t.Withdrawal)
		}
		if t.Ended != "" {
			fmt.Fprintf(w, "  ended             %s\n", t.Ended)
		}
	}
	fmt.Fprintln(w, "\nSecurity profile")
	for _, reason := range r.Profile.Reasons {
		fmt.Fprintf(w, "  - %s\n", reason)
	}
	if len(r.Areas) > 0 {
		fmt.Fprintln(w, "\nCooperation")
		for _, a := range r.Areas {
			fmt.Fprintf(w, "  %-28s %s\n", a.Label, a.Summary)
		}
	}
	if len(r.Timeline) > 0 {
		fmt.Fprintln(w, "\nTimeline")
		for _, e := range r.Timeline {
			fmt.Fprintf(w, "  %-12s %s", e.Date, strings.ReplaceAll(e.Event, "-", " "))
			if e.Party != "" {
				fmt.Fprintf(w, " (%s", e.Party)
				if e.Towards != "" {
					fmt.Fprintf(w, " → %s", e.Towards)
				}
				if e.Organ != "" {
					fmt.Fprintf(w, ", %s", e.Organ)
				}
				fmt.Fprint(w, ")")
			}
			if e.Conflict {
				fmt.Fprint(w, " [reports differ")
				if e.Preferred {
					fmt.Fprint(w, "; preferred")
				}
				fmt.Fprint(w, "]")
			}
			fmt.Fprintln(w)
		}
	}
}

// withdrawalWords says how a party leaves the agreement.
func withdrawalWords(a *agreement.Agreement) string {
	w := a.Term.Withdrawal
	var parts []string
	switch {
	case !w.After.IsZero():
		parts = append(parts, "notice from "+w.After.Words()+" after entry into force")
	case !w.NotBefore.IsZero():
		parts = append(parts, "notice from "+w.NotBefore.String())
	default:
		parts = append(parts, "notice at any time")
	}
	notice := w.Notice
	if notice.IsZero() {
		notice = a.Term.Notice
	}
	if !notice.IsZero() {
		parts = append(parts, "out "+notice.Words()+" after it")
	}
	if w.Receiver != "" {
		parts = append(parts, "to "+w.Receiver)
	}
	switch w.Effect {
	case agreement.WithdrawalEffectAll:
		parts = append(parts, "and the agreement ends for all")
	default:
		parts = append(parts, "and the party leaves alone")
	}
	out := strings.Join(parts, ", ")
	if len(w.Clauses) > 0 {
		out += " (" + strings.Join(w.Clauses, ", ") + ")"
	}
	return out
}

// extensionWords says how a later instrument extended the term.
func extensionWords(x agreement.Extension) string {
	f := x.Event.Effect
	var how string
	switch {
	case f.Renewal != nil && f.Renewal.Automatic:
		how = "renewed automatically by periods of " + f.Renewal.Period.Words()
	case f.Renewal != nil:
		how = "renewable by periods of " + f.Renewal.Period.Words()
	case !f.Until.IsZero():
		how = "until " + f.Until.String()
	default:
		how = "by " + f.By.Words()
	}
	out := fmt.Sprintf("from %s by the instrument of %s: %s", x.From, x.Event.Date, how)
	if len(f.Parties) > 0 {
		out += "; binding " + strings.Join(f.Parties, ", ")
		if f.OthersLeave {
			out += " (the others left)"
		}
	}
	return out
}

// orEarlier is what follows a day the record gives only as the latest a
// state can have begun.
func orEarlier(atLatest bool) string {
	if atLatest {
		return " or earlier (the day is not recorded)"
	}
	return ""
}
