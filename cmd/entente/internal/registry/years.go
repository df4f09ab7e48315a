package registry

import (
	"fmt"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/tables"
)

// The year tables are kept as runs (tables.DyadYearRuns,
// tables.MemberYearRuns): a pair bound for fifty years is one row, not
// fifty. Views of the tables' names lay the runs out year by year, with
// the codes of each year from country_years and the obligations from
// obligation_sets, so that they hold, row for row, what entente table
// writes. The dyad-years of 10,000 generated agreements are 63 million
// rows, and 2 million runs.

// years makes the tables of the years, with their first and last days as
// the views write them, and of each country's codes in each year, and
// returns their producer.
func (w *writer) years(as []*agreement.Agreement, y tables.Years) func() {
	text, integer := "TEXT", "INTEGER"
	rows := w.create("years", [][2]string{{"year", "INTEGER PRIMARY KEY"}, {"new_year", text}, {"year_end", text}})
	codes := w.create("country_years", [][2]string{{"country", text}, {"year", integer}, {"cow", integer}, {"gw", integer}})
	w.after = append(w.after, "CREATE UNIQUE INDEX country_years_key ON country_years (country, year)")
	return func() { yearRows(as, y, rows, codes) }
}

func yearRows(as []*agreement.Agreement, y tables.Years, rows, codes *inserter) {
	for year := y.From; year <= y.To; year++ {
		rows.add(int64(year), agreement.Date{Year: year, Month: 1, Day: 1}.String(), agreement.Date{Year: year, Month: 12, Day: 31}.String())
	}
	seen := map[string]bool{}
	for _, a := range as {
		for _, p := range a.Parties {
			if p.Country == "" || seen[p.Country] {
				continue
			}
			seen[p.Country] = true
			for year := y.From; year <= y.To; year++ {
				cow, okCOW := parties.StateCodeIn(p.Country, parties.SystemCOW, year)
				gw, okGW := parties.StateCodeIn(p.Country, parties.SystemGW, year)
				if okCOW || okGW {
					codes.add(p.Country, int64(year), code(cow.Code, okCOW), code(gw.Code, okGW))
				}
			}
		}
	}
}

// code is a state code, or NULL where the system lists no state.
func code(n int, ok bool) any {
	if !ok || n == 0 {
		return nil
	}
	return int64(n)
}

// runs makes the tables of the dyads (one row per pair of an agreement),
// their runs of dyad-years, the members' runs of member-years, and the
// sets of obligations they owe, each set once; and returns their
// producers.
func (w *writer) runs(as []*agreement.Agreement, y tables.Years) (func(), func()) {
	text, integer := "TEXT", "INTEGER"
	oblColumns := [][2]string{{"id", "INTEGER PRIMARY KEY"}}
	for _, c := range tables.ObligationColumns() {
		oblColumns = append(oblColumns, [2]string{c, columnType(c)})
	}
	sets := w.create("obligation_sets", oblColumns)
	clauses := w.create("obligation_clauses", [][2]string{{"obligations", integer}, {"obligation", text}, {"clause", text}})
	runColumns := [][2]string{{"from_year", integer}, {"to_year", integer}, {"first", text}, {"last", text},
		{"first_sources", text}, {"last_sources", text}, {"censored", integer}}
	dyads := w.create("dyads", [][2]string{{"id", "INTEGER PRIMARY KEY"}, {"agreement", text}, {"a", text}, {"b", text},
		{"country_a", text}, {"country_b", text}, {"ab", integer}, {"ba", integer}})
	pairSpells := w.create("pair_spells", [][2]string{{"dyad", integer}, {"n", integer}, {"from_date", text}, {"binding", integer}, {"reason", text}})
	dyadRuns := w.create("dyad_year_runs", append([][2]string{{"dyad", integer}, {"binding", integer}, {"suspended", integer}}, runColumns...))
	memberRuns := w.create("member_year_runs", append([][2]string{{"agreement", text}, {"party", text}, {"country", text}, {"obligations", integer}}, runColumns...))
	// Two producers: the dyads with their spells and the members' runs,
	// and the dyads' runs, which number the dyads as the first does.
	return func() { w.dyadRows(as, y, sets, clauses, dyads, pairSpells, memberRuns) }, func() { w.dyadRunRows(as, y, dyadRuns) }
}

// dyadNumbers numbers the dyads of an agreement from after, in the order
// of tables.Pairs, and returns the last number.
func dyadNumbers(a *agreement.Agreement, after int64, ids map[[2]string]int64) int64 {
	clear(ids)
	for x, z := range tables.Pairs(a) {
		after++
		ids[[2]string{x.ID, z.ID}] = after
	}
	return after
}

