// Package codec maps the YAML node tree onto the model's Go types and back.
//
// Decoding walks the tree by hand rather than through the YAML library's
// own decoder, so that every value keeps its text as written (2025-01-17
// stays a string, 012 stays 012), every key and value keeps its line and
// column, unknown and duplicate keys are reported with positions, and one
// run reports every problem instead of stopping at the first.
//
// Field names come from the `json` struct tags of the model, so that
// encoding/json, YAML and the JSON Schema all use one set of names.
package codec

import (
	"reflect"
	"strings"
	"sync"

	"github.com/entente-go/entente/docpath"
)

type field struct {
	name  string
	index int
}

type structInfo struct {
	fields []field
	byName map[string]int // name -> position in fields
	names  []string       // in declaration order, for hints
	segs   []docpath.Step // each field's step in a path
}

var structCache sync.Map // reflect.Type -> *structInfo

func infoOf(t reflect.Type) *structInfo {
	if si, ok := structCache.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byName: map[string]int{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, index: i}
		si.byName[name] = len(si.fields)
		si.fields = append(si.fields, f)
		si.names = append(si.names, name)
		si.segs = append(si.segs, docpath.Step{Kind: docpath.Field, Name: name})
	}
	actual, _ := structCache.LoadOrStore(t, si)
	return actual.(*structInfo)
}
