package agreement

import (
	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/topics"
)

// ReadTaxonomy reads a taxonomy of topics from YAML (or JSON) of the form
//
//	topics:
//	  - {code: space, label: Space, description: ...}
//	  - {code: space.launchers, label: Launch vehicles}
//
// on top of base (nil for a taxonomy of its own), parents before their
// children. Every problem is a diagnostic at its line and column; the
// taxonomy is nil when there are any. Give the result to a Loader's
// Topics to check agreements against it.
func ReadTaxonomy(base *topics.Taxonomy, name string, src []byte) (*topics.Taxonomy, Diagnostics) {
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		return nil, Diagnostics{syntaxDiagnostic(name, src, serr)}
	}
	if !looksLikeTaxonomy(root) {
		// Not a taxonomy: nothing of it is quoted, since it may be any
		// file a configuration names by mistake (or by malice).
		return nil, Diagnostics{{File: name, Position: Position{1, 1}, Rule: RuleLoadShape, Severity: SeverityError,
			Message: "this file is not a taxonomy: its top level is not a mapping with topics:", Hint: "a taxonomy file is a mapping with a list of topics: {code, label, description}; a child's code is its parent's, a dot and its own"}}
	}
	var file struct {
		Topics []topics.Topic `json:"topics"`
	}
	var ds Diagnostics
	for _, p := range codec.Decode(root, &file, nil) {
		ds = append(ds, Diagnostic{File: name, Position: Position(p.Pos), Path: p.Path, Rule: problemRules[p.Kind],
			Severity: SeverityError, Message: p.Message, Hint: p.Hint})
	}
	if base == nil {
		base = &topics.Taxonomy{}
	}
	t, problems := base.Extend(file.Topics)
	for _, p := range problems {
		path := docpath.Root().Child("topics").Index(p.Index)
		if p.Field == "code" {
			path = path.Child("code")
		}
		d := Diagnostic{File: name, Path: path, Rule: RuleTaxonomyTopic, Severity: SeverityError, Message: p.Message}
		if _, v, ok := codec.Find(root, path); ok {
			d.Position = Position{v.Line, v.Column}
		}
		ds = append(ds, d)
	}
	if len(ds) > 0 {
		ds.Sort()
		return nil, ds
	}
	return t, nil
}

// The rule of taxonomy files.
const (
	RuleTaxonomyTopic Rule = "taxonomy.topic" // a topic of a taxonomy file that cannot join it
)

var taxonomyRules = []ruleDef{
	{rule: RuleTaxonomyTopic, doc: "A topic of a taxonomy file with a malformed code, no label, a code defined twice or a parent not defined before it."},
}

// DecodeYAML reads YAML (or JSON) into out, a pointer to a struct whose
// fields carry json tags, with the loader's care: a syntax error, an
// unknown key (with a did-you-mean), a duplicate, a value of the wrong
// shape or one its type rejects is a diagnostic at its line and column.
// The lookup it returns gives the place of any value, for the checks the
// caller makes of its own. For the files beside the agreements, such as a
// tool's configuration.
func DecodeYAML(name string, src []byte, out any) (Diagnostics, func(docpath.Path) (Span, bool)) {
	none := func(docpath.Path) (Span, bool) { return Span{}, false }
	root, serr := yamlnode.Parse(src)
	if serr != nil {
		return Diagnostics{syntaxDiagnostic(name, src, serr)}, none
	}
	var ds Diagnostics
	for _, p := range codec.Decode(root, out, nil) {
		ds = append(ds, Diagnostic{File: name, Position: Position(p.Pos), Path: p.Path, Rule: problemRules[p.Kind],
			Severity: SeverityError, Message: p.Message, Hint: p.Hint})
	}
	ds.Sort()
	tree := codec.NewTree(root)
	return ds, func(p docpath.Path) (Span, bool) { return spanOf(tree.Find(p)) }
}

// looksLikeTaxonomy reports whether a parsed file's top level is a
// mapping with a topics key.
func looksLikeTaxonomy(top *yamlnode.Node) bool {
	if top == nil || top.Kind != yamlnode.MappingNode {
		return false
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "topics" {
			return true
		}
	}
	return false
}