// dyadRunRows adds the runs of dyad-years, each with its dyad's number.
func (w *writer) dyadRunRows(as []*agreement.Agreement, y tables.Years, dyadRuns *inserter) {
	var dyad int64
	ids := map[[2]string]int64{}
	for _, a := range as {
		dyad = dyadNumbers(a, dyad, ids)
		for run := range tables.DyadYearRuns(slices.Values([]*agreement.Agreement{a}), y) {
			f := run.First
			dyadRuns.add(append([]any{ids[[2]string{f.A, f.B}], flag(f.Binding), flag(f.Suspended)},
				runValues(f.Year, run.To, f.First, run.Last, f.Sources, run.LastSources, run.Censored)...)...)
		}
		if w.stopped.Load() {
			return
		}
	}
}

// dyadRows adds the dyads, numbered as dyadNumbers does, the spells of
// the obligations between them, the sets of obligations, and the runs of
// member-years.
func (w *writer) dyadRows(as []*agreement.Agreement, y tables.Years, sets, clauses, dyads, pairSpells, memberRuns *inserter) {
	ids := map[string]int64{}
	setID := func(o tables.Obligations) int64 {
		record := o.Record()
		key := strings.Join(record, "\x00")
		if id, ok := ids[key]; ok {
			return id
		}
		id := int64(len(ids) + 1)
		ids[key] = id
		values := []any{id}
		for _, f := range record {
			values = append(values, f)
		}
		sets.add(values...)
		for _, k := range obligationKinds {
			for _, c := range k.of(o).Clauses {
				clauses.add(id, k.name, c)
			}
		}
		return id
	}
	// Most pairs of an agreement owe each other the same: the sets met
	// last are compared before a set's record is made and looked up.
	type known struct {
		o  tables.Obligations
		id int64
	}
	var recent [4]known
	setOf := func(o tables.Obligations) int64 {
		for _, k := range recent {
			if k.id != 0 && k.o.Equal(o) {
				return k.id
			}
		}
		id := setID(o)
		copy(recent[1:], recent[:3])
		recent[0] = known{o, id}
		return id
	}
	var dyad int64
	for _, a := range as {
		// Every pair is a dyad, with the spells of the obligations between
		// them; those with years in the tables have runs.
		life := a.Life()
		for x, z := range tables.Pairs(a) {
			dyad++
			dyads.add(dyad, a.ID, x.ID, z.ID, x.Country, z.Country, setOf(tables.ObligationsOf(a, x.ID, z.ID)), setOf(tables.ObligationsOf(a, z.ID, x.ID)))
			for n, ps := range life.PairSpells(x.ID, z.ID) {
				pairSpells.add(dyad, int64(n), ps.From.String(), flag(ps.Binding), ps.Reason)
			}
		}
		if w.stopped.Load() {
			return
		}
	}
	for run := range tables.MemberYearRuns(slices.Values(as), y) {
		f := run.First
		memberRuns.add(append([]any{f.Agreement, f.Party, f.Country, setOf(f.Obligations)},
			runValues(f.Year, run.To, f.First, run.Last, f.Sources, run.LastSources, run.Censored)...)...)
		if w.stopped.Load() {
			return
		}
	}
}

// obligationKinds are the five obligations, by their columns' names.
var obligationKinds = []obligationKind{
	{"defence", func(o tables.Obligations) tables.Obligation { return o.Defence }},
	{"offence", func(o tables.Obligations) tables.Obligation { return o.Offence }},
	{"neutrality", func(o tables.Obligations) tables.Obligation { return o.Neutrality }},
	{"non_aggression", func(o tables.Obligations) tables.Obligation { return o.NonAggression }},
	{"consultation", func(o tables.Obligations) tables.Obligation { return o.Consultation }},
}

type obligationKind struct {
	name string
	of   func(tables.Obligations) tables.Obligation
}

// runValues are the columns of a run from its first year to its end. A
// run of one year has its sources once, as first_sources.
func runValues(from, to int, first, last agreement.Date, sources, lastSources []string, censored bool) []any {
	var atEnd any
	if to > from {
		atEnd = strings.Join(lastSources, "; ")
	}
	return []any{int64(from), int64(to), first.String(), last.String(), strings.Join(sources, "; "), atEnd, flag(censored)}
}

