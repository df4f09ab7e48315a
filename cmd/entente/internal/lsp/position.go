package lsp

import (
	"bytes"
	"unicode/utf8"

	"github.com/entente-go/entente/agreement"
)

// The protocol counts a line's characters in UTF-16 code units unless
// client and server agree on UTF-8; entente's positions count characters
// (code points) from 1. These convert between them on the text itself.

// lineStart returns the byte offset where line (0-based) begins, or false
// when src has fewer lines.
func lineStart(src []byte, line int) (int, bool) {
	off := 0
	for ; line > 0; line-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, false
		}
		off += i + 1
	}
	return off, true
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

// toProtocol converts a 1-based line and character column of src to the
// protocol's 0-based position in the chosen encoding. A column past the
// line's end is put at its end.
func toProtocol(src []byte, line, column int, utf8Units bool) position {
	if line < 1 {
		return position{}
	}
	off, ok := lineStart(src, line-1)
	if !ok {
		return position{Line: line - 1}
	}
	char := 0
	for col := 1; col < column && off < len(src) && src[off] != '\n'; col++ {
		r, size := utf8.DecodeRune(src[off:])
		if r == '\r' && off+1 < len(src) && src[off+1] == '\n' {
			break
		}
		char += units(r, utf8Units)
		off += size
	}
	return position{Line: line - 1, Character: char}
}

// offsetOf converts a protocol position to a byte offset of src, or false
// when the line does not exist or the character is past the line's end
// or inside a character.
func offsetOf(src []byte, p position, utf8Units bool) (int, bool) {
	if p.Line < 0 || p.Character < 0 {
		return 0, false
	}
	off, ok := lineStart(src, p.Line)
	if !ok {
		return 0, false
	}
	for char := 0; char < p.Character; {
		if off >= len(src) || src[off] == '\n' {
			return 0, false
		}
		r, size := utf8.DecodeRune(src[off:])
		char += units(r, utf8Units)
		off += size
		if char > p.Character {
			return 0, false // inside a character
		}
	}
	return off, true
}

// byteOffset converts a 1-based line and character column of src to a
// byte offset, or false when the line is not in src.
func byteOffset(src []byte, pos agreement.Position) (int, bool) {
	off, ok := lineStart(src, pos.Line-1)
	if !ok || pos.Line < 1 {
		return 0, false
	}
	for col := 1; col < pos.Column && off < len(src) && src[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off, true
}

// fromProtocol converts a protocol position to a 1-based line and
// character column of src, or false when it is not in src.
func fromProtocol(src []byte, p position, utf8Units bool) (agreement.Position, bool) {
	off, ok := offsetOf(src, p, utf8Units)
	if !ok {
		return agreement.Position{}, false
	}
	start, _ := lineStart(src, p.Line)
	return agreement.Position{Line: p.Line + 1, Column: utf8.RuneCount(src[start:off]) + 1}, true
}

// span is the protocol's range of the characters of line from column
// start to the column before end.
func span(src []byte, line, start, end int, utf8Units bool) lspRange {
	return lspRange{toProtocol(src, line, start, utf8Units), toProtocol(src, line, end, utf8Units)}
}

// endOf is the protocol position of the end of src.
func endOf(src []byte, utf8Units bool) position {
	line := bytes.Count(src, []byte("\n"))
	start, _ := lineStart(src, line)
	char := 0
	for _, r := range string(src[start:]) {
		char += units(r, utf8Units)
	}
	return position{Line: line, Character: char}
}
