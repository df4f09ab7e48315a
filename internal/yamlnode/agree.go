package yamlnode

import (
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// FastAgrees reads src with the fast reader and with the full parser, and
// reports whether the fast reader read it and, if it did, the first
// difference between the two trees (comments aside), or "" when they are
// the same. It is for tests: those of the packages that write YAML check
// with it that what they write is read the same both ways.
func FastAgrees(src []byte) (read bool, difference string) {
	got, shape, ok := parseFast(src)
	if !ok {
		return false, ""
	}
	var want Node
	if err := yaml.Load(src, &want); err != nil {
		return true, fmt.Sprintf("the fast reader read what the full parser rejects: %v", err)
	}
	if d := sameTree("", got, &want); d != "" {
		return true, d
	}
	return true, shapeHolds(got, shape)
}

// shapeHolds returns how the tree at doc breaks what shape says of it,
// or "".
func shapeHolds(doc *Node, shape Shape) string {
	depth, blanks := 0, false
	var walk func(n *Node, level int)
	walk = func(n *Node, level int) {
		depth = max(depth, level)
		if n.Kind == ScalarNode && strings.TrimSpace(n.Value) == "" ||
			(n.Kind == MappingNode || n.Kind == SequenceNode) && len(n.Content) == 0 {
			blanks = true
		}
		for _, c := range n.Content {
			walk(c, level+1)
		}
	}
	walk(doc.Content[0], 1)
	switch {
	case !shape.Known:
		return "the shape is not known"
	case depth > shape.MaxDepth:
		return fmt.Sprintf("a node is %d levels deep, past the shape's %d", depth, shape.MaxDepth)
	case blanks && !shape.Blanks:
		return "a value is blank or empty, and the shape says none is"
	}
	return ""
}

// sameTree returns the first difference between two trees, comments
// aside, or "".
func sameTree(path string, a, b *Node) string {
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %v, want %v", path, a.Kind, b.Kind)
	case a.Style != b.Style:
		return fmt.Sprintf("%s: style %v, want %v", path, a.Style, b.Style)
	case a.Tag != b.Tag:
		return fmt.Sprintf("%s: tag %q, want %q", path, a.Tag, b.Tag)
	case a.Value != b.Value:
		return fmt.Sprintf("%s: value %q, want %q", path, a.Value, b.Value)
	case a.Anchor != b.Anchor || a.Alias != nil || b.Alias != nil:
		return fmt.Sprintf("%s: anchor or alias", path)
	case a.Line != b.Line || a.Column != b.Column:
		return fmt.Sprintf("%s (%q): at %d:%d, want %d:%d", path, a.Value, a.Line, a.Column, b.Line, b.Column)
	case len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: %d children, want %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := sameTree(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}
