package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/entente-go/entente/agreement"
)

// exampleText is the Iran–Russia treaty, the file the feature tests edit.
func exampleText(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../../../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// at returns the protocol position of the nth (from 0) occurrence of word
// on the first line of text that contains line, plus offset characters.
func at(t *testing.T, text, line, word string, offset int) map[string]any {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, line) {
			continue
		}
		j := strings.Index(l, word)
		if j < 0 {
			t.Fatalf("%q is not on the line %q", word, l)
		}
		return map[string]any{"line": i, "character": len(utf16.Encode([]rune(l[:j]))) + offset}
	}
	t.Fatalf("no line has %q", line)
	return nil
}

// session opens the example in a server and returns the client.
func session(t *testing.T, text string) *client {
	t.Helper()
	c := start(t)
	c.request("initialize", map[string]any{"capabilities": map[string]any{}})
	c.notify("initialized", map[string]any{})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
	return c
}

func doc() map[string]any { return map[string]any{"uri": uri} }

func result(t *testing.T, m map[string]any) any {
	t.Helper()
	if m["error"] != nil {
		t.Fatalf("error: %v", m["error"])
	}
	return m["result"]
}

// rangeText returns the text of a one-line range of the protocol.
func rangeText(t *testing.T, text string, r any) string {
	t.Helper()
	rm := r.(map[string]any)
	s, e := rm["start"].(map[string]any), rm["end"].(map[string]any)
	if s["line"] != e["line"] {
		t.Fatalf("a range over lines: %v", r)
	}
	line := []rune(strings.Split(text, "\n")[int(s["line"].(float64))])
	units := utf16.Encode(line)
	return string(utf16.Decode(units[int(s["character"].(float64)):int(e["character"].(float64))]))
}

func lineOf(r any) int {
	return int(r.(map[string]any)["start"].(map[string]any)["line"].(float64))
}

func TestHover(t *testing.T) {
	text := exampleText(t)
	c := session(t, text)
	tests := []struct {
		name       string
		pos        map[string]any
		want       []string // in the hover's text
		underlined string   // the word the hover is about
	}{
		{"clause id", at(t, text, "clauses: [trade-investment]", "trade-investment", 3), []string{"**the clause \"Trade and investment\"**\n\nGrowth of trade"}, "trade-investment"},
		{"article", at(t, text, "- id: art-3.3", "art-3.3", 0), []string{"**Article 3(3)**"}, "art-3.3"},
		{"country", at(t, text, "country: IR", "IR", 1), []string{"**Iran**", "IRN", "Islamic Republic of Iran"}, "IR"},
		{"party", at(t, text, "party: ru", "ru", 1), []string{"party `ru`: **Russian Federation**, state (RU)"}, "ru"},
		{"organisation", at(t, text, "contexts: [sco", "sco", 0), []string{"Shanghai Cooperation Organisation", "Members:"}, "sco"},
		{"topic", at(t, text, "topics: [security.non-aggression", "security.non-aggression", 2), []string{"(`security.non-aggression`)", "Within"}, "security.non-aggression"},
		{"source", at(t, text, "sources: [treaty-text]", "treaty-text", 0), []string{"source `treaty-text`"}, "treaty-text"},
		{"commitment kind", at(t, text, "kind: non-assistance", "non-assistance", 4), []string{"not help an aggressor", "neutrality obligation", "not one of a military alliance"}, "non-assistance"},
		{"day", at(t, text, `date: "2025-01-17"`, "2025", 0), []string{"a day: 2025-01-17"}, `"2025-01-17"`},
		{"month", at(t, text, "date: 2025-04", "2025", 0), []string{"a month: 2025-04-01 to 2025-04-30"}, "2025-04"},
		{"approximate", at(t, text, "date: 2024~", "2024", 0), []string{"a year: 2024-01-01 to 2024-12-31, approximate"}, "2024~"},
		{"duration", at(t, text, "duration: P20Y", "P20Y", 0), []string{"20 years"}, "P20Y"},
		{"key", at(t, text, "short_title:", "short_title", 0), []string{"**short_title**"}, "short_title"},
		{"agreement id", at(t, text, "cites: [ir-ru-2001]", "ir-ru-2001", 0), []string{"`ir-ru-2001`"}, "ir-ru-2001"},
		{"nothing", at(t, text, "# own words", "own", 0), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := result(t, c.request("textDocument/hover", map[string]any{"textDocument": doc(), "position": tt.pos}))
			if tt.want == nil {
				if r != nil {
					t.Errorf("a hover on a comment: %v", r)
				}
				return
			}
			if r == nil {
				t.Fatal("no hover")
			}
			h := r.(map[string]any)
			value := h["contents"].(map[string]any)["value"].(string)
			for _, w := range tt.want {
				if !strings.Contains(value, w) {
					t.Errorf("the hover %q does not say %q", value, w)
				}
			}
			if got := rangeText(t, text, h["range"]); got != tt.underlined {
				t.Errorf("the hover is about %q, want %q", got, tt.underlined)
			}
		})
	}
}

