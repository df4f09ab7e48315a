package diff_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/agreement/diff"
	"github.com/entente-go/entente/internal/gen"
)

// benchPair makes an agreement of n clauses and a new version of it with
// 1% of its clauses edited and one clause inserted at the front.
func benchPair(n int) (a, b *agreement.Agreement) {
	r := rand.New(rand.NewPCG(uint64(n), 9))
	a = gen.Agreement(r, gen.Options{Clauses: n})
	b = gen.Copy(a)
	for i := 0; i < max(1, n/100); i++ {
		c := &b.Clauses[r.IntN(len(b.Clauses))]
		c.Summary += " amended"
		if len(c.Commitments) > 0 {
			c.Commitments[0].Modality = agreement.ModalityShall
		}
	}
	b.Clauses = append([]agreement.Clause{{ID: "front", Num: "0", Summary: "A clause put first."}}, b.Clauses...)
	return a, b
}

// BenchmarkDiff measures Diff beside cmp.Diff on the same pairs:
//
//	go test ./agreement -run '^$' -bench Diff -benchmem
func BenchmarkDiff(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000, 100_000} {
		old, new := benchPair(n)
		b.Run(fmt.Sprintf("entente/clauses=%d", n), func(b *testing.B) {
			for b.Loop() {
				diff.Diff(old, new)
			}
		})
		if n > 10_000 {
			continue // cmp.Diff takes minutes here
		}
		b.Run(fmt.Sprintf("cmp.Diff/clauses=%d", n), func(b *testing.B) {
			for b.Loop() {
				cmp.Diff(old, new)
			}
		})
	}
}
