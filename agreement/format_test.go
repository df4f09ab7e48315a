package agreement_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/internal/yamlnode"
)

var (
	simpleLine  = regexp.MustCompile(`^\s*(- )?[a-z_]+: [A-Za-z0-9][^#'"{}\[\]|>]*$`)
	startsEntry = regexp.MustCompile(`^\s*(- )?[a-z_]+:( |$)`)
)

// comments returns the comment lines of a YAML source, as the parser
// reads them.
func comments(src []byte) []string {
	doc, err := yamlnode.ParseDocument(src)
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *yamlnode.Node)
	walk = func(n *yamlnode.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
		}
		for _, ch := range n.Content {
			walk(ch)
		}
	}
	walk(doc)
	return out
}

// checkFormat formats src and checks the properties: the model is
// unchanged, every comment is kept, and formatting again changes nothing.
func checkFormat(t *testing.T, name string, src []byte) []byte {
	t.Helper()
	out, ds := agreement.Format(name, src)
	if out == nil {
		t.Fatalf("%s: not formatted: %v", name, ds)
	}
	before, after := agreement.Parse(name, src), agreement.Parse(name, out)
	if !cmp.Equal(before.Agreement, after.Agreement) {
		t.Fatalf("%s: formatting changed the model:\n%s", name, cmp.Diff(before.Agreement, after.Agreement))
	}
	kept := comments(out)
	for _, c := range comments(src) {
		if !contains(kept, c) {
			t.Errorf("%s: comment %q was lost:\n%s", name, c, out)
		}
	}
	if len(kept) != len(comments(src)) {
		t.Errorf("%s: %d comment lines before, %d after", name, len(comments(src)), len(kept))
	}
	again, _ := agreement.Format(name, out)
	if string(again) != string(out) {
		t.Fatalf("%s: formatting twice differs from once:\n%s", name, cmp.Diff(string(out), string(again)))
	}
	return out
}

func TestFormatExamplesAreCanonical(t *testing.T) {
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if out := checkFormat(t, f, src); string(out) != string(src) {
			t.Errorf("%s is not formatted (run entente fmt -w)", f)
		}
	}
}

