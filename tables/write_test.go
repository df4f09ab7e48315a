package tables_test

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/tables"
)

// mixed is the examples, generated multilateral agreements and random
// agreements with strings that must be quoted in CSV.
func mixed(t *testing.T) []*agreement.Agreement {
	as := examples(t).Agreements()
	for seed := range uint64(30) {
		as = append(as, gen.Multilateral(seed))
	}
	r := rand.New(rand.NewPCG(7, 8))
	for range 30 {
		as = append(as, gen.Agreement(r, gen.Options{Clauses: 4, Depth: 1, Tricky: true}))
	}
	return as
}

// TestWriteCSVAsEncodingCSV: WriteCSV writes, byte for byte, what
// encoding/csv writes of Records, on one core and on several.
func TestWriteCSVAsEncodingCSV(t *testing.T) {
	as := mixed(t)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, tb := range tables.All() {
		want := writeCSV(t, tb, slices.Values(as), span)
		for _, procs := range []int{1, 2, 5} {
			runtime.GOMAXPROCS(procs)
			var got bytes.Buffer
			if err := tb.WriteCSV(&got, slices.Values(as), span); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s on %d cores: %d bytes, encoding/csv %d; first difference at %d", tb.Name, procs, got.Len(), len(want), firstDifference(got.Bytes(), want))
			}
		}
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// failingWriter fails once it has taken n bytes.
type failingWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(b []byte) (int, error) {
	if w.n -= len(b); w.n < 0 {
		return 0, errFull
	}
	return len(b), nil
}

// TestWriteCSVStopsAtAnError: a failed write is returned, the agreements
// are no longer read, and no goroutine is left behind.
func TestWriteCSVStopsAtAnError(t *testing.T) {
	tb, _ := tables.Lookup("dyad-years")
	before := runtime.NumGoroutine()
	read := 0
	endless := func(yield func(*agreement.Agreement) bool) {
		for seed := uint64(0); ; seed++ {
			read++
			if !yield(gen.Multilateral(seed)) {
				return
			}
		}
	}
	if err := tb.WriteCSV(&failingWriter{n: 1 << 20}, iter.Seq[*agreement.Agreement](endless), span); !errors.Is(err, errFull) {
		t.Fatalf("WriteCSV: %v, want %v", err, errFull)
	}
	if read > 100 {
		t.Errorf("%d agreements read after the write failed at 1 MiB", read)
	}
	for deadline := time.Now().Add(5 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left, %d before", n, before)
	}
}

// fieldCases are fields encoding/csv quotes, and some it does not.
var fieldCases = [][]string{
	{"", "a", "a,b", `say "no"`, "line\nend", "cr\rend", " lead", "\tlead", "trail ", `\.`, `\.x`, "\u00a0nbsp", "\u2003em", "ünï", "\x85x"},
	{""},
	{"", ""},
	{`"`, `""`, ",", "\r\n"},
}

// TestAppendFieldAsEncodingCSV: each field is written as encoding/csv
// writes it.
func TestAppendFieldAsEncodingCSV(t *testing.T) {
	for _, rec := range fieldCases {
		if got, want := tables.AppendRecordForTest(rec), encodingCSV(rec); got != want {
			t.Errorf("%q: %q, encoding/csv %q", rec, got, want)
		}
	}
}

func encodingCSV(rec []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(rec)
	w.Flush()
	return b.String()
}

func FuzzAppendField(f *testing.F) {
	for _, rec := range fieldCases {
		for _, field := range rec {
			f.Add(field, "x")
		}
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		rec := []string{a, b}
		if got, want := tables.AppendRecordForTest(rec), encodingCSV(rec); got != want {
			t.Errorf("%q: %q, encoding/csv %q", rec, got, want)
		}
	})
}

