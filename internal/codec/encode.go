package codec

import (
	"bytes"
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/entente-go/entente/internal/yamlnode"
)

// EncodeHook encodes one type by hand; it is the inverse of a Hook.
type EncodeHook func(v reflect.Value) *yamlnode.Node

// Encode builds the node tree of v: struct fields in declaration order (the
// canonical key order), zero values left out, map keys sorted, short lists
// of scalars in flow style.
func Encode(v any, hooks map[reflect.Type]EncodeHook) *yamlnode.Node {
	e := encoder{hooks: hooks}
	return e.value(reflect.ValueOf(v))
}

type encoder struct{ hooks map[reflect.Type]EncodeHook }

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// String returns a string scalar node. A string that YAML 1.1 tools
// would read as something else (yes, off, 1:20) is quoted.
func String(s string) *yamlnode.Node {
	n := &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case strings.Contains(strings.TrimRight(s, "\n"), "\n"):
		n.Style = yaml.LiteralStyle
	case yamlnode.MisreadByYAML11(s): // YAML 1.2's own non-strings the emitter quotes itself
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func (e encoder) value(v reflect.Value) *yamlnode.Node {
	if hook, ok := e.hooks[v.Type()]; ok {
		return hook(v)
	}
	if v.Type().Implements(textMarshaler) {
		text, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			panic(fmt.Sprintf("codec: %s: %v", v.Type(), err))
		}
		return String(string(text))
	}
	switch v.Kind() {
	case reflect.Pointer:
		return e.value(v.Elem())
	case reflect.Struct:
		n := &yamlnode.Node{Kind: yamlnode.MappingNode, Tag: "!!map"}
		for _, f := range infoOf(v.Type()).fields {
			fv := v.Field(f.index)
			if isEmpty(fv) {
				continue
			}
			n.Content = append(n.Content, String(f.name), e.value(fv))
		}
		return n
	case reflect.Slice:
		n := &yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq"}
		flow := true
		for i := range v.Len() {
			item := e.value(v.Index(i))
			if item.Kind != yamlnode.ScalarNode || len(item.Value) > 30 {
				flow = false
			}
			n.Content = append(n.Content, item)
		}
		if flow && v.Len() <= 8 {
			n.Style = yaml.FlowStyle
		}
		return n
	case reflect.Map:
		n := &yamlnode.Node{Kind: yamlnode.MappingNode, Tag: "!!map"}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			n.Content = append(n.Content, String(k.String()), e.value(v.MapIndex(k)))
		}
		return n
	case reflect.String:
		return String(v.String())
	case reflect.Bool:
		return &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}
	}
	panic(fmt.Sprintf("codec: unsupported type %s", v.Type()))
}

// isEmpty reports whether a field is left out of the output: the zero
// value. A list or map that is empty but was given ([] or {}) is written,
// so that formatting never drops what the author wrote.
func isEmpty(v reflect.Value) bool { return v.IsZero() }

// YAML renders a node tree as YAML text with two-space indentation, as
// one document. The YAML library's emitter keeps every event of a
// document until it ends (go-yaml issue 873), which costs many times the
// text's size for a large agreement: Pieces writes one in pieces.
func YAML(n *yamlnode.Node) ([]byte, error) { return dump(n, lineWidth) }

// Pieces writes a top-level block mapping of YAML piece by piece, each
// piece a document of its own, so that no more than one piece's events
// are held: Entry writes a whole entry, Key and Elem a list that is
// written element by element. Written in order, the pieces are the text
// of the one document.
type Pieces struct {
	out     bytes.Buffer
	pending []*yamlnode.Node // elements of the list Key began, not yet written
	err     error
}

// elemsAtOnce is how many elements of a list are written as one piece:
// enough that an emitter is not made for each, few enough that their
// events are small.
const elemsAtOnce = 32

// Entry writes one entry of the mapping; head and foot are the document's
// head comment, for the first entry, and foot comment, for the last.
func (w *Pieces) Entry(key, value *yamlnode.Node, head, foot string) {
	w.flush()
	piece := &yamlnode.Node{Kind: yamlnode.DocumentNode, HeadComment: head, FootComment: foot,
		Content: []*yamlnode.Node{{Kind: yamlnode.MappingNode, Content: []*yamlnode.Node{key, value}}}}
	w.write(piece, lineWidth, false)
}

