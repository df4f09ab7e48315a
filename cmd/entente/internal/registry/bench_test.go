package registry

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/tables"
)

// benchAgreements is how many generated agreements BenchmarkWrite puts
// in its database.
var benchAgreements = 10_000

func init() {
	if n := os.Getenv("ENTENTE_BENCH_AGREEMENTS"); n != "" {
		fmt.Sscan(n, &benchAgreements)
	}
}

// BenchmarkWrite builds the database of generated multilateral
// agreements (4 to 30 parties each) with year tables from 1950 to 2025,
// reporting its size and the dyad-years its views hold. The collector
// runs as entente db sets it (GOGC=400), unless GOGC is set.
// ENTENTE_BENCH_AGREEMENTS sets how many agreements (the target:
// 10,000 in under 30 s).
//
//	go test ./cmd/entente/internal/registry -run '^$' -bench Write -benchtime 1x
func BenchmarkWrite(b *testing.B) {
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	var docs []*agreement.Document
	for seed := range uint64(benchAgreements) {
		docs = append(docs, document(gen.Multilateral(seed)))
	}
	set := agreement.NewSet(docs...)
	years := tables.Years{From: 1950, To: 2025}
	dyads, runs := 0, 0
	for run := range tables.DyadYearRuns(tables.InSet(set), years) {
		dyads += run.To - run.First.Year + 1
		runs++
	}
	path := filepath.Join(b.TempDir(), "registry.sqlite")
	for b.Loop() {
		if err := Write(path, set, nil, years); err != nil {
			b.Fatal(err)
		}
	}
	info, _ := os.Stat(path)
	b.ReportMetric(float64(info.Size())/(1<<20), "MiB")
	b.ReportMetric(float64(dyads), "dyad-years")
	b.ReportMetric(float64(runs), "runs")
}
