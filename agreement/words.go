package agreement

import (
	"strings"
	"unicode"
)

// WordOp is one step of a word-level diff.
type WordOp struct {
	Op   string `json:"op"` // "=", "-" or "+"
	Text string `json:"text"`
}

// words splits text into words and the spaces between them, so that
// joining the pieces gives the text back.
func splitWords(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := unicode.IsSpace(r)
		if i > start && sp != inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// diffWords returns a word-level diff of a and b: Myers' O(ND) algorithm
// over words, with runs of the same operation merged. Joining the "=" and
// "-" texts gives a; the "=" and "+" texts give b.
func diffWords(a, b string) []WordOp {
	x, y := splitWords(a), splitWords(b)
	var ops []WordOp
	if len(x)+len(y) > maxWordDiff {
		// Too long to diff word by word in bounded memory: the whole
		// text is replaced.
		ops = []WordOp{{Op: "-", Text: a}, {Op: "+", Text: b}}
	} else {
		ops = myers(x, y)
	}
	var out []WordOp
	for _, o := range ops {
		if n := len(out); n > 0 && out[n-1].Op == o.Op {
			out[n-1].Text += o.Text
			continue
		}
		out = append(out, o)
	}
	return out
}

// maxWordDiff bounds the words diffWords compares one by one; the trace of
// Myers' algorithm grows with the product of length and distance.
const maxWordDiff = 4000

// myers computes a shortest edit script from x to y.
func myers(x, y []string) []WordOp {
	n, m := len(x), len(y)
	max := n + m
	if max == 0 {
		return nil
	}
	off := max
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				i = v[off+k+1] // down: an insertion
			} else {
				i = v[off+k-1] + 1 // right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[off+k] = i
			if i >= n && j >= m {
				return backtrack(trace, x, y, d, off)
			}
		}
	}
	return nil // unreachable: d = n+m always reaches the end
}

func backtrack(trace [][]int, x, y []string, d, off int) []WordOp {
	var rev []WordOp
	i, j := len(x), len(y)
	for ; d > 0; d-- {
		v := trace[d]
		k := i - j
		var prevK int
		if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevI := v[off+prevK]
		prevJ := prevI - prevK
		for i > prevI && j > prevJ {
			i--
			j--
			rev = append(rev, WordOp{Op: "=", Text: x[i]})
		}
		if i == prevI {
			j--
			rev = append(rev, WordOp{Op: "+", Text: y[j]})
		} else {
			i--
			rev = append(rev, WordOp{Op: "-", Text: x[i]})
		}
	}
	for i > 0 && j > 0 {
		i--
		j--
		rev = append(rev, WordOp{Op: "=", Text: x[i]})
	}
	out := make([]WordOp, len(rev))
	for k, o := range rev {
		out[len(rev)-1-k] = o
	}
	return out
}

// sameWords reports whether a and b differ only in whitespace.
func sameWords(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}
