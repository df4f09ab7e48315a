package agreement

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/entente-go/entente/internal/yamlnode"
)

// The rules of suppression comments.
const (
	RuleSuppressUnused    Rule = "suppress.unused"    // a suppression that matches no finding
	RuleSuppressMalformed Rule = "suppress.malformed" // a suppression without a rule or a reason
)

var suppressRules = []ruleDef{
	{rule: RuleSuppressUnused, doc: "A suppression comment (# entente:ignore RULE -- reason) that matches no finding on its line or the next (warning).", warning: true},
	{rule: RuleSuppressMalformed, doc: "A suppression comment that names no known rule, or gives no reason after --."},
}

// suppression is a comment "# entente:ignore RULE[, RULE] -- reason",
// which keeps findings of those rules on its line, or on the next line
// when it stands alone, from being reported.
type suppression struct {
	at     Position
	line   int // the line whose findings it suppresses
	rules  []Rule
	reason string
	used   bool
}

var suppressComment = regexp.MustCompile(`(^|[ \t])#[ \t]*entente:ignore\b(.*)$`)

// suppressions finds the suppression comments of src, whose tree is
// root: only a real comment suppresses, never text inside a quoted or
// block scalar that looks like one.
func suppressions(src []byte, root *yamlnode.Node) (found []*suppression, malformed Diagnostics) {
	realComments(src, root, func(line int, lineText []byte, hash int) {
		text := string(lineText)
		m := suppressComment.FindStringSubmatchIndex(text[hash:])
		if m == nil {
			return
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += hash // indices into the line
			}
		}
		col := 1 + len([]rune(text[:m[3]])) // the column of the #
		s := &suppression{at: Position{line, col}, line: line}
		if strings.TrimSpace(text[:m[0]]) == "" {
			s.line = line + 1 // a comment alone on its line speaks for the next
		}
		body := text[m[4]:m[5]]
		ids, reason, hasReason := strings.Cut(body, "--")
		s.reason = strings.TrimSpace(reason)
		for _, id := range strings.FieldsFunc(ids, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			s.rules = append(s.rules, Rule(id))
		}
		var problem string
		switch {
		case len(s.rules) == 0:
			problem = "the suppression names no rule"
		case !hasReason || s.reason == "":
			problem = "the suppression gives no reason"
		default:
			for _, r := range s.rules {
				switch {
				case r.Doc() == "":
					problem = fmt.Sprintf("%q is not a rule", r)
				case !r.Suppressible():
					problem = fmt.Sprintf("%s cannot be suppressed: the file would be read without what it lacks", r)
				}
			}
		}
		if problem != "" {
			malformed = append(malformed, Diagnostic{Position: s.at, Rule: RuleSuppressMalformed, Severity: SeverityError,
				Message: problem, Hint: "write # entente:ignore RULE -- why the finding does not apply"})
			return
		}
		found = append(found, s)
	})
	return found, malformed
}

// applySuppressions drops the findings a suppression comment covers and
// reports the suppressions that cover none, and those that are malformed.
// A suppression never hides a finding that stops the file being read.
func (d *Document) applySuppressions() {
	if d.Source == nil || !bytes.Contains(d.Source, []byte("entente:ignore")) {
		return
	}
	found, malformed := suppressions(d.Source, d.root)
	d.suppressions = found
	kept := d.Diagnostics[:0]
	for _, diag := range d.Diagnostics {
		if diag.Rule.Suppressible() {
			i := slices.IndexFunc(found, func(s *suppression) bool { return s.line == diag.Line && slices.Contains(s.rules, diag.Rule) })
			if i >= 0 {
				found[i].used = true
				d.suppressed = append(d.suppressed, diag)
				continue
			}
		}
		kept = append(kept, diag)
	}
	d.Diagnostics = kept
	for _, m := range malformed {
		m.File = d.Name
		d.Diagnostics = append(d.Diagnostics, m)
	}
	for _, s := range found {
		if !s.used && !s.forSet() {
			d.Diagnostics = append(d.Diagnostics, Diagnostic{File: d.Name, Position: s.at, Rule: RuleSuppressUnused, Severity: SeverityWarning,
				Message: fmt.Sprintf("the suppression of %s matches no finding on line %d", joinRules(s.rules), s.line),
				Hint:    "remove it, or move it to the line of the finding"})
		}
	}
	d.Diagnostics.Sort()
}

