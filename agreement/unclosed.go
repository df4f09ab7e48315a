package agreement

import "fmt"

// quotedSpan finds a quoted scalar of src that began on an earlier line
// than an error at line and ran up to it (or past it): the likeliest cause
// of a syntax error far from where the author slipped is a closing quote
// left out, which makes the string swallow the lines after it until the
// next quote. It returns where that string began and the line it ended
// on (0 when it never ended before the error).
func quotedSpan(src []byte, line int) (start Position, end int, ok bool) {
	ln, col := 1, 1
	var q byte         // the quote of the scalar being read, or 0
	var open Position  // where it began
	valueStart := true // the next non-space character starts a value
	for i := 0; i < len(src) && ln <= line; i++ {
		c := src[i]
		switch {
		case c == '\n':
			if q == 0 {
				valueStart = true
			}
			ln, col = ln+1, 1
			continue
		case q != 0:
			switch {
			case q == '"' && c == '\\':
				i++ // an escape: skip the next byte
				col++
			case q == '\'' && c == '\'' && i+1 < len(src) && src[i+1] == '\'':
				i++ // '' is a quote inside the string
				col++
			case c == q:
				if ln > open.Line && ln >= line-1 {
					return open, ln, true // a string of several lines ends at the error
				}
				q = 0
				valueStart = false
			}
		case c == '#' && (col == 1 || i > 0 && (src[i-1] == ' ' || src[i-1] == '\t')):
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && valueStart:
			q, open = c, Position{ln, col}
		case c == ' ' || c == '\t':
		case c == ':' || c == '-' || c == '[' || c == '{' || c == ',' || c == '?':
			valueStart = true
		default:
			valueStart = false
		}
		if c&0xc0 != 0x80 { // count characters, not bytes
			col++
		}
	}
	if q != 0 && open.Line < line {
		return open, 0, true
	}
	return Position{}, 0, false
}

// quoteHint adds to a syntax diagnostic the quoted string that likely
// caused it, when there is one.
func quoteHint(d *Diagnostic, src []byte) {
	start, end, ok := quotedSpan(src, d.Line)
	if !ok || start == d.Position {
		return
	}
	msg := fmt.Sprintf("a quoted string starts here and runs to line %d", end)
	if end == 0 {
		msg = "a quoted string starts here and is not closed before the error"
	}
	d.Related = append(d.Related, Related{Position: start, Message: msg})
	if d.Hint == "" {
		d.Hint = fmt.Sprintf("is a closing quote missing on line %d?", start.Line)
	}
}

// unclosedBracket finds the innermost "[" or "{" of src still open at its
// end, skipping quoted strings and comments: the flow collection a parser
// left unfinished when the file ran out. It names the construct as the
// parser does ("a flow sequence", "a flow mapping").
func unclosedBracket(src []byte) (Position, string, bool) {
	type bracket struct {
		pos  Position
		kind string
	}
	var open []bracket
	ln, col := 1, 1
	var q byte // the quote of the scalar being read, or 0
	valueStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			if q == 0 {
				valueStart = true
			}
			ln, col = ln+1, 1
			continue
		case q != 0:
			switch {
			case q == '"' && c == '\\':
				i++
				col++
			case q == '\'' && c == '\'' && i+1 < len(src) && src[i+1] == '\'':
				i++
				col++
			case c == q:
				q = 0
				valueStart = false
			}
		case c == '#' && (col == 1 || src[i-1] == ' ' || src[i-1] == '\t'):
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case (c == '"' || c == '\'') && valueStart:
			q = c
		case (c == '[' || c == '{') && (valueStart || len(open) > 0):
			kind := "a flow sequence"
			if c == '{' {
				kind = "a flow mapping"
			}
			open = append(open, bracket{Position{ln, col}, kind})
			valueStart = true
		case (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
			valueStart = false
		case c == ' ' || c == '\t':
		case c == ':' || c == '-' || c == ',' || c == '?':
			valueStart = true
		default:
			valueStart = false
		}
		if c&0xc0 != 0x80 {
			col++
		}
	}
	if len(open) == 0 || q != 0 {
		return Position{}, "", false
	}
	last := open[len(open)-1]
	return last.pos, last.kind, true
}
