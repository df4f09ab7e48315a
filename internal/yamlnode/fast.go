package yamlnode

import (
	"strings"
	"unicode/utf8"
)

// This file reads the part of YAML that agreement files are written in —
// block mappings and lists, flow collections (and so JSON), plain and
// quoted scalars over one or more lines, literal and folded block scalars,
// comments — straight into nodes. It gives up (ok is false) at anything
// else: anchors, aliases, tags, explicit keys, empty values, indentation
// indicators, tabs, carriage returns, directives and several documents,
// characters outside the Basic Multilingual Plane, and a few layouts
// YAML allows but nobody writes. The caller then parses the file with the
// full parser, which also reports every error: this reader never judges a
// document wrong, it only declines it.
//
// Where it succeeds, its tree is the full parser's, comments aside: the
// same kinds, styles, tags, values, lines and columns (FuzzFast and the
// tests over the examples and the YAML test suite compare the two).

const (
	fastMaxDepth  = 200  // deeper collections go to the full parser
	fastMaxKeyLen = 1000 // YAML limits an implicit key to 1024 characters
	slabSize      = 256
)

type fastReader struct {
	src   string // the file, converted once: every value is a substring of it
	pos   int
	line  int // 1-based line of pos
	bol   int // offset where the line of pos begins
	ascii bool
	// counted is the last column counted outside ASCII: at pos on the line
	// starting at bol.
	counted struct{ bol, pos, col int }
	depth   int
	shape   Shape // what is learnt of the tree while it is read

	nodes []Node  // slab that nodes are cut from
	stack []*Node // children of the collections being read
	ptrs  []*Node // slab that Content slices are cut from
	buf   []byte  // scratch for values that are not a substring of src
}

// parseFast reads src into a document node, or reports that src is
// outside the subset it reads.
func parseFast(src []byte) (doc *Node, shape Shape, ok bool) {
	ascii, ok := fastText(src)
	if !ok {
		return nil, Shape{}, false
	}
	r := &fastReader{src: string(src), line: 1, ascii: ascii}
	if !r.skipToContent() || r.atDocumentMarker() {
		return nil, Shape{}, false
	}
	var root *Node
	col := r.pos - r.bol
	if r.atDash() {
		root, ok = r.sequence(col)
	} else if key, isKey := r.tryKey(); isKey {
		root, ok = r.mapping(col, key)
	} else if c := r.peek(0); c == '{' || c == '[' {
		if root, ok = r.flow(-1); ok {
			ok = r.endLine()
		}
	} else {
		return nil, Shape{}, false // a scalar document is not an agreement
	}
	if !ok || r.pos < len(r.src) {
		return nil, Shape{}, false
	}
	doc = r.node()
	*doc = Node{Kind: DocumentNode, Line: root.Line, Column: root.Column}
	doc.Content = r.content(1, root)
	r.shape.Known = true
	return doc, r.shape, true
}

// noteBlanks records in the shape whether a collection of these
// children is empty or holds a scalar that is empty or only white space,
// as strings.TrimSpace sees it.
func (r *fastReader) noteBlanks(children []*Node) {
	if len(children) == 0 {
		r.shape.Blanks = true
	}
	for _, c := range children {
		if v := c.Value; c.Kind == ScalarNode && (v == "" || v[0] <= ' ' || v[0] >= utf8.RuneSelf) && strings.TrimSpace(v) == "" {
			r.shape.Blanks = true
		}
	}
}

// fastText reports whether src holds only characters the reader handles
// the way the full parser does — printable ASCII, line feeds, and two- and
// three-byte UTF-8 other than C1 controls, line and paragraph separators,
// byte-order marks, surrogates and non-characters — and whether it is
// all ASCII.
func fastText(src []byte) (ascii, ok bool) {
	ascii = true
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false, false
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || size > 3 || r < 0xa0 || r == 0x2028 || r == 0x2029 ||
			r == 0xfeff || r >= 0xfffe {
			return false, false
		}
		i += size
	}
	return ascii, true
}

// node cuts a new node from the slab.
func (r *fastReader) node() *Node {
	if len(r.nodes) == 0 {
		r.nodes = make([]Node, slabSize)
	}
	n := &r.nodes[0]
	r.nodes = r.nodes[1:]
	return n
}

