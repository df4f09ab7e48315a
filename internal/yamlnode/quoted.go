package yamlnode

import (
	"strconv"
	"unicode/utf8"
)

// The fast reader's quoted scalars: their lines, escapes and folding.

// quoted reads a single- or double-quoted scalar. Its lines after the
// first, if multiline allows them, must be deeper than column parent.
func (r *fastReader) quoted(parent int, multiline bool) (*Node, bool) {
	q := r.peek(0)
	line, col := r.line, r.column(r.pos)
	r.pos++
	start := r.pos
	plain := true // no escapes, no line breaks: the value is the text
	for {
		c := r.peek(0)
		switch {
		case c == 0:
			return nil, false
		case c == '\n':
			if !multiline {
				return nil, false
			}
			plain = false
			r.nextLine()
			if r.atDocumentMarker() {
				// A line of a quoted scalar that starts with --- or ... is a
				// document marker, which YAML does not allow there (in flow
				// context too): the full parser reports it.
				return nil, false
			}
			for r.peek(0) == ' ' {
				r.pos++
			}
			if c := r.peek(0); c != '\n' && (c == 0 || r.pos-r.bol <= parent) {
				return nil, false
			}
			continue
		case c == q && q == '\'' && r.peek(1) == '\'':
			plain = false
			r.pos++
		case c == q:
			raw := r.src[start:r.pos]
			r.pos++ // the closing quote
			style := SingleQuotedStyle
			if q == '"' {
				style = DoubleQuotedStyle
			}
			value := raw
			if !plain {
				var ok bool
				if value, ok = r.cook(raw, q); !ok {
					return nil, false
				}
			}
			return r.scalar(style, "!!str", value, line, col), true
		case c == '\\' && q == '"':
			plain = false
			r.pos++
			if r.peek(0) == 0 {
				return nil, false
			}
			if r.peek(0) == '\n' {
				continue // an escaped line break, handled above
			}
		}
		r.pos++
	}
}

// cook turns the text between the quotes of a quoted scalar into its
// value: it replaces escapes and folds line breaks. A line break becomes a
// space, or, after blank lines, one line feed for each; the spaces around
// it go. After a backslash, a line break is dropped.
func (r *fastReader) cook(raw string, q byte) (string, bool) {
	b := r.buf[:0]
	keep := 0 // spaces before a line break are dropped back to here
	// breaks moves i past a line break, the spaces and blank lines after
	// it, and counts the blank lines.
	breaks := func(i int) (int, int) {
		n := 0
		for i++; i < len(raw); i++ {
			if raw[i] == '\n' {
				n++
			} else if raw[i] != ' ' {
				break
			}
		}
		return i - 1, n
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\n':
			for len(b) > keep && b[len(b)-1] == ' ' {
				b = b[:len(b)-1]
			}
			var n int
			i, n = breaks(i)
			if n == 0 {
				b = append(b, ' ')
			}
			for range n {
				b = append(b, '\n')
			}
			keep = len(b)
			continue
		case q == '\'' && c == '\'':
			b = append(b, '\'')
			i++
			keep = len(b)
			continue
		case q == '\'' || c != '\\':
			b = append(b, c)
			if c != ' ' {
				keep = len(b)
			}
			continue
		}
		i++ // the backslash
		var width int
		switch raw[i] {
		case '\n':
			var n int
			i, n = breaks(i)
			for range n {
				b = append(b, '\n')
			}
		case 'x':
			width = 2
		case 'u':
			width = 4
		case 'U':
			width = 8
		default:
			e, ok := escapes[raw[i]]
			if !ok {
				return "", false
			}
			b = utf8.AppendRune(b, e)
		}
		if width > 0 {
			if i+width >= len(raw) {
				return "", false
			}
			v, err := strconv.ParseUint(raw[i+1:i+1+width], 16, 32)
			if err != nil || v >= 0xd800 && v <= 0xdfff || v > 0x10ffff {
				return "", false
			}
			b = utf8.AppendRune(b, rune(v))
			i += width
		}
		keep = len(b)
	}
	r.buf = b
	return string(b), true
}

// escapes are the one-character escapes of double-quoted scalars.
var escapes = map[byte]rune{
	'0': 0, 'a': '\a', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r', 'e': 0x1b,
	' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029,
}
