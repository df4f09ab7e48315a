package tables_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
		if diff := cmp.Diff(ab, d.AB); diff != "" {
			t.Fatalf("%s %d, what %s owes %s (-ObligationsOf +row):\n%s", d.Agreement, d.Year, d.A, d.B, diff)
		}
		if diff := cmp.Diff(ba, d.BA); diff != "" {
			t.Fatalf("%s %d, what %s owes %s (-ObligationsOf +row):\n%s", d.Agreement, d.Year, d.B, d.A, diff)
		}
		if !cmp.Equal(d.AB, d.BA) {
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
