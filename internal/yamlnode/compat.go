package yamlnode

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
)

// What the full parser refuses and YAML 1.2 or JSON allow, rewritten
// before it reads a file, with the positions mapped back after:
//   - a %YAML 1.2 directive: go-yaml reads only 1.1 documents, and
//     entente resolves every scalar itself, so the version's differences
//     (1.1's yes, no, on, off) do not reach the model;
//   - a surrogate pair written as two \u escapes in a double-quoted
//     scalar ("\ud83d\ude00", what Python's json.dump writes): YAML takes
//     one \U escape of eight digits, which is two characters shorter.

// shift says that from column col of line on (a column of the rewritten
// text), the rewritten text is delta columns to the left of the
// original.
type shift struct {
	line, col, delta int
}

// compat rewrites src for the full parser; nil shifts and src itself when
// there is nothing to rewrite. UTF-16 without a byte-order mark (which
// YAML allows, telling the order by the first character, ASCII in any
// agreement) is given one.
func compat(src []byte) ([]byte, []shift) {
	if order, bom, ok := UTF16(src); ok && !bom {
		mark := []byte{0xff, 0xfe}
		if order == BigEndian {
			mark = []byte{0xfe, 0xff}
		}
		return append(mark, src...), nil
	}
	hasDirective := bytes.HasPrefix(src, []byte("%YAML 1.2")) || bytes.Contains(src, []byte("\n%YAML 1.2"))
	hasEscape := bytes.Contains(src, []byte(`\u`)) || bytes.Contains(src, []byte(`\U`))
	if !hasDirective && !hasEscape {
		return src, nil
	}
	out := make([]byte, 0, len(src))
	var shifts []shift
	line, col := 1, 1 // the position in src
	rcol := 1         // the column in the rewritten text
	inDouble := false
	for i := 0; i < len(src); {
		c := src[i]
		if hasDirective && col == 1 && bytes.HasPrefix(src[i:], []byte("%YAML 1.2")) {
			out = append(out, "%YAML 1.1"...) // the same length: nothing moves
			i += len("%YAML 1.2")
			col += len("%YAML 1.2")
			rcol += len("%YAML 1.2")
			continue
		}
		switch {
		case c == '\n':
			line, col, rcol = line+1, 1, 1
			out = append(out, c)
			i++
			continue
		case c == '"':
			inDouble = !inDouble
		case c == '\\' && inDouble && i+1 < len(src):
			if r, n, ok := surrogatePair(src[i:]); ok {
				out = append(out, fmt.Sprintf(`\U%08X`, r)...)
				shifts = append(shifts, shift{line: line, col: rcol + 10, delta: n - 10})
				i += n
				col += n
				rcol += 10
				continue
			}
			out = append(out, c, src[i+1]) // an escape: the next byte is not a closing quote
			i += 2
			col += 2
			rcol += 2
			continue
		}
		out = append(out, c)
		i++
		col++
		rcol++
	}
	return out, shifts
}

// surrogatePair reads \uD8xx\uDCxx at the start of b: the code point and
// the bytes it takes (12).
func surrogatePair(b []byte) (rune, int, bool) {
	if len(b) < 12 || b[1] != 'u' || b[6] != '\\' || b[7] != 'u' {
		return 0, 0, false
	}
	hi, err1 := strconv.ParseUint(string(b[2:6]), 16, 16)
	lo, err2 := strconv.ParseUint(string(b[8:12]), 16, 16)
	if err1 != nil || err2 != nil || !utf16.IsSurrogate(rune(hi)) || hi >= 0xdc00 || lo < 0xdc00 || lo > 0xdfff {
		return 0, 0, false
	}
	return utf16.DecodeRune(rune(hi), rune(lo)), 12, true
}

// unshift maps the positions of the nodes of a tree read from the
// rewritten text back to the original.
func unshift(n *Node, shifts []shift) {
	if n == nil || len(shifts) == 0 {
		return
	}
	n.Line, n.Column = original(n.Line, n.Column, shifts)
	for _, c := range n.Content {
		unshift(c, shifts)
	}
}

// original maps a position of the rewritten text to the original's.
func original(line, col int, shifts []shift) (int, int) {
	add := 0
	for _, s := range shifts {
		if s.line == line && col >= s.col {
			add += s.delta
		}
	}
	return line, col + add
}

// ByteOrder is the order of the bytes of a UTF-16 file.
type ByteOrder int

const (
	LittleEndian ByteOrder = iota + 1
	BigEndian
)

// UTF16 reports whether src is UTF-16, in which order, and whether it
// begins with a byte-order mark. Without a mark, the first character
// tells, as YAML says: an ASCII character and a NUL, in one order or the
// other.
func UTF16(src []byte) (order ByteOrder, bom, ok bool) {
	switch {
	case len(src) < 2:
		return 0, false, false
	case src[0] == 0xff && src[1] == 0xfe:
		return LittleEndian, true, true
	case src[0] == 0xfe && src[1] == 0xff:
		return BigEndian, true, true
	case src[0] != 0 && src[0] < 0x80 && src[1] == 0:
		return LittleEndian, false, true
	case src[0] == 0 && src[1] != 0 && src[1] < 0x80:
		return BigEndian, false, true
	}
	return 0, false, false
}

// EncodeUTF16 writes UTF-8 text as UTF-16 in the given order, with a
// byte-order mark when bom is set: how Format writes back a UTF-16 file.
func EncodeUTF16(text []byte, order ByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(string(text)))
	out := make([]byte, 0, 2*len(units)+2)
	put := func(u uint16) {
		if order == BigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	if bom {
		put(0xfeff)
	}
	for _, u := range units {
		put(u)
	}
	return out
}

// DecodeUTF16 reads UTF-16 text (without its mark) as UTF-8.
func DecodeUTF16(src []byte, order ByteOrder) []byte {
	units := make([]uint16, len(src)/2)
	for i := range units {
		if order == BigEndian {
			units[i] = uint16(src[2*i])<<8 | uint16(src[2*i+1])
		} else {
			units[i] = uint16(src[2*i]) | uint16(src[2*i+1])<<8
		}
	}
	return []byte(string(utf16.Decode(units)))
}
