package codec

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/entente-go/entente/internal/yamlnode"
)

// TestFindAgreesWithElemKeys: finding one element by its key, indexed or
// by a scan, gives the element ElemKeys names so, for lists with repeated, numeric, empty
// and bracketed ids and elements without one.
func TestFindAgreesWithElemKeys(t *testing.T) {
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
		keys := ElemKeys(NodeIDs(seq))
		tree := NewTree(seq)
		for _, key := range append(slices.Clone(pool), "2", "3", "9", "-1", "+1", "01") {
			want := slices.Index(keys, key)
			if got := tree.elem(seq, key); got != want {
				t.Fatalf("round %d: keys %q: Tree.elem(%q) = %d, want %d", round, keys, key, got, want)
			}
			if got := elemIndex(seq, key); got != want {
				t.Fatalf("round %d: keys %q: elemIndex(%q) = %d, want %d", round, keys, key, got, want)
			}
			_, value, ok := tree.Find("[" + key + "]")
			if ok != (want >= 0) || ok && value != seq.Content[want] {
				t.Fatalf("round %d: keys %q: Find([%s]) = %v, want element %d", round, keys, key, ok, want)
			}
		}
	}
}
