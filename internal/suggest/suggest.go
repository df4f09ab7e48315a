// Package suggest finds the names closest to a misspelt one, for the
// "did you mean" hints of entente's findings. It imports only the
// standard library, so that every package can use it.
package suggest

import (
	"fmt"
	"strings"
)

// Hint returns a "did you mean" hint for an unknown name: the closest
// candidate by edit distance when one is close enough, otherwise the list
// of candidates.
func Hint(name string, candidates []string) string {
	if best, ok := Closest(name, candidates); ok {
		return fmt.Sprintf("did you mean %q?", best)
	}
	if len(candidates) == 0 {
		return ""
	}
	return "expected one of: " + strings.Join(candidates, ", ")
}

// Closest returns the candidate nearest to name by edit distance, and
// whether it is near enough to suggest (ignoring case).
//
// A name longer than maxName is near nothing: it is not compared, so that
// a hostile key of megabytes costs nothing.
func Closest(name string, candidates []string) (string, bool) {
	if len(name) > maxName {
		return "", false
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		dist := distance(strings.ToLower(name), strings.ToLower(c))
		if bestDist < 0 || dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best, best != "" && bestDist <= max(2, len(name)/3)
}

// maxName is the longest name Closest compares: longer than any name of
// the format or its registries.
const maxName = 64

// distance is the Levenshtein distance between a and b, over runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
