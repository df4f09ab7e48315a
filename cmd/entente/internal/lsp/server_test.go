package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// client drives a server over pipes, as an editor does. A goroutine
// reads everything the server writes as it comes, as an editor does, so
// that a server writing diagnostics never waits on a test that is busy
// sending.
type client struct {
	t    *testing.T
	in   *io.PipeWriter
	msgs chan map[string]any // what the server wrote; closed at its end
	// backlog holds what the server wrote while a request waited for its
	// answer, for next to give in order.
	backlog []map[string]any
	done    chan error
	id      int
}

func start(t *testing.T) *client {
	t.Helper()
	return startWith(t, Options{})
}

func startWith(t *testing.T, opts Options) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, msgs: make(chan map[string]any, 10_000), done: make(chan error, 1)}
	go func() {
		err := Serve(inR, outW, opts)
		outW.Close()
		c.done <- err
	}()
	go func() {
		defer close(c.msgs)
		r := bufio.NewReader(outR)
		for {
			body, err := readMessage(r)
			if err != nil {
				io.Copy(io.Discard, r)
				return
			}
			var m map[string]any
			json.Unmarshal(body, &m)
			c.msgs <- m
		}
	}()
	t.Cleanup(func() { c.close() })
	return c
}

// close closes the server's input and returns what Serve returned,
// failing after a while if it does not.
func (c *client) close() error {
	c.in.Close()
	select {
	case err := <-c.done:
		c.done <- err // for a second close
		return err
	case <-time.After(10 * time.Second):
		c.t.Error("Serve did not return after its input closed")
		return nil
	}
}

// send writes a message to the server, failing after a while if the
// server does not read it.
func (c *client) send(m map[string]any) {
	c.t.Helper()
	m["jsonrpc"] = "2.0"
	sent := make(chan error, 1)
	go func() { sent <- writeMessage(c.in, m) }()
	select {
	case err := <-sent:
		if err != nil {
			c.t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not read a message in 10 s")
	}
}

// next returns the next message from the server, failing after a while
// so that a server that hangs fails the test instead of stopping it.
func (c *client) next() map[string]any {
	c.t.Helper()
	if len(c.backlog) > 0 {
		m := c.backlog[0]
		c.backlog = c.backlog[1:]
		return m
	}
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		return m
	case <-time.After(10 * time.Second):
		c.t.Fatal("no message from the server in 10 s")
	}
	return nil
}

func (c *client) request(method string, params any) map[string]any {
	c.t.Helper()
	c.id++
	c.send(map[string]any{"id": c.id, "method": method, "params": params})
	var others []map[string]any
	defer func() { c.backlog = append(c.backlog, others...) }()
	for {
		m := c.next()
		if id, ok := m["id"].(float64); ok && int(id) == c.id {
			return m
		}
		others = append(others, m)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"method": method, "params": params})
}

// diagnosticsUntil waits for diagnostics of uri that satisfy ok, passing
// over those that do not, and returns them.
func (c *client) diagnosticsUntil(uri string, ok func(ds []any) bool) []any {
	c.t.Helper()
	for {
		if ds := c.diagnostics(uri); ok(ds) {
			return ds
		}
	}
}

// diagnostics waits for the next diagnostics of uri.
func (c *client) diagnostics(uri string) []any {
	c.t.Helper()
	for {
		m := c.next()
		if m["method"] != "textDocument/publishDiagnostics" {
			continue
		}
		p := m["params"].(map[string]any)
		if p["uri"] == uri {
			return p["diagnostics"].([]any)
		}
	}
}

const (
	uri  = "file:///work/agreements/x.yaml"
	head = "format: entente/v1\nid: x\nversion: {label: v, stage: draft}\nkind: treaty\nexcerpt: true\n" +
		"parties: [{id: ir, kind: state, country: IR}, {id: ru, kind: state, country: RU}]\n"
)

func rangeOf(d any) (line, start, end float64) {
	r := d.(map[string]any)["range"].(map[string]any)
	s, e := r["start"].(map[string]any), r["end"].(map[string]any)
	return s["line"].(float64), s["character"].(float64), e["character"].(float64)
}

