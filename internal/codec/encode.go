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

// String returns a string scalar node.
func String(s string) *yamlnode.Node {
	n := &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: "!!str", Value: s}
	if strings.Contains(strings.TrimRight(s, "\n"), "\n") {
		n.Style = yaml.LiteralStyle
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

// YAML renders a node tree as YAML text with two-space indentation.
//
// The YAML library's emitter keeps every event of a document until the
// document ends (go-yaml issue 873), which costs many times the text's
// size for a large agreement. So a top-level block mapping is written in
// pieces, each a document of its own: an entry, or, for a long list
// without comments of its own, the list's key and then each element,
// indented into place. The text is the same as one document's
// (TestYAMLInPieces); only the memory differs. The tree is used up: each
// piece is let go once written, so that the tree and its text are not
// both held whole.
func YAML(n *yamlnode.Node) ([]byte, error) {
	root, doc := n, (*yamlnode.Node)(nil)
	if n.Kind == yamlnode.DocumentNode && len(n.Content) == 1 {
		root, doc = n.Content[0], n
	}
	if root.Kind != yamlnode.MappingNode || root.Style&yamlnode.FlowStyle != 0 || len(root.Content) < 2 ||
		root.HeadComment != "" || root.LineComment != "" || root.FootComment != "" {
		return dump(n, lineWidth)
	}
	var out bytes.Buffer
	last := len(root.Content) - 2
	for i := 0; i <= last; i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if elems, ok := longList(k, v); ok {
			out.WriteString(k.Value + ":\n")
			for j, e := range elems {
				piece := &yamlnode.Node{Kind: yamlnode.SequenceNode, Content: []*yamlnode.Node{e}}
				text, err := dump(piece, lineWidth-2)
				if err != nil {
					return nil, err
				}
				indent(&out, text)
				elems[j] = nil
			}
			root.Content[i+1] = nil
			continue
		}
		piece := &yamlnode.Node{Kind: yamlnode.DocumentNode, Content: []*yamlnode.Node{{Kind: yamlnode.MappingNode, Content: []*yamlnode.Node{k, v}}}}
		if doc != nil && i == 0 {
			piece.HeadComment = doc.HeadComment
		}
		if doc != nil && i == last {
			piece.FootComment = doc.FootComment
		}
		text, err := dump(piece, lineWidth)
		if err != nil {
			return nil, err
		}
		out.Write(text)
		root.Content[i+1] = nil
	}
	return out.Bytes(), nil
}

// lineWidth is the width at which long scalars are folded.
const lineWidth = 100

// longList returns the elements of a mapping entry that is a long block
// list with no comments on its key or itself, written element by element.
func longList(k, v *yamlnode.Node) ([]*yamlnode.Node, bool) {
	ok := v.Kind == yamlnode.SequenceNode && v.Style&yamlnode.FlowStyle == 0 && len(v.Content) >= 16 &&
		k.Kind == yamlnode.ScalarNode && k.Style == 0 && (k.Tag == "" || k.Tag == "!!str") && k.Anchor == "" &&
		v.Anchor == "" && (v.Tag == "" || v.Tag == "!!seq") &&
		k.HeadComment == "" && k.LineComment == "" && k.FootComment == "" &&
		v.HeadComment == "" && v.LineComment == "" && v.FootComment == ""
	for _, r := range k.Value {
		ok = ok && (r >= 'a' && r <= 'z' || r == '_')
	}
	return v.Content, ok
}

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
