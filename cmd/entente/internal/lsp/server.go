// Package lsp is entente's language server: the findings of entente
// validate in the editor, as the author types, and the ids of a document
// to follow. It speaks the Language Server Protocol over a pair of
// streams (stdio for `entente lsp`) and checks with the same loader and
// rules as validate: the open files and the other files of the workspace
// folder are checked as one set.
//
// Beside diagnostics it answers hover (what a code, an id, a word of a
// closed list or a date means), definition and references (of party,
// clause, source and agreement ids), rename, completion (keys from the
// schema, words of the closed lists, codes and ids), the outline of
// clauses, formatting (entente fmt) and quick fixes for findings that
// say "did you mean". While a file does not load, hover and definition
// answer from the last text of it that did.
package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/topics"
)

// ErrNoShutdown is what Serve returns when the client exits, or goes
// away, without asking the server to shut down first; the command then
// exits with 1, as the protocol says.
var ErrNoShutdown = errors.New("lsp: the client left without a shutdown request")

// Options are the settings of a session.
type Options struct {
	// Loader reads and checks files, as validate does.
	Loader agreement.Loader
	// Adjust changes each file's findings before they are shown, as the
	// configuration's rule severities do; nil shows them as found.
	Adjust func(agreement.Diagnostics) agreement.Diagnostics
	// Files lists the files of the set in a workspace folder, beyond the
	// open files, as validate would bring them (the command gives its own
	// walk of a folder, with the configuration's include and exclude);
	// nil: the set is the open files.
	Files func(folder string) ([]string, error)
	// Keeps says whether a file of a folder that appears or changes while
	// the session runs belongs to the set, as Files would say; nil keeps
	// the agreement files.
	Keeps func(path string) bool
	// Excluded says whether the configuration leaves a file out even when
	// it is named (exclude:): opened, it gets no findings and is not one
	// of the set, as validate would not check it; nil excludes none.
	Excluded func(path string) bool
}

// server is one session with one client.
type server struct {
	opts Options
	out  io.Writer
	utf8 bool // positions in UTF-8 bytes instead of UTF-16 units

	files     map[string]*file // the open files, by URI
	folders   []string         // the workspace folders, as paths
	folder    map[string]*agreement.Document
	loaded    bool              // the folders' files are loaded
	published map[string]string // the diagnostics shown, by URI, as sent
	// dirty says the open files changed since they were last checked:
	// the check waits for a pause in the changes (debounce).
	dirty bool

	vocabularies []agreement.Vocabulary
	initialized  bool
	shutdown     bool
	watch        bool // the client can tell of changes to the folder's files

	// cancelled holds the ids of the requests the client cancelled
	// ($/cancelRequest) while they waited behind others: the goroutine
	// that reads the messages marks them as they arrive, and the server
	// answers such a request as cancelled instead of running it.
	cancelled cancellations
	// beforeRequest, when set (by tests), runs before each request.
	beforeRequest func(method string)
}

// cancellations is a set of request ids, safe for two goroutines.
type cancellations struct {
	mu  sync.Mutex
	ids map[string]bool
}

// maxCancelBytes is the largest message read as a possible cancel.
const maxCancelBytes = 1024

// maxCancellations bounds the set: cancels of requests already answered
// are never taken out by a request, and are dropped past it.
const maxCancellations = 1000

// mark records a cancel read from body, if it is one.
func (c *cancellations) mark(body []byte) {
	// A cancel is a few dozen bytes: a large body (a file's text) is not
	// searched.
	if len(body) > maxCancelBytes || !bytes.Contains(body, []byte(`"$/cancelRequest"`)) {
		return
	}
	var m struct {
		Method string
		Params struct{ ID json.RawMessage }
	}
	if json.Unmarshal(body, &m) != nil || m.Method != "$/cancelRequest" || len(m.Params.ID) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ids == nil || len(c.ids) >= maxCancellations {
		c.ids = map[string]bool{}
	}
	c.ids[idKey(m.Params.ID)] = true
}

// take reports whether the request id was cancelled, and forgets it.
func (c *cancellations) take(id *json.RawMessage) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := idKey(*id)
	if !c.ids[k] {
		return false
	}
	delete(c.ids, k)
	return true
}

// idKey is a request id as a key: 7 and "7" are different ids.
func idKey(id json.RawMessage) string { return string(bytes.TrimSpace(id)) }

