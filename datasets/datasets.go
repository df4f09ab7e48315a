// Package datasets reads the member-level files of the alliance datasets
// analysts use, from the user's own copy, and says where the agreement
// files disagree with them: ATOP 5.1's atop5_1m.csv and the Correlates of
// War formal alliances' alliance_v4.1_by_member.csv. The datasets are not
// part of this module (their maintainers ask that software not pass them
// on); only their column layouts are.
//
// An agreement is matched to a dataset's alliance by its identifiers
// (identifiers: {atop: "...", cow: "..."}), a party to a member by its
// country's code in that system (parties.StateCodeIn), so a party whose
// code changed (Germany's 260 and 255) is matched by either.
package datasets

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// Layout is the columns of a dataset's member-level file.
type Layout struct {
	Name   string // the identifiers key and the name in findings: atop, cow
	ID     string // the alliance's id
	Member string // the member's COW state number
	// The entry and exit dates, as year, month and day columns.
	EntryYear, EntryMonth, EntryDay string
	ExitYear, ExitMonth, ExitDay    string
	// Flags are the obligation columns, by the name of the obligation
	// (tables' names: defence, offence, neutrality, non_aggression,
	// consultation).
	Flags map[string]string
}

// ATOP is ATOP 5.1's member-level file (atop5_1m.csv). An exit year of 0
// means the membership goes on; a -9 is not known.
var ATOP = Layout{Name: "atop", ID: "atopid", Member: "member",
	EntryYear: "yrent", EntryMonth: "moent", EntryDay: "dayent", ExitYear: "yrexit", ExitMonth: "moexit", ExitDay: "dayexit",
	Flags: map[string]string{"defence": "defense", "offence": "offense", "neutrality": "neutral", "non_aggression": "nonagg", "consultation": "consul"}}

// COW is the Correlates of War formal alliances' member-level file
// (alliance_v4.1_by_member.csv). An empty exit year means the membership
// goes on; a -9 is not known. Its entente is the obligation to consult.
var COW = Layout{Name: "cow", ID: "version4id", Member: "ccode",
	EntryYear: "mem_st_year", EntryMonth: "mem_st_month", EntryDay: "mem_st_day", ExitYear: "mem_end_year", ExitMonth: "mem_end_month", ExitDay: "mem_end_day",
	Flags: map[string]string{"defence": "defense", "neutrality": "neutrality", "non_aggression": "nonaggression", "consultation": "entente"}}

// Layouts are the layouts this package reads, by name.
var Layouts = []Layout{ATOP, COW}

// Membership is one row of a member-level file: a state's membership of
// an alliance, or of one of its phases.
type Membership struct {
	ID      string
	Member  int
	Entry   agreement.Date // as precise as the file gives it; zero when not known
	Exit    agreement.Date // zero when it goes on, or is not known (ExitKnown)
	Ongoing bool
	Flags   map[string]bool
	Line    int // its line in the file
}

// Read reads a member-level file in a layout. A missing column or a value
// that is not a number is an error that names the file, the line and the
// column.
func Read(r io.Reader, name string, l Layout) ([]Membership, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	need := []string{l.ID, l.Member, l.EntryYear, l.ExitYear}
	for _, c := range l.Flags {
		need = append(need, c)
	}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:1: no column %q: this is not %s's member-level layout", name, c, strings.ToUpper(l.Name))
		}
	}
	var out []Membership
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err) // a csv.ParseError names the line
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		number := func(c string) (int, error) {
			v := get(c)
			if v == "" || v == "." || strings.EqualFold(v, "NA") {
				return 0, nil
			}
			f, err := strconv.ParseFloat(v, 64) // Stata and R may write 1952.0
			if err != nil || f != float64(int(f)) {
				return 0, fmt.Errorf("%s:%d: column %s: %q is not a whole number", name, line, c, v)
			}
			return int(f), nil
		}
		m := Membership{ID: get(l.ID), Line: line, Flags: map[string]bool{}}
		var errs []error
		var n int
		if n, err = number(l.Member); err != nil {
			errs = append(errs, err)
		}
		m.Member = n
		var entry, exit [3]int
		for i, c := range []string{l.EntryYear, l.EntryMonth, l.EntryDay} {
			if entry[i], err = number(c); err != nil {
				errs = append(errs, err)
			}
		}
		for i, c := range []string{l.ExitYear, l.ExitMonth, l.ExitDay} {
			if exit[i], err = number(c); err != nil {
				errs = append(errs, err)
			}
		}
		for ob, c := range l.Flags {
			if n, err = number(c); err != nil {
				errs = append(errs, err)
			}
			m.Flags[ob] = n == 1
		}
		if len(errs) > 0 {
			return nil, errs[0]
		}
		m.Entry = dateOf(entry)
		m.Exit = dateOf(exit)
		m.Ongoing = exit[0] == 0 || get(l.ExitYear) == ""
		out = append(out, m)
	}
}

// dateOf makes a date of a year, month and day, as precise as they are
// known (a -9, or 0, is not known).
func dateOf(ymd [3]int) agreement.Date {
	y, m, d := ymd[0], ymd[1], ymd[2]
	if y <= 0 {
		return agreement.Date{}
	}
	out := agreement.Date{Year: y}
	if m >= 1 && m <= 12 {
		out.Month = m
		if d >= 1 && d <= 31 {
			out.Day = d
		}
	}
	if !out.Valid() {
		out.Day = 0 // a day the month does not have: the month is still known
	}
	return out
}
