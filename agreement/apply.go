package agreement

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

// ConflictError says that a change does not fit the agreement it is
// applied to: the value at its path is not the change's old value, or the
// path does not exist.
type ConflictError struct {
	Path   docpath.Path
	Reason string
}

func (e *ConflictError) Error() string { return fmt.Sprintf("conflict at %s: %s", e.Path, e.Reason) }

// Apply applies changes (as Diff made them, or as read back from their
// JSON) to old and returns the new version; old is not changed. Every
// change is checked against old first: a value that is not the change's
// old value is a *ConflictError, and nothing is applied.
func Apply(changes []Change, old *Agreement) (*Agreement, error) {
	root := codec.Encode(old, encodeHooks)
	groups := map[string][]Change{} // element changes, by the list they change
	emptied := map[string]Change{}  // lists removed once their elements are, by list
	for _, c := range changes {
		if len(c.Steps) == 0 {
			return nil, &ConflictError{Path: c.Path, Reason: "the change has no path"}
		}
		if c.Steps[len(c.Steps)-1].isElem() {
			key := listKey(c.Steps[:len(c.Steps)-1])
			groups[key] = append(groups[key], c)
			continue
		}
		if l, ok := c.Old.([]any); ok && c.Op == OpRemoved && len(l) == 0 {
			emptied[listKey(c.Steps)] = c
			continue
		}
		if err := applyField(root, c); err != nil {
			return nil, err
		}
	}
	// Lists: the deepest first, so that the indices leading to a list
	// still name the old elements when it is rebuilt.
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		di, dj := len(groups[keys[i]][0].Steps), len(groups[keys[j]][0].Steps)
		return cmp.Or(cmp.Compare(dj, di), strings.Compare(keys[i], keys[j])) < 0
	})
	for _, k := range keys {
		if err := applyList(root, groups[k]); err != nil {
			return nil, err
		}
		// The list is empty now and goes too, before any list above it
		// is rebuilt (the path to it is by old indices).
		if c, ok := emptied[k]; ok {
			if err := applyField(root, c); err != nil {
				return nil, err
			}
			delete(emptied, k)
		}
	}
	for _, c := range emptied { // a list removed without element changes
		if err := applyField(root, c); err != nil {
			return nil, err
		}
	}
	a := new(Agreement)
	for _, p := range decode(root, a) {
		if p.Kind == codec.InvalidValue {
			continue // a value outside its enumeration, kept as the model holds it
		}
		return nil, &ConflictError{Path: p.Path, Reason: "the result is not a valid agreement: " + p.Message}
	}
	return a, nil
}

func listKey(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		if s.isElem() {
			fmt.Fprintf(&b, "[%d]", s.Old)
		} else {
			b.WriteString("." + s.Field)
		}
	}
	return b.String()
}

// walk follows steps through the old tree, by old indices.
func walk(root *yamlnode.Node, steps []Step, path docpath.Path) (*yamlnode.Node, error) {
	n := root
	for _, s := range steps {
		if s.isElem() {
			if n.Kind != yamlnode.SequenceNode || s.Old < 0 || s.Old >= len(n.Content) {
				return nil, &ConflictError{Path: path, Reason: fmt.Sprintf("no element %s in the old version", s.Key)}
			}
			n = n.Content[s.Old]
			continue
		}
		v := field(n, s.Field)
		if v == nil {
			return nil, &ConflictError{Path: path, Reason: fmt.Sprintf("no field %q in the old version", s.Field)}
		}
		n = v
	}
	return n, nil
}

func field(m *yamlnode.Node, name string) *yamlnode.Node {
	if m.Kind != yamlnode.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == name {
			return m.Content[i+1]
		}
	}
	return nil
}

func applyField(root *yamlnode.Node, c Change) error {
	parent, err := walk(root, c.Steps[:len(c.Steps)-1], c.Path)
	if err != nil {
		return err
	}
	if parent.Kind != yamlnode.MappingNode {
		return &ConflictError{Path: c.Path, Reason: "the old value here is not a mapping"}
	}
	name := c.Steps[len(c.Steps)-1].Field
	for i := 0; i+1 < len(parent.Content); i += 2 {
		if parent.Content[i].Value != name {
			continue
		}
		if c.Op == OpAdded {
			return &ConflictError{Path: c.Path, Reason: "the field is already there"}
		}
		if got := jsonOf(parent.Content[i+1]); !reflect.DeepEqual(got, c.Old) {
			return &ConflictError{Path: c.Path, Reason: fmt.Sprintf("the old value is %v, not %v", got, c.Old)}
		}
		if c.Op == OpRemoved {
			parent.Content = slices.Delete(parent.Content, i, i+2)
		} else {
			parent.Content[i+1] = nodeOf(c.New)
		}
		return nil
	}
	if c.Op != OpAdded {
		return &ConflictError{Path: c.Path, Reason: "the field is not in the old version"}
	}
	parent.Content = append(parent.Content, codec.String(name), nodeOf(c.New))
	return nil
}