// views lays the runs out as the year tables.
func views() []string {
	obligations := func(alias, prefix string) string {
		var cols []string
		for _, c := range tables.ObligationColumns() {
			cols = append(cols, fmt.Sprintf("%s.%s AS %s%s", alias, c, prefix, c))
		}
		return strings.Join(cols, ", ")
	}
	// The parts of a year of a run: its first and last days, its
	// sources, whether it is censored.
	days := func(bound string) string {
		return fmt.Sprintf(`CASE WHEN y.year = r.from_year THEN r."first" WHEN %[1]s THEN y.new_year END AS "first",
			CASE WHEN y.year = r.to_year THEN r."last" WHEN %[1]s THEN y.year_end END AS "last"`, bound)
	}
	const censored = `CASE WHEN y.year = r.to_year THEN r.censored ELSE 0 END AS censored`
	const sources = `CASE WHEN y.year = r.from_year THEN r.first_sources WHEN y.year = r.to_year THEN r.last_sources END AS sources`
	dyadYears := `CREATE VIEW dyad_years AS
		SELECT d.agreement, d.a, d.b, d.country_a, d.country_b, ca.cow AS cow_a, cb.cow AS cow_b, ca.gw AS gw_a, cb.gw AS gw_b, y.year,
			r.binding, ` + days("r.binding = 1") + `, r.suspended, ` + censored + `, ` + sources + `,
			` + obligations("ab", "ab_") + `, ` + obligations("ba", "ba_") + `
		FROM dyad_year_runs r JOIN years y ON y.year BETWEEN r.from_year AND r.to_year
		JOIN dyads d ON d.id = r.dyad
		JOIN obligation_sets ab ON ab.id = d.ab JOIN obligation_sets ba ON ba.id = d.ba
		LEFT JOIN country_years ca ON ca.country = d.country_a AND ca.year = y.year
		LEFT JOIN country_years cb ON cb.country = d.country_b AND cb.year = y.year`
	memberYears := `CREATE VIEW member_years AS
		SELECT r.agreement, r.party, r.country, c.cow, c.gw, y.year, ` + days("1") + `, ` + censored + `, ` + sources + `,
			` + obligations("o", "") + `
		FROM member_year_runs r JOIN years y ON y.year BETWEEN r.from_year AND r.to_year
		JOIN obligation_sets o ON o.id = r.obligations
		LEFT JOIN country_years c ON c.country = r.country AND c.year = y.year`
	// Across the set: the lists are gathered with group_concat, which
	// separates by commas; a comma inside a value is kept apart as the
	// unit separator meanwhile. Their order is SQLite's.
	gather := func(value string) string {
		return fmt.Sprintf("replace(replace(group_concat(DISTINCT replace(%s, ',', char(31))), ',', '; '), char(31), ',')", value)
	}
	var refs []string
	for _, k := range obligationKinds {
		refs = append(refs, gather(fmt.Sprintf("CASE WHEN c.obligation = '%s' THEN d.agreement || '#' || c.clause END", k.name))+" AS "+k.name)
	}
	setDyadYears := `CREATE VIEW set_dyad_years AS
		SELECT d.country_a, d.country_b, ca.cow AS cow_a, cb.cow AS cow_b, ca.gw AS gw_a, cb.gw AS gw_b, y.year,
			` + gather("d.agreement") + ` AS agreements, count(DISTINCT d.agreement) AS count, count(c.clause) > 0 AS "any",
			` + strings.Join(refs, ", ") + `
		FROM dyad_year_runs r JOIN years y ON y.year BETWEEN r.from_year AND r.to_year
		JOIN dyads d ON d.id = r.dyad
		LEFT JOIN obligation_clauses c ON c.obligations IN (d.ab, d.ba)
		LEFT JOIN country_years ca ON ca.country = d.country_a AND ca.year = y.year
		LEFT JOIN country_years cb ON cb.country = d.country_b AND cb.year = y.year
		WHERE r.binding = 1 AND d.country_a IS NOT NULL AND d.country_b IS NOT NULL AND d.country_a <> d.country_b
		GROUP BY d.country_a, d.country_b, y.year`
	return []string{dyadYears, memberYears, directedView, setDyadYears}
}

// directedView is each dyad-year seen from each side: the directed
// dyad-years, without writing every row twice.
var directedView = func() string {
	side := func(from, to string) string {
		cols := []string{"agreement", from + " AS \"from\"", to + " AS \"to\"", "country_" + from + " AS country_from", "country_" + to + " AS country_to",
			"cow_" + from + " AS cow_from", "cow_" + to + " AS cow_to", "gw_" + from + " AS gw_from", "gw_" + to + " AS gw_to",
			"year", "binding", `"first"`, `"last"`, "suspended", "censored", "sources"}
		for _, c := range tables.ObligationColumns() {
			cols = append(cols, fmt.Sprintf("%s%s_%s AS %s", from, to, c, c))
		}
		return "SELECT " + strings.Join(cols, ", ") + " FROM dyad_years"
	}
	return "CREATE VIEW directed_dyad_years AS " + side("a", "b") + " UNION ALL " + side("b", "a")
}()