// content moves the last n nodes of the stack, then last, into a Content
// slice cut from the slab (nil last means none).
func (r *fastReader) content(n int, last *Node) []*Node {
	if last != nil {
		r.stack = append(r.stack, last)
	}
	items := r.stack[len(r.stack)-n:]
	if len(r.ptrs) < n {
		r.ptrs = make([]*Node, max(n, slabSize))
	}
	c := r.ptrs[:n:n]
	r.ptrs = r.ptrs[n:]
	copy(c, items)
	r.noteBlanks(c)
	r.stack = r.stack[:len(r.stack)-n]
	return c
}

// column returns the 1-based column of pos on the current line, in
// characters. Outside ASCII it counts on from the last position asked on
// the same line, so that a long line of many values costs its length once.
func (r *fastReader) column(pos int) int {
	if r.ascii {
		return pos - r.bol + 1
	}
	if r.counted.bol != r.bol || r.counted.pos > pos || r.counted.col == 0 {
		r.counted.bol, r.counted.pos, r.counted.col = r.bol, r.bol, 1
	}
	r.counted.col += utf8.RuneCountInString(r.src[r.counted.pos:pos])
	r.counted.pos = pos
	return r.counted.col
}

func (r *fastReader) peek(i int) byte {
	if r.pos+i < len(r.src) {
		return r.src[r.pos+i]
	}
	return 0 // the end of the file; never in the text (fastText)
}

// blank reports whether c ends a token: a space, a line feed or the end.
func blank(c byte) bool { return c == ' ' || c == '\n' || c == 0 }

func (r *fastReader) atDash() bool { return r.peek(0) == '-' && blank(r.peek(1)) }

func (r *fastReader) atDocumentMarker() bool {
	if r.pos != r.bol {
		return false
	}
	if c := r.peek(0); c == '%' {
		return true
	} else if (c == '-' || c == '.') && r.peek(1) == c && r.peek(2) == c && blank(r.peek(3)) {
		return true
	}
	return false
}

// nextLine moves to the start of the next line; pos is at a line feed or
// the end.
func (r *fastReader) nextLine() {
	if r.pos < len(r.src) {
		r.pos++
		r.line++
		r.bol = r.pos
	}
}

// toLineEnd moves to the line feed that ends the line, or the end.
func (r *fastReader) toLineEnd() {
	if i := strings.IndexByte(r.src[r.pos:], '\n'); i >= 0 {
		r.pos += i
	} else {
		r.pos = len(r.src)
	}
}

// skipToContent moves past blank and comment-only lines to the first
// character of the next line with content, and reports whether there is
// one. pos must be at the start of a line.
func (r *fastReader) skipToContent() bool {
	for r.pos < len(r.src) {
		for r.peek(0) == ' ' {
			r.pos++
		}
		switch r.peek(0) {
		case '#':
			r.toLineEnd()
			r.nextLine()
		case '\n':
			r.nextLine()
		case 0:
			return false
		default:
			return true
		}
	}
	return false
}

// endLine reads what may follow a value on its line — spaces and a
// comment — and moves to the next line with content. It fails on anything
// else.
func (r *fastReader) endLine() bool {
	for r.peek(0) == ' ' {
		r.pos++
	}
	switch r.peek(0) {
	case '#':
		if r.pos == r.bol || r.src[r.pos-1] != ' ' {
			return false // "#" right after a value is part of it, or an error
		}
		r.toLineEnd()
	case '\n', 0:
	default:
		return false
	}
	r.nextLine()
	r.skipToContent()
	return true
}

// after checks where a collection entry ended: at the end of the file or
// at a line no deeper than the collection's column col. It reports whether
// the collection goes on (the next line is at col).
func (r *fastReader) after(col int) (more, ok bool) {
	if r.pos >= len(r.src) {
		return false, true
	}
	if r.atDocumentMarker() {
		return false, false
	}
	c := r.pos - r.bol
	return c == col, c <= col
}

