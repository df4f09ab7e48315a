package agreement

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

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
	var lost []Position
	realComments(src, tree, func(line int, text []byte, hash int) {
		comment := strings.TrimSpace(string(text[hash:]))
		if held[comment] > 0 {
			held[comment]--
			return
		}
		lost = append(lost, Position{line, 1 + utf8.RuneCount(text[:hash])})
	})
	return lost
}

// realComments calls visit for each comment of src, whose tree is tree,
// in order: a # at a line's start or after a space or tab, outside the
// quoted and block scalars (a # there is text), to the end of its line.
// It is given the comment's line (1-based), the line's text and the
// index of the # in it.
func realComments(src []byte, tree *yamlnode.Node, visit func(line int, text []byte, hash int)) {
	spans := textSpans(tree, src)
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	inText := func(off int) bool {
		i, _ := slices.BinarySearchFunc(spans, off+1, func(sp [2]int, t int) int { return cmp.Compare(sp[0], t) })
		return i > 0 && off < spans[i-1][1] // the last span that starts at or before off
	}
	offset := 0 // of the line in src
	for i, line := range bytes.Split(src, []byte("\n")) {
		start := offset
		offset += len(line) + 1
		for j := bytes.IndexByte(line, '#'); j >= 0; {
			if (j == 0 || line[j-1] == ' ' || line[j-1] == '\t') && !inText(start+j) {
				visit(i+1, line, j)
				break // the rest of the line is the comment
			}
			k := bytes.IndexByte(line[j+1:], '#')
			if k < 0 {
				break
			}
			j += 1 + k
		}
	}
}
