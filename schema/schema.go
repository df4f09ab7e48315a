// Package schema holds the JSON Schema (draft 2020-12) of the entente/v1
// format and validates JSON-typed values against it.
//
//   - [JSON] is the schema itself, for editors and other validators.
//   - [Validate] checks a value (map[string]any, []any, string, bool,
//     nil, as encoding/json decodes into any) and returns every
//     [Violation] with its instance location and kind.
//
// The schema is compiled once, on first use. The JSON-Schema library is an
// implementation detail: none of its types leave this package.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// ID is the schema's $id.
const ID = "https://entente-go.github.io/entente/schema/v1/agreement.schema.json"

//go:embed agreement.schema.json
var schemaJSON []byte

// JSON returns the schema document.
func JSON() []byte { return bytes.Clone(schemaJSON) }

// Kind is the kind of a violation.
type Kind string

const (
	Required             Kind = "required"            // a required property is missing: Missing names it
	AdditionalProperties Kind = "additional-property" // a property the schema does not allow: Property names it
	Type                 Kind = "type"                // a value of the wrong type: Want lists the allowed types
	Enum                 Kind = "enum"                // a value outside an enumeration: Want lists the allowed values
	Const                Kind = "const"               // a value other than the one allowed: Want holds it
	Pattern              Kind = "pattern"             // a string not matching a pattern: Want holds the pattern
	MinLength            Kind = "min-length"          // a string too short (empty)
	MinItems             Kind = "min-items"           // a list too short (empty)
	Format               Kind = "format"              // a string not in its format (uri): Want names it
	Other                Kind = "other"               // anything else
)

// Violation is one way a value breaks the schema.
type Violation struct {
	// Location is the instance location as JSON-pointer tokens:
	// ["clauses", "0", "commitments", "1", "kind"]. For Required it is the
	// object that lacks the property; for AdditionalProperties, the
	// property itself.
	Location []string
	Kind     Kind
	Got      string   // the offending value, as text, where there is one
	Want     []string // allowed types, values or the pattern, by Kind
	Missing  string   // for Required: the missing property
	Message  string   // a sentence, for people
}

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(ID, doc); err != nil {
		return nil, err
	}
	return c.Compile(ID)
})

// Validate checks v against the schema and returns every violation, in no
// particular order. The error is for a schema that does not compile, which
// a test rules out.
func Validate(v any) ([]Violation, error) {
	s, err := compiled()
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	err = s.Validate(v)
	if err == nil {
		return nil, nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, fmt.Errorf("schema: %w", err)
	}
	var out []Violation
	collect(verr, nil, &out)
	return out, nil
}

// collect flattens the error tree into leaf violations. Where anyOf or
// oneOf failed, it keeps only the branch that came closest: a branch that
// failed only on the value's type says nothing about what the author meant
// when another branch got past the type.
//
// parent is the instance location of e's parent.
func collect(e *jsonschema.ValidationError, parent []string, out *[]Violation) {
	switch k := e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		if k, ok := k.(*kind.OneOf); ok && len(k.Subschemas) > 1 {
			*out = append(*out, Violation{Location: slices.Clone(e.InstanceLocation), Kind: Other, Message: "the value matches more than one allowed form"})
			return
		}
		var typeOnly []*jsonschema.ValidationError
		var closer []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if isTypeOnly(c, e.InstanceLocation) {
				typeOnly = append(typeOnly, c)
			} else {
				closer = append(closer, c)
			}
		}
		if len(closer) > 0 {
			collect(closer[0], e.InstanceLocation, out)
			return
		}
		v := Violation{Location: slices.Clone(e.InstanceLocation), Kind: Type}
		for _, c := range typeOnly {
			if t, ok := leaf(c).ErrorKind.(*kind.Type); ok {
				v.Got = t.Got
				v.Want = append(v.Want, t.Want...)
			}
		}
		v.Message = fmt.Sprintf("expected %s, found %s", strings.Join(v.Want, " or "), v.Got)
		*out = append(*out, v)
		return
	}
	if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
		// The causes validate the name as a value of its own, with no
		// location; the place to point at is the property. The library
		// (v6.0.3) gives this error a location that shares memory with
		// others and may be overwritten, so the parent's is used: a
		// propertyNames failure is always about the parent's object.
		*out = append(*out, Violation{Location: append(slices.Clone(parent), k.Property), Kind: Pattern,
			Got: k.Property, Message: fmt.Sprintf("%q is not an allowed key here", k.Property)})
		return
	}
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			collect(c, e.InstanceLocation, out)
		}
		return
	}
	*out = append(*out, violation(e)...)
}