// Key begins a list whose elements follow by Elem: the plain key of a
// field, a list with no comments, anchors or tags of its own.
func (w *Pieces) Key(name string) {
	w.flush()
	w.out.WriteString(name + ":\n")
}

// Elem writes one element of the list Key began (a few at a time).
func (w *Pieces) Elem(e *yamlnode.Node) {
	w.pending = append(w.pending, e)
	if len(w.pending) == elemsAtOnce {
		w.flush()
	}
}

// flush writes the elements pending as a list of their own, indented by
// two columns and folded two columns sooner: the text is what they are
// within the whole.
func (w *Pieces) flush() {
	if len(w.pending) == 0 {
		return
	}
	w.write(&yamlnode.Node{Kind: yamlnode.SequenceNode, Content: w.pending}, lineWidth-2, true)
	clear(w.pending)
	w.pending = w.pending[:0]
}

func (w *Pieces) write(n *yamlnode.Node, width int, indented bool) {
	if w.err != nil {
		return
	}
	text, err := dump(n, width)
	if err != nil {
		w.err = err
		return
	}
	if indented {
		indent(&w.out, text)
	} else {
		w.out.Write(text)
	}
}

// Bytes returns the text written, or the first error.
func (w *Pieces) Bytes() ([]byte, error) {
	w.flush()
	return w.out.Bytes(), w.err
}

// lineWidth is the width at which long scalars are folded.
const lineWidth = 100

// minPieceList is the length from which EncodeFields leaves a list to be
// encoded and written element by element.
const minPieceList = 16

// indent writes text with two spaces before each line that is not empty.
func indent(out *bytes.Buffer, text []byte) {
	for len(text) > 0 {
		line, rest, _ := bytes.Cut(text, []byte("\n"))
		if len(line) > 0 {
			out.WriteString("  ")
		}
		out.Write(line)
		out.WriteByte('\n')
		text = rest
	}
}

// Field is one field of a struct as Encode writes it: its key and value,
// or, for a long list, its elements to be encoded one at a time, so that
// the tree of the whole list is never built.
type Field struct {
	Key   *yamlnode.Node
	Value *yamlnode.Node // nil for a long list: see Len, IDs and Elem
	list  reflect.Value
	e     encoder
}

// Len is the length of a long list.
func (f Field) Len() int { return f.list.Len() }

// IDs are the ids of a long list's elements, as NodeIDs would read them
// from the encoded list: the "id" field of each struct element.
func (f Field) IDs() []string {
	ids := make([]string, f.list.Len())
	for i := range ids {
		el := reflect.Indirect(f.list.Index(i))
		if el.Kind() != reflect.Struct {
			continue
		}
		if j, ok := infoOf(el.Type()).byName["id"]; ok {
			if fv := el.Field(infoOf(el.Type()).fields[j].index); fv.Kind() == reflect.String {
				ids[i] = fv.String()
			}
		}
	}
	return ids
}

// Whole encodes a long list whole, as Encode does.
func (f Field) Whole() *yamlnode.Node { return f.e.value(f.list) }

// Elem encodes the i-th element of a long list.
func (f Field) Elem(i int) *yamlnode.Node { return f.e.value(f.list.Index(i)) }

// EncodeFields returns the fields of the struct v that Encode would write,
// in the same order and with the same nodes, the long lists of structs
// left to be encoded element by element.
func EncodeFields(v any, hooks map[reflect.Type]EncodeHook) []Field {
	e := encoder{hooks: hooks}
	rv := reflect.Indirect(reflect.ValueOf(v))
	var out []Field
	for _, f := range infoOf(rv.Type()).fields {
		fv := rv.Field(f.index)
		if isEmpty(fv) {
			continue
		}
		field := Field{Key: String(f.name), e: e}
		if _, hooked := hooks[fv.Type()]; !hooked && fv.Kind() == reflect.Slice && fv.Len() >= minPieceList &&
			reflect.Indirect(reflect.New(fv.Type().Elem())).Kind() == reflect.Struct {
			field.list = fv
		} else {
			field.Value = e.value(fv)
		}
		out = append(out, field)
	}
	return out
}

// dump is one document of YAML, folded at width.
func dump(n *yamlnode.Node, width int) ([]byte, error) {
	var buf bytes.Buffer
	d, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false),
		yaml.WithLineWidth(width), yaml.WithQuotePreference(yaml.QuoteDouble))
	if err != nil {
		return nil, err
	}
	if err := d.Dump(n); err != nil {
		return nil, err
	}
	if err := d.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
