package lsp

import (
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente-go/entente/agreement"
)

// agreementText is a small valid agreement with the given id, and extra
// lines at its end.
func agreementText(id, extra string) string {
	return "format: entente/v1\nid: " + id + "\nversion: {label: signed, stage: signed}\ntitle: T " + id + "\nkind: treaty\n" +
		"parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n" + extra
}

// TestFolderSet: the workspace folder's files are part of the set. A
// change to an open file that breaks a relation in a file that is not
// open shows a finding in that file, and the finding goes when the change
// is undone; definition and rename of an agreement id reach across files.
func TestFolderSet(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"old.yaml":  agreementText("old-pact", ""),
		"new.yaml":  agreementText("new-pact", "relations:\n  - {type: supersedes, agreement: old-pact}\n"),
		"ci.yaml":   "on: push\njobs: {}\n", // other YAML: left alone
		"notes.txt": "not an agreement",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	uriOf := func(name string) string {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, name))}).String()
	}
	oldURI, newURI := uriOf("old.yaml"), uriOf("new.yaml")

	c := startWith(t, Options{Files: yamlFiles})
	c.request("initialize", map[string]any{"rootUri": (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), "capabilities": map[string]any{}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": oldURI, "version": 1, "text": files["old.yaml"]}})

	// Definition of old-pact from... the open file's own id; references
	// reach the relation in new.yaml, which is not open.
	idPos := map[string]any{"line": 1, "character": 5}
	refs := result(t, c.request("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": oldURI}, "position": idPos,
		"context": map[string]any{"includeDeclaration": true}})).([]any)
	gotURIs := map[string]bool{}
	for _, r := range refs {
		gotURIs[r.(map[string]any)["uri"].(string)] = true
	}
	if len(refs) != 2 || !gotURIs[oldURI] || !gotURIs[newURI] {
		t.Errorf("references of old-pact: %v", refs)
	}

	// Rename old-pact: the edits reach new.yaml's relation.
	edit := result(t, c.request("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": oldURI}, "position": idPos, "newName": "first-pact"}))
	changes := edit.(map[string]any)["changes"].(map[string]any)
	if len(changes[oldURI].([]any)) != 1 || len(changes[newURI].([]any)) != 1 {
		t.Errorf("rename: %v", changes)
	} else if r := changes[newURI].([]any)[0].(map[string]any)["range"]; rangeText(t, files["new.yaml"], r) != "old-pact" {
		t.Errorf("the edit in new.yaml replaces %q", rangeText(t, files["new.yaml"], r))
	}
	// A rename to an id another file has is refused.
	m := c.request("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": oldURI}, "position": idPos, "newName": "new-pact"})
	if e, _ := m["error"].(map[string]any); e == nil || !strings.Contains(e["message"].(string), "new.yaml") {
		t.Errorf("rename to a taken agreement id: %v", m)
	}

	// Change the open file's id: new.yaml's relation no longer resolves.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": oldURI, "version": 2},
		"contentChanges": []any{map[string]any{"text": agreementText("renamed-pact", "")}}})
	ds := c.diagnostics(newURI)
	if len(ds) != 1 || ds[0].(map[string]any)["code"] != string(agreement.RuleSetUnresolved) {
		t.Fatalf("new.yaml after the change: %v", ds)
	}
	if line, start, end := rangeOf(ds[0]); line != 7 || start != 34 || end != 42 {
		t.Errorf("the finding in new.yaml at %v:%v-%v, want 7:34-42", line, start, end)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": oldURI, "version": 3},
		"contentChanges": []any{map[string]any{"text": files["old.yaml"]}}})
	if ds := c.diagnostics(newURI); len(ds) != 0 {
		t.Errorf("new.yaml after the change is undone: %v", ds)
	}
	// The workflow beside the agreements gets no findings, open or not.
	ciURI := uriOf("ci.yaml")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": ciURI, "version": 1, "text": files["ci.yaml"]}})
	r := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": ciURI}, "position": map[string]any{"line": 0, "character": 0}})
	if r["error"] != nil {
		t.Errorf("hover in other YAML: %v", r)
	}
	// What the server wrote before answering (the open's findings, had
	// there been any) is in the backlog.
	for _, m := range c.backlog {
		if m["method"] == "textDocument/publishDiagnostics" && m["params"].(map[string]any)["uri"] == ciURI {
			t.Errorf("findings for a workflow: %v", m)
		}
	}
}

// TestAdjust: the configuration's severities (Options.Adjust) apply to
// what the editor shows.
func TestAdjust(t *testing.T) {
	c := startWith(t, Options{Adjust: func(ds agreement.Diagnostics) agreement.Diagnostics {
		for i := range ds {
			if ds[i].Rule == agreement.RuleRefClause {
				ds[i].Severity = agreement.SeverityWarning
			}
		}
		return ds
	}})
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1,
		"text": agreementText("pact", "excerpt: true\nterm: {duration: P1Y, clauses: [art-9]}\n")}})
	ds := c.diagnostics(uri)
	if len(ds) != 1 || ds[0].(map[string]any)["code"] != string(agreement.RuleRefClause) || ds[0].(map[string]any)["severity"] != 2.0 {
		t.Errorf("findings: %v", ds)
	}
}