// readAhead is how many messages the server reads ahead of the one it is
// handling, so that a cancel sent while a long request runs is seen
// before the requests queued behind it.
const readAhead = 64

// debounce is how long the server waits after a change before it checks
// the files, so that a burst of keystrokes is checked once. A request
// checks at once, so that it sees every change sent before it.
const debounce = 50 * time.Millisecond

// Serve runs a session: it reads messages from in and writes to out until
// the client sends exit or closes in. (The goroutine that reads in ends
// when in does.)
func Serve(in io.Reader, out io.Writer, opts Options) error {
	return newServer(out, opts).serve(in)
}

// serve is Serve, on a server made beforehand.
func (s *server) serve(in io.Reader) error {
	type read struct {
		body []byte
		err  error
	}
	reads := make(chan read, readAhead)
	done := make(chan struct{})
	defer close(done)
	go func() {
		r := bufio.NewReader(in)
		for {
			body, err := readMessage(r)
			if err == nil {
				s.cancelled.mark(body)
			}
			select {
			case reads <- read{body, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	wait := time.NewTimer(debounce)
	wait.Stop()
	for {
		var rd read
		select {
		case <-wait.C:
			if s.dirty {
				s.check()
			}
			continue
		case rd = <-reads:
		}
		if rd.err == io.EOF {
			return ErrNoShutdown
		}
		if rd.err != nil {
			return rd.err // the stream cannot be read on from here
		}
		var m message
		if body := bytes.TrimLeft(rd.body, " \t\r\n"); len(body) > 0 && body[0] == '[' && json.Valid(body) {
			// JSON-RPC batches are not part of the language server protocol.
			s.reply(nil, nil, &responseError{codeInvalidRequest, "a batch of messages is not part of the protocol: send them one by one"})
			continue
		}
		if err := json.Unmarshal(rd.body, &m); err != nil {
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
		if s.dirty {
			wait.Reset(debounce)
		}
	}
}

func newServer(out io.Writer, opts Options) *server {
	s := &server{opts: opts, out: out, files: map[string]*file{}, folder: map[string]*agreement.Document{}, published: map[string]string{},
		vocabularies: agreement.VocabulariesWith(opts.Loader.Topics)}
	return s
}

func (s *server) taxonomy() *topics.Taxonomy {
	if s.opts.Loader.Topics != nil {
		return s.opts.Loader.Topics
	}
	return topics.Builtin()
}

func (s *server) handle(m message) {
	isRequest := m.ID != nil
	fail := func(code int, format string, args ...any) {
		if isRequest {
			s.reply(m.ID, nil, &responseError{code, fmt.Sprintf(format, args...)})
		}
	}
	if m.Method == "" {
		if isRequest && string(*m.ID) == watchRequestID {
			return // the client's answer to the server's one request
		}
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
	if request, ok := requests[m.Method]; ok {
		if !isRequest {
			return // a request sent as a notification has no one to answer
		}
		if s.beforeRequest != nil {
			s.beforeRequest(m.Method)
		}
		if s.dirty {
			s.check() // a request sees every change made before it
		}
		if s.cancelled.take(m.ID) {
			s.reply(m.ID, nil, &responseError{codeRequestCancelled, "the request was cancelled"})
			return
		}
		result, err := request(s, m.Params)
		if err != nil {
			s.reply(m.ID, nil, err)
			return
		}
		s.reply(m.ID, result, nil)
		return
	}
	switch m.Method {
	case "initialize":
		if s.initialized {
			fail(codeInvalidRequest, "the server is initialized already: initialize is sent once")
			return
		}
		result, err := s.initialize(m.Params)
		s.reply(m.ID, result, err)
	case "initialized":
		if s.watch {
			s.askToWatch()
		}
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			s.log("didChangeWatchedFiles: " + err.Error())
			return
		}
		for _, c := range p.Changes {
			s.fileChanged(c.URI, c.Type == 3)
		}
	case "$/cancelRequest": // marked as it was read; see cancellations
	case "$/setTrace", "workspace/didChangeConfiguration":
	case "shutdown":
		s.shutdown = true
		s.reply(m.ID, nil, nil)
	case "textDocument/didOpen":
		var p didOpenParams
		if err := json.Unmarshal(m.Params, &p); err != nil || p.TextDocument.URI == "" {
			s.log("didOpen: the parameters do not name a document")
			return
		}
		s.files[p.TextDocument.URI] = &file{text: newText([]byte(p.TextDocument.Text), s.utf8)}
		s.dirty = true
		s.check() // at once: an opened file is no burst of keystrokes, and its model is wanted
	case "textDocument/didChange":
		s.didChange(m.Params)
	case "textDocument/didSave":
		var p didCloseParams
		if err := json.Unmarshal(m.Params, &p); err == nil {
			s.reload(p.TextDocument.URI)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return
		}
		delete(s.files, p.TextDocument.URI)
		s.reload(p.TextDocument.URI) // as it is on disk, if it is a file of the folder
		s.dirty = true
	default:
		fail(codeMethodNotFound, "%s is not supported", m.Method)
	}
}

// initialize answers the client's first request: the position encoding
// (UTF-8 when the client offers it), the workspace folders, and what the
// server can do.
func (s *server) initialize(params json.RawMessage) (any, *responseError) {
	var p initializeParams
	if len(params) > 0 {
		if err := json.Unmarshal(params, &p); err != nil {
			return nil, &responseError{codeInvalidParams, "initialize: " + err.Error()}
		}
	}
	encoding := "utf-16"
	if slices.Contains(p.Capabilities.General.PositionEncodings, "utf-8") {
		encoding, s.utf8 = "utf-8", true
	}
	for _, f := range p.WorkspaceFolders {
		if path, ok := filePath(f.URI); ok {
			s.folders = append(s.folders, path)
		}
	}
	if path, ok := filePath(p.RootURI); ok && len(s.folders) == 0 {
		s.folders = append(s.folders, path)
	}
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration && len(s.folders) > 0
	s.initialized = true
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding":           encoding,
			"textDocumentSync":           map[string]any{"openClose": true, "change": 2, "save": true}, // incremental
			"hoverProvider":              true,
			"definitionProvider":         true,
			"referencesProvider":         true,
			"renameProvider":             map[string]any{"prepareProvider": true},
			"documentSymbolProvider":     true,
			"documentFormattingProvider": true,
			"codeActionProvider":         map[string]any{"codeActionKinds": []string{"quickfix"}},
			"completionProvider":         map[string]any{"triggerCharacters": []string{":", " ", "[", ","}},
		},
		"serverInfo": map[string]any{"name": "entente"},
	}, nil
}

// askToWatch asks the client to tell when a file of the folder is made,
// changed or removed (a checkout of another branch), so that the set
// stays as the disk has it.
func (s *server) askToWatch() {
	id := json.RawMessage(watchRequestID)
	writeMessage(s.out, map[string]any{"jsonrpc": "2.0", "id": &id, "method": "client/registerCapability",
		"params": map[string]any{"registrations": []any{map[string]any{"id": "entente-files", "method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": []any{map[string]any{"globPattern": "**/*.{yaml,yml,json}"}}}}}}})
}

// didChange applies a change to an open file: the whole text, or ranges
// of it. A range that is not in the text is left out, with a note in the
// client's log.
func (s *server) didChange(params json.RawMessage) {
	var p didChangeParams
	if err := json.Unmarshal(params, &p); err != nil {
		s.log("didChange: " + err.Error())
		return
	}
	f, ok := s.files[p.TextDocument.URI]
	if !ok {
		s.log("didChange: " + p.TextDocument.URI + " is not open")
		return
	}
	t := f.text
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			t = newText([]byte(c.Text), s.utf8)
			continue
		}
		start, ok1 := t.offsetOf(c.Range.Start)
		end, ok2 := t.offsetOf(c.Range.End)
		if !ok1 || !ok2 || end < start {
			s.log(fmt.Sprintf("didChange: the range %+v is not in %s; the change is left out", *c.Range, p.TextDocument.URI))
			break
		}
		t = newText(slices.Concat(t.src[:start:start], []byte(c.Text), t.src[end:]), s.utf8)
	}
	f.text, f.parsed = t, nil
	s.dirty = true
}