// TestDiagnostics goes through a session: the findings of a file with a
// fault arrive on open at the fault's line and column, counted in UTF-16
// units after Cyrillic text and a character outside the Basic
// Multilingual Plane; they go when the fault is fixed and when the file
// is closed.
func TestDiagnostics(t *testing.T) {
	c := start(t)
	init := c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	caps := init["result"].(map[string]any)["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("position encoding %v, want utf-16", caps["positionEncoding"])
	}
	c.notify("initialized", map[string]any{})

	// Line 7 (0-based 6): "title: Договор 𝐀 " then an unknown key on the
	// same line of a flow mapping would be odd; put the fault after the
	// non-ASCII text in a flow mapping instead.
	text := head + "title: Договор 𝐀\nclauses: [{id: c1, summry: Дружба}]\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
	ds := c.diagnostics(uri)
	var found bool
	for _, d := range ds {
		if d.(map[string]any)["code"] != "load.unknown-field" {
			continue
		}
		found = true
		line, start, end := rangeOf(d)
		// "clauses: [{id: c1, " is 19 characters, all in the BMP.
		if line != 7 || start != 19 || end != 25 {
			t.Errorf("unknown field at %v:%v-%v, want 7:19-25", line, start, end)
		}
	}
	if !found {
		t.Fatalf("no load.unknown-field finding: %v", ds)
	}

	// An edit on the line with the astral character: replace "summry" by
	// "summary" with a ranged change, and put a fault after 𝐀, whose two
	// UTF-16 units count.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{
			"start": map[string]any{"line": 7, "character": 19}, "end": map[string]any{"line": 7, "character": 25}}, "text": "summary"}}})
	if ds := c.diagnostics(uri); len(ds) != 0 {
		t.Errorf("after the fix, %d findings: %v", len(ds), ds)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"text": head + "title: Договор 𝐀\nclauses: [{id: c1, summary: 𝐀𝐀, topics: [securty]}]\n"}}})
	ds = c.diagnostics(uri)
	found = false
	for _, d := range ds {
		if !strings.HasPrefix(d.(map[string]any)["code"].(string), "topic") && !strings.Contains(d.(map[string]any)["message"].(string), "securty") {
			continue
		}
		found = true
		// "clauses: [{id: c1, summary: 𝐀𝐀, topics: [" is 41 characters,
		// two of them astral: 43 UTF-16 units.
		if line, start, _ := rangeOf(d); line != 7 || start != 43 {
			t.Errorf("unknown topic at %v:%v, want 7:43", line, start)
		}
	}
	if !found {
		t.Fatalf("no finding for the unknown topic: %v", ds)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if ds := c.diagnostics(uri); len(ds) != 0 {
		t.Errorf("after close, %d findings", len(ds))
	}
	if r := c.request("shutdown", nil); r["error"] != nil {
		t.Errorf("shutdown: %v", r["error"])
	}
	c.notify("exit", nil)
	if err := c.close(); err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// TestUTF8Positions: a client that offers UTF-8 gets positions in bytes.
func TestUTF8Positions(t *testing.T) {
	c := start(t)
	init := c.request("initialize", map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}})
	if enc := init["result"].(map[string]any)["capabilities"].(map[string]any)["positionEncoding"]; enc != "utf-8" {
		t.Fatalf("position encoding %v", enc)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "text": head + "title: T\nclauses: [{id: Д, summry: x}]\n"}})
	for _, d := range c.diagnostics(uri) {
		if d.(map[string]any)["code"] == "load.unknown-field" {
			// "clauses: [{id: Д, " is 18 characters and 19 bytes.
			if line, start, _ := rangeOf(d); line != 7 || start != 19 {
				t.Errorf("at %v:%v, want 7:19", line, start)
			}
			return
		}
	}
	t.Error("no load.unknown-field finding")
}

// TestPersianPositions: a finding after Persian text, written right to
// left but stored in logical order, is at the units of the characters
// before it, in UTF-16 and in UTF-8.
func TestPersianPositions(t *testing.T) {
	// "  - {id: c1, heading: پیمان راهبردی, sumary: x}": 22 ASCII
	// characters, then 12 Persian letters and a space (13 characters, 25
	// bytes), then
	// ", ".
	line := "  - {id: c1, heading: پیمان راهبردی, sumary: x}"
	text := head + "title: T\nclauses:\n" + line + "\n"
	for _, tt := range []struct {
		encodings []string
		start     float64
	}{{nil, 22 + 13 + 2}, {[]string{"utf-8"}, 22 + 25 + 2}} {
		c := start(t)
		c.request("initialize", map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": tt.encodings}}})
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "text": text}})
		found := false
		for _, d := range c.diagnostics(uri) {
			if d.(map[string]any)["code"] == "load.unknown-field" {
				found = true
				if l, s, e := rangeOf(d); l != 8 || s != tt.start || e != tt.start+6 {
					t.Errorf("%v: the finding at %v:%v-%v, want 8:%v-%v", tt.encodings, l, s, e, tt.start, tt.start+6)
				}
			}
		}
		if !found {
			t.Errorf("%v: no load.unknown-field finding", tt.encodings)
		}
	}
}

