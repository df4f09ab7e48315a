package codec

import (
	"encoding"
	"fmt"
	"reflect"

	"github.com/entente-go/entente/internal/yamlnode"
)

// The functions in this file are the building blocks of typed decoders:
// decoders written (or generated, see package codecgen) for particular
// types, which assign fields directly instead of through reflection.
//
// Each takes the common case, a value of the expected shape at a depth
// within bounds, and hands every other case (aliases, nulls, wrong
// shapes, depth past MaxDepth) to the reflective decoder, which reports
// it. So a typed decoder and the reflective one decode a document into
// the same value and report the same problems at the same paths; a
// differential test holds them to that. Their signatures follow one
// pattern: the decoder, the node, the path segment that leads to the
// node (".name", or "" for a list element) and where to put the value.

// Reflect decodes n into *p with the reflective decoder: what typed
// decoders do with every case they do not take themselves.
func (d *Decoder) Reflect(n *yamlnode.Node, seg string, p any) {
	d.Value(n, reflect.ValueOf(p).Elem(), seg)
}

// within reports whether a value one level below the current one is
// within MaxDepth, and the budget of aliased nodes is not spent (past
// it, the reflective decoder decodes nothing more).
func (d *Decoder) within() bool { return d.depth < MaxDepth && d.aliased <= maxAliased }

// Simple reports whether n is a scalar other than null, at a depth within
// bounds: a value every scalar type takes as it is written, and the case
// a typed decoder takes itself.
func (d *Decoder) Simple(n *yamlnode.Node) bool {
	return n.Kind == yamlnode.ScalarNode && n.Tag != "!!null" && d.within()
}

// String decodes a string.
func (d *Decoder) String(n *yamlnode.Node, seg string, p *string) {
	if d.Simple(n) {
		*p = n.Value
		return
	}
	d.Reflect(n, seg, p)
}

// Bool decodes true or false.
func (d *Decoder) Bool(n *yamlnode.Node, seg string, p *bool) {
	if d.Simple(n) {
		switch n.Value {
		case "true":
			*p = true
			return
		case "false":
			*p = false
			return
		}
	}
	d.Reflect(n, seg, p)
}

// Text decodes a scalar through the type's UnmarshalText.
func Text[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](d *Decoder, n *yamlnode.Node, seg string, p *T) {
	if !d.Simple(n) {
		d.Reflect(n, seg, p)
		return
	}
	if err := P(p).UnmarshalText([]byte(n.Value)); err != nil {
		d.push(seg)
		d.reportText(n, err)
		d.pop(seg)
	}
}

// reportText reports the error of an UnmarshalText, with its hint.
func (d *Decoder) reportText(n *yamlnode.Node, err error) {
	hint := ""
	if h, ok := err.(interface{ Hint() string }); ok {
		hint = h.Hint()
	}
	d.Report(InvalidValue, n, "", err.Error(), hint)
}

func (d *Decoder) push(seg string) {
	if seg != "" {
		d.stack = append(d.stack, seg)
	}
	d.depth++
}

func (d *Decoder) pop(seg string) {
	d.depth--
	if seg != "" {
		d.stack = d.stack[:len(d.stack)-1]
	}
}

// Slice decodes a list, each element with elem.
func Slice[S ~[]T, T any](d *Decoder, n *yamlnode.Node, seg string, p *S, elem func(*Decoder, *yamlnode.Node, string, *T)) {
	if n.Kind != yamlnode.SequenceNode || !d.within() {
		d.Reflect(n, seg, p)
		return
	}
	d.push(seg)
	s := make(S, len(n.Content))
	d.elements(n, func(i int, item *yamlnode.Node) { elem(d, item, "", &s[i]) })
	*p = s
	d.pop(seg)
}

// Pointer decodes a value that may be absent: a pointer, allocated when
// the key is given.
func Pointer[T any](d *Decoder, n *yamlnode.Node, seg string, p **T, elem func(*Decoder, *yamlnode.Node, string, *T)) {
	if n.Kind == yamlnode.AliasNode || (n.Kind == yamlnode.ScalarNode && n.Tag == "!!null") || !d.within() {
		d.Reflect(n, seg, p)
		return
	}
	if *p == nil {
		*p = new(T)
	}
	elem(d, n, seg, *p)
}

// Enter begins a typed decode of a struct: it reports whether n is a
// mapping within bounds, and if so steps into it, to be left with Leave.
// When it returns false, the caller hands n to Reflect.
func (d *Decoder) Enter(n *yamlnode.Node, seg string) bool {
	if n.Kind != yamlnode.MappingNode || !d.within() {
		return false
	}
	d.push(seg)
	return true
}

// Leave ends what Enter began.
func (d *Decoder) Leave(seg string) { d.pop(seg) }

// Key checks a mapping key as the reflective decoder does: a string, not
// a merge key. It reports what is wrong and returns false.
func (d *Decoder) Key(k *yamlnode.Node) (string, bool) { return d.key(k, nil) }

// Once reports whether field (its position among the struct's fields,
// as Fields lists them) is given for the first time in the mapping being
// decoded, recording it in seen; a second time is reported at key k,
// named name.
func (d *Decoder) Once(seen *uint64, field int, k *yamlnode.Node, name string) bool {
	if field >= 64 {
		return true
	}
	bit := uint64(1) << field
	if *seen&bit != 0 {
		d.Report(DuplicateKey, k, "."+name, fmt.Sprintf("key %q is given twice in this mapping", name), "remove one of them; the later one is ignored")
		return false
	}
	*seen |= bit
	return true
}

// Unknown reports key k, which struct type t does not have.
func (d *Decoder) Unknown(k *yamlnode.Node, name string, t reflect.Type) {
	d.Report(UnknownField, k, "."+name, fmt.Sprintf("unknown field %q", name), Suggest(name, infoOf(t).names))
}
