// Package lang knows the ISO 639-1 language codes, generated from Debian's
// iso-codes data.
package lang

//go:generate go run gen.go

// Name returns the English name of an ISO 639-1 code and whether the code
// exists.
func Name(code string) (string, bool) {
	n, ok := names[code]
	return n, ok
}
