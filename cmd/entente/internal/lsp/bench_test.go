package lsp

import (
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/corpus"
)

// benchFiles are the 27 KB example treaty and a generated agreement of
// 1,000 articles (400 KB).
func benchFiles(b *testing.B) map[string][]byte {
	b.Helper()
	example, err := os.ReadFile("../../../../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return map[string][]byte{"example": example, "articles=1000": corpus.Articles(1000)}
}

// benchServer is a server with one file open and checked.
func benchServer(b *testing.B, src []byte) *server {
	s := newServer(io.Discard, Options{})
	s.initialized = true
	s.files[uri] = &file{text: newText(src, false)}
	s.check()
	f := s.files[uri]
	if f.last == nil {
		b.Fatal("the file gives no model")
	}
	for _, d := range f.findings {
		if d.Severity == agreement.SeverityError {
			b.Fatalf("the file is not valid: %v", d)
		}
	}
	return s
}

// BenchmarkDidChange is the server's time from a one-character edit to
// its diagnostics written: apply the ranged change, check the file,
// publish.
//
//	go test ./cmd/entente/internal/lsp -run '^$' -bench .
func BenchmarkDidChange(b *testing.B) {
	for name, src := range benchFiles(b) {
		b.Run(name, func(b *testing.B) {
			s := benchServer(b, src)
			edits := []string{"x", ""}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				// Type a character at the start of line 3, then take it away.
				r := lspRange{position{Line: 2}, position{Line: 2}}
				if edits[i%2] == "" {
					r.End.Character = 1
				}
				params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": uri},
					"contentChanges": []any{map[string]any{"range": r, "text": edits[i%2]}}})
				s.handle(message{Method: "textDocument/didChange", Params: params})
				s.check()
			}
			if got := s.files[uri].text.src; len(got) != len(src) && len(got) != len(src)+1 {
				b.Fatalf("the edits did not apply: %d bytes", len(got))
			}
		})
	}
}

// BenchmarkHover and BenchmarkDefinition answer a request about a clause
// id used in the last article: the lookup of the place and the answer.
func BenchmarkHover(b *testing.B)      { benchRequest(b, "textDocument/hover") }
func BenchmarkDefinition(b *testing.B) { benchRequest(b, "textDocument/definition") }

func benchRequest(b *testing.B, method string) {
	for name, src := range benchFiles(b) {
		b.Run(name, func(b *testing.B) {
			s := benchServer(b, src)
			m := s.files[uri].last
			var target place
			for _, p := range m.places {
				if !p.Def && p.Kind == agreement.RefClause {
					target = p // the last use of a clause id
				}
			}
			if target.ID == "" {
				b.Fatal("no clause id is used")
			}
			pos := m.t.toProtocol(target.start.Line, target.start.Column+1)
			params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos})
			var out strings.Builder
			s.out = &out
			b.ReportAllocs()
			for b.Loop() {
				out.Reset()
				s.handle(message{ID: rawID(1), Method: method, Params: params})
			}
			if !strings.Contains(out.String(), `"result":{`) && !strings.Contains(out.String(), `"result":[{`) {
				b.Fatalf("no answer: %s", out.String())
			}
		})
	}
}

func rawID(n int) *json.RawMessage {
	raw := json.RawMessage(strconv.Itoa(n))
	return &raw
}

// BenchmarkSymbols: the outline of a file of 1,000 and 20,000 articles,
// and of 85,000 one-line clauses
// (each lookup of a clause's place is indexed, so the outline grows with
// the clauses, not with their square).
//
//	go test ./cmd/entente/internal/lsp -run '^$' -bench Symbols -benchtime 3x
func BenchmarkSymbols(b *testing.B) {
	files := map[string][]byte{"articles=1000": corpus.Articles(1000), "articles=20000": corpus.Articles(20000), "short-clauses=85000": shortClauses(85000)}
	for _, name := range []string{"articles=1000", "articles=20000", "short-clauses=85000"} {
		b.Run(name, func(b *testing.B) {
			s := benchServer(b, files[name])
			params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": uri}})
			for b.Loop() {
				if _, err := s.symbols(params); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// shortClauses is an agreement of n one-line clauses, the shape of the
// hostile run's outline that never finished (85,000 clauses in 4.6 MB).
func shortClauses(n int) []byte { return shortClausesText(n) }

// BenchmarkOpen is the check of a file when it is opened: a file of 1,000
// articles and one of 85,000 one-line clauses.
func BenchmarkOpen(b *testing.B) {
	for name, src := range map[string][]byte{"articles=1000": corpus.Articles(1000), "short-clauses=85000": shortClauses(85000)} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchServer(b, src)
			}
		})
	}
}
