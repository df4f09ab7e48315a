package codec

import (
	"strconv"
	"strings"

	"github.com/entente-go/entente/internal/yamlnode"
)

// JSONValue converts a node tree into the JSON-typed value a JSON Schema
// validator takes: mappings become map[string]any, sequences []any, null
// nil, booleans bool, and every other scalar its text as written — so that
// 2025-01-17, 2019 and 012 reach the schema as the strings the author
// wrote. Aliases are followed within the same budget as decoding; false
// means the budget ran out.
func JSONValue(root *yamlnode.Node) (any, bool) {
	budget := maxAliased
	return jsonValue(root, &budget, false, 0)
}

func jsonValue(n *yamlnode.Node, budget *int, aliased bool, depth int) (any, bool) {
	if depth > MaxDepth {
		return nil, false // deeper than the decoder goes: it reports why
	}
	for hops := 0; n.Kind == yamlnode.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			return nil, false
		}
		n, aliased = n.Alias, true
	}
	if aliased {
		if *budget--; *budget < 0 {
			return nil, false
		}
	}
	switch n.Kind {
	case yamlnode.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yamlnode.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			if _, dup := m[k.Value]; dup {
				continue // the decoder reports it; the first one counts
			}
			v, ok := jsonValue(n.Content[i+1], budget, aliased, depth+1)
			if !ok {
				return nil, false
			}
			m[k.Value] = v
		}
		return m, true
	case yamlnode.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			v, ok := jsonValue(c, budget, aliased, depth+1)
			if !ok {
				return nil, false
			}
			s[i] = v
		}
		return s, true
	case yamlnode.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, true
		case "!!bool":
			if b, err := strconv.ParseBool(n.Value); err == nil {
				return b, true
			}
		}
		return n.Value, true
	}
	return nil, true
}

// Locate follows a JSON-pointer location from root. It returns the key
// node of the last step (nil when the last step is a list index or there
// are no steps), the value node reached, and the document path with ids.
// When a step does not resolve (a property that is missing), it stops at
// the deepest node reached, and ok is false.
func Locate(root *yamlnode.Node, tokens []string) (key, value *yamlnode.Node, path string, ok bool) {
	return NewLocator(root).Locate(tokens)
}

// Locator is Locate for many locations in one tree: it indexes each
// mapping and list it passes through once, so that a thousand findings in
// one long list cost the list's length once, not a thousand times. It is
// not safe for concurrent use.
type Locator struct {
	root  *yamlnode.Node
	props map[*yamlnode.Node]map[string]int // a mapping's keys: the first entry's index
	keys  map[*yamlnode.Node][]string       // a list's element keys (ElemKeys)
}

// NewLocator returns a Locator for the tree at root.
func NewLocator(root *yamlnode.Node) *Locator {
	return &Locator{root: root, props: map[*yamlnode.Node]map[string]int{}, keys: map[*yamlnode.Node][]string{}}
}

// Locate is Locate in the locator's tree.
func (l *Locator) Locate(tokens []string) (key, value *yamlnode.Node, path string, ok bool) {
	value = deref(l.root)
	for _, tok := range tokens {
		switch value.Kind {
		case yamlnode.MappingNode:
			props, seen := l.props[value]
			if !seen {
				props = make(map[string]int, len(value.Content)/2)
				for i := 0; i+1 < len(value.Content); i += 2 {
					if k := deref(value.Content[i]).Value; !has(props, k) {
						props[k] = i
					}
				}
				l.props[value] = props
			}
			i, found := props[tok]
			if !found {
				return key, value, path, false
			}
			key, value = deref(value.Content[i]), deref(value.Content[i+1])
			path = join(path, tok)
		case yamlnode.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(value.Content) {
				return key, value, path, false
			}
			keys, seen := l.keys[value]
			if !seen {
				keys = ElemKeys(NodeIDs(value))
				l.keys[value] = keys
			}
			path = Index(path, keys[i])
			key, value = nil, deref(value.Content[i])
		default:
			return key, value, path, false
		}
	}
	return key, value, path, true
}

func has(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func deref(n *yamlnode.Node) *yamlnode.Node {
	for depth := 0; n.Kind == yamlnode.AliasNode && n.Alias != nil && depth < 100; depth++ {
		n = n.Alias
	}
	return n
}

// Find returns the key node and the value node at a path written as in
// diagnostics (clauses[art-3].commitments[0].by): field names after dots,
// list elements by the key ElemKeys gives them. ok is false when the path
// does not lead anywhere in the tree.
func Find(root *yamlnode.Node, path string) (key, value *yamlnode.Node, ok bool) {
	return find(root, path, elemIndex)
}

// Finder is Find for many paths in one tree: it keeps the keys of each
// list it passes through, so that a lookup costs the length of its path,
// not of the lists on it. It is not safe for concurrent use.
type Finder struct {
	root *yamlnode.Node
	keys map[*yamlnode.Node]map[string]int
}

// NewFinder returns a Finder for the tree at root.
func NewFinder(root *yamlnode.Node) *Finder {
	return &Finder{root: root, keys: map[*yamlnode.Node]map[string]int{}}
}

// Find is Find in the finder's tree.
func (f *Finder) Find(path string) (key, value *yamlnode.Node, ok bool) {
	return find(f.root, path, f.index)
}

func (f *Finder) index(seq *yamlnode.Node, key string) int {
	keys, ok := f.keys[seq]
	if !ok {
		keys = map[string]int{}
		for i, k := range ElemKeys(NodeIDs(seq)) {
			keys[k] = i
		}
		f.keys[seq] = keys
	}
	if i, ok := keys[key]; ok {
		return i
	}
	return -1
}

func find(root *yamlnode.Node, path string, index func(seq *yamlnode.Node, key string) int) (key, value *yamlnode.Node, ok bool) {
	value = deref(root)
	for path != "" {
		switch path[0] {
		case '.':
			path = path[1:]
			continue
		case '[':
			end := strings.IndexByte(path, ']')
			if end < 0 || value.Kind != yamlnode.SequenceNode {
				return nil, nil, false
			}
			want := path[1:end]
			path = path[end+1:]
			i := index(value, want)
			if i < 0 {
				return nil, nil, false
			}
			key, value = nil, deref(value.Content[i])
			continue
		}
		end := strings.IndexAny(path, ".[")
		if end < 0 {
			end = len(path)
		}
		name := path[:end]
		path = path[end:]
		if value.Kind != yamlnode.MappingNode {
			return nil, nil, false
		}
		found := false
		for i := 0; i+1 < len(value.Content); i += 2 {
			if k := deref(value.Content[i]); k.Value == name {
				key, value, found = k, deref(value.Content[i+1]), true
				break
			}
		}
		if !found {
			return nil, nil, false
		}
	}
	return key, value, true
}
