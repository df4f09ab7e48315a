package codec

import (
	"strconv"
	"strings"

	"github.com/entente-go/entente/internal/yamlnode"
)

// ElemKeys names the elements of a list in a path: by id when the element
// has one that is usable (not empty, not all digits, no brackets) and no
// earlier sibling has the same id; by index otherwise. ids[i] is the i-th
// element's id, or "" when it has none. The decoder, the schema mapping
// and the semantic rules all name elements this way, so that their paths
// agree.
func ElemKeys(ids []string) []string {
	keys := make([]string, len(ids))
	seen := make(map[string]bool, len(ids))
	for i, id := range ids {
		if isPathSafe(id) && !seen[id] {
			seen[id] = true
			keys[i] = id
			continue
		}
		keys[i] = strconv.Itoa(i)
	}
	return keys
}

// elemIndex returns the index of the element of seq that ElemKeys names
// key, or -1, without naming the others: the first element with that id,
// or the element at that index if it is named by its index.
func elemIndex(seq *yamlnode.Node, key string) int {
	if isPathSafe(key) {
		for i, item := range seq.Content {
			if nodeID(item) == key {
				return i
			}
		}
		return -1
	}
	i, err := strconv.Atoi(key)
	if err != nil || strconv.Itoa(i) != key || i >= len(seq.Content) {
		return -1
	}
	id := nodeID(seq.Content[i])
	if !isPathSafe(id) {
		return i
	}
	for _, earlier := range seq.Content[:i] {
		if nodeID(earlier) == id {
			return i // a repeated id: named by its index
		}
	}
	return -1
}

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

// isPathSafe reports whether an id can stand in brackets without making
// the path ambiguous (digits alone would read as an index).
func isPathSafe(id string) bool {
	if id == "" || strings.ContainsAny(id, "[]") {
		return false
	}
	return !allDigits(id)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Index appends an element key to a path.
func Index(path, key string) string { return path + "[" + key + "]" }
