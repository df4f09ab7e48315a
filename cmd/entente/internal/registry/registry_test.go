package registry

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/tables"
)

var years = tables.Years{From: 1950, To: 2025}

func examples(t *testing.T) *agreement.Set {
	t.Helper()
	set, err := agreement.ReadFS(os.DirFS("../../../../examples/agreements"), ".")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// document is an agreement's document, as a set holds it.
func document(a *agreement.Agreement) *agreement.Document {
	return &agreement.Document{Agreement: a, Header: agreement.Header{Format: a.Format, ID: a.ID, Version: a.Version}}
}

// written writes the set's database and opens it.
func written(t *testing.T, set *agreement.Set) *sql.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "registry.sqlite")
	if err := Write(path, set, nil, years); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestWriteReadBack: the database holds every row of every table and
// every party and event, read back through database/sql.
func TestWriteReadBack(t *testing.T) {
	set := examples(t)
	db := written(t, set)
	for _, tb := range tables.All() {
		want := 0
		for range tb.Records(tables.InSet(set), years) {
			want++
		}
		name := strings.ReplaceAll(tb.Name, "-", "_")
		if got := count(t, db, "SELECT count(*) FROM "+name); got != want || want == 0 {
			t.Errorf("%s: %d rows, the table has %d", name, got, want)
		}
		// Each table, or the view of it, has the CSV's columns, in order.
		rows, err := db.Query("SELECT * FROM " + name + " LIMIT 1")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		rows.Close()
		if !slices.Equal(cols, tb.Columns) {
			t.Errorf("%s: columns %v, the CSV's %v", name, cols, tb.Columns)
		}
	}
	parties, events := 0, 0
	for _, a := range set.Agreements() {
		parties += len(a.Parties)
		events += len(a.Timeline)
	}
	if got := count(t, db, "SELECT count(*) FROM parties"); got != parties {
		t.Errorf("parties: %d, want %d", got, parties)
	}
	if got := count(t, db, "SELECT count(*) FROM events"); got != events {
		t.Errorf("events: %d, want %d", got, events)
	}
	// Which states were bound to defend Turkey in 1960?
	rows, err := db.Query(`SELECT DISTINCT country_from FROM directed_dyad_years
		WHERE country_to = 'TR' AND year = 1960 AND binding = 1 AND defence = 1 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var states []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		states = append(states, s)
	}
	if got := strings.Join(states, " "); got != "BE CA DE DK FR GB GR IS IT LU NL NO PT US" {
		t.Errorf("bound to defend Turkey in 1960: %s", got)
	}
	// A year not known is NULL, never an empty string or a zero.
	if n := count(t, db, "SELECT count(*) FROM dyad_years WHERE first = '' OR cow_a = 0"); n != 0 {
		t.Errorf("%d rows hold an empty string or a zero for a value not known", n)
	}
	if n := count(t, db, "SELECT count(*) FROM dyad_years WHERE binding = 0 AND first IS NULL AND suspended = 1"); n == 0 {
		t.Error("no year of suspended obligations (ANZUS, New Zealand and the United States, from 1987)")
	}
}

// TestWriteReplacesOnlyADatabase: a database is replaced whole; any other
// file is refused and left as it was.
func TestWriteReplacesOnlyADatabase(t *testing.T) {
	set := examples(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "registry.sqlite")
	if err := Write(path, set, nil, tables.Years{From: 2000, To: 2001}); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, set, nil, years); err != nil {
		t.Fatalf("replacing a database: %v", err)
	}
	notes := filepath.Join(dir, "notes.yaml")
	os.WriteFile(notes, []byte("format: entente/v1\n"), 0o644)
	if err := Write(notes, set, nil, years); err == nil || !strings.Contains(err.Error(), "not a SQLite database") {
		t.Errorf("writing over a YAML file: %v", err)
	}
	if b, _ := os.ReadFile(notes); string(b) != "format: entente/v1\n" {
		t.Errorf("the file was changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left in the folder: %v", entries)
	}
}

// TestViewsHoldTheTables: each year table of the database, laid out from
// its runs, holds the rows of package tables, value for value (NULL where
// a record is empty). Across the set, a list holds the same agreements
// and clauses, in SQLite's order.
func TestViewsHoldTheTables(t *testing.T) {
	docs := []*agreement.Document{}
	for _, a := range examples(t).Agreements() {
		docs = append(docs, document(a))
	}
	for seed := range uint64(4) {
		docs = append(docs, document(gen.Multilateral(seed)))
	}
	set := agreement.NewSet(docs...)
	db := written(t, set)
	lists := map[string]bool{"agreements": true, "defence": true, "offence": true, "neutrality": true, "non_aggression": true, "consultation": true}
	for _, name := range []string{"member-years", "dyad-years", "directed-dyad-years", "set-dyad-years"} {
		tb, _ := tables.Lookup(name)
		sortLists := func(rec []string) []string {
			if name != "set-dyad-years" {
				return rec
			}
			for i, c := range tb.Columns {
				if lists[c] && rec[i] != "" {
					items := strings.Split(rec[i], "; ")
					slices.Sort(items)
					rec[i] = strings.Join(items, "; ")
				}
			}
			return rec
		}
		var want []string
		for rec := range tb.Records(tables.InSet(set), years) {
			want = append(want, strings.Join(sortLists(slices.Clone(rec)), "|"))
		}
		rows, err := db.Query("SELECT * FROM " + strings.ReplaceAll(name, "-", "_"))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		values := make([]sql.NullString, len(tb.Columns))
		ptrs := make([]any, len(values))
		for i := range values {
			ptrs[i] = &values[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			rec := make([]string, len(values))
			for i, v := range values {
				rec[i] = v.String
			}
			got = append(got, strings.Join(sortLists(rec), "|"))
		}
		rows.Close()
		slices.Sort(want)
		slices.Sort(got)
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("%s, row %d of the database:\n%s\nof the table:\n%s", name, i, got[i], want[i])
			}
		}
		if len(got) != len(want) || len(want) < 100 {
			t.Errorf("%s: %d rows in the database, %d in the table", name, len(got), len(want))
		}
	}
}

// TestWriteFailsWhole: a write that fails while the rows are being made
// is returned, the producers stop, and nothing is left: neither the new
// file nor a change to the database that was there.
func TestWriteFailsWhole(t *testing.T) {
	set := examples(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "registry.sqlite")
	if err := Write(path, set, nil, tables.Years{From: 2000, To: 2001}); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	failAtBatch = 3
	defer func() { failAtBatch = 0 }()
	if err := Write(path, set, nil, years); !errors.Is(err, errFailedForTest) {
		t.Fatalf("Write: %v, want %v", err, errFailedForTest)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the database that was there was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
}
