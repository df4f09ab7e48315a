package tables

import (
	"iter"
	"strconv"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// Table is one of the tables, for a program that writes any of them by
// name (entente table): its name, what a row is, its CSV columns, and its
// rows, as CSV records or as the typed rows (for JSON). A record's slice
// is used again for the next row, as encoding/csv's ReuseRecord does:
// copy it to keep it.
//
// In a record a flag is 1 or 0; a list (clauses, sources, conditions) is
// joined by "; "; a date is written as the format writes it (2025-01-17,
// 1973, 2019-07); a value not known is empty, never a number standing
// for it.
type Table struct {
	Name    string
	Doc     string
	Columns []string
	Records func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[[]string]
	Rows    func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[any]

	// lines appends the CSV line of each row to *buf, calling next after
	// each, and stops when next returns false.
	lines func(as iter.Seq[*agreement.Agreement], y Years, buf *[]byte, next func() bool)
	// acrossSet says a row gathers the agreements of the whole set.
	acrossSet bool
}

// All returns every table, in the order of the package's documentation.
func All() []Table {
	return []Table{
		table("agreements", "one row per agreement: its dates, parties and obligations", agreementColumns, pointers(Agreements), (*AgreementRow).record, nil),
		table("members", "one row per party spell (bound, frozen, suspended), entry and exit with their precision and sources", memberColumns, pointers(Members), (*MemberRow).record, nil),
		table("member-years", "one row per party and year it was bound on some day", memberYearColumns, memberYears, (*MemberYearRow).record, (*MemberYearRow).appendCSV),
		table("dyad-years", "one row per pair of parties and year their obligations bound or were suspended, undirected", dyadYearColumns, dyadYears, (*DyadYearRow).record, (*DyadYearRow).appendCSV),
		table("directed-dyad-years", "one row per ordered pair and year: what one party owes the other", directedColumns, directedDyadYears, (*DirectedDyadYearRow).record,
			(*DirectedDyadYearRow).appendCSV),
		acrossSet(table("set-dyad-years", "one row per pair of countries and year across the set: how many agreements bound them, which, and with what", setDyadColumns,
			pointers(SetDyadYears), (*SetDyadYearRow).record, nil)),
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

func acrossSet(t Table) Table {
	t.acrossSet = true
	return t
}

// table makes a Table of a kind of row R, written as a record by record
// and as a CSV line by line, or, when line is nil, from its record. line
// appends the line without its end, using rec as it needs.
func table[R any](name, doc string, cols []string, rows func(iter.Seq[*agreement.Agreement], Years) iter.Seq[*R], record func(*R, []string) []string,
	line func(*R, []byte, []string) []byte) Table {
	return Table{Name: name, Doc: doc, Columns: cols,
		lines: func(as iter.Seq[*agreement.Agreement], y Years, buf *[]byte, next func() bool) {
			rec := make([]string, 0, len(cols))
			for r := range rows(as, y) {
				if line != nil {
					*buf = append(line(r, *buf, rec[:0]), '\n')
				} else {
					rec = record(r, rec[:0])
					*buf = appendRecord(*buf, rec)
				}
				if !next() {
					return
				}
			}
		},
		Records: func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[[]string] {
			return func(yield func([]string) bool) {
				rec := make([]string, 0, len(cols))
				for r := range rows(as, y) {
					rec = record(r, rec[:0])
					if !yield(rec) {
						return
					}
				}
			}
		},
		Rows: func(as iter.Seq[*agreement.Agreement], y Years) iter.Seq[any] {
			return func(yield func(any) bool) {
				for r := range rows(as, y) {
					if !yield(*r) {
						return
					}
				}
			}
		},
	}
}

// concat joins lists of columns.
func concat(parts ...[]string) []string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]string, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

var (
	agreementColumns = concat([]string{"agreement", "version", "title", "kind", "parties", "bilateral"},
		dayColumns("signed"), dayColumns("in_force"), dayColumns("ended"), []string{"ended_by", "in_effect"}, obligationColumns(""))
	memberColumns     = concat([]string{"agreement", "party", "country", "cow", "gw", "state"}, dayColumns("from"), dayColumns("to"), []string{"censored", "basis"})
	memberYearColumns = concat([]string{"agreement", "party", "country", "cow", "gw", "year", "first", "last", "censored", "sources"}, obligationColumns(""))
	dyadYearColumns   = concat([]string{"agreement", "a", "b", "country_a", "country_b", "cow_a", "cow_b", "gw_a", "gw_b", "year", "binding", "first", "last", "suspended", "censored", "sources"},
		obligationColumns("ab_"), obligationColumns("ba_"))
	directedColumns = concat([]string{"agreement", "from", "to", "country_from", "country_to", "cow_from", "cow_to", "gw_from", "gw_to", "year", "binding", "first", "last", "suspended", "censored", "sources"},
		obligationColumns(""))
	setDyadColumns = []string{"country_a", "country_b", "cow_a", "cow_b", "gw_a", "gw_b", "year", "agreements", "count", "any",
		"defence", "offence", "neutrality", "non_aggression", "consultation"}
)

func dayColumns(name string) []string {
	return []string{name, name + "_precision", name + "_sources"}
}

func (d Day) record(dst []string) []string {
	return append(dst, date(d.Date), string(d.Precision), list(d.Sources))
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

// ObligationColumns are the columns of a row's obligations, as a table
// names them: each obligation's flag and clauses, and for defence and
// offence their scopes and conditions.
func ObligationColumns() []string { return obligationColumns("") }

// Record returns the obligations as a table's record writes them, field
// by field under ObligationColumns.
func (o Obligations) Record() []string { return o.record() }

func (o Obligations) record() []string { return o.appendRecord(nil) }

func (o Obligations) appendRecord(out []string) []string {
	for i, ob := range []Obligation{o.Defence, o.Offence, o.Neutrality, o.NonAggression, o.Consultation} {
		out = append(out, flag(ob.Present), list(ob.Clauses))
		if i < 2 {
			out = append(out, list(ob.Scopes), list(ob.Conditions))
		}
	}
	return out
}

func (r AgreementRow) record(dst []string) []string {
	dst = append(dst, r.Agreement, r.Version, r.Title, r.Kind, strconv.Itoa(r.Parties), flag(r.Bilateral))
	dst = r.Ended.record(r.InForce.record(r.Signed.record(dst)))
	return r.Obligations.appendRecord(append(dst, r.EndedBy, flag(r.InEffect)))
}

func (r MemberRow) record(dst []string) []string {
	dst = append(dst, r.Agreement, r.Party, r.Country, code(r.COW), code(r.GW), r.State)
	return append(r.To.record(r.From.record(dst)), flag(r.Censored), r.Basis)
}

func (r *MemberYearRow) record(dst []string) []string {
	return appendMade(r.head(dst), r.obligationsRecord, r.Obligations)
}

// head is the record without the obligations.
func (r *MemberYearRow) head(dst []string) []string {
	return append(dst, r.Agreement, r.Party, r.Country, code(r.COW), code(r.GW), number(r.Year), date(r.First), date(r.Last), flag(r.Censored), list(r.Sources))
}

func (r *MemberYearRow) appendCSV(dst []byte, rec []string) []byte {
	rec = r.head(rec)
	dst = appendFields(appendField(dst, rec[0]), rec[1:])
	return appendMadeCSV(dst, r.obligationsCSV, r.Obligations, rec[:0])
}

// appendMadeCSV appends the CSV fields of obligations, each after a
// comma: encoded already, or encoded now (rec is room for their record).
func appendMadeCSV(dst, encoded []byte, o Obligations, rec []string) []byte {
	if encoded != nil {
		return append(dst, encoded...)
	}
	return appendFields(dst, o.appendRecord(rec))
}

// obligationsCSV is the CSV fields of obligations' record, each after a
// comma.
func obligationsCSV(record []string) []byte { return appendFields(nil, record) }

// appendMade appends fields made already, or makes them.
func appendMade(dst, fields []string, o Obligations) []string {
	if fields != nil {
		return append(dst, fields...)
	}
	return o.appendRecord(dst)
}

func (r *DyadYearRow) record(dst []string) []string {
	return appendMade(appendMade(r.head(dst), r.abRecord, r.AB), r.baRecord, r.BA)
}

func (r *DyadYearRow) head(dst []string) []string {
	return append(dst, r.Agreement, r.A, r.B, r.CountryA, r.CountryB, code(r.COWA), code(r.COWB), code(r.GWA), code(r.GWB), number(r.Year),
		flag(r.Binding), date(r.First), date(r.Last), flag(r.Suspended), flag(r.Censored), list(r.Sources))
}

func (r *DyadYearRow) appendCSV(dst []byte, rec []string) []byte {
	dst = appendHead(dst, r.abHead, r.Agreement, r.A, r.B, r.CountryA, r.CountryB)
	if r.plainTail != nil && !r.Suspended && !r.Censored && len(r.Sources) == 0 {
		// Most years of a pair: the codes are those of the year before,
		// and the fields after the dates are the same.
		if codes := [4]int{r.COWA, r.COWB, r.GWA, r.GWB}; r.codesCSV == nil || codes != r.codesOf {
			r.codesOf, r.codesCSV = codes, appendCodes(r.codesCSV[:0], codes)
		}
		dst = appendDays(append(dst, r.codesCSV...), r.Year, r.Binding, r.First, r.Last)
		return append(dst, r.plainTail...)
	}
	dst = appendYearFields(dst, r.COWA, r.COWB, r.GWA, r.GWB, r.Year, r.Binding, r.First, r.Last)
	dst = appendYearEnd(dst, r.Suspended, r.Censored, r.Sources)
	return appendMadeCSV(appendMadeCSV(dst, r.abCSV, r.AB, rec[:0]), r.baCSV, r.BA, rec[:0])
}

func (r *DirectedDyadYearRow) record(dst []string) []string {
	return appendMade(r.head(dst), r.obligationsRecord, r.Obligations)
}

func (r *DirectedDyadYearRow) head(dst []string) []string {
	return append(dst, r.Agreement, r.From, r.To, r.CountryFrom, r.CountryTo, code(r.COWFrom), code(r.COWTo), code(r.GWFrom), code(r.GWTo), number(r.Year),
		flag(r.Binding), date(r.First), date(r.Last), flag(r.Suspended), flag(r.Censored), list(r.Sources))
}

func (r *DirectedDyadYearRow) appendCSV(dst []byte, rec []string) []byte {
	dst = appendHead(dst, r.headCSV, r.Agreement, r.From, r.To, r.CountryFrom, r.CountryTo)
	dst = appendYearFields(dst, r.COWFrom, r.COWTo, r.GWFrom, r.GWTo, r.Year, r.Binding, r.First, r.Last)
	dst = appendYearEnd(dst, r.Suspended, r.Censored, r.Sources)
	return appendMadeCSV(dst, r.obligationsCSV, r.Obligations, rec[:0])
}

// appendHead appends the first fields of a dyad's line: the agreement,
// the two parties and their countries, encoded already (head) or now.
func appendHead(dst, head []byte, agreementID, a, b, countryA, countryB string) []byte {
	if head != nil {
		return append(dst, head...)
	}
	return appendFields(appendField(dst, agreementID), []string{a, b, countryA, countryB})
}

// headCSV is the first fields of a dyad's line, encoded once for its
// years.
func headCSV(agreementID, a, b, countryA, countryB string) []byte {
	return appendHead(nil, nil, agreementID, a, b, countryA, countryB)
}

// appendYearFields appends the fields of a dyad's line from its codes to
// its last day, each after a comma. Numbers, flags and dates never need
// quotes.
func appendYearFields(dst []byte, cowA, cowB, gwA, gwB, year int, binding bool, first, last agreement.Date) []byte {
	return appendDays(appendCodes(dst, [4]int{cowA, cowB, gwA, gwB}), year, binding, first, last)
}

// appendCodes appends a dyad's four codes, each after a comma.
func appendCodes(dst []byte, codes [4]int) []byte {
	for _, c := range codes {
		dst = append(dst, ',')
		if c != 0 {
			dst = appendNumber(dst, c)
		}
	}
	return dst
}

// appendDays appends a dyad's year, binding flag and first and last days,
// each after a comma.
func appendDays(dst []byte, year int, binding bool, first, last agreement.Date) []byte {
	dst = appendNumber(append(dst, ','), year)
	dst = appendFlag(append(dst, ','), binding)
	dst = appendDate(append(dst, ','), first)
	return appendDate(append(dst, ','), last)
}

// appendYearEnd appends the fields of a dyad's line after its last day,
// before its obligations.
func appendYearEnd(dst []byte, suspended, censored bool, sources []string) []byte {
	dst = appendFlag(append(dst, ','), suspended)
	dst = appendFlag(append(dst, ','), censored)
	return appendField(append(dst, ','), list(sources))
}

// appendDate appends a date as date writes it.
func appendDate(dst []byte, d agreement.Date) []byte {
	if text, ok := yearBound(d); ok {
		return append(dst, text...)
	}
	dst, _ = d.AppendText(dst)
	return dst
}

// appendNumber appends n in decimal: digit by digit for the codes and
// years of a row, which strconv would copy from a buffer.
func appendNumber(dst []byte, n int) []byte {
	switch {
	case n < 0 || n >= 10000:
		return strconv.AppendInt(dst, int64(n), 10)
	case n >= 1000:
		return append(dst, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	case n >= 100:
		return append(dst, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	case n >= 10:
		return append(dst, byte('0'+n/10), byte('0'+n%10))
	}
	return append(dst, byte('0'+n))
}

func appendFlag(dst []byte, b bool) []byte {
	if b {
		return append(dst, '1')
	}
	return append(dst, '0')
}

func (r SetDyadYearRow) record(dst []string) []string {
	bound := len(r.Defence)+len(r.Offence)+len(r.Neutrality)+len(r.NonAggression)+len(r.Consultation) > 0
	return append(dst, r.CountryA, r.CountryB, code(r.COWA), code(r.COWB), code(r.GWA), code(r.GWB), number(r.Year), list(r.Agreements), strconv.Itoa(len(r.Agreements)), flag(bound),
		list(r.Defence), list(r.Offence), list(r.Neutrality), list(r.NonAggression), list(r.Consultation))
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func code(n int) string {
	switch {
	case n == 0:
		return ""
	case n > 0 && n < len(smallNumbers):
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

// number is n in decimal; the years and codes of a table are written
// from a list made once.
func number(n int) string {
	if n > 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

var smallNumbers = func() []string {
	out := make([]string, 2200)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}()

func date(d agreement.Date) string {
	if text, ok := yearBound(d); ok {
		return text
	}
	return d.String()
}

// yearBound returns the text of a date that is the first or last day of
// a year kept in newYears and yearEnds.
func yearBound(d agreement.Date) (string, bool) {
	if i := d.Year - firstCached; i >= 0 && i < len(newYears) && d.Exact() {
		switch {
		case d.Month == 1 && d.Day == 1:
			return newYears[i], true
		case d.Month == 12 && d.Day == 31:
			return yearEnds[i], true
		}
	}
	return "", false
}

// newYears and yearEnds are the first and last days of the years a table
// most often covers, written once: most rows of a year table begin or end
// on them.
const firstCached = 1800

var newYears, yearEnds = func() ([]string, []string) {
	var firsts, lasts []string
	for y := firstCached; y < 2100; y++ {
		firsts = append(firsts, agreement.Date{Year: y, Month: 1, Day: 1}.String())
		lasts = append(lasts, agreement.Date{Year: y, Month: 12, Day: 31}.String())
	}
	return firsts, lasts
}()

func list(xs []string) string { return strings.Join(xs, "; ") }
