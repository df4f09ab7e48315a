package suggest

import (
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	tests := []struct {
		name       string
		candidates []string
		want       string
		ok         bool
	}{
		{"titel", []string{"title", "id", "format"}, "title", true},
		{"TITLE", []string{"title"}, "title", true},          // case is ignored
		{"xyz", []string{"title", "format"}, "title", false}, // nearest, but too far to suggest
		{"anything", nil, "", false},
		{"контекст", []string{"контексты", "id"}, "контексты", true}, // distance counts runes
		{"party", []string{"parts", "partx"}, "parts", true},         // the first of equals wins
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Closest(tt.name, tt.candidates)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestHint(t *testing.T) {
	if got := Hint("titel", []string{"title", "id"}); got != `did you mean "title"?` {
		t.Errorf("close name: %s", got)
	}
	if got := Hint("zzzzzz", []string{"a", "b"}); got != "expected one of: a, b" {
		t.Errorf("no close name: %s", got)
	}
	if got := Hint("x", nil); got != "" {
		t.Errorf("no candidates: %q", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"flaw", "lawn", 2}, {"ир", "ира", 1}} {
		var rows [2][]int
		if got := distance([]rune(tt.a), []rune(tt.b), 100, &rows); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLongNamesAreNearNothing(t *testing.T) {
	if _, ok := Closest(strings.Repeat("title", 100), []string{"title"}); ok {
		t.Error("a 500-byte name is near a field name")
	}
}

// TestClosestStopsEarly holds Closest, which stops a comparison once the
// candidate cannot win, to the plain search: the first candidate at the
// least distance, when that is near enough.
func TestClosestStopsEarly(t *testing.T) {
	words := []string{"art-1", "art-12", "art-2.1", "Art-21", "energy", "energy.oil-gas", "enrgy", "sco", "brics", "mutual-defence",
		"non-aggression", "non-assistance", "Договор", "договр", "a", "", "transport.corridors", "trade-investment"}
	plain := func(name string) (string, bool) {
		best, bestDist := "", -1
		var rows [2][]int
		for _, c := range words {
			d := distance([]rune(strings.ToLower(name)), []rune(strings.ToLower(c)), 1000, &rows)
			if bestDist < 0 || d < bestDist {
				best, bestDist = c, d
			}
		}
		return best, best != "" && bestDist <= max(2, len(name)/3)
	}
	for _, name := range append(words, "art-3", "energi", "non-agression", "xyz", "tradeinvestment", "ДОГОВОР") {
		want, wantOK := plain(name)
		got, ok := Closest(name, words)
		if ok != wantOK || ok && got != want {
			t.Errorf("Closest(%q) = %q, %v; the plain search gives %q, %v", name, got, ok, want, wantOK)
		}
	}
}