func TestFormatKeepsComments(t *testing.T) {
	src, err := os.ReadFile("testdata/fmt/messy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := checkFormat(t, "messy.yaml", src)
	golden(t, "testdata/fmt/messy.golden", out)
}

// TestFormatGenerated formats generated agreements, with comments put on
// some of their lines.
func TestFormatGenerated(t *testing.T) {
	formatted := 0
	defer func() {
		if formatted < 20 {
			t.Errorf("only %d of 40 generated files were formatted", formatted)
		}
	}()
	for seed := range uint64(40) {
		r := rand.New(rand.NewPCG(seed, 5))
		a := gen.Agreement(r, gen.Options{Clauses: 4, Depth: 1, Tricky: seed%2 == 0})
		src, err := agreement.MarshalYAML(a)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i := range lines {
			// A comment can end a line that holds a whole key and value:
			// one the next line does not continue.
			whole := simpleLine.MatchString(lines[i]) && i+1 < len(lines) && startsEntry.MatchString(lines[i+1])
			if whole && r.IntN(3) == 0 {
				lines[i] += " # note " + string(rune('a'+i%26))
			}
		}
		commented := []byte("# head\n" + strings.Join(lines, "\n"))
		if doc := agreement.Parse("gen.yaml", commented); len(loadProblems(doc.Diagnostics)) > 0 {
			continue // a comment landed inside a multi-line scalar
		}
		checkFormat(t, "gen.yaml", commented)
		formatted++
	}
}

func TestFormatRefusesBrokenFiles(t *testing.T) {
	for _, f := range []string{"misspelt-field.yaml", "duplicate-key.yaml", "unclosed-quote.yaml", "bad-values.yaml"} {
		src, err := os.ReadFile("testdata/err/" + f)
		if err != nil {
			t.Fatal(err)
		}
		if out, ds := agreement.Format(f, src); out != nil || len(ds) == 0 {
			t.Errorf("%s: formatted a file with load errors", f)
		}
	}
	// Schema and rule findings do not stop formatting.
	src, _ := os.ReadFile("testdata/err/references.yaml")
	if out, _ := agreement.Format("references.yaml", src); out == nil {
		t.Error("references.yaml loads; it should be formatted despite its findings")
	}
}

// TestFormatOtherYAML: other YAML is not formatted, and says why.
func TestFormatOtherYAML(t *testing.T) {
	for _, src := range []string{"on: push\njobs: {}\n", "{\"name\": \"x\", \"version\": \"1.0.0\"}\n", "a: [\n"} {
		out, ds := agreement.Format("x.yaml", []byte(src))
		if out != nil || len(ds) != 1 || ds[0].Rule != agreement.RuleLoadNotAgreement {
			t.Errorf("Format(%q) = %q, %v; want load.not-agreement", src, out, ds)
		}
	}
	if out, ds := agreement.Format("x.yaml", []byte("format: entente/v1\nid: [\n")); out != nil || len(ds) == 0 || ds[0].Rule != agreement.RuleSyntax {
		t.Errorf("a broken agreement: %q, %v; want its syntax finding", out, ds)
	}
}

// TestFormatRefusesSuppressedLoadFindings: a suppression comment hides a
// load finding from validate, but the value behind it is not in the
// model, so Format still refuses the file, and says why.
func TestFormatRefusesSuppressedLoadFindings(t *testing.T) {
	for _, tt := range []struct{ name, line, rule string }{
		{"wrong shape", `    summary: [a, b] # entente:ignore load.shape, schema.type -- kept as written`, "load.shape"},
		{"unknown field", `    txt: x # entente:ignore load.unknown-field -- kept as written`, "load.unknown-field"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "format: entente/v1\nid: x\nversion: {label: v, stage: signed}\ntitle: T\nkind: treaty\n" +
				"parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n" +
				"clauses:\n  - id: c1\n    num: \"1\"\n" + tt.line + "\n"
			doc := agreement.Parse("x.yaml", []byte(src))
			if errs := doc.Diagnostics.Errors(); len(errs) > 0 {
				t.Fatalf("the suppression does not hide the finding: %v", errs)
			}
			out, ds := agreement.Format("x.yaml", []byte(src))
			if out != nil {
				t.Fatalf("formatted, dropping the suppressed value:\n%s", out)
			}
			if len(ds) == 0 || string(ds[0].Rule) != tt.rule || ds[0].Line != 10 || !strings.Contains(ds[0].Message, "suppression") {
				t.Errorf("findings %v, want %s at line 10 saying a suppression hides it", ds, tt.rule)
			}
		})
	}
}

// TestFormatKeepsBOMAndLineEnds: a file written with a byte-order mark and
// CRLF line ends keeps both, and formatting it again changes nothing.
func TestFormatKeepsBOMAndLineEnds(t *testing.T) {
	src := "\xef\xbb\xbfid: x\r\nformat: entente/v1 # kept\r\ntitle: T\r\nkind: treaty\r\nversion: {label: v, stage: signed}\r\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\r\n"
	out, ds := agreement.Format("a.yaml", []byte(src))
	if out == nil {
		t.Fatalf("not formatted: %v", ds)
	}
	if !strings.HasPrefix(string(out), "\xef\xbb\xbfformat: entente/v1 # kept\r\n") {
		t.Errorf("the BOM or the line ends are gone:\n%q", out)
	}
	if strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
		t.Errorf("a line ends without CR:\n%q", out)
	}
	if again, _ := agreement.Format("a.yaml", out); string(again) != string(out) {
		t.Errorf("formatting twice differs:\n%q\n%q", out, again)
	}
	// A file with LF line ends and no BOM is written so.
	lf := strings.ReplaceAll(strings.TrimPrefix(src, "\xef\xbb\xbf"), "\r\n", "\n")
	if out, _ := agreement.Format("a.yaml", []byte(lf)); strings.Contains(string(out), "\r") || strings.HasPrefix(string(out), "\xef") {
		t.Errorf("an LF file came out with CR or a BOM:\n%q", out)
	}
}