// TestBadClients: what a client gets wrong is answered with the
// protocol's errors, never a panic or a hang.
func TestBadClients(t *testing.T) {
	c := start(t)
	if r := c.request("textDocument/hover", map[string]any{}); r["error"].(map[string]any)["code"].(float64) != codeServerNotInitialized {
		t.Errorf("a request before initialize: %v", r)
	}
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	if r := c.request("no/such/method", nil); r["error"].(map[string]any)["code"].(float64) != codeMethodNotFound {
		t.Errorf("an unknown method: %v", r)
	}
	// Not JSON: a parse error with a null id.
	c.in.Write([]byte("Content-Length: 5\r\n\r\n{nope"))
	if m := c.next(); m["error"].(map[string]any)["code"].(float64) != codeParseError || m["id"] != nil {
		t.Errorf("a body that is not JSON: %v", m)
	}
	// A change to a file never opened, and a change with a range outside
	// the file, are noted in the client's log and change nothing.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///never.yaml"}, "contentChanges": []any{map[string]any{"text": "x"}}})
	if m := c.next(); m["method"] != "window/logMessage" {
		t.Errorf("a change to a file never opened: %v", m)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "text": "format: entente/v1\n"}})
	c.diagnostics(uri)
	// A range past a line's end, or past the last line, stands for the
	// line's end, or the text's (the protocol says so): the change is
	// made there, and the next one of the notification too.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri}, "contentChanges": []any{
		map[string]any{"range": map[string]any{"start": map[string]any{"line": 0, "character": 99}, "end": map[string]any{"line": 0, "character": 120}}, "text": " # a comment"},
		map[string]any{"range": map[string]any{"start": map[string]any{"line": 40, "character": 0}, "end": map[string]any{"line": 41, "character": 0}}, "text": "kind: treaty\nid: x\n"}}})
	r := c.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}})
	edits, _ := r["result"].([]any)
	if len(edits) != 1 || !strings.Contains(edits[0].(map[string]any)["newText"].(string), "format: entente/v1 # a comment\nid: x\n") {
		t.Errorf("the server's text after changes past the ends, formatted: %v", r)
	}
	// A second initialize is refused.
	if r := c.request("initialize", map[string]any{"capabilities": map[string]any{}}); r["error"] == nil || r["error"].(map[string]any)["code"].(float64) != codeInvalidRequest {
		t.Errorf("a second initialize: %v", r)
	}
	// A batch is not part of the protocol: invalid request, not a parse error.
	c.in.Write([]byte("Content-Length: 2\r\n\r\n[]"))
	m := c.next()
	for m["method"] == "textDocument/publishDiagnostics" {
		m = c.next()
	}
	if m["error"] == nil || m["error"].(map[string]any)["code"].(float64) != codeInvalidRequest {
		t.Errorf("a batch: %v", m)
	}
	// A client that goes away without shutdown: Serve returns, with the
	// error that makes the command exit 1.
	if err := c.close(); !errors.Is(err, ErrNoShutdown) {
		t.Errorf("Serve after the client vanished: %v", err)
	}
}

// TestHeaders: the base protocol's framing, and what it refuses.
func TestHeaders(t *testing.T) {
	tests := []struct {
		in   string
		body string // "" for an error
	}{
		{"Content-Length: 2\r\n\r\n{}", "{}"},
		{"content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", "{}"},
		{"Content-Length: 2\n\n{}", "{}"},
		{"Content-Type: x\r\n\r\n{}", ""},
		{"Content-Length: -1\r\n\r\n", ""},
		{"Content-Length: 99999999999\r\n\r\n", ""},
		{"Content-Length: 5\r\n\r\n{}", ""},
		{"garbage\r\n\r\n", ""},
		{strings.Repeat("X-A: b\r\n", 40) + "\r\n", ""},
	}
	for _, tt := range tests {
		body, err := readMessage(bufio.NewReader(strings.NewReader(tt.in)))
		if string(body) != tt.body || (tt.body == "") != (err != nil) {
			t.Errorf("readMessage(%q) = %q, %v", tt.in, body, err)
		}
	}
}

// endless is a stream of one byte for ever, counting what is read.
type endless struct{ read int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.read += len(p)
	return len(p), nil
}

// TestEndlessHeader: a header line that never ends is refused once the
// reader's buffer is full, not read for ever.
func TestEndlessHeader(t *testing.T) {
	in := &endless{}
	if _, err := readMessage(bufio.NewReader(in)); err == nil {
		t.Fatal("an endless header line was taken")
	}
	if in.read > 64<<10 {
		t.Errorf("%d bytes read of an endless header line", in.read)
	}
}

