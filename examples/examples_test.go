package examples_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

func TestExamplesLoadClean(t *testing.T) {
	set, err := agreement.ReadFS(os.DirFS("agreements"), ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Documents) < 2 {
		t.Fatalf("found %d example agreements", len(set.Documents))
	}
	tax := topics.Builtin()
	for _, doc := range set.Documents {
		t.Run(filepath.Base(doc.Name), func(t *testing.T) {
			for _, d := range doc.Diagnostics {
				t.Errorf("%s", d)
			}
			a := doc.Agreement
			if a == nil {
				return
			}
			for _, p := range a.Parties {
				if _, ok := parties.LookupCountry(p.Country); p.Kind == parties.KindState && !ok {
					t.Errorf("party %s: unknown country %q", p.ID, p.Country)
				}
			}
			for _, c := range a.Contexts {
				if _, ok := parties.LookupOrganisation(c); !ok {
					t.Errorf("unknown context %q", c)
				}
			}
			var walk func([]agreement.Clause)
			walk = func(cs []agreement.Clause) {
				for _, c := range cs {
					for _, code := range c.Topics {
						if _, ok := tax.Lookup(code); !ok {
							t.Errorf("clause %s: unknown topic %q", c.ID, code)
						}
					}
					walk(c.Clauses)
				}
			}
			walk(a.Clauses)
			for _, c := range a.Cooperation {
				if _, ok := tax.Lookup(c.Topic); !ok {
					t.Errorf("cooperation: unknown topic %q", c.Topic)
				}
			}
			for _, r := range a.Relations {
				if set.Latest(r.Agreement) == nil {
					t.Errorf("relation %s: agreement %q is not among the examples", r.Type, r.Agreement)
				}
			}
		})
	}
}
