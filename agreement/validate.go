package agreement

import (
	"fmt"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/topics"
)

// Validate checks an agreement built in code, not loaded from a file,
// with the schema and the semantic rules that loading runs. The
// diagnostics name the place by path and have no file or position.
func Validate(a *Agreement) Diagnostics { return Loader{}.Validate(a) }

// Validate is Validate with the loader's taxonomy of topics.
func (l Loader) Validate(a *Agreement) Diagnostics {
	root := codec.Encode(a, encodeHooks)
	doc := &Document{Agreement: a, root: root}
	if a.Format != FormatV1 && a.Format != "" {
		doc.report(SeverityError, RuleFormatVersion, docpath.Root().Child("format"), fmt.Sprintf("format %q is not one this version reads", a.Format),
			fmt.Sprintf("write format: %s", FormatV1))
	}
	index := codec.NewTree(root)
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
