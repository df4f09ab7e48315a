package agreement

import "fmt"

// flowEvent is what scanFlow meets in a text: a byte outside quoted
// strings and comments, or the start or end of a quoted string.
type flowEvent struct {
	kind       flowKind
	c          byte     // the byte, for flowByte
	at         Position // where it is
	valueStart bool     // for flowByte: whether a value may start here
}

type flowKind int

const (
	flowByte flowKind = iota
	flowQuoteOpen
	flowQuoteClose
)

// scanFlow walks src as YAML's quoting and flow punctuation see it,
// without parsing it, for the hints of a syntax error: visit is called
// for each byte outside quoted strings and comments and for the start and
// end of each quoted string, until it returns false. A quote starts a
// string only where a value may start (after a colon, dash, comma,
// question mark, bracket or brace, or at a line's start). Columns count
// characters, not bytes.
func scanFlow(src []byte, visit func(flowEvent) bool) {
	ln, col := 1, 1
	var q byte // the quote of the string being read, or 0
	valueStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		at := Position{ln, col}
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
				q, valueStart = 0, false
				if !visit(flowEvent{kind: flowQuoteClose, at: at}) {
					return
				}
			}
		case c == '#' && (col == 1 || src[i-1] == ' ' || src[i-1] == '\t'):
			for i+1 < len(src) && src[i+1] != '\n' {
				i++ // a comment, to the end of the line
			}
		case (c == '"' || c == '\'') && valueStart:
			q = c
			if !visit(flowEvent{kind: flowQuoteOpen, c: c, at: at}) {
				return
			}
		default:
			if !visit(flowEvent{kind: flowByte, c: c, at: at, valueStart: valueStart}) {
				return
			}
			switch c {
			case ' ', '\t':
			case ':', '-', ',', '?', '[', '{':
				valueStart = true
			default:
				valueStart = false
			}
		}
		if c&0xc0 != 0x80 {
			col++
		}
	}
}

// quotedSpan finds a quoted scalar of src that began on an earlier line
// than an error at line and ran up to it (or past it): the likeliest cause
// of a syntax error far from where the author slipped is a closing quote
// left out, which makes the string swallow the lines after it until the
// next quote. It returns where that string began and the line it ended
// on (0 when it never ended before the error).
func quotedSpan(src []byte, line int) (start Position, end int, ok bool) {
	var open Position
	inQuote := false
	scanFlow(src, func(ev flowEvent) bool {
		if ev.at.Line > line {
			return false
		}
		switch ev.kind {
		case flowQuoteOpen:
			open, inQuote = ev.at, true
		case flowQuoteClose:
			inQuote = false
			if ev.at.Line > open.Line && ev.at.Line >= line-1 {
				start, end, ok = open, ev.at.Line, true // a string of several lines ends at the error
				return false
			}
		}
		return true
	})
	if !ok && inQuote && open.Line < line {
		return open, 0, true
	}
	return start, end, ok
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
	inQuote := false
	scanFlow(src, func(ev flowEvent) bool {
		switch {
		case ev.kind == flowQuoteOpen:
			inQuote = true
		case ev.kind == flowQuoteClose:
			inQuote = false
		case (ev.c == '[' || ev.c == '{') && (ev.valueStart || len(open) > 0):
			kind := "a flow sequence"
			if ev.c == '{' {
				kind = "a flow mapping"
			}
			open = append(open, bracket{ev.at, kind})
		case (ev.c == ']' || ev.c == '}') && len(open) > 0:
			open = open[:len(open)-1]
		}
		return true
	})
	if len(open) == 0 || inQuote {
		return Position{}, "", false
	}
	last := open[len(open)-1]
	return last.pos, last.kind, true
}
