package agreement

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// encodingProblem reports whether a syntax error of go-yaml's is about the
// bytes of the file rather than its structure.
func encodingProblem(msg string) bool {
	return strings.Contains(msg, "UTF-8") || strings.Contains(msg, "control characters")
}

// encodingDiagnostic finds the first byte of src that YAML does not allow
// — invalid UTF-8, a NUL, a control character — and reports it at its
// line and column, with what it is. go-yaml checks the whole input before
// it reads it and reports such a byte at 1:1.
func encodingDiagnostic(name string, src []byte) (Diagnostic, bool) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		var what string
		switch {
		case r == utf8.RuneError && size == 1:
			what = fmt.Sprintf("invalid UTF-8 byte 0x%02x", src[i])
		case r == 0:
			what = "a NUL byte (0x00)"
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f && r != 0x85:
			what = fmt.Sprintf("the control character U+%04X", r)
		case r == 0xfffe || r == 0xffff:
			what = fmt.Sprintf("the non-character U+%04X", r)
		case r == 0xfeff && i > 0:
			what = "a byte-order mark (U+FEFF) inside the file"
		}
		if what != "" {
			return Diagnostic{File: name, Position: Position{line, col}, Rule: RuleSyntax, Severity: SeverityError,
				Message: what + " is not allowed in YAML", Hint: "remove it, or write the text it stands for; files are UTF-8"}, true
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return Diagnostic{}, false
}