func TestDefinitionAndReferences(t *testing.T) {
	text := exampleText(t)
	c := session(t, text)
	use := at(t, text, "clauses: [trade-investment]", "trade-investment", 0)
	r := result(t, c.request("textDocument/definition", map[string]any{"textDocument": doc(), "position": use}))
	locs, _ := r.([]any)
	if len(locs) != 1 {
		t.Fatalf("definition: %v", r)
	}
	loc := locs[0].(map[string]any)
	def := at(t, text, "- id: trade-investment", "trade-investment", 0)
	if lineOf(loc["range"]) != def["line"] || rangeText(t, text, loc["range"]) != "trade-investment" || loc["uri"] != uri {
		t.Errorf("definition at %v, want line %v", loc, def["line"])
	}

	r = result(t, c.request("textDocument/references", map[string]any{"textDocument": doc(), "position": use, "context": map[string]any{"includeDeclaration": true}}))
	refs := r.([]any)
	want := strings.Count(text, "trade-investment")
	if len(refs) != want {
		t.Errorf("%d references with the declaration, want %d", len(refs), want)
	}
	for _, ref := range refs {
		if got := rangeText(t, text, ref.(map[string]any)["range"]); got != "trade-investment" {
			t.Errorf("a reference ranges over %q", got)
		}
	}
	r = result(t, c.request("textDocument/references", map[string]any{"textDocument": doc(), "position": use, "context": map[string]any{"includeDeclaration": false}}))
	if n := len(r.([]any)); n != want-1 {
		t.Errorf("%d references without the declaration, want %d", n, want-1)
	}

	// A party used in a timeline event leads to the party.
	party := at(t, text, "party: ru", "ru", 0)
	r = result(t, c.request("textDocument/definition", map[string]any{"textDocument": doc(), "position": party}))
	if locs, _ := r.([]any); len(locs) != 1 || lineOf(locs[0].(map[string]any)["range"]) != at(t, text, "- id: ru", "ru", 0)["line"] {
		t.Errorf("definition of party ru: %v", r)
	}
	// A request for a file never opened is an error, not a hang.
	m := c.request("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": "file:///never/opened.yaml"}, "position": use})
	if m["error"] == nil {
		t.Errorf("definition in a file never opened: %v", m)
	}
}

func TestRename(t *testing.T) {
	text := exampleText(t)
	c := session(t, text)
	use := at(t, text, "clauses: [trade-investment]", "trade-investment", 2)
	prep := result(t, c.request("textDocument/prepareRename", map[string]any{"textDocument": doc(), "position": use}))
	if got := rangeText(t, text, prep.(map[string]any)["range"]); got != "trade-investment" {
		t.Errorf("prepareRename ranges over %q", got)
	}
	r := result(t, c.request("textDocument/rename", map[string]any{"textDocument": doc(), "position": use, "newName": "trade"}))
	edits := r.(map[string]any)["changes"].(map[string]any)[uri].([]any)
	if want := strings.Count(text, "trade-investment"); len(edits) != want {
		t.Errorf("%d edits, want %d", len(edits), want)
	}
	// Apply them, last first, and check the file again: it is clean.
	lines := strings.Split(text, "\n")
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i].(map[string]any)
		if rangeText(t, text, e["range"]) != "trade-investment" {
			t.Fatalf("an edit replaces %q", rangeText(t, text, e["range"]))
		}
		s := e["range"].(map[string]any)["start"].(map[string]any)
		n := lineOf(e["range"])
		runes := []rune(lines[n]) // the lines edited are ASCII
		col := int(s["character"].(float64))
		lines[n] = string(runes[:col]) + e["newText"].(string) + string(runes[col+len("trade-investment"):])
	}
	renamed := strings.Join(lines, "\n")
	if strings.Contains(renamed, "trade-investment") {
		t.Error("the rename left a use behind")
	}

	for _, tt := range []struct{ name, newName, why string }{
		{"taken", "energy", "taken"},
		{"malformed", "Trade Investment", "not a well-formed id"},
		{"null", "null", "read by YAML as something other than text"},
		{"true", "true", "read by YAML as something other than text"},
		{"a number", "1.5", "read by YAML as something other than text"},
	} {
		m := c.request("textDocument/rename", map[string]any{"textDocument": doc(), "position": use, "newName": tt.newName})
		if e, _ := m["error"].(map[string]any); e == nil || !strings.Contains(e["message"].(string), tt.why) {
			t.Errorf("rename to %q: %v, want an error saying %q", tt.newName, m, tt.why)
		}
	}
	m := c.request("textDocument/prepareRename", map[string]any{"textDocument": doc(), "position": at(t, text, "country: IR", "IR", 0)})
	if m["error"] == nil {
		t.Errorf("prepareRename of a country code: %v", m)
	}
}

