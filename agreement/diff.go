package agreement

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

// Op is what happened to a value between two versions.
type Op string

const (
	Added    Op = "added"
	Removed  Op = "removed"
	Modified Op = "modified"
	Moved    Op = "moved" // reordered, or renumbered (a clause's num)
)

// Class is what kind of change it is.
type Class string

const (
	ClassText       Class = "text"       // wording: titles, summaries, clause text
	ClassTemporal   Class = "temporal"   // the term and the timeline
	ClassStructural Class = "structural" // clauses, topics, kind, order
	ClassParty      Class = "party"      // parties and signatories
	ClassCommitment Class = "commitment" // what the parties are bound to
	ClassCitation   Class = "citation"   // sources and references
	ClassCosmetic   Class = "cosmetic"   // whitespace, order of a set
)

// Impact is how much a change matters, in the manner of semantic
// versioning.
type Impact string

const (
	Major Impact = "major" // what binds whom changes: a party, a commitment, the term
	Minor Impact = "minor" // the content changes: reworded text, a new clause without commitments
	Patch Impact = "patch" // bookkeeping: renumbering, reordering, citations
	None  Impact = "none"  // nothing of substance: whitespace, version metadata
)

// Step is one step of a change's path: a mapping key (Field), or a list
// element (Key, with its index in the old and the new list; -1 when the
// element is not in that list).
type Step struct {
	Field string `json:"field,omitempty"`
	Key   string `json:"key,omitempty"`
	Old   int    `json:"old"`
	New   int    `json:"new"`
}

func (s Step) isElem() bool { return s.Field == "" }

// Change is one difference between two versions of an agreement.
type Change struct {
	Path   string   `json:"path"`             // with ids, as in diagnostics, in the new version (the old for removals)
	Steps  []Step   `json:"steps"`            // the path, step by step, with old and new indices
	Op     Op       `json:"op"`               //
	Class  Class    `json:"class"`            //
	Impact Impact   `json:"severity"`         //
	Note   string   `json:"note,omitempty"`   // what the change means, when there is more to say: "may → shall: strengthened"
	Old    any      `json:"old,omitempty"`    // the old value, JSON-typed (string, bool, []any, map[string]any); nil when added
	New    any      `json:"new,omitempty"`    // the new value, likewise; nil when removed
	Words  []WordOp `json:"words,omitempty"`  // a word-level diff, for changed text
	OldPos Position `json:"old_pos,omitzero"` // where it was written, when the versions were loaded from files
	NewPos Position `json:"new_pos,omitzero"`
}

// ChangeSet is the difference between two versions of an agreement.
type ChangeSet struct {
	OldLabel string   `json:"old"` // the old version's label (or id)
	NewLabel string   `json:"new"`
	Changes  []Change `json:"changes"`
	Summary  Summary  `json:"summary"`
}

// Empty reports whether the versions are the same.
func (cs *ChangeSet) Empty() bool { return len(cs.Changes) == 0 }

// Diff compares two versions of an agreement. It matches list entries by
// identity, never by position: parties, clauses (at every depth) and
// sources by id, signatories by name, cooperation areas by topic, events
// by kind, party and date (an event whose date alone changed is
// modified), commitments by kind, bearer and trigger, relations by type
// and agreement, and lists of codes as sets. Reordered entries are moved,
// not removed and added again; a clause whose num changed is moved
// (renumbered). The work is close to linear in the size of the agreements.
func Diff(old, new *Agreement) *ChangeSet {
	d := differ{}
	d.node(codec.Encode(old, encodeHooks), codec.Encode(new, encodeHooks), nil)
	cs := &ChangeSet{OldLabel: label(old), NewLabel: label(new), Changes: d.changes}
	cs.Summary = summarize(old, new, cs.Changes)
	return cs
}

// DiffDocuments is Diff for two loaded documents; each change also gives
// the positions of its value in both files.
func DiffDocuments(old, new *Document) *ChangeSet {
	cs := Diff(old.Agreement, new.Agreement)
	for i := range cs.Changes {
		c := &cs.Changes[i]
		if span, ok := old.Lookup(pathOf(c.Steps, false)); ok && c.Op != Added {
			c.OldPos = orKey(span)
		}
		if span, ok := new.Lookup(pathOf(c.Steps, true)); ok && c.Op != Removed {
			c.NewPos = orKey(span)
		}
	}
	return cs
}

func orKey(s Span) Position {
	if s.Key.IsValid() {
		return s.Key
	}
	return s.Value
}

