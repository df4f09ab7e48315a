package yamlnode

import (
	"os"
	"testing"
)

// TestCompat: what YAML 1.2 and JSON allow and the full parser refuses is
// read, with every position as written.
func TestCompat(t *testing.T) {
	tests := []struct {
		name, src string
		value     string // the first value of the top-level mapping
		line, col int    // where its second key is
	}{
		{"a %YAML 1.2 directive", "%YAML 1.2\n---\na: b\nc: d\n", "b", 4, 1},
		{"a surrogate pair, then more on the line", `{"a": "x\ud83d\ude00y", "c": 1}`, "x\U0001F600y", 1, 25},
		{"two pairs", `{"a": "\ud83d\ude00\ud83d\ude01", "c": 1}`, "\U0001F600\U0001F601", 1, 35},
		{"a pair in a block mapping", "a: \"\\ud83d\\ude00\"\nc: 1\n", "\U0001F600", 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseDocument([]byte(tt.src))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			m := doc.Content[0]
			if got := m.Content[1].Value; got != tt.value {
				t.Errorf("value %q, want %q", got, tt.value)
			}
			if k := m.Content[2]; k.Line != tt.line || k.Column != tt.col {
				t.Errorf("the second key at %d:%d, want %d:%d", k.Line, k.Column, tt.line, tt.col)
			}
		})
	}
	// A lone surrogate is still refused, at its place.
	if _, err := ParseDocument([]byte(`{"a": "\ud83d", "c": 1}`)); err == nil {
		t.Error("a lone surrogate was read")
	}
	// The suite's cases with a 1.2 directive.
	for _, id := range []string{"27NA", "RTP8"} {
		src, err := os.ReadFile("../../../shared/yaml-test-suite/" + id + "/in.yaml")
		if err != nil {
			t.Skipf("no test suite: %v", err)
		}
		if _, err := ParseDocument(src); err != nil {
			t.Errorf("suite %s: %v", id, err)
		}
	}
}

// TestPlainIsString: what a writer may leave plain, read as itself by
// YAML 1.2 and 1.1 tools alike.
func TestPlainIsString(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"trade", true}, {"art-3.3", true}, {"ir-ru-2001", true},
		{"null", false}, {"true", false}, {"~", false}, {"12", false}, {"1.5", false}, {"2025-01-17", false},
		{"yes", false}, {"off", false}, {"1:20", false},
	} {
		if got := PlainIsString(tt.s); got != tt.want {
			t.Errorf("PlainIsString(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