// TestFormatJSONWithComments: JSON cannot hold the # comments a .json
// file written as YAML may have, so Format refuses it rather than drop
// them; a .json file without comments is formatted as JSON.
func TestFormatJSONWithComments(t *testing.T) {
	body := `{"format": "entente/v1", "id": "x", "title": "T", "kind": "treaty", "version": {"label": "v", "stage": "signed"},
"parties": [{"id": "a", "kind": "state", "country": "IR"}, {"id": "b", "kind": "state", "country": "RU"}]`
	if out, ds := agreement.Format("a.json", []byte(body+", # the parties\n\"notes\": \"n\"}\n")); out != nil || len(ds) != 1 || ds[0].Rule != agreement.RuleLoadUnsupported {
		t.Errorf("a .json file with a comment: %q, %v", out, ds)
	}
	if out, ds := agreement.Format("a.json", []byte(body+", \"notes\": \"a # in a string is no comment\"}\n")); out == nil || !strings.Contains(string(out), "a # in a string") {
		t.Errorf("a .json file with # in a string: %q, %v", out, ds)
	}
}

// TestSuppressionsOnlyInComments: text in a block scalar or a quoted
// string that looks like a suppression comment suppresses nothing; a real
// comment does.
func TestSuppressionsOnlyInComments(t *testing.T) {
	head := "format: entente/v1\nid: x\nversion: {label: v, stage: signed}\ntitle: T\nkind: treaty\n" +
		"parties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\nclauses:\n  - id: c\n    num: \"1\"\n"
	tests := []struct {
		name, body string
		hidden     bool
	}{
		{"a block scalar", "    summary: |\n      text\n      # entente:ignore ref.party -- inside a string\n    commitments: [{modality: shall, by: z, kind: consultation}]\n", false},
		{"a folded scalar, the line before", "    summary: >\n      text\n      # entente:ignore ref.party -- inside a string\n    commitments:\n      - {modality: shall, by: z, kind: consultation}\n", false},
		{"a multi-line quoted string", "    summary: \"text\n      # entente:ignore ref.party -- inside a string\"\n    commitments: [{modality: shall, by: z, kind: consultation}]\n", false},
		{"a real comment", "    summary: text\n    # entente:ignore ref.party -- z joins by a protocol\n    commitments: [{modality: shall, by: z, kind: consultation}]\n", true},
		{"a comment after a block scalar's header", "    summary: | # entente:ignore value.empty -- a real comment, matching nothing\n      text\n    commitments: [{modality: shall, by: z, kind: consultation}]\n", false},
		{"a real comment after a string that holds one", "    summary: \"a # entente:ignore clause.gap -- in the string\"  # entente:ignore ref.party -- the real one\n" +
			"    commitments: [{modality: shall, by: z, kind: consultation}]\n", false},
		{"a real comment after a string that holds one, the line before", "    summary: \"a # entente:ignore clause.gap -- in the string\"\n" +
			"    # entente:ignore ref.party -- the real one\n    commitments: [{modality: shall, by: z, kind: consultation}]\n", true},
		{"a real comment on the line, after such a string", "    commitments: [{modality: shall, by: z, kind: consultation, action: \"x # entente:ignore clause.gap -- no\"}]  # entente:ignore ref.party -- the real one\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("x.yaml", []byte(head+tt.body))
			found := false
			for _, d := range doc.Diagnostics {
				if d.Rule == agreement.RuleRefParty {
					found = true
				}
				if d.Rule == agreement.RuleSyntax {
					t.Fatalf("the case does not parse: %v", d)
				}
			}
			if found == tt.hidden {
				t.Errorf("ref.party reported %v, want %v: %v", found, !tt.hidden, doc.Diagnostics)
			}
		})
	}
	// The comment after a block scalar's header is a real comment: it is
	// reported as a suppression that matches nothing.
	doc := agreement.Parse("x.yaml", []byte(head+tests[4].body))
	if !slices.ContainsFunc(doc.Diagnostics, func(d agreement.Diagnostic) bool { return d.Rule == agreement.RuleSuppressUnused }) {
		t.Errorf("the header's comment was not read as a suppression: %v", doc.Diagnostics)
	}
}