// open makes the node of a collection that starts at pos, one level
// deeper than the one around it, or returns nil past the depth limit. The
// caller defers close.
func (r *fastReader) open(kind Kind, tag string) *Node {
	r.depth++
	if r.depth > fastMaxDepth {
		return nil
	}
	// A collection's children are one level deeper than it.
	r.shape.MaxDepth = max(r.shape.MaxDepth, r.depth+1)
	n := r.node()
	*n = Node{Kind: kind, Tag: tag, Line: r.line, Column: r.column(r.pos)}
	return n
}

func (r *fastReader) close() { r.depth-- }

// mapping reads a block mapping whose keys are at column col; its first
// key has been read, and pos is past the key's colon.
func (r *fastReader) mapping(col int, key *Node) (*Node, bool) {
	m := r.open(MappingNode, "!!map")
	defer r.close()
	if m == nil {
		return nil, false
	}
	m.Line, m.Column = key.Line, key.Column
	n := 0
	for {
		value, ok := r.mappingValue(col)
		if !ok {
			return nil, false
		}
		r.stack = append(r.stack, key, value)
		n += 2
		more, ok := r.after(col)
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
		if r.atDash() {
			return nil, false
		}
		if key, ok = r.key(); !ok {
			return nil, false
		}
	}
	m.Content = r.content(n, nil)
	return m, true
}

// key reads a mapping key and the colon after it.
func (r *fastReader) key() (*Node, bool) {
	var key *Node
	var ok bool
	start := r.pos
	switch r.peek(0) {
	case '"', '\'':
		key, ok = r.quoted(0, false)
	default:
		key, ok = r.plainKey()
	}
	if !ok || r.pos-start > fastMaxKeyLen {
		return nil, false
	}
	for r.peek(0) == ' ' {
		r.pos++
	}
	if r.peek(0) != ':' || !blank(r.peek(1)) {
		return nil, false
	}
	r.pos++
	return key, true
}

// tryKey reads a key and its colon if the line at pos starts with them,
// and otherwise leaves pos where it was. (A key is read within its line.)
func (r *fastReader) tryKey() (*Node, bool) {
	pos := r.pos
	key, ok := r.key()
	if !ok {
		r.pos = pos
	}
	return key, ok
}

// mappingValue reads the value after a key's colon, in a mapping at
// column col.
func (r *fastReader) mappingValue(col int) (*Node, bool) {
	for r.peek(0) == ' ' {
		r.pos++
	}
	if c := r.peek(0); c == '#' || c == '\n' || c == 0 {
		if !r.endLine() || r.pos >= len(r.src) || r.atDocumentMarker() {
			return nil, false
		}
		switch c := r.pos - r.bol; {
		case c > col:
			return r.block(col)
		case c == col && r.atDash():
			return r.sequence(col)
		}
		return nil, false // an empty value
	}
	if r.atDash() {
		return nil, false
	}
	return r.inline(col)
}

// block reads the collection or scalar that starts a line, deeper than
// the collection at column parent.
func (r *fastReader) block(parent int) (*Node, bool) {
	col := r.pos - r.bol
	if r.atDash() {
		return r.sequence(col)
	}
	if key, ok := r.tryKey(); ok {
		return r.mapping(col, key)
	}
	return r.inline(parent)
}

// sequence reads a block sequence whose dashes are at column col; pos is
// at its first dash.
func (r *fastReader) sequence(col int) (*Node, bool) {
	s := r.open(SequenceNode, "!!seq")
	defer r.close()
	if s == nil {
		return nil, false
	}
	n := 0
	for {
		r.pos++ // the dash
		for r.peek(0) == ' ' {
			r.pos++
		}
		var item *Node
		var ok bool
		switch c := r.peek(0); {
		case c == '#' || c == '\n' || c == 0:
			if !r.endLine() || r.pos >= len(r.src) || r.atDocumentMarker() || r.pos-r.bol <= col {
				return nil, false // an empty item
			}
			item, ok = r.block(col)
		case r.atDash():
			item, ok = r.sequence(r.pos - r.bol)
		default:
			itemCol := r.pos - r.bol
			if key, isKey := r.tryKey(); isKey {
				item, ok = r.mapping(itemCol, key)
			} else {
				item, ok = r.inline(col)
			}
		}
		if !ok {
			return nil, false
		}
		r.stack = append(r.stack, item)
		n++
		more, ok := r.after(col)
		if !ok {
			return nil, false
		}
		if !more || !r.atDash() {
			break
		}
	}
	s.Content = r.content(n, nil)
	return s, true
}