// requests are the requests about the open files, by method.
var requests = map[string]func(s *server, params json.RawMessage) (any, *responseError){
	"textDocument/hover":          (*server).hoverRequest,
	"textDocument/definition":     (*server).definition,
	"textDocument/references":     (*server).references,
	"textDocument/prepareRename":  (*server).prepareRename,
	"textDocument/rename":         (*server).rename,
	"textDocument/documentSymbol": (*server).symbols,
	"textDocument/formatting":     (*server).formatting,
	"textDocument/codeAction":     (*server).codeActions,
	"textDocument/completion":     (*server).completion,
}

// open returns the open file a request names.
func (s *server) open(uri string) (*file, *responseError) {
	f, ok := s.files[uri]
	if !ok {
		return nil, &responseError{codeInvalidParams, uri + " is not open"}
	}
	return f, nil
}

// check checks the open files and the folder's other files as a set, as
// validate checks the files it is given, and publishes the findings of
// each open file, and of each other file whose findings changed. A file
// closed, or whose findings are gone, gets an empty list.
func (s *server) check() {
	s.dirty = false
	s.loadFolders()
	uris := slices.Sorted(maps.Keys(s.files))
	docs := make([]*agreement.Document, 0, len(uris)+len(s.folder))
	open := map[string]bool{}
	for _, uri := range uris {
		f := s.files[uri]
		name := fileName(uri)
		if f.parsed == nil {
			f.parsed = s.opts.Loader.Parse(name, f.text.src)
			if f.parsed.Agreement != nil {
				f.last = newModel(f.parsed, s.utf8)
			}
		}
		f.doc = f.parsed.Clone()
		open[name] = true
		if f.doc.IsAgreement() && !s.excluded(name) {
			docs = append(docs, f.doc)
		}
	}
	others := map[string]*agreement.Document{}
	for _, name := range slices.Sorted(maps.Keys(s.folder)) {
		if !open[name] {
			others[fileURI(name)] = s.folder[name].Clone()
			docs = append(docs, others[fileURI(name)])
		}
	}
	agreement.NewSet(docs...)
	for _, uri := range uris {
		f := s.files[uri]
		f.findings = nil
		if f.doc.IsAgreement() && !s.excluded(fileName(uri)) { // other YAML, and what the configuration excludes, is left alone, as validate leaves it
			f.findings = s.adjust(f.doc.Diagnostics)
		}
		s.publish(uri, f.text, f.findings, true)
	}
	for _, uri := range slices.Sorted(maps.Keys(others)) {
		doc := others[uri]
		ds := s.adjust(doc.Diagnostics)
		if len(ds) == 0 && s.published[uri] == "" {
			continue
		}
		src := doc.Source
		if src == nil && len(ds) > 0 {
			src, _ = readFile(fileName(uri))
		}
		s.publish(uri, newText(src, s.utf8), ds, false)
	}
	for uri := range s.published {
		if _, isOpen := s.files[uri]; !isOpen && others[uri] == nil {
			s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []diagnostic{}})
			delete(s.published, uri)
		}
	}
}

