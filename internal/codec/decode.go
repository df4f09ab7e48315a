package codec

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/suggest"

	"github.com/entente-go/entente/internal/yamlnode"
)

// Pos is a 1-based line and column.
type Pos struct{ Line, Column int }

// ProblemKind classifies what the decoder found wrong.
type ProblemKind int

const (
	UnknownField ProblemKind = iota + 1 // a key the type does not have
	DuplicateKey                        // a key given twice in one mapping
	WrongShape                          // a mapping where a list was expected, ...
	InvalidValue                        // a scalar the type rejects
	NullValue                           // a key with no value
	Unsupported                         // anchors past the budget, merge keys, ...
)

// Problem is one thing wrong with the document, at a position.
type Problem struct {
	Kind    ProblemKind
	Pos     Pos
	Path    docpath.Path
	Message string
	Hint    string
	// Kept is true when the value was kept as written although the type
	// rejects it (a word outside its vocabulary): the model still holds
	// what the file says.
	Kept bool
}

// Hook decodes one type by hand (a value that may be a string or a
// mapping, say). It reports problems through d.
type Hook func(d *Decoder, n *yamlnode.Node, v reflect.Value)

// none is the step of a value decoded in place of its parent (a hook's
// value, an alias's target): it adds nothing to the path.
var none = docpath.Step{}

// maxAliased bounds the nodes visited by following aliases, so that an
// alias bomb ("billion laughs") ends with a problem instead of exhausting
// memory. Nodes written out in the document do not count: their number is
// bounded by the document's size.
const maxAliased = 100_000

// Decoder holds the state of one decode: problems, the path being
// decoded and the budget of nodes.
type Decoder struct {
	hooks    []hookFor // a few: compared in turn, cheaper than hashing each type
	Problems []Problem
	stack    []frame // the path, step by step, made into a docpath.Path only to report
	aliased  int     // nodes visited through aliases
	inAlias  int     // depth of aliases being followed
	stopped  bool
	depth    int                     // of the value being decoded
	active   map[*yamlnode.Node]bool // alias targets being decoded, to catch cycles
}

// frame is a step of the path being decoded. An element's step is named
// only when something inside it is reported: until then the frame holds
// its list, whose names are worked out on demand.
type frame struct {
	step docpath.Step
	list *yamlnode.Node // for an element: its list; step.Index is its position
}

type hookFor struct {
	t    reflect.Type
	hook Hook
}

// MaxDepth bounds the nesting the decoder follows, aliases included.
const MaxDepth = 100

// NewDecoder returns a decoder that decodes the types in hooks by hand.
func NewDecoder(hooks map[reflect.Type]Hook) *Decoder {
	d := &Decoder{stack: make([]frame, 0, 16)}
	for t, h := range hooks {
		d.hooks = append(d.hooks, hookFor{t, h})
	}
	return d
}

// Decode decodes root into out (a pointer) and returns the problems it
// found. Paths are built only for problems: a clean document costs no
// string building.
func Decode(root *yamlnode.Node, out any, hooks map[reflect.Type]Hook) []Problem {
	d := NewDecoder(hooks)
	v := reflect.ValueOf(out).Elem()
	d.value(root, v, none, planOf(v.Type()))
	return d.Problems
}

// Report records a problem at n, at the current path, or at its field
// named field when that is not "".
func (d *Decoder) Report(kind ProblemKind, n *yamlnode.Node, field, msg, hint string) {
	path := d.path()
	if field != "" {
		path = path.Child(field)
	}
	d.Problems = append(d.Problems, Problem{Kind: kind, Pos: PosOf(n), Path: path, Message: msg, Hint: hint})
}

// path returns the path being decoded.
func (d *Decoder) path() docpath.Path {
	p := docpath.Root()
	for _, f := range d.stack {
		if f.list != nil {
			p = p.Elem(f.step.Index, docpath.Names(NodeIDs(f.list))[f.step.Index])
			continue
		}
		p = p.Step(f.step)
	}
	return p
}

// PosOf returns the position of n.
func PosOf(n *yamlnode.Node) Pos { return Pos{n.Line, n.Column} }

// Resolve follows aliases and charges the budget of aliased nodes. It
// returns nil when the budget is spent (the problem is then reported).
func (d *Decoder) Resolve(n *yamlnode.Node) *yamlnode.Node {
	for depth := 0; n.Kind == yamlnode.AliasNode; depth++ {
		if n.Alias == nil || depth > 100 {
			d.Report(Unsupported, n, "", "alias does not resolve", "")
			return nil
		}
		n = n.Alias
	}
	if d.inAlias > 0 {
		d.aliased++
	}
	if d.aliased > maxAliased {
		if !d.stopped {
			d.stopped = true
			d.Report(Unsupported, n, "", fmt.Sprintf("aliases expand the document by more than %d values; decoding stopped", maxAliased),
				"write the values out instead of repeating them through aliases")
		}
		return nil
	}
	return n
}