// TestOnlyChangedFilesLoad: a change to one open file loads that file
// again, not the others, and the others' findings from the rules across
// files still follow it.
func TestOnlyChangedFilesLoad(t *testing.T) {
	s := newServer(io.Discard, Options{})
	s.initialized = true
	a, b := "file:///w/a.yaml", "file:///w/b.yaml"
	s.files[a] = &file{text: newText([]byte(agreementText("pact-a", "relations:\n  - {type: amends, agreement: pact-b}\n")), false)}
	s.files[b] = &file{text: newText([]byte(agreementText("pact-b", "")), false)}
	s.check()
	before := s.files[a].parsed
	if len(s.files[a].findings) != 0 {
		t.Fatalf("a.yaml: %v", s.files[a].findings)
	}
	params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": b},
		"contentChanges": []any{map[string]any{"text": agreementText("pact-c", "")}}})
	s.handle(message{Method: "textDocument/didChange", Params: params})
	s.check()
	if s.files[a].parsed != before {
		t.Error("a.yaml, unchanged, was loaded again")
	}
	if ds := s.files[a].findings; len(ds) != 1 || ds[0].Rule != agreement.RuleSetUnresolved {
		t.Errorf("a.yaml after b.yaml's id changed: %v", ds)
	}
	s.check()
	if ds := s.files[a].findings; len(ds) != 1 {
		t.Errorf("a.yaml checked again: %d findings, want the same one", len(ds))
	}
}

// TestDebounce: a burst of changes is checked once it pauses, not once a
// change; what is shown is the last text's findings.
func TestDebounce(t *testing.T) {
	c := start(t)
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	good := agreementText("pact", "")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": good}})
	const changes = 20
	for i := range changes {
		text := good
		if i%2 == 1 {
			text += "sumary: x\n" // the last change has the fault
		}
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{map[string]any{"text": text}}})
	}
	ds := c.diagnostics(uri)
	if len(ds) != 1 || ds[0].(map[string]any)["code"] != string(agreement.RuleLoadUnknownField) {
		t.Fatalf("after the burst: %v", ds)
	}
	published := 1
	deadline := time.After(300 * time.Millisecond)
	for waiting := true; waiting; {
		select {
		case m := <-c.msgs:
			if m["method"] == "textDocument/publishDiagnostics" {
				published++
			}
		case <-deadline:
			waiting = false
		}
	}
	if published > changes/4 {
		t.Errorf("%d changes were checked %d times", changes, published)
	}
}

// TestWatchedFiles: a client that can tell of changes to files is asked
// to; a file of the folder made or removed on disk while the session
// runs joins or leaves the set, and the open file's findings follow.
func TestWatchedFiles(t *testing.T) {
	dir := t.TempDir()
	uriOf := func(name string) string {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, name))}).String()
	}
	c := startWith(t, Options{Files: yamlFiles})
	c.request("initialize", map[string]any{"rootUri": uriOf(""), "capabilities": map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}})
	c.notify("initialized", map[string]any{})
	reg := c.next()
	if reg["method"] != "client/registerCapability" {
		t.Fatalf("after initialized: %v", reg)
	}
	c.send(map[string]any{"id": reg["id"], "result": nil}) // the client's answer: no error comes back
	c.request("entente/ping", nil)                         // an unknown method: anything the server wrote before its answer is in the backlog
	for _, m := range c.backlog {
		if m["error"] != nil {
			t.Errorf("the server answered the client's answer: %v", m)
		}
	}
	c.backlog = nil
	newURI := uriOf("new.yaml")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": newURI, "version": 1,
		"text": agreementText("new-pact", "relations:\n  - {type: supersedes, agreement: old-pact}\n")}})
	unresolved := func(ds []any) bool {
		return len(ds) == 1 && ds[0].(map[string]any)["code"] == string(agreement.RuleSetUnresolved)
	}
	if ds := c.diagnostics(newURI); !unresolved(ds) {
		t.Fatalf("before old.yaml exists: %v", ds)
	}
	old := filepath.Join(dir, "old.yaml")
	if err := os.WriteFile(old, []byte(agreementText("old-pact", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": uriOf("old.yaml"), "type": 1}}})
	if ds := c.diagnostics(newURI); len(ds) != 0 {
		t.Errorf("after old.yaml was made: %v", ds)
	}
	os.Remove(old)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": uriOf("old.yaml"), "type": 3}}})
	if ds := c.diagnostics(newURI); !unresolved(ds) {
		t.Errorf("after old.yaml was removed: %v", ds)
	}
}

// yamlFiles lists a folder's YAML files, as the command's walk would.
func yamlFiles(folder string) ([]string, error) {
	return filepath.Glob(filepath.Join(folder, "*.yaml"))
}

// TestExcludedFileGetsNoFindings: a file the configuration excludes,
// opened, is shown no findings, while another file's are.
func TestExcludedFileGetsNoFindings(t *testing.T) {
	c := startWith(t, Options{Excluded: func(p string) bool { return strings.Contains(p, "/drafts/") }})
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	draft := "file:///work/agreements/drafts/d.yaml"
	broken := agreementText("pact", "excerpt: true\nterm: {duration: P1Y, clauses: [art-9]}\n")
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": draft, "version": 1, "text": broken}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": broken}})
	for {
		m := c.next()
		if m["method"] != "textDocument/publishDiagnostics" {
			continue
		}
		p := m["params"].(map[string]any)
		if p["uri"] == draft && len(p["diagnostics"].([]any)) > 0 {
			t.Fatalf("the excluded file was shown findings: %v", p["diagnostics"])
		}
		if p["uri"] == uri {
			if len(p["diagnostics"].([]any)) == 0 {
				t.Fatal("the other file was shown none")
			}
			break
		}
	}
}