// FuzzReadMessage: any bytes give messages or an error, never a panic,
// and never a body larger than the limit.
//
//	go test ./cmd/entente/internal/lsp -run '^$' -fuzz FuzzReadMessage -fuzztime 10m
func FuzzReadMessage(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\n\r\n[1]"))
	f.Add([]byte("Content-Length: 17\r\n\r\n{\"method\":\"exit\"}"))
	f.Add([]byte("Content-Length: 1\r\nContent-Length: 9\r\n\r\n{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		for range 100 {
			body, err := readMessage(r)
			if err != nil {
				return
			}
			if len(body) > maxMessage {
				t.Fatalf("a body of %d bytes", len(body))
			}
		}
	})
}

// TestHeadersRefused: a message whose length is not one plain number,
// given once, is refused, not guessed at.
func TestHeadersRefused(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		ok       bool
	}{
		{"one length", "Content-Length: 2\r\n\r\n{}", true},
		{"a length given twice", "Content-Length: 1\r\nContent-Length: 2\r\n\r\n{}", false},
		{"a sign", "Content-Length: +2\r\n\r\n{}", false},
		{"a negative length", "Content-Length: -2\r\n\r\n{}", false},
		{"no digits", "Content-Length: \r\n\r\n{}", false},
	} {
		_, err := readMessage(bufio.NewReader(strings.NewReader(tt.in)))
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want accepted %v", tt.name, err, tt.ok)
		}
	}
}

// drained is a reader that closes done when its last byte has been read.
type drained struct {
	r    io.Reader
	done chan struct{}
	once sync.Once
}

func (d *drained) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err == io.EOF {
		d.once.Do(func() { close(d.done) })
	}
	return n, err
}

// TestCancelQueuedRequest: a request the client cancels while it waits
// behind a long one is answered as cancelled (-32800) and not run; the
// one running is answered. The first request waits, in the test's hook,
// until the server has read every message, as a long request would.
func TestCancelQueuedRequest(t *testing.T) {
	frame := func(m map[string]any) string {
		m["jsonrpc"] = "2.0"
		body, _ := json.Marshal(m)
		return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	symbols := map[string]any{"textDocument": map[string]any{"uri": uri}}
	input := frame(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{}}) +
		frame(map[string]any{"method": "initialized", "params": map[string]any{}}) +
		frame(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "text": string(shortClausesText(50))}}}) +
		frame(map[string]any{"id": 2, "method": "textDocument/documentSymbol", "params": symbols}) +
		frame(map[string]any{"id": 3, "method": "textDocument/documentSymbol", "params": symbols}) +
		frame(map[string]any{"id": "3", "method": "textDocument/documentSymbol", "params": symbols}) +
		frame(map[string]any{"method": "$/cancelRequest", "params": map[string]any{"id": 3}})
	in := &drained{r: strings.NewReader(input), done: make(chan struct{})}
	var out bytes.Buffer
	s := newServer(&out, Options{})
	first := true
	s.beforeRequest = func(string) {
		if first {
			first = false
			select {
			case <-in.done:
			case <-time.After(10 * time.Second):
				t.Error("the server did not read ahead of the request it runs")
			}
		}
	}
	if err := s.serve(in); !errors.Is(err, ErrNoShutdown) {
		t.Fatalf("serve: %v", err)
	}
	answers := map[string]map[string]any{}
	r := bufio.NewReader(&out)
	for {
		body, err := readMessage(r)
		if err != nil {
			break
		}
		var m map[string]any
		json.Unmarshal(body, &m)
		if id, ok := m["id"]; ok {
			answers[fmt.Sprintf("%#v", id)] = m
		}
	}
	if a := answers["2"]; a == nil || a["result"] == nil {
		t.Errorf("the running request: %v", a)
	}
	if a := answers["3"]; a == nil || a["error"] == nil || a["error"].(map[string]any)["code"] != float64(codeRequestCancelled) {
		t.Errorf("the cancelled request: %v", a)
	}
	if a := answers[`"3"`]; a == nil || a["result"] == nil {
		t.Errorf(`the request "3", whose id is not 3's: %v`, a)
	}
}

// shortClausesText is an agreement of n one-line clauses.
func shortClausesText(n int) []byte {
	var b strings.Builder
	b.WriteString("format: entente/v1\nid: many\nversion: {label: v1, stage: signed}\ntitle: Many clauses\nkind: treaty\nexcerpt: true\n" +
		"parties:\n  - {id: a, kind: state, country: FR}\n  - {id: b, kind: state, country: DE}\nclauses:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: c%d, num: \"%d\", summary: Clause %d.}\n", i+1, i+1, i+1)
	}
	return []byte(b.String())
}
