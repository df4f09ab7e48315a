// Package lsp is entente's language server: the findings of entente
// validate in the editor, as the author types. It speaks the Language
// Server Protocol over a pair of streams (stdio for `entente lsp`) and
// checks with the same loader and rules as validate.
//
// This is the first part of it: the base protocol, the life cycle, and
// diagnostics for the open files, checked as a set. Hover, definition,
// references, rename, completion, symbols, formatting and code actions are
// still to come.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"

	"github.com/entente-go/entente/agreement"
)

// ErrNoShutdown is what Serve returns when the client exits, or goes
// away, without asking the server to shut down first; the command then
// exits with 1, as the protocol says.
var ErrNoShutdown = errors.New("lsp: the client left without a shutdown request")

// server is one session with one client.
type server struct {
	loader agreement.Loader // how files are read and checked, as validate does

	out         io.Writer
	utf8        bool              // positions in UTF-8 bytes instead of UTF-16 units
	docs        map[string][]byte // the open files, by URI
	published   map[string]bool   // files with diagnostics shown
	initialized bool
	shutdown    bool
}

// Serve runs a session: it reads messages from in and writes to out until
// the client sends exit or closes in.
func Serve(in io.Reader, out io.Writer, loader agreement.Loader) error {
	s := &server{loader: loader, out: out, docs: map[string][]byte{}, published: map[string]bool{}}
	r := bufio.NewReader(in)
	for {
		body, err := readMessage(r)
		if err == io.EOF {
			return ErrNoShutdown
		}
		if err != nil {
			return err // the stream cannot be read on from here
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			s.reply(nil, nil, &responseError{codeParseError, "the message is not JSON: " + err.Error()})
			continue
		}
		if m.Method == "exit" {
			if !s.shutdown {
				return ErrNoShutdown
			}
			return nil
		}
		s.handle(m)
	}
}

func (s *server) handle(m message) {
	isRequest := m.ID != nil
	fail := func(code int, format string, args ...any) {
		if isRequest {
			s.reply(m.ID, nil, &responseError{code, fmt.Sprintf(format, args...)})
		}
	}
	if m.Method == "" {
		fail(codeInvalidRequest, "a message with no method")
		return
	}
	if !s.initialized && m.Method != "initialize" {
		fail(codeServerNotInitialized, "initialize first")
		return
	}
	if s.shutdown && isRequest {
		fail(codeInvalidRequest, "the server is shutting down")
		return
	}
	switch m.Method {
	case "initialize":
		var p initializeParams
		if len(m.Params) > 0 {
			if err := json.Unmarshal(m.Params, &p); err != nil {
				fail(codeInvalidParams, "initialize: %v", err)
				return
			}
		}
		encoding := "utf-16"
		if slices.Contains(p.Capabilities.General.PositionEncodings, "utf-8") {
			encoding, s.utf8 = "utf-8", true
		}
		s.initialized = true
		s.reply(m.ID, map[string]any{
			"capabilities": map[string]any{
				"positionEncoding": encoding,
				"textDocumentSync": map[string]any{"openClose": true, "change": 2}, // incremental
			},
			"serverInfo": map[string]any{"name": "entente"},
		}, nil)
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration", "textDocument/didSave":
	case "shutdown":
		s.shutdown = true
		s.reply(m.ID, nil, nil)
	case "textDocument/didOpen":
		var p didOpenParams
		if err := json.Unmarshal(m.Params, &p); err != nil || p.TextDocument.URI == "" {
			s.log("didOpen: the parameters do not name a document")
			return
		}
		s.docs[p.TextDocument.URI] = []byte(p.TextDocument.Text)
		s.check()
	case "textDocument/didChange":
		var p didChangeParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			s.log("didChange: " + err.Error())
			return
		}
		src, ok := s.docs[p.TextDocument.URI]
		if !ok {
			s.log("didChange: " + p.TextDocument.URI + " is not open")
			return
		}
		for _, c := range p.ContentChanges {
			if c.Range == nil {
				src = []byte(c.Text)
				continue
			}
			start, ok1 := offsetOf(src, c.Range.Start, s.utf8)
			end, ok2 := offsetOf(src, c.Range.End, s.utf8)
			if !ok1 || !ok2 || end < start {
				s.log(fmt.Sprintf("didChange: the range %+v is not in %s; the change is left out", *c.Range, p.TextDocument.URI))
				break
			}
			src = slices.Concat(src[:start:start], []byte(c.Text), src[end:])
		}
		s.docs[p.TextDocument.URI] = src
		s.check()
	case "textDocument/didClose":
		var p didCloseParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return
		}
		delete(s.docs, p.TextDocument.URI)
		s.check()
	default:
		fail(codeMethodNotFound, "%s is not supported", m.Method)
	}
}

// check checks the open files as a set, as validate checks the files it
// is given, and publishes each file's findings; a file closed, or whose
// findings are gone, gets an empty list.
func (s *server) check() {
	uris := make([]string, 0, len(s.docs))
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	slices.Sort(uris)
	docs := make([]*agreement.Document, len(uris))
	for i, uri := range uris {
		docs[i] = s.loader.Parse(fileName(uri), s.docs[uri])
	}
	agreement.NewSet(docs...)
	for i, uri := range uris {
		ds := s.diagnostics(uri, s.docs[uri], docs[i].Diagnostics)
		if len(ds) == 0 && !s.published[uri] {
			continue
		}
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: ds})
		s.published[uri] = len(ds) > 0
	}
	for uri := range s.published {
		if _, open := s.docs[uri]; !open {
			s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
			delete(s.published, uri)
		}
	}
}

func (s *server) diagnostics(uri string, src []byte, ds agreement.Diagnostics) []diagnostic {
	out := []diagnostic{}
	for _, d := range ds {
		start := toProtocol(src, max(d.Line, 1), max(d.Column, 1), s.utf8)
		end := start
		if d.IsValid() {
			// The word at the finding, or one character when there is none.
			end = toProtocol(src, d.Line, max(agreement.TokenEnd(src, d.Position), d.Column+1), s.utf8)
		}
		severity := 1
		if d.Severity == agreement.SeverityWarning {
			severity = 2
		}
		msg := d.Message
		if d.Hint != "" {
			msg += "\nhint: " + d.Hint
		}
		dd := diagnostic{Range: lspRange{start, end}, Severity: severity, Code: string(d.Rule), Source: "entente", Message: msg}
		for _, r := range d.Related {
			p := toProtocol(src, r.Line, r.Column, s.utf8)
			dd.RelatedInformation = append(dd.RelatedInformation, relatedInfo{location{uri, lspRange{p, p}}, r.Message})
		}
		out = append(out, dd)
	}
	return out
}

// fileName is the name findings use for a document: its path for a file
// URI, else the URI itself.
func fileName(uri string) string {
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" {
		return u.Path
	}
	return uri
}

func (s *server) reply(id *json.RawMessage, result any, err *responseError) {
	raw := json.RawMessage("null")
	if id == nil {
		id = &raw
	}
	m := message{JSONRPC: "2.0", ID: id, Error: err}
	if err == nil {
		m.Result = result
		if result == nil {
			m.Result = json.RawMessage("null")
		}
	}
	writeMessage(s.out, m)
}

func (s *server) notify(method string, params any) {
	body, _ := json.Marshal(params)
	writeMessage(s.out, message{JSONRPC: "2.0", Method: method, Params: body})
}

// log shows the client a note in its log: for what the protocol gives no
// response to, such as a notification that cannot be applied.
func (s *server) log(text string) {
	s.notify("window/logMessage", map[string]any{"type": 2, "message": "entente: " + text})
}
