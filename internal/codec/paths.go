package codec

import (
	"github.com/entente-go/entente/internal/yamlnode"
)

// NodeIDs returns the id of each element of a sequence node: the value of
// its "id" key when the element is a mapping with a scalar id.
func NodeIDs(seq *yamlnode.Node) []string {
	ids := make([]string, len(seq.Content))
	for i, item := range seq.Content {
		ids[i] = nodeID(item)
	}
	return ids
}

// nodeID is the value of a mapping's scalar "id", or "".
func nodeID(item *yamlnode.Node) string {
	if item.Kind != yamlnode.MappingNode {
		return ""
	}
	for j := 0; j+1 < len(item.Content); j += 2 {
		k, v := item.Content[j], item.Content[j+1]
		if k.Kind == yamlnode.ScalarNode && k.Value == "id" && v.Kind == yamlnode.ScalarNode {
			return v.Value
		}
	}
	return ""
}
