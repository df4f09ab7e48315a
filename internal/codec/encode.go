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
func YAML(n *yamlnode.Node) ([]byte, error) {
	var buf bytes.Buffer
	d, err := yaml.NewDumper(&buf, yaml.WithIndent(2), yaml.WithCompactSeqIndent(false),
		yaml.WithLineWidth(100), yaml.WithQuotePreference(yaml.QuoteDouble))
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