// TestDyadObligationsAreOwed: what a dyad-year says A owes B, and B A, is
// what ObligationsOf says of the agreement, for parties named by a
// commitment and for the others.
func TestDyadObligationsAreOwed(t *testing.T) {
	byID := map[string]*agreement.Agreement{}
	as := mixed(t)
	for _, a := range as {
		byID[a.ID] = a
	}
	asymmetric := 0
	for d := range tables.DyadYears(slices.Values(as), span) {
		a := byID[d.Agreement]
		ab, ba := tables.ObligationsOf(a, d.A, d.B), tables.ObligationsOf(a, d.B, d.A)
		if diff := gocmp.Diff(ab, d.AB); diff != "" {
			t.Fatalf("%s %d, what %s owes %s (-ObligationsOf +row):\n%s", d.Agreement, d.Year, d.A, d.B, diff)
		}
		if diff := gocmp.Diff(ba, d.BA); diff != "" {
			t.Fatalf("%s %d, what %s owes %s (-ObligationsOf +row):\n%s", d.Agreement, d.Year, d.B, d.A, diff)
		}
		if !gocmp.Equal(d.AB, d.BA) {
			asymmetric++
		}
	}
	if asymmetric == 0 {
		t.Error("no dyad-year of asymmetric obligations among the generated agreements")
	}
}

// TestAppendNumber: numbers are written as strconv writes them.
func TestAppendNumber(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 2025, 9999, 10000, 123456, -1, -2025} {
		if got, want := tables.AppendNumberForTest(n), strconv.Itoa(n); got != want {
			t.Errorf("%d: %q", n, got)
		}
	}
}

// TestSetDyadYearsFromTheDyadYears: each row across the set is what the
// set's dyad-years say, gathered the plain way: the agreements binding two
// countries in a year, sorted, and each obligation's agreement#clause in
// the order the dyad-years give them, once.
func TestSetDyadYearsFromTheDyadYears(t *testing.T) {
	as := mixed(t)
	for seed := range uint64(30) { // agreements among the same countries
		as = append(as, gen.Multilateral(1000+seed))
	}
	type key struct {
		a, b string
		year int
	}
	want := map[key]*tables.SetDyadYearRow{}
	var keys []key
	add := func(refs []string, id string, o tables.Obligation) []string {
		for _, c := range o.Clauses {
			if ref := id + "#" + c; !slices.Contains(refs, ref) {
				refs = append(refs, ref)
			}
		}
		return refs
	}
	for d := range tables.DyadYears(slices.Values(as), span) {
		if !d.Binding || d.CountryA == "" || d.CountryB == "" || d.CountryA == d.CountryB {
			continue
		}
		k := key{d.CountryA, d.CountryB, d.Year}
		r := want[k]
		if r == nil {
			r = &tables.SetDyadYearRow{CountryA: d.CountryA, CountryB: d.CountryB, COWA: d.COWA, COWB: d.COWB, GWA: d.GWA, GWB: d.GWB, Year: d.Year}
			want[k] = r
			keys = append(keys, k)
		}
		if !slices.Contains(r.Agreements, d.Agreement) {
			r.Agreements = append(r.Agreements, d.Agreement)
		}
		for _, o := range []tables.Obligations{d.AB, d.BA} {
			r.Defence, r.Offence = add(r.Defence, d.Agreement, o.Defence), add(r.Offence, d.Agreement, o.Offence)
			r.Neutrality, r.NonAggression = add(r.Neutrality, d.Agreement, o.Neutrality), add(r.NonAggression, d.Agreement, o.NonAggression)
			r.Consultation = add(r.Consultation, d.Agreement, o.Consultation)
		}
	}
	slices.SortFunc(keys, func(x, z key) int {
		return cmp.Or(strings.Compare(x.a, z.a), strings.Compare(x.b, z.b), x.year-z.year)
	})
	var got []tables.SetDyadYearRow
	for r := range tables.SetDyadYears(slices.Values(as), span) {
		got = append(got, r)
	}
	if len(got) != len(keys) {
		t.Fatalf("%d rows across the set, %d from the dyad-years", len(got), len(keys))
	}
	several := 0
	for i, k := range keys {
		w := want[k]
		slices.Sort(w.Agreements)
		if diff := gocmp.Diff(*w, got[i]); diff != "" {
			t.Fatalf("%v (-from the dyad-years +SetDyadYears):\n%s", k, diff)
		}
		if len(w.Agreements) > 1 {
			several++
		}
	}
	if several == 0 {
		t.Error("no row across the set of more than one agreement")
	}
}
