package codec

import (
	"strconv"

	"github.com/entente-go/entente/docpath"

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

// Find returns the key node and the value node at path (the key is nil
// for a list element and for the root). ok is false when the path does
// not lead anywhere in the tree.
func Find(root *yamlnode.Node, path docpath.Path) (key, value *yamlnode.Node, ok bool) {
	return (&Tree{root: root}).Find(path)
}

// Tree is a node tree indexed for many lookups, by path (Find) or by
// JSON-pointer location (Locate): each mapping and list a lookup passes
// through is indexed once, so that a thousand findings in one long list
// cost the list's length once, not a thousand times. It is not safe for
// concurrent use. A Tree made without NewTree (as the function Find makes
// one) keeps no index: it scans, and allocates nothing for a single
// lookup.
type Tree struct {
	root  *yamlnode.Node
	props map[*yamlnode.Node]map[string]int // a mapping's keys: the first entry's index
	names map[*yamlnode.Node][]string       // a list's element names (docpath.Names)
	ids   map[*yamlnode.Node]map[string]int // a list's ids: the first element with each
}

// NewTree returns the tree at root, indexed as lookups need it.
func NewTree(root *yamlnode.Node) *Tree {
	return &Tree{root: root, props: map[*yamlnode.Node]map[string]int{},
		names: map[*yamlnode.Node][]string{}, ids: map[*yamlnode.Node]map[string]int{}}
}

// Root returns the root of the tree.
func (t *Tree) Root() *yamlnode.Node { return t.root }

// Names returns how paths name the elements of a list node of the tree
// (docpath.Names: an id, or "" for an element named by its index). The
// slice is shared: do not change it.
func (t *Tree) Names(seq *yamlnode.Node) []string {
	if t.names == nil {
		return docpath.Names(NodeIDs(seq))
	}
	names, ok := t.names[seq]
	if !ok {
		names = docpath.Names(NodeIDs(seq))
		t.names[seq] = names
	}
	return names
}

// prop returns the index in m.Content of the first entry with key name,
// or -1.
func (t *Tree) prop(m *yamlnode.Node, name string) int {
	if t.props == nil {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if deref(m.Content[i]).Value == name {
				return i
			}
		}
		return -1
	}
	props, ok := t.props[m]
	if !ok {
		props = make(map[string]int, len(m.Content)/2)
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := deref(m.Content[i]).Value; !has(props, k) {
				props[k] = i
			}
		}
		t.props[m] = props
	}
	if i, ok := props[name]; ok {
		return i
	}
	return -1
}

// byID returns the index of the first element of seq with the given id,
// or -1.
func (t *Tree) byID(seq *yamlnode.Node, id string) int {
	if t.ids == nil {
		for i, item := range seq.Content {
			if nodeID(item) == id {
				return i
			}
		}
		return -1
	}
	ids, ok := t.ids[seq]
	if !ok {
		ids = make(map[string]int, len(seq.Content))
		for i, item := range seq.Content {
			if id := nodeID(item); !has(ids, id) {
				ids[id] = i
			}
		}
		t.ids[seq] = ids
	}
	if i, ok := ids[id]; ok {
		return i
	}
	return -1
}

// Locate follows a JSON-pointer location from the root. It returns the
// key node of the last step (nil when the last step is a list index or
// there are no steps), the value node reached, and its path. When a step
// does not resolve (a property that is missing), it stops at the deepest
// node reached, and ok is false.
func (t *Tree) Locate(tokens []string) (key, value *yamlnode.Node, path docpath.Path, ok bool) {
	value = deref(t.root)
	for _, tok := range tokens {
		switch value.Kind {
		case yamlnode.MappingNode:
			i := t.prop(value, tok)
			if i < 0 {
				return key, value, path, false
			}
			key, value = deref(value.Content[i]), deref(value.Content[i+1])
			path = path.Child(tok)
		case yamlnode.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(value.Content) {
				return key, value, path, false
			}
			path = path.Elem(i, t.Names(value)[i])
			key, value = nil, deref(value.Content[i])
		default:
			return key, value, path, false
		}
	}
	return key, value, path, true
}

// Find is Find in the tree.
func (t *Tree) Find(path docpath.Path) (key, value *yamlnode.Node, ok bool) {
	value = deref(t.root)
	for _, s := range path.Steps() {
		switch {
		case s.Kind == docpath.Field && value.Kind == yamlnode.MappingNode:
			i := t.prop(value, s.Name)
			if i < 0 {
				return nil, nil, false
			}
			key, value = deref(value.Content[i]), deref(value.Content[i+1])
		case s.Kind == docpath.Elem && value.Kind == yamlnode.SequenceNode:
			i := s.Index
			if s.ID != "" {
				i = t.byID(value, s.ID)
			}
			if i < 0 || i >= len(value.Content) {
				return nil, nil, false
			}
			key, value = nil, deref(value.Content[i])
		default:
			return nil, nil, false
		}
	}
	return key, value, true
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

// At is Tree.At on a tree without an index, for a single lookup.
func At(root *yamlnode.Node, line, col int) (path docpath.Path, key, value *yamlnode.Node, onKey, ok bool) {
	return (&Tree{root: root}).At(line, col)
}

// At returns the path of the innermost node written at or before line
// and column (1-based): the entry of a mapping, or the element of a list,
// that starts last before it, down to a scalar. onKey says the place is a
// mapping entry's key, on its line and before its value. ok is false
// before the first node.
func (t *Tree) At(line, col int) (path docpath.Path, key, value *yamlnode.Node, onKey, ok bool) {
	before := func(n *yamlnode.Node) bool { return n.Line < line || n.Line == line && n.Column <= col }
	value = deref(t.root)
	if value == nil || !before(value) {
		return path, nil, nil, false, false
	}
	for depth := 0; depth < MaxDepth; depth++ {
		switch value.Kind {
		case yamlnode.MappingNode:
			i := -1
			for j := 0; j+1 < len(value.Content); j += 2 {
				if before(value.Content[j]) {
					i = j
				}
			}
			if i < 0 {
				return path, key, value, false, true
			}
			k, v := value.Content[i], deref(value.Content[i+1])
			path = path.Child(deref(k).Value)
			if !before(v) || v.Line > k.Line && line == k.Line {
				return path, k, v, true, true
			}
			key, value = k, v
		case yamlnode.SequenceNode:
			i := -1
			for j, item := range value.Content {
				if before(item) {
					i = j
				}
			}
			if i < 0 {
				return path, key, value, false, true
			}
			path = path.Elem(i, t.Names(value)[i])
			key, value = nil, deref(value.Content[i])
		default:
			return path, key, value, false, true
		}
	}
	return path, key, value, false, true
}
