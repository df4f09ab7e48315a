// Package topics is the taxonomy of cooperation areas that agreements are
// indexed by: dotted codes (energy.oil-gas, transport.corridors), labels,
// one-line descriptions and the hierarchy between them.
//
//   - [Builtin] is the taxonomy entente ships: over twenty areas and their
//     sub-areas.
//   - [Parse] reads a taxonomy from YAML; [Taxonomy.Extend] reads topics
//     from YAML on top of an existing taxonomy.
//   - [Taxonomy.Lookup], [Taxonomy.Parent], [Taxonomy.Children],
//     [Taxonomy.Descendants] and [Taxonomy.Within] answer questions about
//     the hierarchy.
//
// A topic's parent is its code without the last segment: the parent of
// energy.oil-gas is energy.
package topics

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

// Topic is one cooperation area.
type Topic struct {
	Code        string `json:"code"`
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
}

// Taxonomy is a set of topics in a hierarchy. It is immutable once made.
type Taxonomy struct {
	topics []Topic          // in the order given
	index  map[string]int   // code -> position in topics
	kids   map[string][]int // code -> positions of children
}

//go:embed builtin.yaml
var builtinYAML []byte

var builtin = sync.OnceValue(func() *Taxonomy {
	t, err := Parse("builtin.yaml", builtinYAML)
	if err != nil {
		panic("topics: the built-in taxonomy is broken: " + err.Error())
	}
	return t
})

// Builtin returns the built-in taxonomy.
func Builtin() *Taxonomy { return builtin() }

var codePattern = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$`)

// Parse reads a taxonomy from YAML (or JSON) of the form
//
//	topics:
//	  - {code: space, label: Space, description: ...}
//	  - {code: space.launchers, label: Launch vehicles}
//
// Parents must come before their children. The error lists every problem,
// each as name:line:column: message.
func Parse(name string, src []byte) (*Taxonomy, error) {
	return parse(&Taxonomy{}, name, src)
}

// Extend returns a new taxonomy: the topics of t followed by those read
// from src (in the format of [Parse]). A new topic may sit under a topic of
// t; a code that t already defines is an error. t is not changed.
func (t *Taxonomy) Extend(name string, src []byte) (*Taxonomy, error) {
	return parse(t, name, src)
}

func parse(base *Taxonomy, name string, src []byte) (*Taxonomy, error) {
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		return nil, fmt.Errorf("%s:%d:%d: %s", name, serr.Line, serr.Column, serr.Message)
	}
	var doc struct {
		Topics []Topic `json:"topics"`
	}
	problems := codec.Decode(root, &doc, nil)
	var errs []string
	add := func(path, msg string) {
		line, col := 0, 0
		if _, v, ok := codec.Find(root, path); ok {
			line, col = v.Line, v.Column
		}
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, line, col, msg))
	}
	for _, p := range problems {
		msg := p.Message
		if p.Hint != "" {
			msg += " (" + p.Hint + ")"
		}
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, p.Pos.Line, p.Pos.Column, msg))
	}
	t := &Taxonomy{index: map[string]int{}, kids: map[string][]int{}}
	for _, tp := range base.topics {
		if err := t.add(tp); err != nil {
			panic("topics: a taxonomy that was valid is not: " + err.Error())
		}
	}
	for i, tp := range doc.Topics {
		path := fmt.Sprintf("topics[%d]", i)
		switch {
		case !codePattern.MatchString(tp.Code):
			add(path+".code", fmt.Sprintf("topic code %q must be lower-case words joined by dots (energy.oil-gas)", tp.Code))
			continue
		case tp.Label == "":
			add(path, fmt.Sprintf("topic %q has no label", tp.Code))
		}
		if err := t.add(tp); err != nil {
			add(path+".code", err.Error())
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return t, nil
}

func (t *Taxonomy) add(tp Topic) error {
	if _, dup := t.index[tp.Code]; dup {
		return fmt.Errorf("topic %q is defined twice", tp.Code)
	}
	if parent, ok := parentCode(tp.Code); ok {
		if _, known := t.index[parent]; !known {
			return fmt.Errorf("topic %q has no parent %q (define the parent first)", tp.Code, parent)
		}
		t.kids[parent] = append(t.kids[parent], len(t.topics))
	}
	t.index[tp.Code] = len(t.topics)
	t.topics = append(t.topics, tp)
	return nil
}

func parentCode(code string) (string, bool) {
	i := strings.LastIndexByte(code, '.')
	if i < 0 {
		return "", false
	}
	return code[:i], true
}

// Lookup returns the topic with the given code.
func (t *Taxonomy) Lookup(code string) (Topic, bool) {
	i, ok := t.index[code]
	if !ok {
		return Topic{}, false
	}
	return t.topics[i], true
}

// Topics returns every topic, parents before children.
func (t *Taxonomy) Topics() []Topic { return slices.Clone(t.topics) }

// Roots returns the top-level topics.
func (t *Taxonomy) Roots() []Topic {
	var out []Topic
	for _, tp := range t.topics {
		if !strings.Contains(tp.Code, ".") {
			out = append(out, tp)
		}
	}
	return out
}

// Parent returns the parent of the topic with the given code; false for a
// top-level or unknown topic.
func (t *Taxonomy) Parent(code string) (Topic, bool) {
	if _, ok := t.index[code]; !ok {
		return Topic{}, false
	}
	p, ok := parentCode(code)
	if !ok {
		return Topic{}, false
	}
	return t.Lookup(p)
}

// Children returns the direct sub-topics of code.
func (t *Taxonomy) Children(code string) []Topic {
	var out []Topic
	for _, i := range t.kids[code] {
		out = append(out, t.topics[i])
	}
	return out
}

// Descendants returns every topic below code, depth first.
func (t *Taxonomy) Descendants(code string) []Topic {
	var out []Topic
	for _, c := range t.Children(code) {
		out = append(out, c)
		out = append(out, t.Descendants(c.Code)...)
	}
	return out
}

// Within reports whether topic a is b or lies below b. Both must be known.
func (t *Taxonomy) Within(a, b string) bool {
	_, okA := t.index[a]
	_, okB := t.index[b]
	return okA && okB && (a == b || strings.HasPrefix(a, b+"."))
}

// Suggest returns a hint for a code the taxonomy does not have.
func (t *Taxonomy) Suggest(code string) string {
	codes := make([]string, len(t.topics))
	for i, tp := range t.topics {
		codes[i] = tp.Code
	}
	if best, ok := codec.Closest(code, codes); ok {
		return fmt.Sprintf("did you mean %q?", best)
	}
	if p, ok := parentCode(code); ok {
		if _, known := t.index[p]; known {
			var kids []string
			for _, c := range t.Children(p) {
				kids = append(kids, c.Code)
			}
			return fmt.Sprintf("topics under %s: %s", p, strings.Join(kids, ", "))
		}
	}
	var roots []string
	for _, r := range t.Roots() {
		roots = append(roots, r.Code)
	}
	return "top-level topics: " + strings.Join(roots, ", ")
}