// TestUTF16: a file in UTF-16, with or without a byte-order mark, in
// either order, is read; Format writes it back in its own encoding.
func TestUTF16(t *testing.T) {
	text := "id: x\nformat: entente/v1 # kept\ntitle: Тест\nkind: treaty\nversion: {label: v, stage: signed}\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n"
	for _, tt := range []struct {
		name  string
		order yamlnode.ByteOrder
		bom   bool
	}{
		{"little-endian, no mark", yamlnode.LittleEndian, false},
		{"big-endian, no mark", yamlnode.BigEndian, false},
		{"little-endian with its mark", yamlnode.LittleEndian, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := yamlnode.EncodeUTF16([]byte(text), tt.order, tt.bom)
			doc := agreement.Parse("a.yaml", src)
			if doc.Diagnostics.HasErrors() || doc.Agreement.Title != "Тест" {
				t.Fatalf("not read: %v", doc.Diagnostics)
			}
			out, ds := agreement.Format("a.yaml", src)
			if out == nil {
				t.Fatalf("not formatted: %v", ds)
			}
			order, bom, ok := yamlnode.UTF16(out)
			if !ok || order != tt.order || bom != tt.bom {
				t.Errorf("written back as UTF-16 %v (order %d, mark %v), want order %d, mark %v", ok, order, bom, tt.order, tt.bom)
			}
			if again, _ := agreement.Format("a.yaml", out); string(again) != string(out) {
				t.Error("formatting twice differs")
			}
		})
	}
}

// TestFormatKeepsEveryComment: comments in and around lists and mappings
// written in brackets are kept, each once; one the YAML reader drops as
// it reads (after an opening bracket, around the end marker) stops the
// file being formatted, with a finding at the comment.
func TestFormatKeepsEveryComment(t *testing.T) {
	const head = "format: entente/v1\nid: x\ntitle: T\nkind: treaty\nexcerpt: true\n"
	tests := []struct {
		name     string
		src      string
		comments []string
		refused  string // the place of the finding, when the file is refused
	}{
		{"a mapping in braces across lines", head + "version: {\n  label: v1,  # v-label\n  # v-own\n  stage: signed  # v-stage\n}  # v-close\n" +
			"parties: [{id: a, kind: state, country: FR}, {id: b, kind: state, country: DE}]\n",
			[]string{"# v-label", "# v-own", "# v-stage", "# v-close"}, ""},
		{"a list in brackets across lines", head + "version: {label: v1, stage: signed}\nparties: [\n  {id: a, kind: state, country: FR},  # p-a\n" +
			"  # p-own\n  {id: b, kind: state, country: DE}   # p-b\n]  # p-close\n",
			[]string{"# p-a", "# p-own", "# p-b", "# p-close"}, ""},
		{"after a list in brackets, then more keys", head + "version: {label: v1, stage: signed}\n" +
			"parties: [{id: a, kind: state, country: FR}, {id: b, kind: state, country: DE}]\ncontexts: [sco, brics]  # after\n# above relations\n" +
			"relations: [{type: supersedes, agreement: y}]  # rel\n# end\n...\n",
			[]string{"# after", "# above relations", "# rel", "# end"}, ""},
		{"after an opening bracket", head + "version: {label: v1, stage: signed}\n" +
			"parties: [{id: a, kind: state, country: FR}, {id: b, kind: state, country: DE}]\ncontexts: [  # dropped by the reader\n  sco\n]\n",
			nil, "8:14"},
		{"after the end marker", head + "version: {label: v1, stage: signed}\n" +
			"parties: [{id: a, kind: state, country: FR}, {id: b, kind: state, country: DE}]\n# end\n...\n# after the end\n",
			nil, "8:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, ds := agreement.Format("x.yaml", []byte(tt.src))
			if tt.refused != "" {
				if out != nil || len(ds) == 0 || ds[0].Position.String() != tt.refused || ds[0].Rule != agreement.RuleLoadUnsupported {
					t.Fatalf("formatted, or refused elsewhere (want %s): %v\n%s", tt.refused, ds, out)
				}
				return
			}
			out = checkFormat(t, "x.yaml", []byte(tt.src))
			for _, c := range tt.comments {
				if n := strings.Count(string(out), c); n != 1 {
					t.Errorf("%q written %d times:\n%s", c, n, out)
				}
			}
		})
	}
}
