package schema

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// This file holds a second, quick reading of the schema that can only say
// "valid": it knows the few keywords the schema uses and checks a value
// against them without building the error tree the JSON-Schema library
// builds. Validate asks it first; when it cannot vouch for a value (the
// value breaks the schema, or holds something it does not know, such as a
// number), the library validates the value and describes every violation.
// A valid file, the common case, is so checked several times faster. The
// tests hold it to the library's verdict over the corpus, generated and
// mutated agreements, and fuzzed values.

// rule is one schema (object) of the document, compiled.
type rule struct {
	types      []string // JSON types allowed; empty means any
	properties map[string]*rule
	required   []string
	additional *rule // for properties not listed; nil with closed
	closed     bool  // additionalProperties: false
	names      *rule // propertyNames
	items      *rule
	minItems   int
	minLength  int
	enum       map[string]bool // string values allowed; nil means any
	constant   *string
	pattern    func(string) bool
	uri        bool
	anyOf      []*rule
	ref        string // a JSON pointer into the document, resolved to target
	target     *rule
}

// annotations are keywords that do not constrain a value.
var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "title": true, "description": true, "examples": true, "default": true, "$comment": true}

var quick = sync.OnceValues(func() (*rule, error) {
	var doc map[string]any
	if err := json.Unmarshal(schemaJSON, &doc); err != nil {
		return nil, err
	}
	c := compiler{doc: doc, targets: map[string]*rule{}}
	root, err := c.rule(doc)
	if err != nil {
		return nil, err
	}
	// Resolve references; a target may hold references of its own (the
	// clause holds clauses).
	for len(c.pending) > 0 {
		r := c.pending[0]
		c.pending = c.pending[1:]
		if r.target, err = c.resolve(r.ref); err != nil {
			return nil, err
		}
	}
	return root, nil
})

type compiler struct {
	doc     map[string]any
	pending []*rule          // rules with a $ref not yet resolved
	targets map[string]*rule // compiled targets, by reference
}

// rule compiles a schema object; a keyword it does not know is an error,
// and then Validate always uses the library.
func (c *compiler) rule(v any) (*rule, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("schema %v is not an object", v)
	}
	r := &rule{}
	for k, v := range m {
		var err error
		switch k {
		case "type":
			switch t := v.(type) {
			case string:
				r.types = []string{t}
			case []any:
				for _, x := range t {
					s, ok := x.(string)
					if !ok {
						return nil, fmt.Errorf("type %v", t)
					}
					r.types = append(r.types, s)
				}
			default:
				return nil, fmt.Errorf("type %v", v)
			}
			for _, t := range r.types {
				switch t {
				case "object", "array", "string", "boolean", "null":
				default:
					return nil, fmt.Errorf("type %q is not known here", t)
				}
			}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("properties %v", v)
			}
			r.properties = map[string]*rule{}
			for name, p := range props {
				if r.properties[name], err = c.rule(p); err != nil {
					return nil, err
				}
			}
		case "required":
			list, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("required %v", v)
			}
			for _, x := range list {
				s, ok := x.(string)
				if !ok {
					return nil, fmt.Errorf("required %v", v)
				}
				r.required = append(r.required, s)
			}
		case "additionalProperties":
			if b, ok := v.(bool); ok {
				r.closed = !b
			} else {
				r.additional, err = c.rule(v)
			}
		case "propertyNames":
			r.names, err = c.rule(v)
		case "items":
			r.items, err = c.rule(v)
		case "minItems":
			r.minItems, err = count(v)
		case "minLength":
			r.minLength, err = count(v)
		case "enum":
			list, ok := v.([]any)
			if !ok {
				return nil, fmt.Errorf("enum %v", v)
			}
			r.enum = map[string]bool{}
			for _, x := range list {
				s, ok := x.(string)
				if !ok {
					return nil, fmt.Errorf("enum %v: only strings are known here", v)
				}
				r.enum[s] = true
			}
		case "const":
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("const %v: only strings are known here", v)
			}
			r.constant = &s
		case "pattern":
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("pattern %v", v)
			}
			r.pattern, err = matcher(s)
		case "format":
			if v != "uri" {
				return nil, fmt.Errorf("format %v is not known here", v)
			}
			r.uri = true
		case "anyOf":
			list, ok := v.([]any)
			if !ok || len(list) == 0 {
				return nil, fmt.Errorf("anyOf %v", v)
			}
			for _, x := range list {
				b, err := c.rule(x)
				if err != nil {
					return nil, err
				}
				r.anyOf = append(r.anyOf, b)
			}
		case "$ref":
			s, ok := v.(string)
			if !ok || !strings.HasPrefix(s, "#/") {
				return nil, fmt.Errorf("$ref %v: only references inside the document are known here", v)
			}
			r.ref = s
			c.pending = append(c.pending, r)
		case "$defs":
			defs, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("$defs %v", v)
			}
			for _, d := range defs {
				if _, err := c.rule(d); err != nil {
					return nil, err
				}
			}
		default:
			if !annotations[k] {
				return nil, fmt.Errorf("keyword %q is not known here", k)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// resolve compiles the schema a reference points at, once.
func (c *compiler) resolve(ref string) (*rule, error) {
	if r, ok := c.targets[ref]; ok {
		return r, nil
	}
	var v any = c.doc
	for _, tok := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$ref %s does not resolve", ref)
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		if v, ok = m[tok]; !ok {
			return nil, fmt.Errorf("$ref %s does not resolve", ref)
		}
	}
	r, err := c.rule(v)
	if err != nil {
		return nil, err
	}
	c.targets[ref] = r
	return r, nil
}

