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
	public []Field // what Fields returns
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
		si.public = append(si.public, Field{Name: name, Index: i})
	}
	actual, _ := structCache.LoadOrStore(t, si)
	return actual.(*structInfo)
}

// Field is a struct field as the format names it.
type Field struct {
	Name  string // the json name
	Index int    // the struct field index
}

// Fields returns the fields of a struct type in declaration order, under
// their format names. The slice is shared: do not change it.
func Fields(t reflect.Type) []Field { return infoOf(t).public }

// FieldIndex returns the struct field index of the field with the given
// format name, or -1.
func FieldIndex(t reflect.Type, name string) int {
	si := infoOf(t)
	if i, ok := si.byName[name]; ok {
		return si.fields[i].index
	}
	return -1
}
