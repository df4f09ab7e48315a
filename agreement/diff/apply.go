package diff

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/entente-go/entente/agreement"

	"github.com/entente-go/entente/docpath"
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
// old value is a *ConflictError, and nothing is applied. Apply works on
// the JSON form of the agreement and reads the result back with the
// agreement package's loader, so the new version means what its JSON
// means.
func Apply(changes []Change, old *agreement.Agreement) (*agreement.Agreement, error) {
	root := jsonOfValue(reflect.ValueOf(old).Elem())
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
	src, err := json.Marshal(root)
	if err != nil {
		return nil, err
	}
	doc := agreement.Loader{MaxBytes: -1}.Parse("applied.json", src)
	for _, d := range doc.Diagnostics {
		if !strings.HasPrefix(string(d.Rule), "load.") && d.Rule != agreement.RuleSyntax {
			continue // the rules of the format: a version may break them, and the diff still applies
		}
		if d.Rule == agreement.RuleLoadInvalidValue {
			continue // a value outside its enumeration, kept as the model holds it
		}
		return nil, &ConflictError{Path: d.Path, Reason: "the result is not a valid agreement: " + d.Message}
	}
	if doc.Agreement == nil {
		return nil, &ConflictError{Reason: "the result is not an agreement"}
	}
	return doc.Agreement, nil
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
func walk(root any, steps []Step, path docpath.Path) (any, error) {
	n := root
	for _, s := range steps {
		if s.isElem() {
			l, ok := n.([]any)
			if !ok || s.Old < 0 || s.Old >= len(l) {
				return nil, &ConflictError{Path: path, Reason: fmt.Sprintf("no element %s in the old version", s.Key)}
			}
			n = l[s.Old]
			continue
		}
		m, ok := n.(map[string]any)
		if !ok {
			return nil, &ConflictError{Path: path, Reason: fmt.Sprintf("no field %q in the old version", s.Field)}
		}
		v, ok := m[s.Field]
		if !ok {
			return nil, &ConflictError{Path: path, Reason: fmt.Sprintf("no field %q in the old version", s.Field)}
		}
		n = v
	}
	return n, nil
}

func applyField(root any, c Change) error {
	parent, err := walk(root, c.Steps[:len(c.Steps)-1], c.Path)
	if err != nil {
		return err
	}
	m, ok := parent.(map[string]any)
	if !ok {
		return &ConflictError{Path: c.Path, Reason: "the old value here is not a mapping"}
	}
	name := c.Steps[len(c.Steps)-1].Field
	got, there := m[name]
	switch {
	case there && c.Op == OpAdded:
		return &ConflictError{Path: c.Path, Reason: "the field is already there"}
	case there && !reflect.DeepEqual(got, c.Old):
		return &ConflictError{Path: c.Path, Reason: fmt.Sprintf("the old value is %v, not %v", got, c.Old)}
	case there && c.Op == OpRemoved:
		delete(m, name)
	case there:
		m[name] = cloneJSON(c.New)
	case c.Op != OpAdded:
		return &ConflictError{Path: c.Path, Reason: "the field is not in the old version"}
	default:
		m[name] = cloneJSON(c.New)
	}
	return nil
}

// applyList rebuilds one list from its element changes: added and moved
// elements go to their new places, removed ones go, and the rest keep
// their order in the places left.
func applyList(root any, changes []Change) error {
	first := changes[0]
	steps := first.Steps[:len(first.Steps)-1]
	if len(steps) == 0 || steps[len(steps)-1].isElem() {
		return &ConflictError{Path: first.Path, Reason: "a list must be a field"}
	}
	parent, err := walk(root, steps[:len(steps)-1], first.Path)
	if err != nil {
		return err
	}
	pm, ok := parent.(map[string]any)
	if !ok {
		return &ConflictError{Path: first.Path, Reason: "the old value here is not a mapping"}
	}
	name := steps[len(steps)-1].Field
	value, there := pm[name]
	if !there {
		value = []any{} // a list the old version does not have: made, empty
	}
	old, ok := value.([]any)
	if !ok {
		return &ConflictError{Path: first.Path, Reason: "the old value here is not a list"}
	}
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
	slots := make([]any, size)
	filled := make([]bool, size)
	for _, c := range changes {
		s := c.Steps[len(c.Steps)-1]
		switch c.Op {
		case OpAdded:
			if s.New < 0 || s.New >= size || filled[s.New] {
				return &ConflictError{Path: c.Path, Reason: "the new position does not fit the list"}
			}
			slots[s.New], filled[s.New] = cloneJSON(c.New), true
		case OpRemoved, OpMoved:
			if s.Old < 0 || s.Old >= len(old) || taken[s.Old] {
				return &ConflictError{Path: c.Path, Reason: "the element is not in the old version"}
			}
			taken[s.Old] = true
			if c.Op == OpRemoved {
				if !reflect.DeepEqual(old[s.Old], c.Old) {
					return &ConflictError{Path: c.Path, Reason: "the element to remove is not the one in the old version"}
				}
				continue
			}
			if s.New < 0 || s.New >= size || filled[s.New] {
				return &ConflictError{Path: c.Path, Reason: "the new position does not fit the list"}
			}
			slots[s.New], filled[s.New] = old[s.Old], true
		default:
			return &ConflictError{Path: c.Path, Reason: fmt.Sprintf("%s is not an operation on a list element", c.Op)}
		}
	}
	next := 0
	for i, v := range old {
		if taken[i] {
			continue
		}
		for next < size && filled[next] {
			next++
		}
		if next == size {
			return &ConflictError{Path: first.Path, Reason: "the list has more elements than the changes allow for"}
		}
		slots[next], filled[next] = v, true
	}
	if slices.Contains(filled, false) {
		return &ConflictError{Path: first.Path, Reason: "the list has fewer elements than the changes need"}
	}
	pm[name] = slots
	return nil
}

// cloneJSON copies a JSON-typed value, so that the tree Apply builds
// never shares a mapping or list with the changes it was given.
func cloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = cloneJSON(x)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = cloneJSON(x)
		}
		return l
	}
	return v
}

// closings marks the changes that remove a list whose elements other
// changes remove one by one. Apply needs them (the key goes too, not only
// its elements), but they tell a reader nothing the element changes do
// not: WriteText and WriteMarkdown leave them out, and the summary does
// not count them.
func closings(changes []Change) []bool {
	emptied := map[string]bool{}
	for _, c := range changes {
		if n := len(c.Steps); n > 0 && c.Steps[n-1].isElem() && c.Op == OpRemoved {
			emptied[listKey(c.Steps[:n-1])] = true
		}
	}
	marks := make([]bool, len(changes))
	for i, c := range changes {
		if l, ok := c.Old.([]any); ok && c.Op == OpRemoved && len(l) == 0 && c.New == nil {
			marks[i] = emptied[listKey(c.Steps)]
		}
	}
	return marks
}