func TestSymbols(t *testing.T) {
	text := exampleText(t)
	c := session(t, text)
	r := result(t, c.request("textDocument/documentSymbol", map[string]any{"textDocument": doc()}))
	syms := r.([]any)
	if len(syms) == 0 {
		t.Fatal("no symbols")
	}
	first := syms[0].(map[string]any)
	if first["name"] != "Article 3: Security and non-aggression" || first["detail"] != "art-3" {
		t.Errorf("the first symbol is %v %v", first["name"], first["detail"])
	}
	if rangeText(t, text, first["selectionRange"]) != "art-3" {
		t.Errorf("the first symbol selects %q", rangeText(t, text, first["selectionRange"]))
	}
	children, _ := first["children"].([]any)
	if len(children) == 0 || !strings.HasPrefix(children[0].(map[string]any)["name"].(string), "Article 3(") {
		t.Errorf("Article 3's paragraphs: %v", children)
	}
	// Each clause's range holds its children's and ends before the next
	// clause begins.
	for i, s := range syms {
		sm := s.(map[string]any)
		end := int(sm["range"].(map[string]any)["end"].(map[string]any)["line"].(float64))
		children, _ := sm["children"].([]any)
		for _, ch := range children {
			if l := lineOf(ch.(map[string]any)["range"]); l < lineOf(sm["range"]) || l > end {
				t.Errorf("%v: a child at line %d outside %d-%d", sm["name"], l, lineOf(sm["range"]), end)
			}
		}
		if i+1 < len(syms) && end >= lineOf(syms[i+1].(map[string]any)["range"]) {
			t.Errorf("%v ends at %d, after the next begins", sm["name"], end)
		}
	}
}