// applyList rebuilds one list from its element changes: added and moved
// elements go to their new places, removed ones go, and the rest keep
// their order in the places left.
func applyList(root *yamlnode.Node, changes []Change) error {
	first := changes[0]
	steps := first.Steps[:len(first.Steps)-1]
	list, err := walk(root, steps, first.Path)
	if err != nil && len(steps) > 0 && !steps[len(steps)-1].isElem() {
		// A list the old version does not have: make it, empty.
		parent, perr := walk(root, steps[:len(steps)-1], first.Path)
		if perr != nil || parent.Kind != yamlnode.MappingNode {
			return err
		}
		list = &yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq"}
		parent.Content = append(parent.Content, codec.String(steps[len(steps)-1].Field), list)
	} else if err != nil {
		return err
	}
	if list.Kind != yamlnode.SequenceNode {
		return &ConflictError{Path: first.Path, Reason: "the old value here is not a list"}
	}
	old := list.Content
	taken := make([]bool, len(old))
	size := len(old)
	for _, c := range changes {
		switch c.Op {
		case OpAdded:
			size++
		case OpRemoved:
			size--
		}
	}
	if size < 0 {
		return &ConflictError{Path: first.Path, Reason: "more elements removed than the list holds"}
	}
	slots := make([]*yamlnode.Node, size)
	for _, c := range changes {
		s := c.Steps[len(c.Steps)-1]
		switch c.Op {
		case OpAdded:
			if s.New < 0 || s.New >= size || slots[s.New] != nil {
				return &ConflictError{Path: c.Path, Reason: "the new position does not fit the list"}
			}
			slots[s.New] = nodeOf(c.New)
		case OpRemoved, OpMoved:
			if s.Old < 0 || s.Old >= len(old) || taken[s.Old] {
				return &ConflictError{Path: c.Path, Reason: "the element is not in the old version"}
			}
			taken[s.Old] = true
			if c.Op == OpRemoved {
				if got := jsonOf(old[s.Old]); !reflect.DeepEqual(got, c.Old) {
					return &ConflictError{Path: c.Path, Reason: "the element to remove is not the one in the old version"}
				}
				continue
			}
			if s.New < 0 || s.New >= size || slots[s.New] != nil {
				return &ConflictError{Path: c.Path, Reason: "the new position does not fit the list"}
			}
			slots[s.New] = old[s.Old]
		default:
			return &ConflictError{Path: c.Path, Reason: fmt.Sprintf("%s is not an operation on a list element", c.Op)}
		}
	}
	next := 0
	for i, n := range old {
		if taken[i] {
			continue
		}
		for next < size && slots[next] != nil {
			next++
		}
		if next == size {
			return &ConflictError{Path: first.Path, Reason: "the list has more elements than the changes allow for"}
		}
		slots[next] = n
	}
	if slices.Contains(slots, nil) {
		return &ConflictError{Path: first.Path, Reason: "the list has fewer elements than the changes need"}
	}
	list.Content = slots
	return nil
}

// nodeOf turns a JSON-typed value back into a node tree, as the encoder
// would have made it.
func nodeOf(v any) *yamlnode.Node {
	switch v := v.(type) {
	case map[string]any:
		n := &yamlnode.Node{Kind: yamlnode.MappingNode, Tag: "!!map"}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			n.Content = append(n.Content, codec.String(k), nodeOf(v[k]))
		}
		return n
	case []any:
		n := &yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq"}
		for _, x := range v {
			n.Content = append(n.Content, nodeOf(x))
		}
		return n
	case bool:
		return &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(v)}
	case string:
		return codec.String(v)
	}
	return &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!null", Value: "null"}
}

func jsonOf(n *yamlnode.Node) any {
	v, _ := codec.JSONValue(n)
	return v
}