func label(a *Agreement) string {
	switch {
	case a.Version.Label != "":
		return a.Version.Label
	case a.ID != "":
		return a.ID
	}
	return "(nothing)"
}

// pathOf renders steps as a path with ids; for lists keyed by index, the
// index in the new version (or the old).
func pathOf(steps []Step, inNew bool) string {
	var b strings.Builder
	for _, s := range steps {
		if !s.isElem() {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Field)
			continue
		}
		key := s.Key
		if _, err := strconv.Atoi(key); err == nil || key == "" {
			i := s.New
			if !inNew || i < 0 {
				i = s.Old
			}
			key = strconv.Itoa(i)
		}
		b.WriteString("[" + key + "]")
	}
	return b.String()
}

var emptyList = &yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq"}

type differ struct {
	changes []Change
}

func (d *differ) add(c Change) {
	c.Path = pathOf(c.Steps, c.Op != Removed)
	classify(&c)
	d.changes = append(d.changes, c)
}

func with(path []Step, s Step) []Step {
	return append(slices.Clip(path), s)
}

// node compares two values at path.
func (d *differ) node(o, n *yamlnode.Node, path []Step) {
	switch {
	case o.Kind == yamlnode.MappingNode && n.Kind == yamlnode.MappingNode:
		d.mapping(o, n, path)
	case o.Kind == yamlnode.SequenceNode && n.Kind == yamlnode.SequenceNode:
		d.list(o, n, path)
	case o.Kind == yamlnode.ScalarNode && n.Kind == yamlnode.ScalarNode:
		if o.Value != n.Value || o.Tag != n.Tag {
			d.add(Change{Steps: path, Op: Modified, Old: jsonOf(o), New: jsonOf(n)})
		}
	default: // a text given as a string before and per language now, say
		d.add(Change{Steps: path, Op: Modified, Old: jsonOf(o), New: jsonOf(n)})
	}
}

func jsonOf(n *yamlnode.Node) any {
	v, _ := codec.JSONValue(n)
	return v
}

func (d *differ) mapping(o, n *yamlnode.Node, path []Step) {
	oldAt := make(map[string]*yamlnode.Node, len(o.Content)/2)
	for i := 0; i+1 < len(o.Content); i += 2 {
		oldAt[o.Content[i].Value] = o.Content[i+1]
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, nv := n.Content[i].Value, n.Content[i+1]
		seen[k] = true
		p := with(path, Step{Field: k, Old: -1, New: -1})
		switch ov, ok := oldAt[k]; {
		case ok:
			d.node(ov, nv, p)
		case nv.Kind == yamlnode.SequenceNode && len(nv.Content) > 0:
			// A list that was not there: its elements are added one by
			// one (Apply makes the list).
			d.list(emptyList, nv, p)
		default:
			d.add(Change{Steps: p, Op: Added, New: jsonOf(nv)})
		}
	}
	for i := 0; i+1 < len(o.Content); i += 2 {
		k, ov := o.Content[i].Value, o.Content[i+1]
		if seen[k] {
			continue
		}
		p := with(path, Step{Field: k, Old: -1, New: -1})
		if ov.Kind == yamlnode.SequenceNode && len(ov.Content) > 0 {
			// A list that is gone: its elements are removed one by one,
			// then the empty list itself.
			d.list(ov, emptyList, p)
			d.add(Change{Steps: p, Op: Removed, Old: []any{}})
			continue
		}
		d.add(Change{Steps: p, Op: Removed, Old: jsonOf(ov)})
	}
}

// identity returns the key an element is matched by, given the list's
// field name, and a looser key for a second round of matching among the
// elements the first round left over ("" for none).
func identity(field string, item *yamlnode.Node) (key, loose string) {
	if item.Kind == yamlnode.ScalarNode {
		return item.Value, ""
	}
	get := func(name string) string {
		for i := 0; i+1 < len(item.Content); i += 2 {
			if item.Content[i].Value == name {
				return item.Content[i+1].Value
			}
		}
		return ""
	}
	switch field {
	case "parties", "clauses", "sources":
		return get("id"), ""
	case "signatories":
		return get("name"), ""
	case "cooperation":
		return get("topic"), ""
	case "timeline":
		return get("event") + "|" + get("party") + "|" + get("date"), get("event") + "|" + get("party")
	case "commitments":
		return get("kind") + "|" + get("by") + "|" + get("trigger"), get("kind")
	case "relations":
		return get("type") + "|" + get("agreement"), get("agreement")
	}
	return "", ""
}

