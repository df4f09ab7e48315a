package codec

import (
	"math/rand/v2"
	"testing"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/yamlnode"
)

// TestFindAgreesWithNames: the path of each element as docpath.Names names
// it leads back to that element, indexed or by a scan, and an id no
// element has leads nowhere, for lists with repeated, numeric, empty and
// bracketed ids and elements without one.
func TestFindAgreesWithNames(t *testing.T) {
	pool := []string{"a", "b", "art-1", "1", "0", "007", "", "x[1]", "none"}
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 500 {
		seq := &yamlnode.Node{Kind: yamlnode.SequenceNode}
		for range r.IntN(8) {
			id := pool[r.IntN(len(pool))]
			if id == "none" {
				seq.Content = append(seq.Content, &yamlnode.Node{Kind: yamlnode.ScalarNode, Value: "text"})
				continue
			}
			seq.Content = append(seq.Content, &yamlnode.Node{Kind: yamlnode.MappingNode, Content: []*yamlnode.Node{
				{Kind: yamlnode.ScalarNode, Value: "id"}, {Kind: yamlnode.ScalarNode, Value: id},
			}})
		}
		names := docpath.Names(NodeIDs(seq))
		for _, tree := range []*Tree{NewTree(seq), {root: seq}} {
			for i, name := range names {
				p := docpath.Root().Elem(i, name)
				if _, value, ok := tree.Find(p); !ok || value != seq.Content[i] {
					t.Fatalf("round %d: names %q: Find(%s) = %v, want element %d", round, names, p, ok, i)
				}
				if _, value, path, ok := tree.Locate([]string{itoa(i)}); !ok || value != seq.Content[i] || !path.Equal(p) {
					t.Fatalf("round %d: Locate(%d) = %s, %v; want %s", round, i, path, ok, p)
				}
			}
			if _, _, ok := tree.Find(docpath.Root().Key("missing")); ok {
				t.Fatalf("round %d: an id no element has was found", round)
			}
			if _, _, ok := tree.Find(docpath.Root().Index(len(names))); ok {
				t.Fatalf("round %d: an index past the end was found", round)
			}
		}
	}
}

func itoa(i int) string { return string(rune('0' + i)) }
