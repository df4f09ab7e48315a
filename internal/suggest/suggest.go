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
// whether it is near enough to suggest (ignoring case): within a third of
// the name's length, and at least 2. Of candidates equally near, the
// first is returned.
//
// A name longer than maxName is near nothing: it is not compared, so that
// a hostile key of megabytes costs nothing. Each comparison stops as soon
// as the candidate cannot be nearer than the best so far, so that a
// thousand misspelt ids among thousands cost little.
func Closest(name string, candidates []string) (string, bool) {
	if len(name) > maxName {
		return "", false
	}
	limit := max(2, len(name)/3)
	a := []rune(strings.ToLower(name))
	best, bestDist := "", limit+1
	var rows [2][]int
	for _, c := range candidates {
		b := []rune(strings.ToLower(c))
		if abs(len(a)-len(b)) >= bestDist {
			continue
		}
		if d := distance(a, b, bestDist-1, &rows); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// maxName is the longest name Closest compares: longer than any name of
// the format or its registries.
const maxName = 64

func abs(n int) int { return max(n, -n) }

// distance is the Levenshtein distance between a and b, or a number
// greater than bound once it is sure to be more than bound. rows are
// reused between calls.
func distance(a, b []rune, bound int, rows *[2][]int) int {
	for k := range rows {
		if cap(rows[k]) < len(b)+1 {
			rows[k] = make([]int, len(b)+1)
		}
		rows[k] = rows[k][:len(b)+1]
	}
	prev, cur := rows[0], rows[1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		least := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			least = min(least, cur[j])
		}
		if least > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