// inline reads a value that starts after a key's colon or a dash, or on
// a line of its own, in a collection at column parent, and what follows
// it on its line.
func (r *fastReader) inline(parent int) (*Node, bool) {
	var n *Node
	var ok bool
	switch r.peek(0) {
	case '"', '\'':
		n, ok = r.quoted(parent, true)
	case '[', '{':
		n, ok = r.flow(parent)
	case '|', '>':
		return r.blockScalar(parent)
	default:
		return r.plain(parent)
	}
	if !ok || !r.endLine() {
		return nil, false
	}
	return n, true
}

// blockScalar reads a literal (|) or folded (>) block scalar whose lines
// are deeper than column parent, with an optional chomping indicator (+ or
// -) but no indentation indicator; a folded one must have no line deeper
// than its first. It moves to the next line with content.
func (r *fastReader) blockScalar(parent int) (*Node, bool) {
	if !strings.HasSuffix(r.src, "\n") {
		return nil, false // the full parser counts the end as a line break
	}
	literal := r.peek(0) == '|'
	line, col := r.line, r.column(r.pos)
	r.pos++
	chomp := byte(0)
	if c := r.peek(0); c == '+' || c == '-' {
		chomp = c
		r.pos++
	}
	if !blank(r.peek(0)) {
		return nil, false // an indentation indicator, or an error
	}
	for r.peek(0) == ' ' {
		r.pos++
	}
	if r.peek(0) == '#' {
		if r.src[r.pos-1] != ' ' {
			return nil, false
		}
		r.toLineEnd()
	}
	if r.peek(0) != '\n' {
		return nil, false
	}
	r.nextLine()
	// The indentation is that of the first line with content; blank lines
	// before it may not be longer.
	indent, longest, sp := -1, 0, 0
scan:
	for i := r.pos; i < len(r.src); i++ {
		switch r.src[i] {
		case ' ':
			sp++
		case '\n':
			longest, sp = max(longest, sp), 0
		default:
			indent = sp
			break scan
		}
	}
	if indent <= parent || indent < longest {
		return nil, false // empty, or an odd layout: left to the full parser
	}
	b := r.buf[:0]
	breaks := 0   // line breaks since the last line with content
	text := false // a line with content has been read
	for r.pos < len(r.src) {
		sp := 0
		for sp < indent && r.peek(0) == ' ' {
			r.pos++
			sp++
		}
		if r.peek(0) == '\n' {
			breaks++
			r.nextLine()
			continue
		}
		if sp < indent {
			break // a shallower line: the scalar has ended
		}
		start := r.pos
		r.toLineEnd()
		if r.pos == len(r.src) {
			return nil, false // no line break at the end of the file
		}
		if !literal && r.src[start] == ' ' {
			return nil, false // a deeper line in a folded scalar
		}
		switch {
		case text && !literal && breaks == 1:
			b = append(b, ' ')
		case text && !literal:
			breaks--
			fallthrough
		default:
			for range breaks {
				b = append(b, '\n')
			}
		}
		b = append(b, r.src[start:r.pos]...)
		text = true
		r.nextLine()
		breaks = 1
	}
	if !text {
		return nil, false
	}
	switch chomp {
	case '-':
	case '+':
		for range breaks {
			b = append(b, '\n')
		}
	default:
		b = append(b, '\n')
	}
	r.buf = b
	value := string(b)
	// pos is on the line that ended the scalar, past some of its
	// indentation: find the next content from the line's start.
	r.pos = r.bol
	r.skipToContent()
	style := LiteralStyle
	if !literal {
		style = FoldedStyle
	}
	return r.scalar(style, "!!str", value, line, col), true
}

// plainStarts reports whether a plain scalar starts at pos: not at an
// indicator, but for a dash not followed by a space (nor, in a flow
// collection, by a flow indicator).
func (r *fastReader) plainStarts(inFlow bool) bool {
	c, next := r.peek(0), r.peek(1)
	if c == '-' {
		return !blank(next) && !(inFlow && strings.IndexByte(",[]{}", next) >= 0)
	}
	return !indicator(c)
}

// indicator reports whether c cannot start a plain scalar here (or starts
// one the reader leaves to the full parser).
func indicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\n', 0:
		return true
	}
	return false
}

