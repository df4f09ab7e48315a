package lsp

import (
	"bytes"
	"unicode/utf8"

	"github.com/entente-go/entente/agreement"
)

// The protocol counts a line's characters in UTF-16 code units unless
// client and server agree on UTF-8; entente's positions count characters
// (code points) from 1. These convert between them on the text itself.

// text is a file's bytes with where each of its lines starts, so that a
// position is found without reading the file from its start, and the
// unit the protocol counts characters in.
type text struct {
	src    []byte
	starts []int // the byte offset of each line's start
	utf8   bool  // characters counted in UTF-8 bytes, not UTF-16 units
}

func newText(src []byte, utf8Units bool) *text {
	t := &text{src: src, starts: make([]int, 1, bytes.Count(src, []byte("\n"))+1), utf8: utf8Units}
	for i, b := range src {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// lineStart returns the byte offset where line (0-based) begins, or false
// when the text has fewer lines.
func (t *text) lineStart(line int) (int, bool) {
	if line < 0 || line >= len(t.starts) {
		return 0, false
	}
	return t.starts[line], true
}

// units is the length of r in the position encoding.
func units(r rune, utf8Units bool) int {
	if utf8Units {
		return utf8.RuneLen(max(r, 0))
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// toProtocol converts a 1-based line and character column to the
// protocol's 0-based position. A column past the line's end is put at its
// end.
func (t *text) toProtocol(line, column int) position {
	if line < 1 {
		return position{}
	}
	off, ok := t.lineStart(line - 1)
	if !ok {
		return position{Line: line - 1}
	}
	src := t.src
	char := 0
	for col := 1; col < column && off < len(src) && src[off] != '\n'; col++ {
		r, size := utf8.DecodeRune(src[off:])
		if r == '\r' && off+1 < len(src) && src[off+1] == '\n' {
			break
		}
		char += units(r, t.utf8)
		off += size
	}
	return position{Line: line - 1, Character: char}
}

// offsetOf converts a protocol position to a byte offset. As the
// protocol says, a character past the line's end stands for the line's
// end, and a line past the last for the end of the text; a position
// inside a character (half of a UTF-16 surrogate pair) stands for its
// start. false only for a negative line or character.
func (t *text) offsetOf(p position) (int, bool) {
	if p.Line < 0 || p.Character < 0 {
		return 0, false
	}
	off, ok := t.lineStart(p.Line)
	if !ok {
		return len(t.src), true
	}
	src := t.src
	for char := 0; char < p.Character; {
		if off >= len(src) || src[off] == '\n' || src[off] == '\r' && off+1 < len(src) && src[off+1] == '\n' {
			return off, true // past the line's end
		}
		r, size := utf8.DecodeRune(src[off:])
		if char+units(r, t.utf8) > p.Character {
			return off, true // inside a character
		}
		char += units(r, t.utf8)
		off += size
	}
	return off, true
}

// byteOffset converts a 1-based line and character column to a byte
// offset, or false when the line is not in the text.
func (t *text) byteOffset(pos agreement.Position) (int, bool) {
	off, ok := t.lineStart(pos.Line - 1)
	if !ok {
		return 0, false
	}
	for col := 1; col < pos.Column && off < len(t.src) && t.src[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(t.src[off:])
		off += size
	}
	return off, true
}

// fromProtocol converts a protocol position to a 1-based line and
// character column, or false when it is not in the text.
func (t *text) fromProtocol(p position) (agreement.Position, bool) {
	off, ok := t.offsetOf(p)
	if !ok {
		return agreement.Position{}, false
	}
	start, _ := t.lineStart(p.Line)
	return agreement.Position{Line: p.Line + 1, Column: utf8.RuneCount(t.src[start:off]) + 1}, true
}

// span is the protocol's range of the characters of line from column
// start to the column before end.
func (t *text) span(line, start, end int) lspRange {
	return lspRange{t.toProtocol(line, start), t.toProtocol(line, end)}
}

// end is the protocol position of the end of the text.
func (t *text) end() position {
	line := len(t.starts) - 1
	char := 0
	for _, r := range string(t.src[t.starts[line]:]) {
		char += units(r, t.utf8)
	}
	return position{Line: line, Character: char}
}

// tokenEnd is agreement.TokenEnd, reading only the line of pos.
func (t *text) tokenEnd(pos agreement.Position) int {
	off, ok := t.lineStart(pos.Line - 1)
	if !ok {
		return 0
	}
	return agreement.TokenEnd(t.src[off:], agreement.Position{Line: 1, Column: pos.Column})
}

// quoted reports whether the value at pos starts with a quote.
func (t *text) quoted(pos agreement.Position) bool {
	off, ok := t.byteOffset(pos)
	return ok && off < len(t.src) && (t.src[off] == '"' || t.src[off] == '\'')
}

// slice returns the text of a range, or "" when it is not in the text.
func (t *text) slice(r lspRange) string {
	start, ok1 := t.offsetOf(r.Start)
	end, ok2 := t.offsetOf(r.End)
	if !ok1 || !ok2 || end < start {
		return ""
	}
	return string(t.src[start:end])
}
