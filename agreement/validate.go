package agreement

import (
	"fmt"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/topics"
)

// Validate checks an agreement built in code, not loaded from a file,
// with the checks of loading (a date that does not exist, a malformed
// duration, an unknown word of a closed list, each with the rule loading
// gives it), the schema and the semantic rules. The diagnostics name the
// place by path and have no file or position. A nil agreement is checked
// as an empty one.
func Validate(a *Agreement) Diagnostics { return Loader{}.Validate(a) }

// Validate is Validate with the loader's taxonomy of topics.
func (l Loader) Validate(a *Agreement) Diagnostics {
	if a == nil {
		a = &Agreement{}
	}
	root := codec.Encode(a, encodeHooks)
	doc := &Document{Agreement: a, root: root}
	// What loading would find in the agreement as written: values the
	// types accept in code but not in a file (2020-02-31, a negative
	// duration).
	index := codec.NewTree(root)
	for _, p := range decode(root, new(Agreement)) {
		doc.Diagnostics = append(doc.Diagnostics, doc.problemDiagnostic(index, p))
	}
	if a.Format != FormatV1 && a.Format != "" {
		doc.report(SeverityError, RuleFormatVersion, docpath.Root().Child("format"), fmt.Sprintf("format %q is not one this version reads", a.Format),
			fmt.Sprintf("write format: %s", FormatV1))
	}
	doc.checkSchema(index)
	tax := l.Topics
	if tax == nil {
		tax = topics.Builtin()
	}
	doc.checkSemantics(index, tax, true)
	for i := range doc.Diagnostics {
		doc.Diagnostics[i].Position = Position{}
		doc.Diagnostics[i].Related = nil
	}
	doc.Diagnostics.Sort()
	return doc.Diagnostics
}
