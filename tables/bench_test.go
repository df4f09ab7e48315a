package tables_test

import (
	"bytes"
	"fmt"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/tables"
)

// generated makes n multilateral agreements one at a time, as a reader of
// files would: none is kept once its rows are written.
func generated(n int) iter.Seq[*agreement.Agreement] {
	return func(yield func(*agreement.Agreement) bool) {
		for seed := range uint64(n) {
			if !yield(gen.Multilateral(seed)) {
				return
			}
		}
	}
}

// lineCounter counts the lines written to it, and drops them.
type lineCounter struct{ lines, bytes int }

func (c *lineCounter) Write(b []byte) (int, error) {
	c.lines += bytes.Count(b, []byte{'\n'})
	c.bytes += len(b)
	return len(b), nil
}

// peakHeap samples the heap in use every 20 ms until stop is called, and
// returns the most it saw.
func peakHeap() (stop func() uint64) {
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// BenchmarkDyadYears writes the dyad-years of 10,000 generated
// multilateral agreements (4 to 30 parties each) from 1950 to 2025 as
// CSV (benchmarkCSV). The target: under 10 s and 200 MiB.
// ENTENTE_BENCH_AGREEMENTS sets how many agreements.
//
//	go test ./tables -run '^$' -bench DyadYears -benchtime 1x
func BenchmarkDyadYears(b *testing.B) { benchmarkCSV(b, "dyad-years") }

// benchmarkCSV writes a table of the generated agreements as CSV, as
// entente table does (the collector as it sets it, GOGC=400, unless GOGC
// is set), reporting the rows, the megabytes of CSV and the most heap in
// use while they stream.
func benchmarkCSV(b *testing.B, name string) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	tb, _ := tables.Lookup(name)
	for b.Loop() {
		var out lineCounter
		stop := peakHeap()
		if err := tb.WriteCSV(&out, generated(benchAgreements), tables.Years{From: 1950, To: 2025}); err != nil {
			b.Fatal(err)
		}
		peak := stop()
		b.ReportMetric(float64(out.lines-1), "rows")
		b.ReportMetric(float64(out.bytes)/(1<<20), "MiB-of-CSV")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}

// benchAgreements is how many agreements BenchmarkDyadYears writes.
var benchAgreements = 10_000

func init() {
	if n := os.Getenv("ENTENTE_BENCH_AGREEMENTS"); n != "" {
		fmt.Sscan(n, &benchAgreements)
	}
}

// BenchmarkSetDyadYears writes the dyad-years across the set of the same
// generated agreements: all among 30 countries, so each of its rows lists
// thousands of agreements. The set's runs are gathered in memory before
// the first row.
//
//	go test ./tables -run '^$' -bench SetDyadYears -benchtime 1x
func BenchmarkSetDyadYears(b *testing.B) { benchmarkCSV(b, "set-dyad-years") }