func joinRules(rs []Rule) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return strings.Join(out, ", ")
}

// forSet reports whether a suppression is of the rules across files, which
// Set.Check applies: only it can tell whether the suppression is used.
func (s *suppression) forSet() bool {
	return slices.ContainsFunc(s.rules, func(r Rule) bool { return strings.HasPrefix(string(r), "set.") })
}

// suppressSetFindings drops the set findings of d that its suppressions
// cover, and reports the set suppressions that cover none.
func (d *Document) suppressSetFindings(added Diagnostics) Diagnostics {
	var kept Diagnostics
	for _, diag := range added {
		i := slices.IndexFunc(d.suppressions, func(s *suppression) bool { return s.line == diag.Line && slices.Contains(s.rules, diag.Rule) })
		if i >= 0 {
			d.suppressions[i].used = true
			continue
		}
		kept = append(kept, diag)
	}
	for _, s := range d.suppressions {
		if !s.used && s.forSet() {
			s.used = true // reported once
			kept = append(kept, Diagnostic{File: d.Name, Position: s.at, Rule: RuleSuppressUnused, Severity: SeverityWarning,
				Message: fmt.Sprintf("the suppression of %s matches no finding on line %d", joinRules(s.rules), s.line),
				Hint:    "remove it, or move it to the line of the finding"})
		}
	}
	return kept
}

// textSpans returns the byte ranges [start, end) of src that the quoted
// and block scalars of the tree take: text in which a # is not a comment.
// Plain scalars cannot hold " #", which would begin a comment.
func textSpans(root *yamlnode.Node, src []byte) [][2]int {
	if root == nil {
		return nil
	}
	lines := []int{0} // the byte offset of each line, from line 1
	for i, b := range src {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	// at gives the byte offset of a 1-based line and rune column. The walk
	// meets scalars in the order written, so it goes on from the last
	// place found on the same line: one long line (a JSON file) is
	// scanned once, not once per value.
	var lastLine, lastCol, lastOff int
	at := func(line, col int) int {
		if line < 1 || line > len(lines) {
			return -1
		}
		off, c := lines[line-1], 1
		if line == lastLine && col >= lastCol {
			off, c = lastOff, lastCol
		}
		for ; c < col && off < len(src) && src[off] != '\n'; c++ {
			_, size := utf8.DecodeRune(src[off:])
			off += size
		}
		lastLine, lastCol, lastOff = line, c, off
		return off
	}
	var spans [][2]int
	var walk func(n *yamlnode.Node)
	walk = func(n *yamlnode.Node) {
		for _, c := range n.Content {
			walk(c)
		}
		if n.Kind != yamlnode.ScalarNode {
			return
		}
		start := at(n.Line, n.Column)
		if start < 0 || start >= len(src) {
			return
		}
		switch n.Style {
		case yamlnode.DoubleQuotedStyle, yamlnode.SingleQuotedStyle:
			quote := src[start]
			end := start + 1
			for end < len(src) {
				c := src[end]
				if quote == '"' && c == '\\' {
					end += 2
					continue
				}
				if c == quote {
					if quote == '\'' && end+1 < len(src) && src[end+1] == '\'' {
						end += 2 // '' is a quote inside the string
						continue
					}
					break
				}
				end++
			}
			spans = append(spans, [2]int{start, min(end+1, len(src))})
		case yamlnode.LiteralStyle, yamlnode.FoldedStyle:
			// The header line (| or >) and the lines after it indented
			// more than the line the header is on.
			indent := 0
			for p := lines[n.Line-1]; p < len(src) && src[p] == ' '; p++ {
				indent++
			}
			end := len(src)
			for l := n.Line; l < len(lines); l++ {
				p, spaces := lines[l], 0
				for p < len(src) && src[p] == ' ' {
					p++
					spaces++
				}
				if p < len(src) && src[p] != '\n' && src[p] != '\r' && spaces <= indent {
					end = lines[l]
					break
				}
			}
			// The header line's own comment, after | or >, is a comment.
			headerEnd := start
			for headerEnd < len(src) && src[headerEnd] != '\n' {
				headerEnd++
			}
			spans = append(spans, [2]int{headerEnd, end})
		}
	}
	walk(root)
	return spans
}