func (d *differ) list(o, n *yamlnode.Node, path []Step) {
	field := ""
	if len(path) > 0 {
		field = path[len(path)-1].Field
	}
	oKeys, oLoose := keysOf(field, o)
	nKeys, nLoose := keysOf(field, n)
	oPath := codec.ElemKeys(codec.NodeIDs(o))
	nPath := codec.ElemKeys(codec.NodeIDs(n))

	oldIndex := make(map[string]int, len(oKeys))
	for i, k := range oKeys {
		if k != "" {
			oldIndex[k] = i
		}
	}
	match := make([]int, len(n.Content)) // new index -> old index, or -1
	used := make([]bool, len(o.Content))
	for j, k := range nKeys {
		match[j] = -1
		if i, ok := oldIndex[k]; ok && k != "" {
			match[j], used[i] = i, true
		}
	}
	// Second round: a looser key among what is left (an event whose date
	// changed); last, for lists without identity, position.
	if oLoose != nil {
		left := map[string][]int{}
		for i, k := range oLoose {
			if !used[i] && k != "" {
				left[k] = append(left[k], i)
			}
		}
		for j, k := range nLoose {
			if match[j] < 0 && len(left[k]) > 0 {
				i := left[k][0]
				left[k] = left[k][1:]
				match[j], used[i] = i, true
			}
		}
	}
	if identityless(field, o, n) {
		for j := range match {
			if match[j] < 0 && j < len(o.Content) && !used[j] {
				match[j], used[j] = j, true
			}
		}
	}

	// Matched elements that left their relative order are moved: those
	// outside a longest increasing run of old indices.
	stay := lis(match)
	for j, i := range match {
		if i < 0 {
			continue
		}
		step := Step{Key: nPath[j], Old: i, New: j}
		p := with(path, step)
		if !stay[j] {
			d.add(Change{Steps: p, Op: Moved, Note: fmt.Sprintf("position %d → %d", i+1, j+1)})
		}
		from := len(d.changes)
		d.node(o.Content[i], n.Content[j], p)
		if field == "timeline" && decisive(n.Content[j], o.Content[i]) {
			// A change to the signature, entry into force or end of the
			// agreement changes what is in force when.
			for k := from; k < len(d.changes); k++ {
				d.changes[k].Impact = Major
			}
		}
	}
	for i, u := range used {
		if !u {
			d.add(Change{Steps: with(path, Step{Key: oPath[i], Old: i, New: -1}), Op: Removed, Old: jsonOf(o.Content[i])})
		}
	}
	for j, i := range match {
		if i < 0 {
			d.add(Change{Steps: with(path, Step{Key: nPath[j], Old: -1, New: j}), Op: Added, New: jsonOf(n.Content[j])})
		}
	}
}

// keysOf returns the identity of each element, made unique by numbering
// repeats, and the looser keys (nil when the list has none).
func keysOf(field string, list *yamlnode.Node) (keys, loose []string) {
	keys = make([]string, len(list.Content))
	seen := map[string]int{}
	for i, item := range list.Content {
		k, l := identity(field, item)
		if base := k; base != "" {
			if c := seen[base]; c > 0 {
				k = base + "#" + strconv.Itoa(c)
			}
			seen[base]++
		}
		keys[i] = k
		if l != "" {
			if loose == nil {
				loose = make([]string, len(list.Content))
			}
			loose[i] = l
		}
	}
	return keys, loose
}

// identityless reports whether the list's elements have no identity, so
// that they are matched by position (the preamble's recitals).
func identityless(field string, o, n *yamlnode.Node) bool {
	for _, l := range []*yamlnode.Node{o, n} {
		if len(l.Content) > 0 {
			k, _ := identity(field, l.Content[0])
			return k == ""
		}
	}
	return false
}

// lis marks the elements of match (old indices, -1 for none) that lie on
// a longest strictly increasing subsequence: the elements that kept their
// relative order. O(n log n).
func lis(match []int) []bool {
	var tails []int // indices into match
	prev := make([]int, len(match))
	for j, v := range match {
		prev[j] = -1
		if v < 0 {
			continue
		}
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if match[tails[mid]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[j] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, j)
		} else {
			tails[lo] = j
		}
	}
	stay := make([]bool, len(match))
	if len(tails) > 0 {
		for j := tails[len(tails)-1]; j >= 0; j = prev[j] {
			stay[j] = true
		}
	}
	return stay
}
