package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxMessage bounds one message's body: an agreement is at most the
// loader's limit, and a message holds one file with some JSON around it.
const maxMessage = 64 << 20

// errHeader is a message whose header cannot be read; the stream cannot
// be resynchronised after it, so the server stops.
var errHeader = errors.New("lsp: malformed message header")

// readMessage reads one message of the base protocol: headers ending in
// an empty line, of which Content-Length is required, then the body.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for lines := 0; ; lines++ {
		// ReadSlice stops at the reader's buffer, so that a header line
		// without an end is never read whole.
		raw, err := r.ReadSlice('\n')
		if err == bufio.ErrBufferFull || lines > 16 || len(raw) > 1024 {
			return nil, fmt.Errorf("%w: too long", errHeader)
		}
		if err != nil {
			if err == io.EOF && len(raw) == 0 && lines == 0 {
				return nil, io.EOF // the client closed the stream between messages
			}
			return nil, fmt.Errorf("%w: %v", errHeader, err)
		}
		line := strings.TrimRight(string(raw), "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w: %q", errHeader, line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if length >= 0 {
				return nil, fmt.Errorf("%w: Content-Length given twice", errHeader)
			}
			digits := strings.TrimSpace(value)
			n, err := strconv.Atoi(digits)
			if err != nil || n < 0 || digits == "" || digits[0] < '0' || digits[0] > '9' {
				return nil, fmt.Errorf("%w: Content-Length %q is not a number of bytes", errHeader, value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("%w: no Content-Length", errHeader)
	}
	if length > maxMessage {
		return nil, fmt.Errorf("%w: a body of %d bytes is over the limit of %d", errHeader, length, maxMessage)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("%w: the body ends early: %v", errHeader, err)
	}
	return body, nil
}

// writeMessage writes v as one message.
func writeMessage(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	_, err = w.Write(b.Bytes())
	return err
}
