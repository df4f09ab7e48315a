// Package yamlnode parses YAML and JSON into a node tree that keeps the line
// and column of every key and value, and turns the parser's errors into
// positioned values. It is the only place that knows the YAML library's
// error types.
//
// Two readers build the tree. A reader of its own (fast.go) reads the
// plain style agreement files are written in, several times faster than
// the YAML library, and declines anything else; the library reads what it
// declines, reports every syntax error, and reads every file whose
// comments are wanted (ParseDocument). FastAgrees lets tests hold the two
// to the same trees.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	yaml "go.yaml.in/yaml/v4"
)

// Node is the YAML library's node. It is re-exported here so that the rest
// of the module names one package for it; it never leaves internal/.
type Node = yaml.Node

// Kind is the kind of a node: document, mapping, sequence, scalar, alias.
type Kind = yaml.Kind

// Style is how a node was written: plain, quoted, inline.
type Style = yaml.Style

// Styles, re-exported.
const (
	FlowStyle         = yaml.FlowStyle // a collection written inline: [a, b]
	SingleQuotedStyle = yaml.SingleQuotedStyle
	DoubleQuotedStyle = yaml.DoubleQuotedStyle
	LiteralStyle      = yaml.LiteralStyle
	FoldedStyle       = yaml.FoldedStyle
	TaggedStyle       = yaml.TaggedStyle // a value written with an explicit tag: !!binary, !mytag
)

// Node kinds, re-exported for the same reason.
const (
	DocumentNode = yaml.DocumentNode
	SequenceNode = yaml.SequenceNode
	MappingNode  = yaml.MappingNode
	ScalarNode   = yaml.ScalarNode
	AliasNode    = yaml.AliasNode
)

// SyntaxError is a document that could not be parsed: the position where
// the parser stopped and, when the parser gives one, the position and
// description of the construct it was reading.
type SyntaxError struct {
	Line, Column int // 1-based; 0 when the parser gave no position
	Message      string

	ContextLine, ContextColumn int    // where the unfinished construct began
	Context                    string // e.g. "while scanning a quoted scalar"
}

func (e *SyntaxError) Error() string {
	if e.Context == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%d:%d: %s (%s started at %d:%d)", e.Line, e.Column, e.Message,
		e.Context, e.ContextLine, e.ContextColumn)
}

// Parse parses src as exactly one YAML document (JSON is YAML here) and
// returns the document's root value node. An empty document, one holding
// only comments, and a stream of several documents are syntax errors.
//
// The nodes may or may not carry the comments written beside them: Parse
// reads files in the plain style agreement files are written in with a
// reader of its own, several times faster than the full parser, which
// skips comments. Use ParseDocument to keep them.
func Parse(src []byte) (*Node, *SyntaxError) {
	root, _, err := ParseShape(src)
	return root, err
}

// Shape is what the reader of its own learns of a tree while building
// it, so that the tree's users can spare themselves a walk. Of a tree the
// full parser builds nothing is known.
type Shape struct {
	Known bool // whether the fields below hold
	// MaxDepth bounds the nesting: no node is more than MaxDepth levels
	// deep, the root being level 1.
	MaxDepth int
	// Blanks is false when no collection is empty and no scalar is empty
	// or only white space.
	Blanks bool
}

// ParseShape is Parse, also returning the shape of the tree.
func ParseShape(src []byte) (*Node, Shape, *SyntaxError) {
	if doc, shape, ok := parseFast(src); ok {
		return doc.Content[0], shape, nil
	}
	doc, err := ParseDocument(src)
	if err != nil {
		return nil, Shape{}, err
	}
	return doc.Content[0], Shape{}, nil
}

// ParseDocument is Parse with the full parser, returning the document
// node: every node carries its comments, and the document node those
// before and after the document's value.
func ParseDocument(src []byte) (*Node, *SyntaxError) {
	var doc Node
	text, shifts := src, []shift(nil)
	err := yaml.Load(src, &doc)
	if err != nil {
		// Only a file the full parser refuses is rewritten (compat.go).
		doc = Node{}
		text, shifts = compat(src)
		if len(shifts) > 0 || !bytes.Equal(text, src) {
			err = yaml.Load(text, &doc)
		}
	}
	if err != nil {
		se := syntaxError(text, err)
		se.Line, se.Column = original(se.Line, se.Column, shifts)
		se.ContextLine, se.ContextColumn = original(se.ContextLine, se.ContextColumn, shifts)
		return nil, se
	}
	unshift(&doc, shifts)
	if doc.Kind != DocumentNode || len(doc.Content) != 1 {
		return nil, &SyntaxError{Line: 1, Column: 1, Message: "the file holds no YAML document"}
	}
	return &doc, nil
}

func syntaxError(src []byte, err error) *SyntaxError {
	var le *yaml.LoadError
	if !errors.As(err, &le) {
		return &SyntaxError{Line: 1, Column: 1, Message: err.Error()}
	}
	se := &SyntaxError{
		Line:    le.Mark.Line,
		Column:  le.Mark.Column,
		Message: strings.TrimPrefix(le.Message, "yaml: "),
	}
	if le.ContextMark.Line > 0 {
		se.ContextLine, se.ContextColumn = le.ContextMark.Line, le.ContextMark.Column
		se.Context = le.ContextMsg
	}
	switch se.Message {
	case "no documents in stream":
		se.Message = "the file holds no YAML document"
	case "expected single document, found multiple":
		se.Message = "the file holds more than one YAML document; an agreement file holds exactly one"
		se.Line, se.Column = secondDocument(src)
	}
	if se.Line == 0 {
		se.Line, se.Column = 1, 1
	}
	return se
}

// secondDocument finds the "---" line that starts the second document, so
// the error about several documents points at it.
func secondDocument(src []byte) (line, col int) {
	seen := 0
	for i, l := range bytes.Split(src, []byte("\n")) {
		l = bytes.TrimRight(l, "\r")
		if bytes.Equal(l, []byte("---")) || bytes.HasPrefix(l, []byte("--- ")) {
			seen++
			if seen == 2 || (seen == 1 && hasContentBefore(src, i)) {
				return i + 1, 1
			}
		}
	}
	return 1, 1
}

func hasContentBefore(src []byte, line int) bool {
	for _, l := range bytes.Split(src, []byte("\n"))[:line] {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' && t[0] != '%' {
			return true
		}
	}
	return false
}
