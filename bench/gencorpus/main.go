// Command gencorpus writes a corpus of agreement files for the benchmarks:
// copies of the Iran–Russia example, each with its own id, grown to a
// target size by repeating its articles under new ids. The files are
// valid for entente and, since canonical YAML quotes dates, for ajv too.
//
//	go -C bench run ./gencorpus -n 2000 -kb 27 -out /tmp/corpus
//	go -C bench run ./gencorpus -n 200 -kb 5-300 -out /tmp/mixed
//	go -C bench run ./gencorpus -clauses 10000 -out /tmp/big   # one file, and a version with 1% edits
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/entente-go/entente/agreement"
)

func main() {
	n := flag.Int("n", 2000, "files to write")
	kb := flag.String("kb", "27", "size of each file in KB, or a range LO-HI drawn at random")
	clauses := flag.Int("clauses", 0, "write one agreement of this many clauses and a new version of it, instead of a corpus")
	base := flag.String("base", "../examples/agreements/ir-ru-csp-2025.yaml", "the agreement to copy (run from bench/, as go -C bench does)")
	out := flag.String("out", "", "the folder to write to (made if missing)")
	flag.Parse()
	if *out == "" {
		log.Fatal("gencorpus: -out is required")
	}
	doc, err := agreement.ReadFile(*base)
	if err != nil {
		log.Fatalf("gencorpus: %v", err)
	}
	if doc.Diagnostics.HasErrors() {
		log.Fatalf("gencorpus: %s: %v", *base, doc.Diagnostics.Err())
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	if *clauses > 0 {
		pair(doc.Agreement, *clauses, *out)
		return
	}
	lo, hi := sizes(*kb)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range *n {
		target := lo
		if hi > lo {
			target = lo + r.IntN(hi-lo+1)
		}
		a := grow(doc.Agreement, target*1024, i)
		write(filepath.Join(*out, fmt.Sprintf("agreement-%05d.yaml", i)), a)
	}
}

func sizes(s string) (int, int) {
	a, b, ok := strings.Cut(s, "-")
	lo, err := strconv.Atoi(a)
	if err != nil {
		log.Fatalf("gencorpus: -kb %q", s)
	}
	if !ok {
		return lo, lo
	}
	hi, err := strconv.Atoi(b)
	if err != nil || hi < lo {
		log.Fatalf("gencorpus: -kb %q", s)
	}
	return lo, hi
}

// grow copies base with its own id and enough repeated articles to reach
// about size bytes.
func grow(base *agreement.Agreement, size, i int) *agreement.Agreement {
	a := copyOf(base)
	a.ID = fmt.Sprintf("%s-%05d", base.ID, i)
	a.Relations = nil // the corpus stands alone: no warnings about
	a.Preamble = nil  // agreements outside it
	data, _ := agreement.MarshalYAML(a)
	have, round := len(data), len(base.Clauses)
	if have > size {
		// Smaller than the example: start from its bare bones (no
		// articles, areas, events or sources) and add its articles.
		a.Clauses, a.Cooperation, a.Term.Clauses, a.Timeline, a.Sources = nil, nil, nil, nil, nil
		data, _ = agreement.MarshalYAML(a)
		have, round = len(data), 0
	}
	bare, _ := agreement.MarshalYAML(&agreement.Agreement{})
	for ; have < size && round <= 10000; round++ {
		c := copyClause(base.Clauses[round%len(base.Clauses)])
		if round >= len(base.Clauses) {
			renumber(&c, fmt.Sprintf("-r%d", round))
		}
		a.Clauses = append(a.Clauses, c)
		one, _ := agreement.MarshalYAML(&agreement.Agreement{Clauses: []agreement.Clause{c}})
		have += len(one) - len(bare) // about what the clause adds to the file
	}
	return a
}

func renumber(c *agreement.Clause, suffix string) {
	c.ID += suffix
	if c.Num != "" {
		c.Num += suffix
	}
	c.Refs = nil
	for i := range c.Clauses {
		renumber(&c.Clauses[i], suffix)
	}
}

// copyClause copies a clause deeply enough for renumber, which changes
// the clause and those nested in it.
func copyClause(c agreement.Clause) agreement.Clause {
	c.Clauses = slices.Clone(c.Clauses)
	for i := range c.Clauses {
		c.Clauses[i] = copyClause(c.Clauses[i])
	}
	return c
}

func copyOf(a *agreement.Agreement) *agreement.Agreement { return a.Clone() }

// pair writes an agreement of n clauses and a new version with 1% of the
// clauses reworded and one inserted at the front, for entente diff.
func pair(base *agreement.Agreement, n int, out string) {
	a := copyOf(base)
	a.Clauses = nil
	for i := range n {
		c := copyClause(base.Clauses[i%len(base.Clauses)])
		renumber(&c, fmt.Sprintf("-%d", i))
		a.Clauses = append(a.Clauses, c)
	}
	a.Cooperation = nil
	a.Term.Clauses = nil
	write(filepath.Join(out, "old.yaml"), a)
	b := copyOf(a)
	r := rand.New(rand.NewPCG(3, 4))
	for range max(1, n/100) {
		c := &b.Clauses[r.IntN(len(b.Clauses))]
		c.Summary += " As amended."
	}
	b.Clauses = append([]agreement.Clause{{ID: "inserted", Num: "0", Summary: "A clause put first."}}, b.Clauses...)
	b.Version.Label = "amended"
	write(filepath.Join(out, "new.yaml"), b)
}

func write(name string, a *agreement.Agreement) {
	data, err := agreement.MarshalYAML(a)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}