func TestFormattingAndCodeActions(t *testing.T) {
	text := exampleText(t)
	c := session(t, text)
	r := result(t, c.request("textDocument/formatting", map[string]any{"textDocument": doc(), "options": map[string]any{"tabSize": 2, "insertSpaces": true}}))
	if edits := r.([]any); len(edits) != 0 {
		t.Errorf("the example, already formatted, gets %d edits", len(edits))
	}
	// Misspell a key and a modality: the findings say "did you mean",
	// and the code actions write what they propose.
	bad := strings.Replace(text, "    heading: Security and non-aggression", "    headng: Security and non-aggression", 1)
	bad = strings.Replace(bad, "modality: shall-not", "modality: shal-not", 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": bad}}})
	c.diagnostics(uri)
	r = result(t, c.request("textDocument/codeAction", map[string]any{"textDocument": doc(),
		"range":   map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 400, "character": 0}},
		"context": map[string]any{"diagnostics": []any{}}}))
	fixes := map[string]string{}
	for _, a := range r.([]any) {
		am := a.(map[string]any)
		for _, e := range am["edit"].(map[string]any)["changes"].(map[string]any)[uri].([]any) {
			em := e.(map[string]any)
			fixes[rangeText(t, bad, em["range"])] = em["newText"].(string)
		}
	}
	if fixes["headng"] != "heading" || fixes["shal-not"] != "shall-not" {
		t.Errorf("quick fixes: %v", fixes)
	}
	// A text that does not parse is not formatted, and the reason says so.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3}, "contentChanges": []any{map[string]any{"text": text + "clauses: [\n"}}})
	m := c.request("textDocument/formatting", map[string]any{"textDocument": doc()})
	// The file that does not parse gets its syntax finding, where
	// validate puts it.
	hasSyntax := func(ds []any) bool {
		for _, d := range ds {
			if d.(map[string]any)["code"] == "syntax" {
				return true
			}
		}
		return false
	}
	syntax := false
	for _, d := range c.diagnosticsUntil(uri, hasSyntax) {
		if d.(map[string]any)["code"] == "syntax" {
			syntax = true
			want := agreement.Parse("x.yaml", []byte(text+"clauses: [\n")).Diagnostics[0]
			if line, start, _ := rangeOf(d); int(line) != want.Line-1 || int(start) != want.Column-1 {
				t.Errorf("the syntax finding is at %v:%v, validate's at %v", line, start, want.Position)
			}
		}
	}
	if !syntax {
		t.Error("no syntax finding for a file that does not parse")
	}
	if e, _ := m["error"].(map[string]any); e == nil || !strings.Contains(e["message"].(string), "not formatted") {
		t.Errorf("formatting a broken file: %v", m)
	}
	// While the text does not parse, hover and definition answer from
	// the last text that did.
	use := at(t, text, "clauses: [trade-investment]", "trade-investment", 0)
	h := result(t, c.request("textDocument/hover", map[string]any{"textDocument": doc(), "position": use}))
	if h == nil || !strings.Contains(h.(map[string]any)["contents"].(map[string]any)["value"].(string), "Trade and investment") {
		t.Errorf("hover on the last good model: %v", h)
	}
	d := result(t, c.request("textDocument/definition", map[string]any{"textDocument": doc(), "position": use}))
	if locs, _ := d.([]any); len(locs) != 1 {
		t.Errorf("definition on the last good model: %v", d)
	}
}

func TestCompletion(t *testing.T) {
	text := exampleText(t)
	labels := func(r any) []string {
		var out []string
		for _, it := range r.(map[string]any)["items"].([]any) {
			out = append(out, it.(map[string]any)["label"].(string))
		}
		return out
	}
	has := func(list []string, want ...string) bool {
		for _, w := range want {
			found := false
			for _, l := range list {
				found = found || l == w
			}
			if !found {
				return false
			}
		}
		return true
	}
	tests := []struct {
		name    string
		after   string // the line after which the new line is written
		line    string // the new line, up to the cursor
		want    []string
		notWant []string
	}{
		{"a key of a commitment", "            kind: non-assistance", "            tr", []string{"towards", "triggers", "scope"}, []string{"kind", "modality", "heading"}},
		{"a key of a clause", `    heading: Security and non-aggression`, "    su", []string{"summary", "text", "refs"}, []string{"heading", "modality"}},
		{"a key of a new party", "        office: President of the Russian Federation", "  - ", []string{"id", "kind", "country"}, []string{"duration"}},
		{"a top-level key", "short_title: Iran–Russia Comprehensive Strategic Partnership Treaty", "", []string{"authentic", "languages"}, []string{"title", "kind", "id", "notes"}},
		{"a modality", "            kind: non-assistance", "            modality: sh", []string{"shall", "shall-not", "may"}, nil},
		{"a party id", "            kind: non-assistance", "            towards: ", []string{"ir", "ru"}, []string{"each"}},
		{"by", "            kind: non-assistance", "            by: ", []string{"each", "all", "ir", "ru"}, nil},
		{"a topic in a flow list", "    heading: Security and non-aggression", "    topics: [energy, ", []string{"energy.oil-gas", "security.non-aggression"}, nil},
		{"a country", "    kind: state", "    country: ", []string{"IR", "RU", "SUHH"}, nil},
		{"an organisation", "contexts: [sco, brics, eaeu]", "contexts: [", []string{"sco", "brics"}, nil},
		{"a language", "kind: treaty", "languages: [fa, ", []string{"ru", "fa", "en"}, nil},
		{"a source", "    clauses: [transport]", "    sources: [", []string{"sputnik-2025-01-15", "treaty-text"}, []string{"transport"}},
		{"a clause in a term", "  notice: P1Y", "  clauses: [", []string{"final-provisions", "trade-investment"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(text, tt.after+"\n")
			if i < 0 {
				t.Fatalf("no line %q", tt.after)
			}
			cut := i + len(tt.after) + 1
			edited := text[:cut] + tt.line + "\n" + text[cut:]
			c := session(t, text)
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": edited}}})
			line := strings.Count(text[:cut], "\n")
			pos := map[string]any{"line": line, "character": len(utf16.Encode([]rune(tt.line)))}
			got := labels(result(t, c.request("textDocument/completion", map[string]any{"textDocument": doc(), "position": pos})))
			if !has(got, tt.want...) {
				t.Errorf("completion %v, want %v among them", got, tt.want)
			}
			for _, w := range tt.notWant {
				if has(got, w) {
					t.Errorf("completion offers %q: %v", w, got)
				}
			}
		})
	}
}