// value decodes n into v, whose plan is p; step leads to it from the
// value being decoded (none at the root).
func (d *Decoder) value(n *yamlnode.Node, v reflect.Value, step docpath.Step, p *plan) {
	// No defers: this runs for every value, and the steps are undone in
	// order on every way out (nothing here panics).
	d.push(step)
	switch {
	case d.depth > MaxDepth:
		if !d.stopped {
			d.stopped = true
			d.Report(Unsupported, n, "", fmt.Sprintf("the value nests deeper than %d levels (through aliases?); decoding stopped", MaxDepth), "")
		}
	case n.Kind == yamlnode.AliasNode:
		d.alias(n, v, p)
	case n.Style&yamlnode.TaggedStyle != 0 && !coreTags[n.Tag]:
		// A tag would make the value mean something else to another tool
		// (binary data, an application's type); the value is not read.
		d.Report(Unsupported, n, "", fmt.Sprintf("the tag %s is not read: the format takes values as they are written", n.Tag), "remove the tag")
	default:
		if n = d.Resolve(n); n != nil {
			d.into(n, v, p)
		}
	}
	d.pop(step)
}

// coreTags are the explicit tags that say no more than the value's own
// form: a string, a number, a mapping.
var coreTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!map": true, "!!seq": true, "!!timestamp": true}

// alias decodes the value an alias refers to, unless that value contains
// the alias.
func (d *Decoder) alias(n *yamlnode.Node, v reflect.Value, p *plan) {
	// An alias of an alias cannot be written in YAML, but a tree built
	// by hand may hold one, or a ring of them: Resolve reports those.
	target := n.Alias
	for i := 0; target != nil && target.Kind == yamlnode.AliasNode && i <= 100; i++ {
		target = target.Alias
	}
	if d.active[target] {
		d.Report(Unsupported, n, "", "the alias refers to a value that contains it: a cycle", "write the value out")
		return
	}
	if d.active == nil {
		d.active = map[*yamlnode.Node]bool{}
	}
	d.active[target] = true
	d.inAlias++
	if n = d.Resolve(n); n != nil {
		d.into(n, v, p)
	}
	d.inAlias--
	delete(d.active, target)
}

// Into decodes the resolved node n into v without recording its position
// again; hooks use it to decode a node as another type.
func (d *Decoder) Into(n *yamlnode.Node, v reflect.Value) { d.into(n, v, planOf(v.Type())) }

func (d *Decoder) into(n *yamlnode.Node, v reflect.Value, p *plan) {
	for _, h := range d.hooks {
		if h.t == p.t {
			h.hook(d, n, v)
			return
		}
	}
	if n.Kind == yamlnode.ScalarNode && n.Tag == "!!null" {
		d.Report(NullValue, n, "", "value is missing (null)", "give a value or remove the key")
		return
	}
	if p.text && v.CanAddr() {
		if !d.scalar(n, "a single value") {
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.Value)); err != nil {
			d.reportText(n, err)
		}
		return
	}
	switch p.kind {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(p.t.Elem()))
		}
		d.into(n, v.Elem(), p.elem)
	case reflect.Struct:
		d.structValue(n, v, p)
	case reflect.Slice:
		d.sliceValue(n, v, p)
	case reflect.Map:
		d.mapValue(n, v, p)
	case reflect.String:
		if d.scalar(n, "a string") {
			v.SetString(n.Value)
		}
	case reflect.Bool:
		if !d.scalar(n, "true or false") {
			return
		}
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		default:
			d.Report(InvalidValue, n, "", fmt.Sprintf("%q is not true or false", n.Value), "write true or false")
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if !d.scalar(n, "an integer") {
			return
		}
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || v.OverflowInt(i) {
			d.Report(InvalidValue, n, "", fmt.Sprintf("%q is not an integer", n.Value), "")
			return
		}
		v.SetInt(i)
	default:
		panic(fmt.Sprintf("codec: unsupported type %s", p.t))
	}
}

func (d *Decoder) scalar(n *yamlnode.Node, want string) bool {
	if n.Kind == yamlnode.ScalarNode {
		return true
	}
	d.Report(WrongShape, n, "", fmt.Sprintf("expected %s, found %s", want, shape(n)), "")
	return false
}

func (d *Decoder) structValue(n *yamlnode.Node, v reflect.Value, p *plan) {
	if n.Kind != yamlnode.MappingNode {
		d.Report(WrongShape, n, "", "expected a mapping of keys to values, found "+shape(n), "")
		return
	}
	si := p.si
	var seen uint64 // fields given, by position: a duplicate is a field given twice
	next := 0       // the field after the last one given: usually the next key
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, nil)
		if !ok {
			continue
		}
		fi := next
		for fi < len(si.names) && si.names[fi] != name && fi < next+2 {
			fi++ // a field or two left out: still cheaper than the map
		}
		if fi >= len(si.names) || si.names[fi] != name {
			var known bool
			if fi, known = si.byName[name]; !known {
				d.unknown(k, name, si)
				continue
			}
		}
		next = fi + 1
		if d.once(&seen, fi, k, name) {
			d.value(val, v.Field(si.fields[fi].index), si.segs[fi], p.fields[fi])
		}
	}
}