func (s *server) excluded(name string) bool { return s.opts.Excluded != nil && s.opts.Excluded(name) }

func (s *server) adjust(ds agreement.Diagnostics) agreement.Diagnostics {
	if s.opts.Adjust == nil {
		return ds
	}
	return s.opts.Adjust(slices.Clone(ds))
}

// publish sends a file's findings: always for an open file that has or
// had some, and for another file only when they changed.
func (s *server) publish(uri string, t *text, ds agreement.Diagnostics, isOpen bool) {
	list := diagnostics(uri, t, ds)
	body, _ := json.Marshal(list)
	sent, had := s.published[uri]
	if len(list) == 0 && !had || !isOpen && sent == string(body) {
		return
	}
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: list})
	if len(list) == 0 {
		delete(s.published, uri)
		return
	}
	s.published[uri] = string(body)
}

// diagnostics converts findings in the text of uri to the protocol's.
func diagnostics(uri string, t *text, ds agreement.Diagnostics) []diagnostic {
	out := []diagnostic{}
	for _, d := range ds {
		start := t.toProtocol(max(d.Line, 1), max(d.Column, 1))
		end := start
		if d.IsValid() {
			// The word at the finding, or one character when there is none.
			end = t.toProtocol(d.Line, max(t.tokenEnd(d.Position), d.Column+1))
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
			p := t.toProtocol(r.Line, r.Column)
			dd.RelatedInformation = append(dd.RelatedInformation, relatedInfo{location{uri, lspRange{p, p}}, r.Message})
		}
		out = append(out, dd)
	}
	return out
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
