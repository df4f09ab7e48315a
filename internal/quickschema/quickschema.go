// Package quickschema checks a YAML node tree against a JSON Schema that
// uses only a few keywords — type, properties, required,
// additionalProperties, propertyNames, items, minItems, minLength, enum
// and const of strings, pattern, format "uri", anyOf, and $ref inside the
// document — and can only say "valid": when it cannot vouch for a tree
// (it breaks the schema, or holds something the check does not follow),
// the caller builds the JSON-typed value and validates it with the
// JSON-Schema library (package schema), which describes every violation.
// A valid file, the common case, is so checked many times faster, without
// the JSON-typed value or the library's error tree.
//
// Its tests hold its verdicts to the library's.
package quickschema

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/entente-go/entente/internal/yamlnode"
)

// rule is one schema (object) of the document, compiled.
type rule struct {
	types      kindSet // JSON types allowed; none means any
	properties propTable
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

// Schema is a schema document compiled for the quick check.
type Schema struct{ root *rule }

// Compile compiles a JSON Schema document. A keyword outside the subset is
// an error: the caller then validates with the library alone.
func Compile(doc []byte) (*Schema, error) {
	var v map[string]any
	if err := json.Unmarshal(doc, &v); err != nil {
		return nil, err
	}
	c := compiler{doc: v, targets: map[string]*rule{}}
	root, err := c.rule(v)
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
	return &Schema{root: root}, nil
}

// ValidNode reports whether the JSON-typed value of the tree at n (as
// codec.JSONValue makes it) certainly meets the schema, without making
// that value. Where a mapping repeats a key, every entry is checked, not
// only the first: more than the value holds, never less. An alias is not
// followed: false.
func (s *Schema) ValidNode(n *yamlnode.Node) bool { return s.root.validNode(n) }

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
			var names []string
			switch t := v.(type) {
			case string:
				names = []string{t}
			case []any:
				for _, x := range t {
					s, ok := x.(string)
					if !ok {
						return nil, fmt.Errorf("type %v", t)
					}
					names = append(names, s)
				}
			default:
				return nil, fmt.Errorf("type %v", v)
			}
			for _, t := range names {
				k, ok := kindNamed[t]
				if !ok {
					return nil, fmt.Errorf("type %q is not known here", t)
				}
				r.types |= k
			}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("properties %v", v)
			}
			byName := map[string]*rule{}
			for name, p := range props {
				if byName[name], err = c.rule(p); err != nil {
					return nil, err
				}
			}
			r.properties = newPropTable(byName)
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

// validNode reports whether the JSON-typed value of the tree at n
// certainly meets the rule; false means "not certain": it breaks the rule,
// or holds something this check does not follow.
func (r *rule) validNode(n *yamlnode.Node) bool {
	if n.Kind == yamlnode.AliasNode {
		return false
	}
	if r.target != nil && !r.target.validNode(n) {
		return false
	}
	var kind kindSet
	switch n.Kind {
	case yamlnode.MappingNode:
		kind = object
	case yamlnode.SequenceNode:
		kind = array
	case yamlnode.ScalarNode:
		kind = str
		switch n.Tag {
		case "!!null":
			kind = null
		case "!!bool":
			if _, err := strconv.ParseBool(n.Value); err == nil {
				kind = boolean
			}
		}
	default:
		return false
	}
	if r.types != 0 && r.types&kind == 0 {
		return false
	}
	switch kind {
	case object:
		for _, name := range r.required {
			if !hasKey(n, name) {
				return false
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yamlnode.ScalarNode {
				return false // a key JSONValue would take from an alias or a collection
			}
			name := k.Value
			if r.names != nil && !r.names.validName(name) {
				return false
			}
			if p := r.properties.find(name); p != nil {
				if !p.validNode(v) {
					return false
				}
			} else if r.closed || r.additional != nil && !r.additional.validNode(v) {
				return false
			}
		}
	case array:
		if len(n.Content) < r.minItems {
			return false
		}
		if r.items != nil {
			for _, x := range n.Content {
				if !r.items.validNode(x) {
					return false
				}
			}
		}
	case str:
		if !r.validString(n.Value) {
			return false
		}
	default:
		if r.enum != nil || r.constant != nil {
			return false
		}
	}
	return len(r.anyOf) == 0 || slices.ContainsFunc(r.anyOf, func(b *rule) bool { return b.validNode(n) })
}

// validName checks a property name, a string, against the rule.
func (r *rule) validName(name string) bool {
	if r.target != nil && !r.target.validName(name) {
		return false
	}
	if r.types != 0 && r.types&str == 0 || !r.validString(name) {
		return false
	}
	return len(r.anyOf) == 0 || slices.ContainsFunc(r.anyOf, func(b *rule) bool { return b.validName(name) })
}

func hasKey(m *yamlnode.Node, name string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yamlnode.ScalarNode && m.Content[i].Value == name {
			return true
		}
	}
	return false
}

// validString checks a string against the rule's string keywords.
func (r *rule) validString(v string) bool {
	if r.minLength > 0 && utf8.RuneCountInString(v) < r.minLength {
		return false
	}
	if r.enum != nil && !r.enum[v] || r.constant != nil && v != *r.constant {
		return false
	}
	if r.pattern != nil && !r.pattern(v) {
		return false
	}
	return !r.uri || absoluteURL(v)
}

// absoluteURL reports whether s is an absolute URL as the "uri" format
// wants one: it parses, it is absolute, and a host with a colon in it is
// an IPv6 address in brackets, without a zone.
func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return false
	}
	host := u.Hostname()
	if !strings.Contains(host, ":") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return strings.Contains(u.Host, "[") && strings.Contains(u.Host, "]") && err == nil && addr.Zone() == ""
}

// Matcher is the function the quick check matches a pattern with.
func Matcher(pattern string) (func(string) bool, error) { return matcher(pattern) }

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
	`^[a-z0-9][a-z0-9._-]*$`:                isID,
	`^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$`: isTopic,
	`^[A-Z]{2}$`:                            func(s string) bool { return len(s) == 2 && upper(s[0]) && upper(s[1]) },
	`^[A-Z]{2}([A-Z]{2})?$`: func(s string) bool {
		return (len(s) == 2 || len(s) == 4) && strings.IndexFunc(s, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0
	},
	`^[a-z]{2}$`: func(s string) bool { return len(s) == 2 && lower(s[0]) && lower(s[1]) },
	`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[~?%]?$`:                                                         isDate,
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
