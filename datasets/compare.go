package datasets

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/tables"
)

// Finding is one place an agreement file and a dataset disagree.
type Finding struct {
	Agreement string `json:"agreement"`
	Dataset   string `json:"dataset"` // atop, cow
	ID        string `json:"id"`      // the alliance's id in the dataset
	Party     string `json:"party,omitempty"`
	Country   string `json:"country,omitempty"`
	Member    int    `json:"member,omitempty"` // the COW state number
	// What disagrees: member (a state one of them has and the other does
	// not), entry, exit, or an obligation (defence, offence, neutrality,
	// non_aggression, consultation).
	What  string `json:"what"`
	Here  string `json:"here"`  // what the agreement file says
	There string `json:"there"` // what the dataset says
	Line  int    `json:"line,omitempty"`
}

func (f Finding) String() string {
	who := f.Country
	if who == "" {
		who = fmt.Sprint(f.Member)
	}
	line := ""
	if f.Line > 0 {
		line = fmt.Sprintf(" (line %d)", f.Line)
	}
	return fmt.Sprintf("%s (%s %s): %s: %s: %s here, %s in %s%s", f.Agreement, f.Dataset, f.ID, who, f.What, f.Here, f.There, f.Dataset, line)
}

// Report is a comparison: the findings, and what was compared.
type Report struct {
	Findings []Finding `json:"findings"`
	Compared []string  `json:"compared"` // the agreements matched to an alliance of the dataset
	// Unmatched are the dataset's alliances no agreement names.
	Unmatched int `json:"unmatched"`
	// Missing are the agreements that name an alliance the dataset does
	// not have.
	Missing []string `json:"missing,omitempty"`
}

// member is what a dataset says of one state in one alliance, its rows
// (phases) taken together.
type member struct {
	code        int
	entry, exit agreement.Date
	ongoing     bool
	flags       map[string]bool
	line        int
}

// Compare compares the agreements that name an alliance of the dataset
// (identifiers, by the layout's name) with its rows: the members, each
// member's entry and exit, and its obligations.
func Compare(as iter.Seq[*agreement.Agreement], l Layout, rows []Membership) Report {
	byID := map[string]map[int]*member{}
	for _, r := range rows {
		ms := byID[r.ID]
		if ms == nil {
			ms = map[int]*member{}
			byID[r.ID] = ms
		}
		m := ms[r.Member]
		if m == nil {
			m = &member{code: r.Member, entry: r.Entry, exit: r.Exit, ongoing: r.Ongoing, flags: map[string]bool{}, line: r.Line}
			ms[r.Member] = m
		}
		if !r.Entry.IsZero() && (m.entry.IsZero() || r.Entry.Compare(m.entry) < 0) {
			m.entry = r.Entry
		}
		m.ongoing = m.ongoing || r.Ongoing
		if !r.Exit.IsZero() && r.Exit.Compare(m.exit) > 0 {
			m.exit = r.Exit
		}
		for k, v := range r.Flags {
			m.flags[k] = m.flags[k] || v
		}
	}
	var rep Report
	named := map[string]bool{}
	for a := range as {
		id := a.Identifiers[l.Name]
		if id == "" {
			continue
		}
		named[id] = true
		ms, ok := byID[id]
		if !ok {
			rep.Missing = append(rep.Missing, a.ID)
			continue
		}
		rep.Compared = append(rep.Compared, a.ID)
		rep.Findings = append(rep.Findings, compareOne(a, l, id, ms)...)
	}
	for id := range byID {
		if !named[id] {
			rep.Unmatched++
		}
	}
	return rep
}

// ours is what the agreement file says of one party.
type ours struct {
	party       agreement.Party
	codes       []int
	entry, exit agreement.Date // the first bound day; the first day out (zero: still bound)
	lastBound   agreement.Date
	obligations tables.Obligations
}

