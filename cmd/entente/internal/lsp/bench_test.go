package lsp

import (
	"encoding/json"
	"io"
	"os"
	"testing"
)

// BenchmarkDidChange is the server's time from a one-character edit of
// the 27 KB example treaty to its diagnostics written: apply the ranged
// change, check the file, publish.
//
//	go test ./cmd/entente/internal/lsp -run '^$' -bench DidChange
func BenchmarkDidChange(b *testing.B) {
	src, err := os.ReadFile("../../../../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		b.Fatal(err)
	}
	s := &server{out: io.Discard, docs: map[string][]byte{uri: src}, published: map[string]bool{}, initialized: true}
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
	}
	if got := s.docs[uri]; len(got) != len(src) && len(got) != len(src)+1 {
		b.Fatalf("the edits did not apply: %d bytes", len(got))
	}
}
