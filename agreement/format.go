package agreement

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

// blocksFormat reports whether a finding of the rule stops Format: the
// file could not be read as written (a syntax error, an unknown field, a
// value of the wrong shape), so the model lacks something the file holds.
// A value of the wrong type (a string "true" where true or false belongs)
// would be written back as the model holds it, changing what the author
// wrote: it blocks too.
func blocksFormat(r Rule) bool {
	return r == RuleSyntax || strings.HasPrefix(string(r), "load.") || r == RuleSchemaType
}

// Format rewrites an agreement file in canonical YAML — the key order of
// the model, two-space indentation, one style for each kind of value —
// and keeps its comments: each stays with the key or value it was written
// beside. Formatting is idempotent: formatting the output again gives it
// back unchanged.
//
// A key whose value is empty ("" or []) is dropped: it holds nothing and
// is flagged as value.empty; a comment written beside it moves to the end
// of the file, so that no comment is lost.
//
// A JSON file (by its name, or a document that begins with "{") is
// written as canonical JSON, indented; JSON has no comments to keep.
//
// A file that is not an agreement (Document.IsAgreement: other YAML, such
// as a workflow) is not formatted: its one diagnostic is
// load.not-agreement, and the output is nil.
//
// A file the loader cannot read as written (a syntax error, an unknown
// field, a duplicate key, a value of the wrong shape) is not formatted:
// rewriting it would drop what the model cannot hold. Its diagnostics are
// returned and the output is nil, even when a suppression comment hides
// the finding from validate. Findings of the schema and the rules do not
// stop formatting.
func Format(name string, src []byte) ([]byte, Diagnostics) {
	out, ds := format(name, src)
	if out == nil {
		return nil, ds
	}
	// The file's encoding, byte-order mark and line ends are the
	// author's: a file written with CRLF stays CRLF, a BOM stays, UTF-16
	// stays UTF-16 in its byte order.
	text := src
	order, bom, utf16 := yamlnode.UTF16(src)
	if utf16 {
		if bom {
			text = src[2:]
		}
		text = yamlnode.DecodeUTF16(text, order)
	}
	if crlf(text) {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	switch {
	case utf16:
		out = yamlnode.EncodeUTF16(out, order, bom)
	case bytes.HasPrefix(src, utf8BOM):
		out = append(slices.Clip(utf8BOM), out...)
	}
	return out, ds
}

var utf8BOM = []byte("\xef\xbb\xbf")

// crlf reports whether every line of src ends in CRLF.
func crlf(src []byte) bool {
	n := bytes.Count(src, []byte("\n"))
	return n > 0 && bytes.Count(src, []byte("\r\n")) == n
}

func format(name string, src []byte) ([]byte, Diagnostics) {
	// A file with no "#" has no comments to keep: it is read as validate
	// reads it, without the YAML library's slower reading with comments.
	hasComments := bytes.IndexByte(src, '#') >= 0
	doc := Loader{}.parse(name, src, hasComments)
	if !doc.IsAgreement() {
		return nil, Diagnostics{{File: name, Position: Position{1, 1}, Rule: RuleLoadNotAgreement, Severity: SeverityError,
			Message: "this file is not an agreement: its top level declares no format: entente/...; it is not formatted"}}
	}
	var blocking Diagnostics
	for _, d := range doc.Diagnostics {
		if blocksFormat(d.Rule) {
			blocking = append(blocking, d)
		}
	}
	for _, d := range doc.suppressed {
		// A suppression hides a finding from validate, but the value
		// behind it is still not in the model: rewriting would drop it.
		if blocksFormat(d.Rule) {
			d.Message += " (a suppression comment hides this from validate, but formatting would drop the value, so the file is not formatted)"
			blocking = append(blocking, d)
		}
	}
	if hasComments && doc.commented != nil {
		for _, at := range lostComments(src, doc.commented) {
			blocking = append(blocking, Diagnostic{File: name, Position: at, Rule: RuleLoadUnsupported, Severity: SeverityError,
				Message: "the YAML reader drops this comment where it is written (right after an opening bracket, a second comment for one value, or around the document's end marker ...); the file is not formatted, so that the comment is not lost",
				Hint:    "move the comment to a line of its own above the value it is about"})
		}
	}
	blocking.Sort()
	if len(blocking) > 0 || doc.Agreement == nil {
		return nil, blocking
	}
	if isJSON(name, src) {
		if hasComments && doc.commented != nil && commented(doc.commented) {
			// JSON has no comments: writing it as JSON would drop them.
			return nil, Diagnostics{{File: name, Position: Position{1, 1}, Rule: RuleLoadUnsupported, Severity: SeverityError,
				Message: "this JSON file holds # comments, which JSON cannot keep; it is not formatted",
				Hint:    "remove the comments, or keep the file as YAML (.yaml), where fmt keeps them"}}
		}
		// JSON stays JSON: canonical, indented, in the model's order.
		out, err := MarshalJSON(doc.Agreement)
		if err != nil {
			return nil, Diagnostics{{File: name, Position: Position{1, 1}, Rule: RuleSyntax, Severity: SeverityError,
				Message: "the agreement cannot be written as JSON: " + err.Error()}}
		}
		if !bytes.HasSuffix(out, []byte("\n")) {
			out = append(out, '\n')
		}
		return out, nil
	}
	// The comments are taken from the tree parsed with them, and the tree
	// is let go before the canonical one is built: a large file's two
	// trees are never held at once.
	comments := map[string]*comment{}
	var head, foot string
	if hasComments {
		collect(doc.commented.Content[0], docpath.Root(), comments)
		head, foot = doc.commented.HeadComment, doc.commented.FootComment
	}
	a := doc.Agreement
	doc = nil
	text, err := canonical(a, comments, head, foot)
	if err != nil {
		return nil, Diagnostics{{File: name, Position: Position{1, 1}, Rule: RuleSyntax, Severity: SeverityError,
			Message: fmt.Sprintf("the file cannot be written back: %v", err)}}
	}
	return text, nil
}

// canonical writes the canonical YAML of a with the comments of the file
// put back, top-level field by field, and a long list of clauses or
// events element by element: each piece is built, given its comments,
// written and let go, so that the canonical tree of a large file is never
// held whole (see codec.Pieces).
func canonical(a *Agreement, comments map[string]*comment, head, foot string) ([]byte, error) {
	if _, ok := comments[docpath.Root().String()]; ok {
		// Comments on the top-level mapping itself, which go-yaml gives
		// it only in rare layouts: the whole tree, as one document.
		out := &yamlnode.Node{Kind: yamlnode.DocumentNode, HeadComment: head, FootComment: foot,
			Content: []*yamlnode.Node{codec.Encode(a, encodeHooks)}}
		place(out.Content[0], docpath.Root(), comments)
		out.FootComment = withOrphans(out.FootComment, comments)
		return codec.YAML(out)
	}
	fields := codec.EncodeFields(a, encodeHooks)
	if len(fields) == 0 {
		return codec.YAML(codec.Encode(a, encodeHooks)) // {}
	}
	var w codec.Pieces
	for i, f := range fields {
		p := docpath.Root().Child(f.Key.Value)
		last := i == len(fields)-1
		if _, commented := comments[p.String()]; f.Value == nil && !last && !commented {
			w.Key(f.Key.Value)
			names := docpath.Names(f.IDs())
			for j := range f.Len() {
				e := f.Elem(j)
				ep := p.Elem(j, names[j])
				applyComments(comments, ep, nil, e)
				place(e, ep, comments)
				w.Elem(e)
			}
			continue
		}
		v := f.Value
		if v == nil {
			v = f.Whole()
		}
		applyComments(comments, p, f.Key, v)
		place(v, p, comments)
		var h, ft string
		if i == 0 {
			h = head
		}
		if last {
			ft = withOrphans(foot, comments)
		}
		w.Entry(f.Key, v, h, ft)
	}
	return w.Bytes()
}

// withOrphans adds to the file's foot comment the comments whose place
// has gone, so that nothing is lost. For a file that loads there are
// none, but the rule holds whatever happens.
func withOrphans(foot string, comments map[string]*comment) string {
	var orphans []string
	for _, key := range slices.Sorted(maps.Keys(comments)) {
		if c := comments[key]; !c.used {
			orphans = append(orphans, c.texts()...)
		}
	}
	if len(orphans) == 0 {
		return foot
	}
	return strings.Join(nonEmpty(append([]string{foot}, orphans...)...), "\n")
}

// comment holds the comments written at one path: on the key and on the
// value.
type comment struct {
	keyHead, keyLine, keyFoot string
	head, line, foot          string
	used                      bool
}

func (c *comment) texts() []string {
	var out []string
	for _, t := range []string{c.keyHead, c.keyLine, c.keyFoot, c.head, c.line, c.foot} {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

func record(m map[string]*comment, path docpath.Path, key, value *yamlnode.Node) {
	c := &comment{head: value.HeadComment, line: value.LineComment, foot: value.FootComment}
	if key != nil {
		c.keyHead, c.keyLine, c.keyFoot = key.HeadComment, key.LineComment, key.FootComment
	}
	if len(c.texts()) > 0 {
		m[path.String()] = c
	}
}

// collect gathers the comments of a source tree by path.
func collect(n *yamlnode.Node, path docpath.Path, m map[string]*comment) {
	if path.IsRoot() {
		record(m, path, nil, n)
	}
	switch n.Kind {
	case yamlnode.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := path.Child(k.Value)
			record(m, p, k, v)
			collect(v, p, m)
		}
	case yamlnode.SequenceNode:
		names := docpath.Names(codec.NodeIDs(n))
		for i, v := range n.Content {
			p := path.Elem(i, names[i])
			record(m, p, nil, v)
			collect(v, p, m)
		}
	}
}

// place puts the comments back on the canonical tree, at the same paths.
func place(n *yamlnode.Node, path docpath.Path, m map[string]*comment) {
	if len(m) == 0 {
		return // no comments: no path need be named
	}
	if path.IsRoot() {
		applyComments(m, path, nil, n)
	}
	switch n.Kind {
	case yamlnode.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := path.Child(k.Value)
			applyComments(m, p, k, v)
			place(v, p, m)
		}
	case yamlnode.SequenceNode:
		names := docpath.Names(codec.NodeIDs(n))
		for i, v := range n.Content {
			p := path.Elem(i, names[i])
			if c, ok := m[p.String()]; ok && (c.head != "" || c.foot != "" || c.line != "") && n.Style&yamlnode.FlowStyle != 0 {
				n.Style &^= yamlnode.FlowStyle // items with comments go one to a line
			}
			applyComments(m, p, nil, v)
			place(v, p, m)
		}
	}
}

// applyComments puts the comments written at path p on the key and value
// that stand there in the canonical tree.
func applyComments(m map[string]*comment, p docpath.Path, key, value *yamlnode.Node) {
	if len(m) == 0 {
		return
	}
	c, ok := m[p.String()]
	if !ok {
		return
	}
	c.used = true
	// A comment its parent moved onto this node (moveLineComment,
	// moveHeadComment) is kept, before the node's own.
	value.HeadComment = strings.Join(nonEmpty(value.HeadComment, c.head), "\n")
	value.LineComment = strings.Join(nonEmpty(value.LineComment, c.line), " ")
	value.FootComment = strings.Join(nonEmpty(value.FootComment, c.foot), "\n")
	if key != nil {
		key.HeadComment = strings.Join(nonEmpty(key.HeadComment, c.keyHead), "\n")
		key.LineComment = strings.Join(nonEmpty(key.LineComment, c.keyLine), " ")
		key.FootComment = strings.Join(nonEmpty(key.FootComment, c.keyFoot), "\n")
	} else if c.keyHead != "" || c.keyLine != "" || c.keyFoot != "" {
		value.HeadComment = strings.Join(nonEmpty(c.keyHead, value.HeadComment), "\n")
		value.LineComment = strings.Join(nonEmpty(c.keyLine, value.LineComment), " ")
		value.FootComment = strings.Join(nonEmpty(value.FootComment, c.keyFoot), "\n")
	}
	if len(value.Content) > 0 && value.Style&yamlnode.FlowStyle != 0 && (value.HeadComment != "" || value.FootComment != "") {
		value.Style &^= yamlnode.FlowStyle // a comment needs block style to sit on its line
	}
	if key != nil && value.LineComment != "" && value.Style&yamlnode.FlowStyle == 0 && len(value.Content) > 0 {
		// A list or mapping written in brackets, now a block: the comment
		// after its closing bracket goes after its key (parties: # ...).
		key.LineComment = strings.Join(nonEmpty(key.LineComment, value.LineComment), " ")
		value.LineComment = ""
	}
	moveLineComment(value)
	if key != nil {
		moveHeadComment(value)
	}
	if !p.IsRoot() {
		moveFootComment(value)
	}
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// moveLineComment puts the line comment of a block collection on its
// first line: the emitter writes a collection's own line comment after
// its last line, which is not where the author wrote it.
func moveLineComment(n *yamlnode.Node) {
	if n.LineComment == "" || n.Style&yamlnode.FlowStyle != 0 || len(n.Content) == 0 {
		return
	}
	first := n.Content[0]
	if n.Kind == yamlnode.MappingNode && len(n.Content) > 1 && n.Content[1].Kind == yamlnode.ScalarNode {
		first = n.Content[1] // the first key's value sits on the first line
	}
	if first.Kind == yamlnode.ScalarNode {
		first.LineComment = strings.Join(nonEmpty(n.LineComment, first.LineComment), " ")
	} else {
		first.HeadComment = strings.Join(nonEmpty(n.LineComment, first.HeadComment), "\n")
	}
	n.LineComment = ""
}

// moveHeadComment puts the head comment of a block collection that is a
// mapping's value on its first entry, which is where it is read back from:
// the emitter would write it at the start of the line after the key.
func moveHeadComment(n *yamlnode.Node) {
	if n.HeadComment == "" || n.Style&yamlnode.FlowStyle != 0 || len(n.Content) == 0 {
		return
	}
	first := n.Content[0]
	first.HeadComment = strings.Join(nonEmpty(n.HeadComment, first.HeadComment), "\n")
	n.HeadComment = ""
}

// moveFootComment puts the foot comment of a block collection on its last
// scalar, at the end of the collection's last line: the emitter writes a
// collection's own foot comment after the next key, out of its place.
func moveFootComment(n *yamlnode.Node) {
	for n.FootComment != "" && n.Style&yamlnode.FlowStyle == 0 && len(n.Content) > 0 &&
		(n.Kind == yamlnode.MappingNode || n.Kind == yamlnode.SequenceNode) {
		last := n.Content[len(n.Content)-1]
		last.FootComment = strings.Join(nonEmpty(n.FootComment, last.FootComment), "\n")
		n.FootComment = ""
		n = last
	}
}

// isJSON reports whether a file is JSON: by its extension, or, for a name
// without one of the YAML extensions, by a document that begins with "{".
func isJSON(name string, src []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	trimmed := bytes.TrimLeft(src, " \t\r\n\ufeff")
	return len(trimmed) > 0 && trimmed[0] == '{'
}

// commented reports whether any node of the tree carries a comment.
func commented(n *yamlnode.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return true
	}
	for _, c := range n.Content {
		if commented(c) {
			return true
		}
	}
	return false
}
