package agreement

import (
	"strings"
	"unicode/utf8"
)

// TokenEnd returns the column just past the word that starts at pos in
// src (a key, a value, a code; a quoted value to its closing quote), or 0
// when it cannot tell: the end of the range a tool underlines for a
// finding at pos.
func TokenEnd(src []byte, pos Position) int {
	line := 1
	i := 0
	for i < len(src) && line < pos.Line {
		if src[i] == '\n' {
			line++
		}
		i++
	}
	if line != pos.Line {
		return 0
	}
	col := 1
	for i < len(src) && col < pos.Column && src[i] != '\n' {
		_, size := utf8.DecodeRune(src[i:])
		i += size
		col++
	}
	if col != pos.Column {
		return 0
	}
	start := col
	if i < len(src) && (src[i] == '"' || src[i] == '\'') { // a quoted value: to its closing quote, on this line
		q := src[i]
		for i++; i < len(src) && src[i] != '\n'; {
			c := src[i]
			_, size := utf8.DecodeRune(src[i:])
			i += size
			col++
			if c == '\\' && q == '"' && i < len(src) && src[i] != '\n' {
				i++
				col++
			} else if c == q {
				return col + 1
			}
		}
		return 0
	}
	for i < len(src) && !strings.ContainsRune(" \t\n\r,:]}#", rune(src[i])) {
		_, size := utf8.DecodeRune(src[i:])
		i += size
		col++
	}
	if col == start {
		return 0
	}
	return col
}
