package agreement

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/entente-go/entente/internal/yamlnode"
)

// lostComments returns the places of the comments of src that its tree,
// parsed with comments, does not hold: the YAML library keeps one line
// comment per node, so a comment after an opening bracket, or one of two
// that fall to the same node, is dropped as it reads. Format refuses a
// file with such a comment rather than write it back without it.
func lostComments(src []byte, tree *yamlnode.Node) []Position {
	held := map[string]int{}
	var walk func(n *yamlnode.Node)
	walk = func(n *yamlnode.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					held[line]++
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(tree)
	spans := textSpans(tree, src)
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	in := func(off int) bool { // inside a quoted or block scalar
		i, _ := slices.BinarySearchFunc(spans, off+1, func(sp [2]int, t int) int { return cmp.Compare(sp[0], t) })
		return i > 0 && off < spans[i-1][1] // the last span that starts at or before off
	}
	var lost []Position
	offset := 0
	for i, line := range bytes.Split(src, []byte("\n")) {
		start := offset
		offset += len(line) + 1
		for j := bytes.IndexByte(line, '#'); j >= 0; {
			if (j == 0 || line[j-1] == ' ' || line[j-1] == '\t') && !in(start+j) {
				text := strings.TrimSpace(string(line[j:]))
				if held[text] > 0 {
					held[text]--
				} else {
					lost = append(lost, Position{i + 1, 1 + len([]rune(string(line[:j])))})
				}
				break // the rest of the line is the comment
			}
			k := bytes.IndexByte(line[j+1:], '#')
			if k < 0 {
				break
			}
			j += 1 + k
		}
	}
	return lost
}
