package diff

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
	if len(x)+len(y) <= maxWordDiff {
		ops = myers(x, y)
	}
	if ops == nil && len(x)+len(y) > 0 {
		// Too long or too different to diff word by word in bounded
		// memory: the whole text is replaced.
		ops = []WordOp{{Op: "-", Text: a}, {Op: "+", Text: b}}
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

// maxWordDiff bounds the words diffWords compares one by one, and
// maxWordEdits the edits it looks for: the trace of Myers' algorithm grows
// with the square of the edits. Past either, the text is shown replaced.
const (
	maxWordDiff  = 20000
	maxWordEdits = 1000
)

// myers computes a shortest edit script from x to y, or nil when it needs
// more than maxWordEdits edits.
func myers(x, y []string) []WordOp {
	n, m := len(x), len(y)
	if n+m == 0 {
		return []WordOp{}
	}
	limit := min(n+m, maxWordEdits)
	// v[k+d] for k in [-d, d] is the furthest x reached on diagonal k after
	// d edits; trace[d] keeps it for the way back.
	var trace [][]int
	prev := []int{0} // d = -1: a virtual start on diagonal 1
	for d := 0; d <= limit; d++ {
		v := make([]int, 2*d+1)
		get := func(k int) int { // from the previous step, diagonal k
			if i := k + (d - 1); i >= 0 && i < len(prev) && d > 0 {
				return prev[i]
			}
			return -1
		}
		for k := -d; k <= d; k += 2 {
			var i int
			if d == 0 {
				i = 0
			} else if k == -d || (k != d && get(k-1) < get(k+1)) {
				i = get(k + 1) // down: an insertion
			} else {
				i = get(k-1) + 1 // right: a deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[k+d] = i
			if i >= n && j >= m {
				trace = append(trace, v)
				return backtrack(trace, x, y)
			}
		}
		trace = append(trace, v)
		prev = v
	}
	return nil
}

// backtrack walks the trace from the end back to the start.
func backtrack(trace [][]int, x, y []string) []WordOp {
	var rev []WordOp
	i, j := len(x), len(y)
	at := func(d, k int) int { return trace[d][k+d] }
	for d := len(trace) - 1; d > 0; d-- {
		k := i - j
		var prevK int
		if k == -d || (k != d && at(d-1, k-1) < at(d-1, k+1)) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevI := at(d-1, prevK)
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

// Lines returns a line-level diff of a and b, for texts that are not
// agreements: each op's text is one or more whole lines (with their line
// feeds). Joining the "=" and "-" texts gives a; the "=" and "+" texts
// give b. Past the bounds of the word diff, a is shown replaced by b.
func Lines(a, b string) []WordOp {
	x, y := splitLines(a), splitLines(b)
	// The lines both texts begin and end with are kept whole, so that a
	// small change in a long file stays small.
	head := 0
	for head < len(x) && head < len(y) && x[head] == y[head] {
		head++
	}
	tail := 0
	for tail < len(x)-head && tail < len(y)-head && x[len(x)-1-tail] == y[len(y)-1-tail] {
		tail++
	}
	var ops []WordOp
	for _, l := range x[:head] {
		ops = append(ops, WordOp{Op: "=", Text: l})
	}
	xm, ym := x[head:len(x)-tail], y[head:len(y)-tail]
	var middle []WordOp
	if len(xm)+len(ym) <= maxWordDiff {
		middle = myers(xm, ym)
	}
	if middle == nil {
		for _, l := range xm {
			middle = append(middle, WordOp{Op: "-", Text: l})
		}
		for _, l := range ym {
			middle = append(middle, WordOp{Op: "+", Text: l})
		}
	}
	ops = append(ops, middle...)
	for _, l := range y[len(y)-tail:] {
		ops = append(ops, WordOp{Op: "=", Text: l})
	}
	return ops
}

func splitLines(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