// plainScalar makes a plain scalar node; a merge key ("<<") is left to the
// full parser.
func (r *fastReader) plainScalar(value string, line, col int) (*Node, bool) {
	tag := resolve(value)
	if tag == "!!merge" {
		return nil, false
	}
	return r.scalar(0, tag, value, line, col), true
}

func (r *fastReader) scalar(style Style, tag, value string, line, col int) *Node {
	n := r.node()
	*n = Node{Kind: ScalarNode, Style: style, Tag: tag, Value: value, Line: line, Column: col}
	return n
}

// plainKey reads a plain scalar that ends at ": " on its line.
func (r *fastReader) plainKey() (*Node, bool) {
	start := r.pos
	if !r.plainStarts(false) {
		return nil, false
	}
	end := start
	for {
		c := r.peek(0)
		if c == '\n' || c == 0 || c == ':' && blank(r.peek(1)) {
			break
		}
		if c == '#' && r.src[r.pos-1] == ' ' {
			return nil, false
		}
		r.pos++
		if c != ' ' {
			end = r.pos
		}
	}
	if r.peek(0) != ':' {
		return nil, false
	}
	return r.plainScalar(r.src[start:end], r.line, r.column(start))
}

// plain reads a plain scalar in block context, with the lines that
// continue it (deeper than column parent), and moves to the next line
// with content.
func (r *fastReader) plain(parent int) (*Node, bool) {
	start := r.pos
	if !r.plainStarts(false) {
		return nil, false
	}
	line, col := r.line, r.column(start)
	first, comment, ok := r.plainLine()
	if !ok {
		return nil, false
	}
	value := first
	folded := false
	for !comment {
		// Look past blank lines for a deeper line that continues it.
		save, saveLine, saveBol := r.pos, r.line, r.bol
		breaks := 0
		for {
			r.nextLine()
			for r.peek(0) == ' ' {
				r.pos++
			}
			if r.peek(0) != '\n' || r.pos >= len(r.src) {
				break
			}
			breaks++
		}
		if r.pos >= len(r.src) || r.pos-r.bol <= parent || r.peek(0) == '#' || r.atDocumentMarker() {
			r.pos, r.line, r.bol = save, saveLine, saveBol
			break
		}
		var more string
		more, comment, ok = r.plainLine()
		if !ok {
			return nil, false
		}
		if !folded {
			r.buf = append(r.buf[:0], first...)
			folded = true
		}
		if breaks == 0 {
			r.buf = append(r.buf, ' ')
		}
		for range breaks {
			r.buf = append(r.buf, '\n')
		}
		r.buf = append(r.buf, more...)
	}
	if folded {
		value = string(r.buf)
	}
	if !r.endLine() {
		return nil, false
	}
	return r.plainScalar(value, line, col)
}

// plainLine reads the rest of a plain scalar's line, up to a comment or
// the line's end, and reports whether a comment ended it. A ": " in it
// would make it a key where none may be: the reader declines.
func (r *fastReader) plainLine() (text string, comment, ok bool) {
	start, end := r.pos, r.pos
	for {
		c := r.peek(0)
		switch {
		case c == '\n' || c == 0:
			return r.src[start:end], false, true
		case c == ':' && blank(r.peek(1)):
			return "", false, false
		case c == '#' && r.pos > start && r.src[r.pos-1] == ' ':
			return r.src[start:end], true, true
		}
		r.pos++
		if c != ' ' {
			end = r.pos
		}
	}
}

// flow reads a flow collection — [a, "b", c d] or {a: 1, "b": [c]}, as
// JSON is written — whose lines after the first are deeper than column
// parent.
func (r *fastReader) flow(parent int) (*Node, bool) {
	kind, tag, end := SequenceNode, "!!seq", byte(']')
	if r.peek(0) == '{' {
		kind, tag, end = MappingNode, "!!map", '}'
	}
	c := r.open(kind, tag)
	defer r.close()
	if c == nil {
		return nil, false
	}
	c.Style = FlowStyle
	r.pos++
	n := 0
	for {
		if !r.flowSpace(parent) {
			return nil, false
		}
		if r.peek(0) == end && n == 0 {
			break
		}
		if end == '}' {
			key, ok := r.flowKey(parent)
			if !ok {
				return nil, false
			}
			r.stack = append(r.stack, key)
			n++
			if !r.flowSpace(parent) {
				return nil, false
			}
		}
		item, ok := r.flowItem(parent)
		if !ok {
			return nil, false
		}
		r.stack = append(r.stack, item)
		n++
		if !r.flowSpace(parent) {
			return nil, false
		}
		if r.peek(0) == end {
			break
		}
		if r.peek(0) != ',' {
			return nil, false
		}
		r.pos++
	}
	r.pos++ // the closing bracket
	c.Content = r.content(n, nil)
	return c, true
}

