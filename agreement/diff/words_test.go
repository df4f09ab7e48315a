package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestDiffWords(t *testing.T) {
	tests := []struct {
		a, b string
		want string // ops rendered as [-x] [+y]
	}{
		{"the parties may consult", "the parties shall consult", "the parties [-may][+shall] consult"},
		{"", "new text", "[+new text]"},
		{"old text", "", "[-old text]"},
		{"a b c", "a b c", "a b c"},
		{"one two", "zero one two three", "[+zero ]one two[+ three]"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, o := range diffWords(tt.a, tt.b) {
			switch o.Op {
			case "=":
				b.WriteString(o.Text)
			default:
				b.WriteString("[" + o.Op + o.Text + "]")
			}
		}
		if b.String() != tt.want {
			t.Errorf("diffWords(%q, %q) = %s, want %s", tt.a, tt.b, b.String(), tt.want)
		}
	}
}

// TestDiffWordsReplays checks, over random texts with a fixed seed, that
// the edit script gives both texts back.
func TestDiffWordsReplays(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	vocab := []string{"the", "parties", "shall", "may", "not", "assist", " ", "  ", "\n", "aggressor", "Стороны"}
	text := func() string {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	for range 500 {
		a, b := text(), text()
		var gotA, gotB strings.Builder
		for _, o := range diffWords(a, b) {
			if o.Op != "+" {
				gotA.WriteString(o.Text)
			}
			if o.Op != "-" {
				gotB.WriteString(o.Text)
			}
		}
		if gotA.String() != a || gotB.String() != b {
			t.Fatalf("diffWords(%q, %q) does not replay: %q / %q", a, b, gotA.String(), gotB.String())
		}
	}
}

func TestLines(t *testing.T) {
	a := "one\ntwo\nthree\nfour\n"
	b := "one\n2\nthree\nfour\nfive"
	ops := Lines(a, b)
	var olds, news strings.Builder
	changed := 0
	for _, o := range ops {
		if o.Op != "+" {
			olds.WriteString(o.Text)
		}
		if o.Op != "-" {
			news.WriteString(o.Text)
		}
		if o.Op != "=" {
			changed++
		}
		if o.Op == "=" && strings.Count(o.Text, "\n") != 1 {
			t.Errorf("an op of more than one line: %q", o.Text)
		}
	}
	if olds.String() != a || news.String() != b || changed != 3 {
		t.Errorf("Lines: %d changes, replays to %q and %q", changed, olds.String(), news.String())
	}
}

// TestLinesOfALongFile: a change of one line in a file longer than the
// diff's bound is one line removed and one added, not the whole file.
func TestLinesOfALongFile(t *testing.T) {
	var a strings.Builder
	for i := range 3 * maxWordDiff {
		fmt.Fprintf(&a, "line %d\n", i)
	}
	b := strings.Replace(a.String(), "line 100\n", "line one hundred\n", 1)
	changed := 0
	for _, o := range Lines(a.String(), b) {
		if o.Op != "=" {
			changed++
		}
	}
	if changed != 2 {
		t.Errorf("one line changed in %d lines: %d lines shown changed, want 2", 3*maxWordDiff, changed)
	}
}
