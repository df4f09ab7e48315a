package agreement

import (
	"encoding/json"
	"maps"
	"slices"
)

// Text is a passage of an agreement: one string, or the same passage in
// several languages keyed by ISO 639-1 code. In a document it is written
// either as a string or as a mapping:
//
//	text: The Parties shall ...
//	text: {en: The Parties shall ..., ru: Стороны ...}
type Text struct {
	Plain      string            // the text when written as one string
	ByLanguage map[string]string // the texts when written per language
}

// PlainText returns a Text of one string.
func PlainText(s string) Text { return Text{Plain: s} }

// IsZero reports whether no text was given.
func (t Text) IsZero() bool { return t.Plain == "" && len(t.ByLanguage) == 0 }

// In returns the text in the given language, or the plain text when the
// text is not given per language.
func (t Text) In(lang string) string {
	if t.ByLanguage == nil {
		return t.Plain
	}
	return t.ByLanguage[lang]
}

// Languages returns the languages the text is given in, sorted.
func (t Text) Languages() []string { return slices.Sorted(maps.Keys(t.ByLanguage)) }

// String returns the plain text, or else the English text, or else the
// text in the first language in alphabetical order.
func (t Text) String() string {
	if t.ByLanguage == nil {
		return t.Plain
	}
	if s, ok := t.ByLanguage["en"]; ok {
		return s
	}
	if langs := t.Languages(); len(langs) > 0 {
		return t.ByLanguage[langs[0]]
	}
	return ""
}

// MarshalJSON writes a string or an object, as the text was given.
func (t Text) MarshalJSON() ([]byte, error) {
	if t.ByLanguage != nil {
		return json.Marshal(t.ByLanguage)
	}
	return json.Marshal(t.Plain)
}

// UnmarshalJSON reads a string or an object of language to text.
func (t *Text) UnmarshalJSON(b []byte) error {
	*t = Text{}
	if len(b) > 0 && b[0] == '{' {
		return json.Unmarshal(b, &t.ByLanguage)
	}
	return json.Unmarshal(b, &t.Plain)
}
