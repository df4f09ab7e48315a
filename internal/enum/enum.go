// Package enum parses the closed vocabularies of the format and makes the
// errors that say what would have been accepted.
package enum

import (
	"fmt"
	"slices"
	"strings"

	"github.com/entente-go/entente/internal/suggest"
)

// Error is a value the format does not accept, with a hint at what it does
// accept. Callers outside the module see it as an error with a Hint method.
type Error struct {
	Msg     string
	HintMsg string
}

func (e *Error) Error() string { return e.Msg }

// Hint says what would be accepted; it may be empty.
func (e *Error) Hint() string { return e.HintMsg }

// Kept reports that Parse kept the value as written: a reader of the
// model still sees what the author wrote.
func (e *Error) Kept() bool { return true }

// Parse sets *dst to text and checks it against valid. The value is kept
// even when it is not valid, so that nothing the author wrote is lost; the
// error says what is allowed. what names the vocabulary ("modality").
func Parse[T ~string](dst *T, text []byte, what string, valid []T) error {
	*dst = T(text)
	if slices.Contains(valid, *dst) {
		return nil
	}
	return &Error{
		Msg:     fmt.Sprintf("%q is not a valid %s", text, what),
		HintMsg: Suggest(string(text), Strings(valid)),
	}
}

// Suggest returns the closest valid value, if one is close, and the list
// of valid values.
func Suggest(got string, valid []string) string {
	allowed := "allowed: " + strings.Join(valid, ", ")
	if best, ok := suggest.Closest(got, valid); ok {
		return fmt.Sprintf("did you mean %q? (%s)", best, allowed)
	}
	return allowed
}

// Strings converts a list of string-typed values.
func Strings[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
