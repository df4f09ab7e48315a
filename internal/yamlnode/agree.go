package yamlnode

import (
	"fmt"

	yaml "go.yaml.in/yaml/v4"
)

// FastAgrees reads src with the fast reader and with the full parser, and
// reports whether the fast reader read it and, if it did, the first
// difference between the two trees (comments aside), or "" when they are
// the same. It is for tests: those of the packages that write YAML check
// with it that what they write is read the same both ways.
func FastAgrees(src []byte) (read bool, difference string) {
	got, ok := parseFast(src)
	if !ok {
		return false, ""
	}
	var want Node
	if err := yaml.Load(src, &want); err != nil {
		return true, fmt.Sprintf("the fast reader read what the full parser rejects: %v", err)
	}
	return true, sameTree("", got, &want)
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
