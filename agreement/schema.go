package agreement

import (
	"fmt"
	"strings"
	"sync"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/quickschema"
	"github.com/entente-go/entente/schema"
)

// quickSchema is the schema compiled for the quick check (nil if it uses
// a keyword the check does not know; a test rules that out).
var quickSchema = sync.OnceValue(func() *quickschema.Schema {
	q, _ := quickschema.Compile(schema.JSON())
	return q
})

var schemaRules = map[schema.Kind]Rule{
	schema.Required:             RuleSchemaRequired,
	schema.AdditionalProperties: RuleSchemaAdditionalProperty,
	schema.Type:                 RuleSchemaType,
	schema.Enum:                 RuleSchemaEnum,
	schema.Const:                RuleSchemaConst,
	schema.Pattern:              RuleSchemaPattern,
	schema.MinLength:            RuleSchemaEmpty,
	schema.MinItems:             RuleSchemaEmpty,
	schema.Format:               RuleSchemaFormat,
	schema.Other:                RuleSchemaOther,
}

// checkSchema validates the document's JSON-typed value against the
// schema and reports each violation at the line and column it concerns.
// A violation at a path where the decoder already reported a problem is
// the same fault seen twice, and is dropped.
func (d *Document) checkSchema(tree *codec.Tree) {
	root := tree.Root()
	if q := quickSchema(); q != nil && q.ValidNode(root) {
		return // certainly valid: no value to build, no violation to find
	}
	value, ok := codec.JSONValue(root)
	if !ok {
		return // the decoder has reported the expansion limit
	}
	violations, err := schema.Validate(value)
	if err != nil {
		panic(err) // the embedded schema compiles: a test makes sure
	}
	seen := make(map[string]bool, len(d.Diagnostics)) // paths as written
	for _, diag := range d.Diagnostics {
		seen[diag.Path.String()] = true
	}
	for _, v := range violations {
		key, node, path, _ := tree.Locate(v.Location)
		pos := Position{node.Line, node.Column}
		diag := Diagnostic{File: d.Name, Rule: schemaRules[v.Kind], Severity: SeverityError, Message: v.Message}
		switch v.Kind {
		case schema.Required:
			if d.misspelt(path, v.Missing) {
				continue // reported as an unknown field with a "did you mean"
			}
			path = path.Child(v.Missing)
			if key != nil {
				pos = Position{key.Line, key.Column}
			}
			diag.Message = fmt.Sprintf("missing required field %q", v.Missing)
			if path.Len() == 1 {
				diag.Message += " at the top level"
			}
			diag.Hint = fmt.Sprintf("add %s: to this mapping", v.Missing)
		case schema.AdditionalProperties:
			if key != nil {
				pos = Position{key.Line, key.Column}
			}
			diag.Message = fmt.Sprintf("unknown field %q", v.Got)
		case schema.Type:
			diag.Message = fmt.Sprintf("expected %s, found %s", typeWords(v.Want), typeWords([]string{v.Got}))
		case schema.Enum:
			diag.Hint = "allowed: " + strings.Join(v.Want, ", ")
		case schema.Const:
			diag.Message = fmt.Sprintf("%q is not %s", v.Got, v.Want[0])
			diag.Hint = fmt.Sprintf("write %s", v.Want[0])
		case schema.Pattern:
			diag.Hint = patternHint(v.Location)
		}
		if written := path.String(); seen[written] {
			continue
		} else {
			seen[written] = true
		}
		diag.Path, diag.Position = path, pos
		d.Diagnostics = append(d.Diagnostics, diag)
	}
}

func typeWords(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "object":
			words[i] = "a mapping"
		case "array":
			words[i] = "a list"
		case "string":
			words[i] = "a string"
		case "boolean":
			words[i] = "true or false"
		case "null":
			words[i] = "nothing (null)"
		default:
			words[i] = "a " + t
		}
	}
	return strings.Join(words, " or ")
}

// patternHint says what form a value must take, by the field it is in.
func patternHint(loc []string) string {
	if len(loc) >= 2 && loc[len(loc)-2] == "text" {
		return "texts are keyed by ISO 639-1 codes in lower case, such as en or ru"
	}
	field := ""
	for i := len(loc) - 1; i >= 0; i-- {
		if _, err := fmt.Sscan(loc[i], new(int)); err != nil {
			field = loc[i]
			break
		}
	}
	switch field {
	case "country":
		return "use an ISO 3166-1 alpha-2 code in capitals, such as IR"
	case "languages", "authentic", "text":
		return "use an ISO 639-1 code in lower case, such as ru"
	case "topic", "topics":
		return "topic codes are lower-case words joined by dots, such as energy.oil-gas"
	case "date":
		return "write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %"
	case "duration", "notice", "period", "delay":
		return "write an ISO 8601 duration such as P20Y or P30D"
	}
	return "ids use lower-case letters, digits, '.', '_' and '-', and start with a letter or digit"
}

// misspelt reports whether the loader reported an unknown field in the
// mapping at path whose hint names the missing field: "titel" for "title".
func (d *Document) misspelt(path docpath.Path, missing string) bool {
	hint := fmt.Sprintf("did you mean %q?", missing)
	for _, diag := range d.Diagnostics {
		if diag.Rule == RuleLoadUnknownField && diag.Hint == hint && diag.Path.Parent().Equal(path) {
			return true
		}
	}
	return false
}
