package codec

import (
	"encoding"
	"reflect"
	"sync"
)

// plan is what the decoder needs to know of a type, worked out once per
// type rather than once per value: its kind, whether it reads itself from
// text, and the plans of its elements and fields. A plan is never changed
// once made.
type plan struct {
	t      reflect.Type
	kind   reflect.Kind
	text   bool        // *T is an encoding.TextUnmarshaler
	elem   *plan       // a pointer's, slice's or map's element
	si     *structInfo // a struct's fields
	fields []*plan     // a struct's field plans, as si.fields
}

var (
	plans       sync.Map // reflect.Type -> *plan, complete
	plansMu     sync.Mutex
	textUnmarsh = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// planOf returns the plan of t, making it (and the plans it leads to)
// the first time.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	plansMu.Lock()
	defer plansMu.Unlock()
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	made := map[reflect.Type]*plan{}
	p := makePlan(t, made)
	for t, p := range made {
		plans.Store(t, p) // only now that every plan it leads to is complete
	}
	return p
}

func makePlan(t reflect.Type, made map[reflect.Type]*plan) *plan {
	if p, ok := made[t]; ok {
		return p // a type that contains itself, such as Clause
	}
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := &plan{t: t, kind: t.Kind(), text: reflect.PointerTo(t).Implements(textUnmarsh)}
	made[t] = p
	switch p.kind {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		p.elem = makePlan(t.Elem(), made)
	case reflect.Struct:
		p.si = infoOf(t)
		p.fields = make([]*plan, len(p.si.fields))
		for i, f := range p.si.fields {
			p.fields[i] = makePlan(t.Field(f.index).Type, made)
		}
	}
	return p
}
