// Package topics is the taxonomy of cooperation areas that agreements are
// indexed by: dotted codes (energy.oil-gas, transport.corridors), labels,
// one-line descriptions and the hierarchy between them.
//
//   - [Builtin] is the taxonomy entente ships: over twenty areas and their
//     sub-areas.
//   - [New] makes a taxonomy of your own and [Taxonomy.Extend] adds
//     topics to one; agreement.ReadTaxonomy reads either from YAML, with
//     positioned findings.
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

	"github.com/entente-go/entente/internal/suggest"
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

var builtin = sync.OnceValue(func() *Taxonomy {
	t, problems := New(builtinTopics)
	if len(problems) > 0 {
		panic("topics: the built-in taxonomy is broken: " + problems[0].Message)
	}
	return t
})

// Builtin returns the built-in taxonomy.
func Builtin() *Taxonomy { return builtin() }

var codePattern = regexp.MustCompile(`^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$`)

// Problem is a topic that cannot join a taxonomy: a malformed code, a
// missing label, a code defined twice or a parent not yet defined.
type Problem struct {
	Index   int    // the topic's position in the list given
	Field   string // "code" or "label"
	Message string
}

// New makes a taxonomy of the topics in list, parents before their
// children. When a topic cannot join, the taxonomy is nil and the
// problems say why, every one of them.
func New(list []Topic) (*Taxonomy, []Problem) {
	return (&Taxonomy{}).Extend(list)
}

// Extend returns a new taxonomy: the topics of t followed by those of
// list. A new topic may sit under a topic of t; a code that t already
// defines is a problem. t is not changed.
func (t *Taxonomy) Extend(list []Topic) (*Taxonomy, []Problem) {
	ext := &Taxonomy{index: make(map[string]int, len(t.topics)+len(list)), kids: map[string][]int{}}
	for _, tp := range t.topics {
		if err := ext.add(tp); err != nil {
			panic("topics: a taxonomy that was valid is not: " + err.Error())
		}
	}
	var problems []Problem
	for i, tp := range list {
		switch {
		case !codePattern.MatchString(tp.Code):
			problems = append(problems, Problem{i, "code", fmt.Sprintf("topic code %q must be lower-case words joined by dots (energy.oil-gas)", tp.Code)})
			continue
		case tp.Label == "":
			problems = append(problems, Problem{i, "label", fmt.Sprintf("topic %q has no label", tp.Code)})
		}
		if err := ext.add(tp); err != nil {
			problems = append(problems, Problem{i, "code", err.Error()})
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return ext, nil
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
	if best, ok := suggest.Closest(code, codes); ok {
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
