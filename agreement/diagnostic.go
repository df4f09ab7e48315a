package agreement

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente-go/entente/docpath"
)

// Severity says whether a diagnostic makes a document invalid.
type Severity int

const (
	// SeverityError: the document is wrong; a validation run fails.
	SeverityError Severity = iota + 1
	// SeverityWarning: probably a mistake; a run fails only when asked to.
	SeverityWarning
)

func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Position is a 1-based line and column in a file. The zero Position is
// not valid: it means "no position".
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// IsValid reports whether the position is known.
func (p Position) IsValid() bool { return p.Line > 0 }

func (p Position) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// Related is a second position that helps explain a diagnostic: where an
// unclosed quote began, where a key was first given.
type Related struct {
	Position
	Message string
}

// Diagnostic is one problem found in a document.
type Diagnostic struct {
	File     string
	Position              // where the problem is; zero when it concerns the whole file
	Path     docpath.Path // where in the document, with ids: clauses[art-3].commitments[0].by
	Rule     Rule         // stable identifier, see the rule catalogue
	Severity Severity     //
	Message  string
	Hint     string    // what to do about it; may be empty
	Related  []Related // other places that explain it
}

// String formats the diagnostic as file:line:col: message [rule].
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.IsValid() {
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Column)
	} else if p := d.Path.String(); p != "" {
		// No position (an agreement built in code): the path says where.
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Severity == SeverityWarning {
		b.WriteString(" (warning)")
	}
	fmt.Fprintf(&b, " [%s]", d.Rule)
	return b.String()
}

// Diagnostics is a list of problems. It is deliberately not an error: an
// empty list is not a failure, and Err turns a list into an error only
// when it holds errors.
type Diagnostics []Diagnostic

// Sort orders the list by file, line, column, rule and message.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, compareDiagnostics)
}

func compareDiagnostics(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// HasErrors reports whether any diagnostic has severity Error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == SeverityError })
}

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics {
	return slices.DeleteFunc(slices.Clone(ds), func(d Diagnostic) bool { return d.Severity != SeverityError })
}

// Err returns nil when the list holds no errors, and otherwise a
// *DiagnosticsError holding them. Warnings alone are not an error.
func (ds Diagnostics) Err() error {
	errs := ds.Errors()
	if len(errs) == 0 {
		return nil
	}
	return &DiagnosticsError{Diagnostics: errs}
}

// DiagnosticsError is the error Diagnostics.Err returns: the errors of a
// document, never empty. errors.As finds it, and finds each Diagnostic
// too, for code that wants the first.
type DiagnosticsError struct {
	Diagnostics Diagnostics
}

// Error lists the diagnostics, one per line.
func (e *DiagnosticsError) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns each diagnostic as an error.
func (e *DiagnosticsError) Unwrap() []error {
	errs := make([]error, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		errs[i] = d
	}
	return errs
}

// Error is String, so that a Diagnostic found with errors.As in the
// error of Diagnostics.Err reads as it prints.
func (d Diagnostic) Error() string { return d.String() }

// Suggestion returns the word a diagnostic's hint proposes in place of
// the one written at its position: the "did you mean" of a misspelt key,
// code or id, or the right code for a country written by name. ok is
// false when the hint proposes no single word.
func (d Diagnostic) Suggestion() (word string, ok bool) {
	h := d.Hint
	for _, form := range []struct{ before, after string }{
		{"did you mean ", "?"},
		{"the code of ", ""},
		{"write the alpha-2 code ", " for "},
	} {
		rest, found := strings.CutPrefix(h, form.before)
		if !found {
			continue
		}
		if form.before == "the code of " {
			i := strings.LastIndex(rest, " is ")
			if i < 0 {
				return "", false
			}
			word = rest[i+len(" is "):]
		} else if i := strings.Index(rest, form.after); i > 0 {
			word = rest[:i]
		}
		if unq, err := strconv.Unquote(word); err == nil {
			word = unq
		}
		return word, word != "" && !strings.ContainsAny(word, " \n\"")
	}
	return "", false
}