// key checks a mapping key: a string, not a merge key, and (when seen is
// given) not seen before.
func (d *Decoder) key(k *yamlnode.Node, seen map[string]bool) (string, bool) {
	k = d.Resolve(k)
	if k == nil {
		return "", false
	}
	if k.Kind != yamlnode.ScalarNode {
		d.Report(WrongShape, k, "", "a key must be a plain string, found "+shape(k), "")
		return "", false
	}
	if k.Tag == "!!merge" {
		d.Report(Unsupported, k, k.Value, "merge keys (<<) are not supported", "write the fields out in full")
		return "", false
	}
	if seen == nil {
		return k.Value, true
	}
	if seen[k.Value] {
		d.Report(DuplicateKey, k, k.Value, fmt.Sprintf("key %q is given twice in this mapping", k.Value), "remove one of them; the later one is ignored")
		return "", false
	}
	seen[k.Value] = true
	return k.Value, true
}

func (d *Decoder) sliceValue(n *yamlnode.Node, v reflect.Value, p *plan) {
	if n.Kind != yamlnode.SequenceNode {
		d.Report(WrongShape, n, "", "expected a list, found "+shape(n), "")
		return
	}
	s := reflect.MakeSlice(p.t, len(n.Content), len(n.Content))
	// An element's step is named only when something inside it is
	// reported: the frame holds the list, whose names are worked out then.
	for i, item := range n.Content {
		d.stack = append(d.stack, frame{step: docpath.Step{Kind: docpath.Elem, Index: i}, list: n})
		d.value(item, s.Index(i), none, p.elem)
		d.stack = d.stack[:len(d.stack)-1]
	}
	v.Set(s)
}

func (d *Decoder) mapValue(n *yamlnode.Node, v reflect.Value, p *plan) {
	if n.Kind != yamlnode.MappingNode {
		d.Report(WrongShape, n, "", "expected a mapping, found "+shape(n), "")
		return
	}
	if p.t.Key().Kind() != reflect.String {
		panic("codec: map keys must be strings")
	}
	m := reflect.MakeMapWithSize(p.t, len(n.Content)/2)
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, seen)
		if !ok {
			continue
		}
		ev := reflect.New(p.t.Elem()).Elem()
		d.value(val, ev, docpath.Step{Kind: docpath.Field, Name: name}, p.elem)
		m.SetMapIndex(reflect.ValueOf(name).Convert(p.t.Key()), ev)
	}
	v.Set(m)
}

func shape(n *yamlnode.Node) string {
	switch n.Kind {
	case yamlnode.MappingNode:
		return "a mapping"
	case yamlnode.SequenceNode:
		return "a list"
	case yamlnode.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return fmt.Sprintf("the value %q", clip(n.Value))
	}
	return "an alias"
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

func (d *Decoder) push(step docpath.Step) {
	if step.Kind != 0 {
		d.stack = append(d.stack, frame{step: step})
	}
	d.depth++
}

func (d *Decoder) pop(step docpath.Step) {
	d.depth--
	if step.Kind != 0 {
		d.stack = d.stack[:len(d.stack)-1]
	}
}

// reportText reports the error of an UnmarshalText, with its hint.
func (d *Decoder) reportText(n *yamlnode.Node, err error) {
	hint := ""
	if h, ok := err.(interface{ Hint() string }); ok {
		hint = h.Hint()
	}
	d.Report(InvalidValue, n, "", err.Error(), hint)
	if k, ok := err.(interface{ Kept() bool }); ok && k.Kept() {
		d.Problems[len(d.Problems)-1].Kept = true
	}
}

// once reports whether field (its position among the struct's fields) is
// given for the first time in the mapping being decoded, recording it in
// seen; a second time is reported at key k, named name.
func (d *Decoder) once(seen *uint64, field int, k *yamlnode.Node, name string) bool {
	if field >= 64 {
		return true
	}
	bit := uint64(1) << field
	if *seen&bit != 0 {
		d.Report(DuplicateKey, k, name, fmt.Sprintf("key %q is given twice in this mapping", name), "remove one of them; the later one is ignored")
		return false
	}
	*seen |= bit
	return true
}

// unknown reports key k, which the struct of si does not have.
func (d *Decoder) unknown(k *yamlnode.Node, name string, si *structInfo) {
	d.Report(UnknownField, k, name, fmt.Sprintf("unknown field %q", name), suggest.Hint(name, si.names))
}
