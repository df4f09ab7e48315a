package schema

import "github.com/entente-go/entente/internal/quickschema"

// For the tests of package schema_test: the quick reading and the library
// on their own.

func QuickValid(v any) bool {
	q, err := quick()
	return err == nil && q.Valid(v)
}

func LibraryValidate(v any) ([]Violation, error) {
	s, err := compiled()
	if err != nil {
		return nil, err
	}
	return validate(s, v)
}

func Matcher(pattern string) func(string) bool {
	m, err := quickschema.Matcher(pattern)
	if err != nil {
		panic(err)
	}
	return m
}