// isTypeOnly reports whether e failed only because the value at loc has
// the wrong type.
func isTypeOnly(e *jsonschema.ValidationError, loc []string) bool {
	l := leaf(e)
	_, ok := l.ErrorKind.(*kind.Type)
	return ok && slices.Equal(l.InstanceLocation, loc)
}

func leaf(e *jsonschema.ValidationError) *jsonschema.ValidationError {
	for len(e.Causes) == 1 {
		e = e.Causes[0]
	}
	return e
}

func violation(e *jsonschema.ValidationError) []Violation {
	loc := slices.Clone(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var vs []Violation
		for _, m := range k.Missing {
			vs = append(vs, Violation{Location: loc, Kind: Required, Missing: m,
				Message: fmt.Sprintf("missing required field %q", m)})
		}
		return vs
	case *kind.AdditionalProperties:
		var vs []Violation
		for _, p := range k.Properties {
			vs = append(vs, Violation{Location: append(slices.Clone(loc), p), Kind: AdditionalProperties, Got: p,
				Message: fmt.Sprintf("field %q is not allowed here", p)})
		}
		return vs
	case *kind.Type:
		return []Violation{{Location: loc, Kind: Type, Got: k.Got, Want: k.Want,
			Message: fmt.Sprintf("expected %s, found %s", strings.Join(k.Want, " or "), k.Got)}}
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = fmt.Sprint(w)
		}
		return []Violation{{Location: loc, Kind: Enum, Got: fmt.Sprint(k.Got), Want: want,
			Message: fmt.Sprintf("%q is not one of the allowed values", fmt.Sprint(k.Got))}}
	case *kind.Const:
		return []Violation{{Location: loc, Kind: Const, Got: fmt.Sprint(k.Got), Want: []string{fmt.Sprint(k.Want)},
			Message: fmt.Sprintf("the value must be %q", fmt.Sprint(k.Want))}}
	case *kind.Pattern:
		return []Violation{{Location: loc, Kind: Pattern, Got: k.Got, Want: []string{k.Want},
			Message: fmt.Sprintf("%q does not have the required form", k.Got)}}
	case *kind.MinLength:
		return []Violation{{Location: loc, Kind: MinLength, Message: "the value must not be empty"}}
	case *kind.MinItems:
		return []Violation{{Location: loc, Kind: MinItems, Message: fmt.Sprintf("the list needs at least %d item(s)", k.Want)}}
	case *kind.Format:
		return []Violation{{Location: loc, Kind: Format, Got: fmt.Sprint(k.Got), Want: []string{k.Want},
			Message: fmt.Sprintf("%q is not a valid %s", fmt.Sprint(k.Got), k.Want)}}
	}
	return []Violation{{Location: loc, Kind: Other, Message: e.Error()}}
}

//go:embed outputs/validate.schema.json
var validateSchema []byte

//go:embed outputs/diff.schema.json
var diffSchema []byte

//go:embed outputs/show.schema.json
var showSchema []byte

//go:embed outputs/ls.schema.json
var lsSchema []byte

// outputs are the schemas of the command's JSON outputs, by name.
var outputs = map[string][]byte{"validate": validateSchema, "diff": diffSchema, "show": showSchema, "ls": lsSchema}

// OutputNames lists the command's JSON outputs that have a schema.
func OutputNames() []string { return []string{"validate", "diff", "show", "ls"} }

// Output returns the JSON Schema of one of the command's JSON outputs
// (entente validate, diff, show or ls --format json); false for another
// name.
func Output(name string) ([]byte, bool) {
	s, ok := outputs[name]
	return bytes.Clone(s), ok
}

var compiledOutputs sync.Map // name -> *jsonschema.Schema

// ValidateOutput checks a document the command printed (as encoding/json
// decodes it into any) against the schema of its output; the error says
// where it breaks it.
func ValidateOutput(name string, value any) error {
	if s, ok := compiledOutputs.Load(name); ok {
		return s.(*jsonschema.Schema).Validate(value)
	}
	src, ok := outputs[name]
	if !ok {
		return fmt.Errorf("no output %q", name)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		return err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name+".schema.json", doc); err != nil {
		return err
	}
	s, err := c.Compile(name + ".schema.json")
	if err != nil {
		return err
	}
	compiledOutputs.Store(name, s)
	return s.Validate(value)
}