// TestHoverCodes: a state that no longer exists, its successor, and a
// language.
func TestHoverCodes(t *testing.T) {
	text := "format: entente/v1\nid: x\nversion: {label: v, stage: draft}\nkind: treaty\nlanguages: [ru]\n" +
		"parties:\n  - {id: su, kind: state, country: SUHH}\n  - {id: ru, kind: state, country: RU}\n"
	c := session(t, text)
	for _, tt := range []struct {
		pos  map[string]any
		want []string
	}{
		{at(t, text, "country: SUHH", "SUHH", 1), []string{"USSR", "a state that no longer exists", "1992", "Successors: Russian Federation (RU), Armenia (AM)"}},
		{at(t, text, "country: RU", "RU", 0), []string{"**Russian Federation** (RU, RUS, 643)", "Successor of USSR"}},
		{at(t, text, "languages: [ru]", "ru", 0), []string{"**Russian** (`ru`)"}},
	} {
		r := result(t, c.request("textDocument/hover", map[string]any{"textDocument": doc(), "position": tt.pos}))
		if r == nil {
			t.Errorf("no hover at %v", tt.pos)
			continue
		}
		value := r.(map[string]any)["contents"].(map[string]any)["value"].(string)
		for _, w := range tt.want {
			if !strings.Contains(value, w) {
				t.Errorf("the hover %q does not say %q", value, w)
			}
		}
	}
}

// TestRefFields holds the table of fields that name something to the
// refs of the examples: every ref's field is in it, with its kind.
func TestRefFields(t *testing.T) {
	files, _ := os.ReadDir("../../../../examples/agreements")
	for _, f := range files {
		s := newServer(nil, Options{})
		src, _ := os.ReadFile("../../../../examples/agreements/" + f.Name())
		m := newModel(s.opts.Loader.Parse(f.Name(), src), false)
		for _, p := range m.places {
			if p.Def {
				continue
			}
			if got := refFields()[shape(p.Path)]; got != p.Kind {
				t.Errorf("%s: %s (%s) is in the table as %q", f.Name(), p.Path, p.Kind, got)
			}
		}
	}
}

// FuzzRequests sends every request about a file, with any position, to a
// server holding any text: no request may panic or hang, whatever the
// text and however far the position is from anything in it. Its seeds are
// large, so run it with a short minimization:
//
//	go test ./cmd/entente/internal/lsp -run '^$' -fuzz FuzzRequests -fuzzminimizetime 10x
func FuzzRequests(f *testing.F) {
	example, err := os.ReadFile("../../../../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example), 202, 16, "x")
	f.Add(string(example), 62, 23, "")
	f.Add(head+"clauses:\n  - id: a\n    refs: [b]\n    commitments:\n      - \n", 9, 8, "a.b")
	f.Add("[{\"a\": \"𝐀\"}]\n  - x: ", 1, 5, "-")
	f.Add("format: entente/v1\nid: 'x\n", 1, 100, "Y Z")
	f.Fuzz(func(t *testing.T, src string, line, char int, name string) {
		// A request that takes seconds is a hang to an editor: the
		// watchdog fails the input with the stacks of the moment.
		done := make(chan bool)
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				buf := make([]byte, 1<<20)
				panic(fmt.Sprintf("the requests took over 5 s at %d:%d\n%s", line, char, buf[:runtime.Stack(buf, true)]))
			}
		}()
		s := newServer(io.Discard, Options{})
		s.initialized = true
		s.files[uri] = &file{text: newText([]byte(src), false)}
		s.check()
		pos := map[string]any{"line": line, "character": char}
		for method := range requests {
			params, _ := json.Marshal(map[string]any{"textDocument": map[string]any{"uri": uri}, "position": pos, "newName": name,
				"range":   map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": pos},
				"context": map[string]any{"includeDeclaration": true}})
			s.handle(message{ID: rawID(1), Method: method, Params: params})
		}
	})
}
