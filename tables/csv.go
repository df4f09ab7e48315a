package tables

import (
	"iter"
	"strconv"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// Table is one of the tables, for a program that writes any of them by
// name (entente table): its name, what a row is, its CSV columns, and its
// rows, each as its CSV record beside the typed row (for JSON).
//
// In a record a flag is 1 or 0; a list (clauses, sources, conditions) is
// joined by "; "; a date is written as the format writes it (2025-01-17,
// 1973, 2019-07); a value not known is empty, never a number standing
// for it.
type Table struct {
	Name    string
	Doc     string
	Columns []string
	Rows    func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq2[[]string, any]
}

// All returns every table, in the order of the package's documentation.
func All() []Table {
	return []Table{
		table("agreements", "one row per agreement: its dates, parties and obligations", agreementColumns, Agreements, AgreementRow.record),
		table("members", "one row per party spell (bound, frozen, suspended), entry and exit with their precision and sources", memberColumns, Members, MemberRow.record),
		table("member-years", "one row per party and year it was bound on some day", memberYearColumns, MemberYears, MemberYearRow.record),
		table("dyad-years", "one row per pair of parties and year their obligations bound or were suspended, undirected", dyadYearColumns, DyadYears, DyadYearRow.record),
		table("directed-dyad-years", "one row per ordered pair and year: what one party owes the other", directedColumns, DirectedDyadYears, DirectedDyadYearRow.record),
		table("set-dyad-years", "one row per pair of countries and year across the set: how many agreements bound them, which, and with what", setDyadColumns, SetDyadYears, SetDyadYearRow.record),
	}
}

// Lookup returns the table of a name.
func Lookup(name string) (Table, bool) {
	for _, t := range All() {
		if t.Name == name {
			return t, true
		}
	}
	return Table{}, false
}

func table[R any](name, doc string, cols []string, rows func(iter.Seq[*agreement.Agreement], Years) iter.Seq[R], record func(R) []string) Table {
	return Table{Name: name, Doc: doc, Columns: cols, Rows: func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq2[[]string, any] {
		return func(yield func([]string, any) bool) {
			for r := range rows(as, y) {
				if !yield(record(r), r) {
					return
				}
			}
		}
	}}
}

var (
	agreementColumns = concat([]string{"agreement", "version", "title", "kind", "parties", "bilateral"},
		dayColumns("signed"), dayColumns("in_force"), dayColumns("ended"), []string{"ended_by", "in_effect"}, obligationColumns(""))
	memberColumns     = concat([]string{"agreement", "party", "country", "cow", "gw", "state"}, dayColumns("from"), dayColumns("to"), []string{"censored", "basis"})
	memberYearColumns = concat([]string{"agreement", "party", "country", "cow", "gw", "year", "first", "last", "censored"}, obligationColumns(""))
	dyadYearColumns   = concat([]string{"agreement", "a", "b", "country_a", "country_b", "cow_a", "cow_b", "gw_a", "gw_b", "year", "binding", "first", "last", "suspended", "censored"},
		obligationColumns("ab_"), obligationColumns("ba_"))
	directedColumns = concat([]string{"agreement", "from", "to", "country_from", "country_to", "cow_from", "cow_to", "gw_from", "gw_to", "year", "binding", "first", "last", "suspended", "censored"},
		obligationColumns(""))
	setDyadColumns = []string{"country_a", "country_b", "cow_a", "cow_b", "gw_a", "gw_b", "year", "agreements", "count", "any",
		"defence", "offence", "neutrality", "non_aggression", "consultation"}
)

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func dayColumns(name string) []string {
	return []string{name, name + "_precision", name + "_sources"}
}

func (d Day) record() []string {
	return []string{date(d.Date), string(d.Precision), list(d.Sources)}
}

// obligationNames are the five obligations, as columns are named.
var obligationNames = []string{"defence", "offence", "neutrality", "non_aggression", "consultation"}

func obligationColumns(prefix string) []string {
	var out []string
	for _, n := range obligationNames {
		out = append(out, prefix+n, prefix+n+"_clauses")
		if n == "defence" || n == "offence" {
			out = append(out, prefix+n+"_scopes", prefix+n+"_conditions")
		}
	}
	return out
}

func (o Obligations) record() []string {
	var out []string
	for i, ob := range []Obligation{o.Defence, o.Offence, o.Neutrality, o.NonAggression, o.Consultation} {
		out = append(out, flag(ob.Present), list(ob.Clauses))
		if i < 2 {
			out = append(out, list(ob.Scopes), list(ob.Conditions))
		}
	}
	return out
}

func (r AgreementRow) record() []string {
	return concat([]string{r.Agreement, r.Version, r.Title, r.Kind, strconv.Itoa(r.Parties), flag(r.Bilateral)},
		r.Signed.record(), r.InForce.record(), r.Ended.record(), []string{r.EndedBy, flag(r.InEffect)}, r.Obligations.record())
}

func (r MemberRow) record() []string {
	return concat([]string{r.Agreement, r.Party, r.Country, code(r.COW), code(r.GW), r.State}, r.From.record(), r.To.record(), []string{flag(r.Censored), r.Basis})
}

func (r MemberYearRow) record() []string {
	return concat([]string{r.Agreement, r.Party, r.Country, code(r.COW), code(r.GW), strconv.Itoa(r.Year), date(r.First), date(r.Last), flag(r.Censored)}, r.Obligations.record())
}

func (r DyadYearRow) record() []string {
	return concat([]string{r.Agreement, r.A, r.B, r.CountryA, r.CountryB, code(r.COWA), code(r.COWB), code(r.GWA), code(r.GWB), strconv.Itoa(r.Year),
		flag(r.Binding), date(r.First), date(r.Last), flag(r.Suspended), flag(r.Censored)}, r.AB.record(), r.BA.record())
}

func (r DirectedDyadYearRow) record() []string {
	return concat([]string{r.Agreement, r.From, r.To, r.CountryFrom, r.CountryTo, code(r.COWFrom), code(r.COWTo), code(r.GWFrom), code(r.GWTo), strconv.Itoa(r.Year),
		flag(r.Binding), date(r.First), date(r.Last), flag(r.Suspended), flag(r.Censored)}, r.Obligations.record())
}

func (r SetDyadYearRow) record() []string {
	bound := len(r.Defence)+len(r.Offence)+len(r.Neutrality)+len(r.NonAggression)+len(r.Consultation) > 0
	return []string{r.CountryA, r.CountryB, code(r.COWA), code(r.COWB), code(r.GWA), code(r.GWB), strconv.Itoa(r.Year), list(r.Agreements), strconv.Itoa(len(r.Agreements)), flag(bound),
		list(r.Defence), list(r.Offence), list(r.Neutrality), list(r.NonAggression), list(r.Consultation)}
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func code(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func date(d agreement.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func list(xs []string) string { return strings.Join(xs, "; ") }
