package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/entente-go/entente/agreement"
)

// The requests that change the text: formatting, and the quick fixes of
// findings that say "did you mean".

// formatting formats the file as entente fmt does, or refuses, with the
// reason, when the file does not load or is not an agreement.
func (s *server) formatting(params json.RawMessage) (any, *responseError) {
	var p documentParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &responseError{codeInvalidParams, err.Error()}
	}
	f, err := s.open(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out, diags := agreement.Format(f.doc.Name, f.text.src)
	if out == nil {
		msg := "entente fmt: the file is not formatted: fix its problems first"
		if len(diags) > 0 {
			d := diags[0]
			msg = fmt.Sprintf("entente fmt: not formatted: %d:%d: %s", d.Line, d.Column, d.Message)
		}
		return nil, &responseError{codeRequestFailed, msg}
	}
	if bytes.Equal(out, f.text.src) {
		return []textEdit{}, nil
	}
	return []textEdit{{Range: lspRange{End: f.text.end()}, NewText: string(out)}}, nil
}

// codeActions offers, for each finding in the range whose hint proposes
// a word, to write that word in place of the one at the finding.
func (s *server) codeActions(params json.RawMessage) (any, *responseError) {
	var p codeActionParams
	if err := json.Unmarshal(params, &p); err != nil {
		return nil, &responseError{codeInvalidParams, err.Error()}
	}
	f, err := s.open(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	actions := []codeAction{}
	for _, d := range f.findings {
		word, ok := d.Suggestion()
		if !ok || !d.IsValid() {
			continue
		}
		at := f.text.toProtocol(d.Line, d.Column)
		if at.Line < p.Range.Start.Line || at.Line > p.Range.End.Line {
			continue
		}
		r := idRange(f.text, d.Position)
		written := f.text.slice(r)
		if written == "" || written == word {
			continue
		}
		diag := diagnostics(p.TextDocument.URI, f.text, agreement.Diagnostics{d})
		actions = append(actions, codeAction{
			Title:       fmt.Sprintf("Replace %q with %q", written, word),
			Kind:        "quickfix",
			Diagnostics: diag,
			IsPreferred: true,
			Edit:        workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: {{r, word}}}},
		})
	}
	return actions, nil
}
