package tables_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"testing"

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

// BenchmarkDyadYears writes the dyad-years of 10,000 generated
// multilateral agreements (4 to 30 parties each) from 1950 to 2025 as
// CSV, reporting the rows and the most heap in use while they stream
// (sampled every 50,000 rows). The target: under 10 s and
// 200 MiB.
//
//	go test ./tables -run '^$' -bench DyadYears -benchtime 1x
func BenchmarkDyadYears(b *testing.B) {
	tb, _ := tables.Lookup("dyad-years")
	for b.Loop() {
		w := csv.NewWriter(io.Discard)
		rows, peak := 0, uint64(0)
		var m runtime.MemStats
		for rec := range tb.Records(generated(benchAgreements), tables.Years{From: 1950, To: 2025}) {
			w.Write(rec)
			if rows++; rows%50_000 == 0 {
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
			}
		}
		w.Flush()
		b.ReportMetric(float64(rows), "rows")
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