func count(v any) (int, error) {
	f, ok := v.(float64)
	if !ok || f < 0 || f != float64(int(f)) {
		return 0, fmt.Errorf("count %v", v)
	}
	return int(f), nil
}

// valid reports whether v certainly meets the rule; false means "not
// certain": v breaks it, or holds a value this reading does not know.
func (r *rule) valid(v any) bool {
	if r.target != nil && !r.target.valid(v) {
		return false
	}
	if len(r.types) > 0 && !contains(r.types, typeOf(v)) {
		return false
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range r.required {
			if _, ok := v[name]; !ok {
				return false
			}
		}
		for name, x := range v {
			if r.names != nil && !r.names.valid(name) {
				return false
			}
			if p, ok := r.properties[name]; ok {
				if !p.valid(x) {
					return false
				}
			} else if r.closed || r.additional != nil && !r.additional.valid(x) {
				return false
			}
		}
	case []any:
		if len(v) < r.minItems {
			return false
		}
		if r.items != nil {
			for _, x := range v {
				if !r.items.valid(x) {
					return false
				}
			}
		}
	case string:
		if r.minLength > 0 && utf8.RuneCountInString(v) < r.minLength {
			return false
		}
		if r.enum != nil && !r.enum[v] || r.constant != nil && v != *r.constant {
			return false
		}
		if r.pattern != nil && !r.pattern(v) {
			return false
		}
		if r.uri && !absoluteURL(v) {
			return false
		}
	case bool, nil:
		if r.enum != nil || r.constant != nil {
			return false
		}
	default:
		return false // a number, or no JSON value at all: the library judges it
	}
	if len(r.anyOf) > 0 {
		for _, b := range r.anyOf {
			if b.valid(v) {
				return true
			}
		}
		return false
	}
	return true
}

func typeOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case nil:
		return "null"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// absoluteURL reports whether s is certainly an absolute URL as the
// library's "uri" format wants one; a host with a colon in it (an IPv6
// address) is left to the library.
func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && !strings.Contains(u.Hostname(), ":")
}

// matcher returns a function that matches strings as the pattern does:
// hand-written for the schema's patterns, a regular expression for any
// other.
func matcher(pattern string) (func(string) bool, error) {
	if m, ok := patterns[pattern]; ok {
		return m, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	return re.MatchString, nil
}

// patterns are the schema's patterns as functions; a test holds each to
// its regular expression.
var patterns = map[string]func(string) bool{
	`^[a-z0-9][a-z0-9._-]*$`:                   isID,
	`^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$`:    isTopic,
	`^[A-Z]{2}$`:                               func(s string) bool { return len(s) == 2 && upper(s[0]) && upper(s[1]) },
	`^[a-z]{2}$`:                               func(s string) bool { return len(s) == 2 && lower(s[0]) && lower(s[1]) },
	`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?$`: isDate,
	`^P([0-9]+Y([0-9]+M)?([0-9]+W)?([0-9]+D)?|[0-9]+M([0-9]+W)?([0-9]+D)?|[0-9]+W([0-9]+D)?|[0-9]+D)$`: isDuration,
}

func upper(c byte) bool { return c >= 'A' && c <= 'Z' }
func lower(c byte) bool { return c >= 'a' && c <= 'z' }
func digit(c byte) bool { return c >= '0' && c <= '9' }

func isID(s string) bool {
	if s == "" || !(lower(s[0]) || digit(s[0])) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(lower(c) || digit(c) || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isTopic(s string) bool {
	for part := range strings.SplitSeq(s, ".") {
		if part == "" || !lower(part[0]) {
			return false
		}
		for i := 1; i < len(part); i++ {
			if c := part[i]; !(lower(c) || digit(c) || c == '-') {
				return false
			}
		}
	}
	return true
}

func isDate(s string) bool {
	if n := len(s); n > 0 && strings.IndexByte("~?%", s[n-1]) >= 0 {
		s = s[:n-1]
	}
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if !digit(s[i]) {
				return false
			}
		}
		return true
	}
	switch len(s) {
	case 4:
		return digits(s)
	case 7:
		return digits(s[:4]) && s[4] == '-' && digits(s[5:])
	case 10:
		return digits(s[:4]) && s[4] == '-' && digits(s[5:7]) && s[7] == '-' && digits(s[8:])
	}
	return false
}

// isDuration: P, then one or more of nY nM nW nD in that order, each at
// most once.
func isDuration(s string) bool {
	if len(s) < 3 || s[0] != 'P' {
		return false
	}
	s = s[1:]
	units := "YMWD"
	for s != "" {
		i := 0
		for i < len(s) && digit(s[i]) {
			i++
		}
		if i == 0 || i == len(s) {
			return false
		}
		u := strings.IndexByte(units, s[i])
		if u < 0 {
			return false
		}
		units = units[u+1:]
		s = s[i+1:]
	}
	return true
}
