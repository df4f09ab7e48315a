package schema

// For the tests of package schema_test: the quick reading and the library
// on their own.

func QuickValid(v any) bool {
	q, err := quick()
	return err == nil && q.valid(v)
}

func LibraryValidate(v any) ([]Violation, error) {
	s, err := compiled()
	if err != nil {
		return nil, err
	}
	return validate(s, v)
}

func Matcher(pattern string) func(string) bool {
	m, err := matcher(pattern)
	if err != nil {
		panic(err)
	}
	return m
}