// flowItem reads a value inside a flow collection.
func (r *fastReader) flowItem(parent int) (*Node, bool) {
	switch r.peek(0) {
	case '"', '\'':
		return r.quoted(parent, true)
	case '[', '{':
		return r.flow(parent)
	}
	return r.flowPlain()
}

// flowKey reads a key of a flow mapping and its colon: a quoted key, which
// the colon may follow at once ({"a":1}), or a plain one followed by ": ".
func (r *fastReader) flowKey(parent int) (*Node, bool) {
	var key *Node
	var ok bool
	start := r.pos
	if c := r.peek(0); c == '"' || c == '\'' {
		key, ok = r.quoted(parent, false)
		for ok && r.peek(0) == ' ' {
			r.pos++
		}
		ok = ok && r.peek(0) == ':'
	} else {
		key, ok = r.flowPlainKey()
	}
	if !ok || r.pos-start > fastMaxKeyLen {
		return nil, false
	}
	r.pos++ // the colon
	return key, true
}

// flowPlainKey reads a plain key in a flow mapping, up to ": ".
func (r *fastReader) flowPlainKey() (*Node, bool) {
	start := r.pos
	if !r.plainStarts(true) {
		return nil, false
	}
	end := start
	for {
		c := r.peek(0)
		switch {
		case c == ':' && r.peek(1) == ' ':
			return r.plainScalar(r.src[start:end], r.line, r.column(start))
		case c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' || c == ':' || c == '\n' || c == 0:
			return nil, false
		}
		r.pos++
		if c != ' ' {
			end = r.pos
		}
	}
}

// flowSpace moves past spaces, line breaks and comments inside a flow
// collection; a line it moves to must be deeper than column parent.
func (r *fastReader) flowSpace(parent int) bool {
	for {
		switch r.peek(0) {
		case ' ':
			r.pos++
		case '#':
			if r.pos == r.bol || r.src[r.pos-1] != ' ' {
				return false
			}
			r.toLineEnd()
		case '\n':
			r.nextLine()
			for r.peek(0) == ' ' {
				r.pos++
			}
			if r.pos-r.bol <= parent && r.peek(0) != '\n' || r.atDocumentMarker() {
				return false
			}
		default:
			return true
		}
	}
}

// flowPlain reads a plain scalar inside a flow sequence.
func (r *fastReader) flowPlain() (*Node, bool) {
	start := r.pos
	if !r.plainStarts(true) {
		return nil, false
	}
	end := start
	for {
		c := r.peek(0)
		switch c {
		case ',', ']', '}':
			return r.plainScalar(r.src[start:end], r.line, r.column(start))
		case '#':
			if r.src[r.pos-1] == ' ' {
				return r.plainScalar(r.src[start:end], r.line, r.column(start))
			}
			return nil, false
		case '\n':
			if r.flowScalarEnds() {
				return r.plainScalar(r.src[start:end], r.line, r.column(start))
			}
			return nil, false
		case 0, ':', '[', '{':
			return nil, false
		}
		r.pos++
		if c != ' ' {
			end = r.pos
		}
	}
}

// flowScalarEnds reports whether a plain scalar in a flow collection ends
// at the line break at pos: whether the next character other than a space
// or a line break is a comma or the closing bracket. Anything else would
// continue the scalar on the next line, which the reader leaves to the
// full parser.
func (r *fastReader) flowScalarEnds() bool {
	for i := r.pos; i < len(r.src); i++ {
		switch r.src[i] {
		case ' ', '\n':
		case ',', ']', '}':
			return true
		default:
			return false
		}
	}
	return false
}
