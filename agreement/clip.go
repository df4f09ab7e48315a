package agreement

import (
	"fmt"
	"regexp"
)

// maxQuoted is the longest quoted value a message shows in full; a longer
// one is cut, with its length, so that a hostile value of megabytes is not
// echoed back in every format.
const maxQuoted = 80

var quotedRun = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// clipMessage cuts the long quoted values of a message.
func clipMessage(msg string) string {
	if len(msg) <= 2*maxQuoted {
		return msg
	}
	return quotedRun.ReplaceAllStringFunc(msg, func(q string) string {
		if len(q) <= maxQuoted {
			return q
		}
		cut := maxQuoted - 20
		for cut > 0 && q[cut]&0xc0 == 0x80 {
			cut-- // not inside a character
		}
		return fmt.Sprintf("%s…\" (%d bytes)", q[:cut], len(q)-2)
	})
}

// clipDiagnostics cuts the long values in the messages and hints of ds.
func clipDiagnostics(ds Diagnostics) {
	for i := range ds {
		ds[i].Message = clipMessage(ds[i].Message)
		ds[i].Hint = clipMessage(ds[i].Hint)
	}
}
