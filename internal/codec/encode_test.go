package codec

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v4"

	"github.com/entente-go/entente/internal/yamlnode"
)

// TestPieces: the text Pieces writes is the text of one document, for the
// examples as written (comments and all), and for long lists whose
// elements hold scalars on either side of the folding width, block
// scalars with blank lines, nested lists and comments.
func TestPieces(t *testing.T) {
	inputs := map[string]string{}
	files, _ := filepath.Glob("../../examples/agreements/*.yaml")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(name)] = string(src)
	}
	var b strings.Builder
	b.WriteString("# the head of the file\nid: long\nitems:\n")
	for i := range 40 {
		words := strings.Repeat("word ", 14+i%10) + fmt.Sprint(i)
		fmt.Fprintf(&b, "  # before item %d\n  - id: item-%d # on the id\n    summary: %s\n    text: |\n      first line\n\n      after a blank line %d\n", i, i, words, i)
		fmt.Fprintf(&b, "    list: [a, b, %q]\n    nested:\n      - {x: %d}\n      - y\n", words[:40], i)
		if i%7 == 0 {
			fmt.Fprintf(&b, "    quoted: \"%s\"\n", strings.Repeat("é ", 40+i))
		}
	}
	b.WriteString("short: [1, 2]\n# the foot of the file\n")
	inputs["long lists"] = b.String()
	inputs["flow"] = "{a: 1, b: [1, 2]}\n"
	inputs["one key"] = "a: [" + strings.Repeat("x, ", 30) + "y]\n"
	for name, src := range inputs {
		n, serr := yamlnode.ParseDocument([]byte(src))
		if serr != nil {
			t.Fatalf("%s: %v", name, serr)
		}
		whole, err := dump(n, lineWidth)
		if err != nil {
			t.Fatal(err)
		}
		pieces, err := inPieces(n)
		if err != nil {
			t.Fatal(err)
		}
		if string(pieces) != string(whole) {
			t.Errorf("%s: in pieces the text differs:\n%s", name, lineDiff(string(whole), string(pieces)))
		}
	}
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  one document: %q\n  in pieces:    %q", i+1, x, y)
		}
	}
	return "(same lines)"
}

// inPieces writes a document as agreement.Format does: each entry of a
// top-level block mapping by Entry, and a long list without comments of
// its own by Key and Elem (the document's comments go to the first and
// last entries).
func inPieces(doc *yamlnode.Node) ([]byte, error) {
	root := doc.Content[0]
	if root.Kind != yamlnode.MappingNode || root.Style&yamlnode.FlowStyle != 0 || root.HeadComment+root.LineComment+root.FootComment != "" {
		return YAML(doc)
	}
	var w Pieces
	last := len(root.Content) - 2
	for i := 0; i <= last; i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yamlnode.SequenceNode && v.Style&yamlnode.FlowStyle == 0 && len(v.Content) >= minPieceList &&
			k.HeadComment+k.LineComment+k.FootComment+v.HeadComment+v.LineComment+v.FootComment == "" && i != last {
			w.Key(k.Value)
			for _, e := range v.Content {
				w.Elem(e)
			}
			continue
		}
		var head, foot string
		if i == 0 {
			head = doc.HeadComment
		}
		if i == last {
			foot = doc.FootComment
		}
		w.Entry(k, v, head, foot)
	}
	return w.Bytes()
}

// TestStringsYAML11Misreads: a string YAML 1.1 tools would read as a
// boolean or a base-60 number is written quoted; one they read as a
// string is not.
func TestStringsYAML11Misreads(t *testing.T) {
	for _, tt := range []struct {
		s      string
		quoted bool
	}{
		{"yes", true}, {"No", true}, {"NO", true}, {"on", true}, {"OFF", true}, {"y", true}, {"N", true},
		{"1:20", true}, {"-3:25:45", true}, {"190:20:30.15", true},
		{"yesterday", false}, {"noon", false}, {"1:2:3:4x", false}, {"Moscow", false}, {"10:61", false},
	} {
		n := String(tt.s)
		if got := n.Style == yaml.DoubleQuotedStyle; got != tt.quoted {
			t.Errorf("String(%q): quoted %v, want %v", tt.s, got, tt.quoted)
		}
	}
}