func compareOne(a *agreement.Agreement, l Layout, id string, ms map[int]*member) []Finding {
	system := parties.SystemCOW // both datasets name states by their COW numbers
	var mine []*ours
	for _, p := range a.Parties {
		spells := a.Life().Spells(p.ID)
		o := &ours{party: p, obligations: tables.ObligationsOf(a, p.ID, "")}
		bound := false
		for i, sp := range spells {
			if sp.State.IsBound() {
				if !bound && o.entry.IsZero() {
					o.entry = sp.From
				}
				bound = true
				o.exit, o.lastBound = agreement.Date{}, agreement.Date{}
				if i+1 < len(spells) {
					o.exit = spells[i+1].From
					o.lastBound = spells[i+1].From.AddDays(-1)
				}
			}
		}
		if !bound || p.Country == "" {
			continue
		}
		for _, c := range parties.StateCodes(p.Country) {
			if c.System == system && !slices.Contains(o.codes, c.Code) {
				o.codes = append(o.codes, c.Code)
			}
		}
		mine = append(mine, o)
	}
	var out []Finding
	add := func(o *ours, m *member, what, here, there string) {
		f := Finding{Agreement: a.ID, Dataset: l.Name, ID: id, What: what, Here: here, There: there}
		if o != nil {
			f.Party, f.Country = o.party.ID, o.party.Country
		}
		if m != nil {
			f.Member, f.Line = m.code, m.line
		}
		out = append(out, f)
	}
	matched := map[int]bool{}
	for _, o := range mine {
		var m *member
		for _, c := range o.codes {
			if m = ms[c]; m != nil {
				break
			}
		}
		if m == nil {
			add(o, nil, "member", "a party bound from "+o.entry.String(), "not a member")
			continue
		}
		matched[m.code] = true
		if !m.entry.IsZero() && !agree(o.entry, m.entry) {
			add(o, m, "entry", o.entry.String(), m.entry.String())
		}
		switch {
		case m.ongoing && !o.exit.IsZero():
			add(o, m, "exit", "out from "+o.exit.String(), "still a member")
		case !m.ongoing && o.exit.IsZero():
			add(o, m, "exit", "still bound", "left "+m.exit.String())
		case !m.ongoing && !m.exit.IsZero() && !agree(o.exit, m.exit) && !agree(o.lastBound, m.exit):
			add(o, m, "exit", "out from "+o.exit.String(), "left "+m.exit.String())
		}
		for _, ob := range obligationNames {
			if _, ok := l.Flags[ob]; !ok {
				continue // the dataset does not code it
			}
			here := obligation(o.obligations, ob)
			if here.Present != m.flags[ob] {
				add(o, m, ob, yesNo(here), map[bool]string{true: "coded", false: "not coded"}[m.flags[ob]])
			}
		}
	}
	var extra []*member
	for code, m := range ms {
		if !matched[code] {
			extra = append(extra, m)
		}
	}
	slices.SortFunc(extra, func(x, y *member) int { return cmp.Compare(x.line, y.line) })
	for _, m := range extra {
		add(nil, m, "member", "not a party", "a member from "+orUnknown(m.entry))
	}
	return out
}

var obligationNames = []string{"defence", "offence", "neutrality", "non_aggression", "consultation"}

func obligation(o tables.Obligations, name string) tables.Obligation {
	switch name {
	case "defence":
		return o.Defence
	case "offence":
		return o.Offence
	case "neutrality":
		return o.Neutrality
	case "non_aggression":
		return o.NonAggression
	}
	return o.Consultation
}

func yesNo(o tables.Obligation) string {
	if o.Present {
		return "owed (" + strings.Join(o.Clauses, ", ") + ")"
	}
	return "not owed"
}

func orUnknown(d agreement.Date) string {
	if d.IsZero() {
		return "a day not known"
	}
	return d.String()
}

// agree reports whether two dates say the same at the coarser of their
// precisions: 1952 agrees with 1952-02-18, 1952-02 with 1952-02-15.
func agree(x, y agreement.Date) bool {
	if x.IsZero() || y.IsZero() {
		return x.IsZero() == y.IsZero()
	}
	if x.Year != y.Year {
		return false
	}
	if x.Month == 0 || y.Month == 0 {
		return true
	}
	if x.Month != y.Month {
		return false
	}
	return x.Day == 0 || y.Day == 0 || x.Day == y.Day
}
