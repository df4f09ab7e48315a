package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// ValidateFormatVersion versions the JSON that `entente validate --format
// json` prints. It changes when a field changes meaning or goes away.
const ValidateFormatVersion = "entente.validate/v1"

// finding is one diagnostic with the source it was found in.
// finding is a diagnostic as the JSON, SARIF and GitHub outputs hold it:
// with the columns where the words at it and at its related positions
// end (0: unknown), and without the file's text, which is let go.
type finding struct {
	agreement.Diagnostic
	end         int
	relatedEnds []int
}

func newFinding(d agreement.Diagnostic, src []byte) finding {
	f := finding{Diagnostic: d, end: agreement.TokenEnd(src, d.Position), relatedEnds: make([]int, len(d.Related))}
	for i, r := range d.Related {
		f.relatedEnds[i] = agreement.TokenEnd(src, r.Position)
	}
	return f
}

type result struct {
	files    int
	findings []finding
	errors   int
	warnings int
	shown    int // findings printed, after --max-errors
}

// writeJSON prints the findings as one JSON document:
//
//	{"format": "entente.validate/v1", "files": 2, "errors": 1, "warnings": 0,
//	 "diagnostics": [{"file", "line", "column", "path", "rule", "severity",
//	                  "message", "hint", "related": [{"line", "column", "message"}]}]}
func writeJSON(w io.Writer, r result) error {
	type related struct {
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
	type diag struct {
		File     string    `json:"file"`
		Line     int       `json:"line,omitempty"`
		Column   int       `json:"column,omitempty"`
		Path     string    `json:"path,omitempty"`
		Rule     string    `json:"rule"`
		Severity string    `json:"severity"`
		Message  string    `json:"message"`
		Hint     string    `json:"hint,omitempty"`
		Related  []related `json:"related,omitempty"`
	}
	out := struct {
		Format      string `json:"format"`
		Files       int    `json:"files"`
		Errors      int    `json:"errors"`
		Warnings    int    `json:"warnings"`
		Diagnostics []diag `json:"diagnostics"`
	}{Format: ValidateFormatVersion, Files: r.files, Errors: r.errors, Warnings: r.warnings, Diagnostics: []diag{}}
	for _, f := range r.findings[:r.shown] {
		d := diag{File: f.File, Line: f.Line, Column: f.Column, Path: f.Path.String(), Rule: string(f.Rule),
			Severity: f.Severity.String(), Message: f.Message, Hint: f.Hint}
		for _, rel := range f.Related {
			d.Related = append(d.Related, related{rel.Line, rel.Column, rel.Message})
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// escapeData escapes a workflow command's message as GitHub requires.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value: as a
// message, and also ':' and ','.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// writeGitHub prints workflow annotations, then — since GitHub shows only
// ten annotations of a kind per step — the full list as text and a summary.
func writeGitHub(w io.Writer, r result) {
	for _, f := range r.findings[:r.shown] {
		kind := "error"
		if f.Severity == agreement.SeverityWarning {
			kind = "warning"
		}
		props := []string{"file=" + escapeProperty(f.File)}
		if f.IsValid() {
			props = append(props, fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Column))
			if f.end > f.Column {
				props = append(props, fmt.Sprintf("endLine=%d", f.Line), fmt.Sprintf("endColumn=%d", f.end))
			}
		}
		props = append(props, "title="+escapeProperty("entente "+string(f.Rule)))
		msg := f.Message
		if f.Hint != "" {
			msg += "\n" + f.Hint
		}
		fmt.Fprintf(w, "::%s %s::%s\n", kind, strings.Join(props, ","), escapeData(msg))
	}
	for _, f := range r.findings[:r.shown] {
		fmt.Fprintln(w, f.Diagnostic)
	}
}
