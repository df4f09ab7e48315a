package yamlnode

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkFast fails when the fast reader accepts src and its tree is not
// the full parser's, and reports whether it accepted src.
func checkFast(t *testing.T, name string, src []byte) bool {
	t.Helper()
	read, difference := FastAgrees(src)
	if difference != "" {
		t.Errorf("%s: %s\n%s", name, difference, src)
	}
	return read
}

var fastCases = []struct {
	src    string
	accept bool // the fast reader must read it (not fall back)
}{
	{"a: 1\nb: two\n", true},
	// Blank values, which the shape must own to.
	{"a: \"\"\n", true},
	{"a: '  '\n", true},
	{"a: [x, \" \"]\n", true},
	{"a: {b: \"\\t\"}\n", true},
	{"a: x\n  - y\n  z\n", true},
	{"a  : b  \n", true},
	{"- - a\n  - b\n- c: d\n  e: f\n", true},
	{"a:\n  b\n   c\n", true},
	{"a: \"x\"  # c\n", true},
	{"# head\n\n  a: 1\n", true},
	{"k:\n- x\n- y\nz: w\n", true},
	{"k: [a, \"b\", c d, 'e''f']\nl: []\n", true},
	{"é: ab\nb: \"é\\u00e9\\x41\\t\\\\\"\n", true},
	{"a: one\n  two\n\n  three\n\n\n  four # c\nb: x\n", true},
	{"a: 2025-01-17\nb: 012\nc: 0x1F\nd: 1_000\ne: +1\nf: -0\ng: .5\nh: 1e3\ni: .inf\nj: ~\nk: yes\nl: True\nn: 1.\n", true},
	{"\"quoted key\": 1\n'single': 2\n", true},
	{"a:\n  - b: 1\n    c:\n      - d\n      - e\n  - f\n", true},
	{"a: b:c\nd: e#f\ng: h # i\n", true},
	{"a: [x, -y, a - b]\n", true},
	{"a: 'it''s'\n", true},
	// Outside the subset: the full parser reads these.
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"a: |\n  text\n", true},
	{"a: >-\n  text\n", true},
	{"a: |-\n  one\n\n   two  \n  three\n\n\nb: |+ # keep\n  x\n\n\nc: >\n\n  p\n  q\n\n  r\n# end\n", true},
	{"- |\n  a\n  # not a comment\n- >+\n  b\n  c\n", true},
	{"a: |2\n   x\n", false},
	{"a: |\nb: 1\n", false},
	{"a: >\n  x\n    deeper\n", false},
	{"a: |\n  x", false},
	{"a: {b: c}\n", true},
	{"{\"format\": \"entente/v1\", \"n\": 1.5, \"ok\": true, \"x\": null,\n \"list\": [{\"id\": \"a\"}, []],\n\"e\": {}, \"s\": \"\\u00e9\\/\"\n}\n", true},
	{"[1, [2, {a: b}]]\n", true},
	{"a: {\"b\":1, 'c' : [d]}\n", true},
	{"a: {b}\n", false},
	{"a: {b: }\n", false},
	{"a: {b: c, }\n", false},
	{"a: {b:c}\n", false},
	{"{a: 1,\n---\n}\n", false},
	{"a:\nb: 1\n", false},
	{"a: 1\r\n", false},
	{"a:\t1\n", false},
	{"--- \na: 1\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"a: \"two\n  lines\"\n", true},
	{"a: \"x  \\\n   y\"\nb: 'one  \n\n  two '\nc: \"a\\ \n  b\"\nd: \"e\\\n\n  f\"\n", true},
	{"- \"x\n  y\"\n- [\"p\n   q\", r]\n", true},
	{"a: \"two\nlines\"\n", false},
	{"\"a\n b\": c\n", false},
	{"a: [b,\n  c, # comment\n\n  d\n  ]\n", true},
	{"a: [b,\nc]\n", false},
	{"a: [b\n  c]\n", false},
	{"<<: x\n", false},
	{"a: 😀\n", false},
	{"just a scalar\n", false},
	{"", false},
	{"# only a comment\n", false},
	// Errors: the fast reader declines, the full parser reports them.
	{"a: b: c\n", false},
	{"a: b\n  # c\n  d\n", false},
	{"a: \"x\" y\n", false},
	{"a: 1\n- b\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a: \"\\q\"\n", false},
	{"a: \"\\ud800\"\n", false},
	{"- a\nb: c\n", false},
	{"a: [b, ]\n", false},
}

func TestFastMatchesFull(t *testing.T) {
	for _, c := range fastCases {
		if got := checkFast(t, fmt.Sprintf("%q", c.src), []byte(c.src)); got != c.accept {
			t.Errorf("%q: fast reader accepted = %v, want %v", c.src, got, c.accept)
		}
	}
}

// TestFastReadsEveryExample: the fast reader must read the files this
// project writes (it is the fast path only if it is taken), and read them
// as the full parser does.
func TestFastReadsEveryExample(t *testing.T) {
	files, _ := filepath.Glob("../../examples/agreements/*.yaml")
	more, _ := filepath.Glob("../../schema/testdata/corpus/*/*.yaml")
	if len(files) < 5 {
		t.Fatalf("found %d examples", len(files))
	}
	for _, f := range append(files, more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !checkFast(t, f, src) && !strings.Contains(f, "corpus") {
			t.Errorf("%s: the fast reader declined an example", f)
		}
	}
}

// TestFastOnTestSuite runs the fast reader over the YAML test suite: where
// it reads a case, it must read it as the full parser does, and it must
// never accept an invalid one.
func TestFastOnTestSuite(t *testing.T) {
	root := "testdata/yaml-test-suite"
	if _, err := os.Stat(root); err != nil {
		t.Fatalf("the YAML test suite is missing: %v", err)
	}
	accepted := 0
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.Name() != "in.yaml" {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if checkFast(t, path, src) {
			accepted++
			if _, err := os.Stat(filepath.Join(filepath.Dir(path), "error")); err == nil {
				t.Errorf("%s: the fast reader accepted an invalid case", path)
			}
		}
		return nil
	})
	t.Logf("the fast reader read %d cases of the suite", accepted)
	if accepted < 20 {
		t.Errorf("the fast reader read only %d cases of the suite", accepted)
	}
}

// FuzzFast: whatever the input, a tree the fast reader gives is the full
// parser's. Run for longer with
//
//	go test ./internal/yamlnode -run '^$' -fuzz FuzzFast -fuzztime 10m
func FuzzFast(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.src))
	}
	files, _ := filepath.Glob("../../examples/agreements/*.yaml")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil && len(src) < 4000 {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFast(t, "input", src)
	})
}

// TestDocumentMarkerInQuoted: a line of a quoted scalar that starts with
// --- or ... (then a blank) is a document marker, which YAML forbids
// there, in flow context too. The fast reader once read such files; both
// readers reject them now, and one without the blank is text to both.
func TestDocumentMarkerInQuoted(t *testing.T) {
	for _, src := range []string{"['\n--- ']", "['\n... ']", "{\"title\": \"x\n---\n y\"}", "['a\n...\n']", "[\"a\n--- b\"]"} {
		if read := checkFast(t, src, []byte(src)); read {
			t.Errorf("%q: the fast reader read a document marker inside a quoted scalar", src)
		}
		if _, err := Parse([]byte(src)); err == nil {
			t.Errorf("%q: no syntax error", src)
		}
	}
	if read := checkFast(t, "marker-like text", []byte("[\"a\n---\"]")); !read {
		t.Error(`["a\n---"]: three dashes followed by a quote are text, which the fast reader should read`)
	}
}
