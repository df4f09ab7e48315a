// Package lang knows the ISO 639-1 language codes, generated from Debian's
// iso-codes data.
package lang

import (
	"maps"
	"slices"
)

//go:generate go run gen.go

// Name returns the English name of an ISO 639-1 code and whether the code
// exists.
func Name(code string) (string, bool) {
	n, ok := names[code]
	return n, ok
}

// Codes returns every ISO 639-1 code, sorted.
func Codes() []string {
	return slices.Sorted(maps.Keys(names))
}
