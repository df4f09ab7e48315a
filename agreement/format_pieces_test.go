package agreement

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/corpus"
	"github.com/entente-go/entente/internal/yamlnode"
)

// TestFormatInPieces: Format, which builds and writes the canonical tree
// piece by piece, writes what building the whole tree and writing it
// gives, for the examples and for long lists with comments on, between
// and inside their elements.
func TestFormatInPieces(t *testing.T) {
	inputs := map[string][]byte{}
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(name)] = src
	}
	long := string(corpus.Articles(40))
	long = strings.Replace(long, "  - id: art-7\n", "  # Article 7 comes from the second draft.\n  - id: art-7 # renumbered\n", 1)
	long = strings.Replace(long, "    heading: Article 12 on cooperation\n", "    heading: Article 12 on cooperation # a line comment\n", 1)
	long = strings.Replace(long, "      - {id: art-20.2,", "      # the second paragraph\n      - {id: art-20.2,", 1)
	long = strings.Replace(long, "timeline:\n", "# the end of the articles\ntimeline:\n", 1)
	inputs["long, with comments"] = []byte("# a file of many articles\n" + long + "# the end of the file\n")
	inputs["long"] = corpus.Articles(30)
	for name, src := range inputs {
		got, ds := Format(name+".yaml", src)
		if got == nil {
			t.Fatalf("%s: %v", name, ds)
		}
		if want := formatWhole(t, name, src); string(got) != string(want) {
			t.Errorf("%s: in pieces the text differs from the whole tree's", name)
			gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Errorf("line %d: in pieces %q, whole %q", i+1, gl[i], wl[i])
					break
				}
			}
		}
	}
}

// formatWhole is Format as it was: the whole canonical tree built, given
// its comments and written.
func formatWhole(t *testing.T, name string, src []byte) []byte {
	doc := Loader{}.parse(name, src, true)
	comments := map[string]*comment{}
	collect(doc.commented.Content[0], docpath.Root(), comments)
	out := &yamlnode.Node{Kind: yamlnode.DocumentNode, HeadComment: doc.commented.HeadComment, FootComment: doc.commented.FootComment,
		Content: []*yamlnode.Node{codec.Encode(doc.Agreement, encodeHooks)}}
	place(out.Content[0], docpath.Root(), comments)
	out.FootComment = withOrphans(out.FootComment, comments)
	text, err := codec.YAML(out)
	if err != nil {
		t.Fatal(err)
	}
	return text
}
