package agreement

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
	"unique"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/regular"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/topics"
)

// Document is an agreement as loaded from one file: the model, the
// diagnostics found while loading it, and the position of every value, kept
// beside the model the way go/token keeps positions beside go/ast.
type Document struct {
	Name        string     // the file name given when loading
	Source      []byte     // the bytes loaded
	Agreement   *Agreement // nil when the file could not be parsed, or was loaded for its diagnostics only
	Diagnostics Diagnostics
	// Header is what the rules across the files of a set read: the
	// agreement's id and version and the agreements it names. It is kept
	// when the model is not (Loader.DiagnosticsOnly).
	Header    Header
	commented *yamlnode.Node // the document node with its comments, kept for Format
	root      *yamlnode.Node // its value, where Lookup finds positions
	// suppressions are the document's suppression comments, for the rules
	// across files.
	suppressions []*suppression
	// suppressed are the findings suppression comments hid. Format reads
	// them: a value the loader could not take is not in the model, and
	// rewriting the file would drop it whether or not its finding shows.
	suppressed Diagnostics
	// changed is set when loading dropped or changed something the file
	// says (see ReadAsWritten).
	changed bool
	// notKept counts the findings past what a report shows, counted but
	// not kept (see checker.kept).
	notKept int
}

// ReadAsWritten reports whether the model holds everything the file
// says: the file parsed, and loading dropped and changed nothing. A
// syntax error, an unknown field, a value of the wrong shape, a date that
// does not exist or a file refused for its size make it false, whether or
// not a suppression comment hides the finding; a word outside its
// vocabulary does not, for the model keeps it as written. It is false too
// for a document loaded without its model (Loader.DiagnosticsOnly). A
// program that compares or rewrites versions (entente diff, a registry's
// import) asks this first.
func (d *Document) ReadAsWritten() bool { return d.Agreement != nil && !d.changed }

// Header is a document's identity and the agreements it names, with the
// places they are named.
type Header struct {
	// Format is the format the document declares: entente/v1, or "" for a
	// file that declares none (YAML that is not an agreement).
	Format   string
	ID       string
	Position Position // where the id is written
	Version  Version
	Cites    []Citation
}

// Citation is another agreement named by a document: in its relations
// or in a recital of its preamble.
type Citation struct {
	Agreement string
	Relation  RelationType // the relation; "" for a preamble citation
	Path      docpath.Path
	Position  Position // where the id is written
}

// Span is where a value was written and, for a mapping entry, its key.
type Span struct {
	Key, Value Position
}

// Lookup returns where the value at path (as in Diagnostic.Path) was
// written.
// It finds nothing in a document loaded for its diagnostics only.
func (d *Document) Lookup(path docpath.Path) (Span, bool) {
	if d.root == nil {
		return Span{}, false
	}
	return spanOf(codec.Find(d.root, path))
}

// IsAgreement reports whether the document is an agreement, or is meant
// to be one: it declares a format of entente's; or, when it does not even
// parse, its text names one; or it was too large or too deep to be read.
// Other YAML and JSON (a workflow, a package.json) is not, and a tool
// that checks a folder leaves it alone.
func (d *Document) IsAgreement() bool {
	for _, diag := range d.Diagnostics {
		switch diag.Rule {
		case RuleSyntax:
			return d.Source == nil || bytes.Contains(d.Source, []byte("entente/"))
		case RuleLoadTooLarge, RuleLoadTooDeep:
			return true
		}
	}
	return strings.HasPrefix(d.Header.Format, "entente/")
}

// Clone returns a copy of d that a Set can check without changing d: a
// tool that checks a document again and again with other files (an
// editor, as the author types) loads it once and checks clones. The
// model and the positions are shared, not copied.
func (d *Document) Clone() *Document {
	c := *d
	c.Diagnostics = slices.Clone(d.Diagnostics)
	c.suppressions = make([]*suppression, len(d.suppressions))
	for i, s := range d.suppressions {
		copied := *s
		c.suppressions[i] = &copied
	}
	return &c
}

// At returns the path of the key or value written at pos (as in
// Diagnostic.Path), where it starts, and whether it is a mapping entry's
// key. ok is false when pos is on neither, on a comment or a blank, or
// inside a list or mapping written across lines, and in a document that
// keeps no positions.
func (d *Document) At(pos Position) (path docpath.Path, start Position, onKey, ok bool) {
	if d.root == nil || d.Source == nil {
		return path, start, false, false
	}
	path, key, value, onKey, found := codec.At(d.root, pos.Line, pos.Column)
	n := value
	if onKey {
		n = key
	}
	if !found || n == nil || n.Kind != yamlnode.ScalarNode || n.Line != pos.Line {
		return path, start, false, false
	}
	start = Position{n.Line, n.Column}
	end := TokenEnd(d.Source, start)
	if pos.Column < n.Column || end > 0 && pos.Column > end {
		return path, Position{}, false, false
	}
	return path, start, onKey, true
}

func spanOf(key, value *yamlnode.Node, ok bool) (Span, bool) {
	if !ok {
		return Span{}, false
	}
	s := Span{Value: Position{value.Line, value.Column}}
	if key != nil {
		s.Key = Position{key.Line, key.Column}
	}
	return s, true
}

// Positions returns a Lookup for many paths in a row: each list on the
// way is indexed once, so that finding the places of a thousand changes
// in a long list costs the list's length once. The function is not safe
// for concurrent use.
func (d *Document) Positions() func(path docpath.Path) (Span, bool) {
	if d.root == nil {
		return d.Lookup
	}
	t := codec.NewTree(d.root)
	return func(path docpath.Path) (Span, bool) { return spanOf(t.Find(path)) }
}

// Loader loads agreements with settings other than the defaults. The zero
// Loader uses the built-in taxonomy of topics.
type Loader struct {
	// Topics is the taxonomy topic codes are checked against; nil means
	// topics.Builtin().
	Topics *topics.Taxonomy
	// DiagnosticsOnly keeps of each document its name, diagnostics and
	// header, and its source only when it has diagnostics to show with it:
	// the Agreement is nil. A tool that checks thousands of files and
	// reports their findings sets it to keep its memory small; the rules
	// across files (Set.Check) need only the header.
	DiagnosticsOnly bool
	// ModelsOnly keeps of each document its model, its diagnostics and
	// its header, but not the node tree that positions are found in (nor
	// the source, when there is nothing to show with it): Lookup finds
	// nothing. A tool that loads a registry of agreements to ask questions
	// of sets it; the memory kept is then the models' own.
	ModelsOnly bool
	// MaxBytes is the largest file loaded; a larger one is refused before
	// it is parsed (load.too-large). Zero means DefaultMaxBytes; a
	// negative value means no limit.
	MaxBytes int64
}

// DefaultMaxBytes is the default size limit of a file: 16 MiB, some fifty
// times the largest treaty text written out in full.
const DefaultMaxBytes = 16 << 20

// MaxDepth is the deepest nesting of mappings and lists a document may
// have: enough for clauses nested forty deep. A deeper document is refused
// (load.too-deep) before it is decoded, so that no walk of it costs more
// than its size.
const MaxDepth = 100

func (l Loader) maxBytes() int64 {
	if l.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return l.MaxBytes
}

// Parse loads an agreement from YAML or JSON source with the default
// settings. See [Loader.Parse].
func Parse(name string, src []byte) *Document { return Loader{}.Parse(name, src) }

// Parse loads an agreement from YAML or JSON source. name is used in
// diagnostics. Parse never fails: every problem — syntax, shape, schema
// and the semantic rules — is in the document's diagnostics, sorted by
// position. When the source cannot be parsed at all, the document's
// Agreement is nil.
func (l Loader) Parse(name string, src []byte) *Document {
	return l.parse(name, src, false)
}

// parse is Parse; with comments, it keeps the document's tree with the
// comments in it, for Format.
func (l Loader) parse(name string, src []byte, comments bool) *Document {
	doc := &Document{Name: name, Source: src}
	if max := l.maxBytes(); max > 0 && int64(len(src)) > max {
		doc.Diagnostics = Diagnostics{tooLarge(name, int64(len(src)), max)}
		return doc
	} else if max > 0 {
		if at, ok := tooManyValues(src, max/bytesPerValue); ok {
			doc.Diagnostics = Diagnostics{{File: name, Position: at, Rule: RuleLoadTooLarge, Severity: SeverityError,
				Message: fmt.Sprintf("the file holds more than %d values (items of lists and entries of mappings) by here, one for every %d bytes of the size limit; it is not parsed", max/bytesPerValue, bytesPerValue),
				Hint:    "a list this long is not an agreement's; split the file, or raise the limit (entente validate --max-bytes)"}}
			return doc
		}
	}
	var commented, root *yamlnode.Node
	var shape yamlnode.Shape // what the reader learnt of the tree, if anything
	var serr *yamlnode.SyntaxError
	if comments {
		if commented, serr = yamlnode.ParseDocument(src); serr == nil {
			root = commented.Content[0]
		}
	} else {
		root, shape, serr = yamlnode.ParseShape(src)
	}
	if serr != nil {
		doc.Diagnostics = Diagnostics{syntaxDiagnostic(name, src, serr)}
		quoteHint(&doc.Diagnostics[0], src)
		if encodingProblem(serr.Message) {
			if d, ok := encodingDiagnostic(name, src); ok {
				doc.Diagnostics = Diagnostics{d} // go-yaml puts these at 1:1
			}
		}
		return doc
	}
	if deep := tooDeepIn(root, shape); deep != nil {
		doc.Diagnostics = Diagnostics{{File: name, Position: Position{deep.Line, deep.Column}, Rule: RuleLoadTooDeep, Severity: SeverityError,
			Message: fmt.Sprintf("the document nests deeper than %d levels here; it is not decoded", MaxDepth),
			Hint:    "agreements nest clauses a few levels deep; flatten the structure"}}
		return doc
	}
	a := new(Agreement)
	problems := decode(root, a)
	doc.Agreement, doc.root, doc.commented = a, root, commented
	index := codec.NewTree(root) // one index for the positions of every finding
	for _, p := range problems {
		doc.Diagnostics = append(doc.Diagnostics, doc.problemDiagnostic(index, p))
		doc.changed = doc.changed || !p.Kept
	}
	if a.Format != "" && a.Format != FormatV1 {
		doc.report(SeverityError, RuleFormatVersion, docpath.Root().Child("format"), fmt.Sprintf("format %q is not one this version reads", a.Format),
			fmt.Sprintf("write format: %s", FormatV1))
	}
	doc.checkSchema(index)
	tax := l.Topics
	if tax == nil {
		tax = topics.Builtin()
	}
	doc.checkSemantics(index, tax, !shape.Known || shape.Blanks)
	doc.Diagnostics.Sort()
	doc.applySuppressions()
	doc.Diagnostics = capped(name, doc.Diagnostics, doc.notKept)
	clipDiagnostics(doc.Diagnostics)
	doc.Header = headerOf(a, index, l.DiagnosticsOnly || l.ModelsOnly)
	if l.ModelsOnly {
		cloneStrings(a) // let go of the file's text: the model keeps only its own strings
	}
	if l.DiagnosticsOnly || l.ModelsOnly {
		doc.root, doc.commented = nil, nil
		if l.DiagnosticsOnly {
			doc.Agreement = nil
		}
		if len(doc.Diagnostics) == 0 {
			doc.Source = nil
		}
	}
	return doc
}

// headerOf returns the header of a decoded agreement. With clone, its
// strings are copied: those of the model share the memory of the whole
// file, which a document loaded for its diagnostics lets go.
func headerOf(a *Agreement, index *codec.Tree, clone bool) Header {
	c := func(s string) string { return s }
	if clone {
		c = strings.Clone
	}
	h := Header{Format: c(a.Format), ID: c(a.ID), Version: Version{Label: c(a.Version.Label), Stage: Stage(c(string(a.Version.Stage))), Date: a.Version.Date, Base: c(a.Version.Base)}}
	if span, ok := spanOf(index.Find(docpath.Root().Child("id"))); ok {
		h.Position = span.Value
	}
	cite := func(id string, rel RelationType, path docpath.Path) {
		ct := Citation{Agreement: c(id), Relation: RelationType(c(string(rel))), Path: path}
		if span, ok := spanOf(index.Find(path)); ok {
			ct.Position = span.Value
		}
		h.Cites = append(h.Cites, ct)
	}
	for i, r := range a.Relations {
		if r.Agreement != "" {
			cite(r.Agreement, r.Type, docpath.Root().Child("relations").Index(i).Child("agreement"))
		}
	}
	for i, rec := range a.Preamble {
		for j, id := range rec.Cites {
			cite(id, "", docpath.Root().Child("preamble").Index(i).Child("cites").Index(j))
		}
	}
	return h
}

// MaxDiagnostics is the most diagnostics one document reports; past it,
// a last diagnostic says how many more there were.
const MaxDiagnostics = 1000

// Capped keeps the first MaxDiagnostics of a file's diagnostics (sorted),
// and says how many more there were (load.too-many), as loading does:
// for the files beside the agreements, such as a tool's configuration.
func (ds Diagnostics) Capped(name string) Diagnostics { return capped(name, ds, 0) }

// capped keeps the first MaxDiagnostics diagnostics, and always those
// that say why the document was not read in full.
func capped(name string, ds Diagnostics, notKept int) Diagnostics {
	if len(ds) <= MaxDiagnostics && notKept == 0 {
		return ds
	}
	var kept Diagnostics
	for i, d := range ds {
		if i < MaxDiagnostics || d.Rule == RuleLoadUnsupported || d.Rule == RuleSyntax {
			kept = append(kept, d)
		}
	}
	more := len(ds) - len(kept) + notKept
	return append(kept, Diagnostic{File: name, Position: ds[min(MaxDiagnostics, len(ds))-1].Position, Rule: RuleLoadTooMany, Severity: SeverityError,
		Message: fmt.Sprintf("%d more problems are not shown", more), Hint: "fix these first"})
}

// report adds a diagnostic at the value of path.
func (d *Document) report(sev Severity, rule Rule, path docpath.Path, msg, hint string) {
	span, _ := d.Lookup(path)
	d.Diagnostics = append(d.Diagnostics, Diagnostic{
		File: d.Name, Position: span.Value, Path: path, Rule: rule, Severity: sev, Message: msg, Hint: hint,
	})
}

// bytesPerValue sets the most values a file may hold: one for every 16
// bytes of the size limit (1,048,576 for the default 16 MiB). Agreements
// hold one value for every 17 to 32 bytes; a file of nothing but short
// items ("a, a, a, ...") holds one for every 2, and its tree and model
// would take some 230 times the file's size, so it is refused before it
// is parsed. See SECURITY.md for the memory this bounds.
const bytesPerValue = 16

// tooManyValues reports whether src holds more than limit values, and
// where the count passes it. It counts what starts a value in YAML and
// JSON — a comma, a colon or a dash followed by a space or a line end —
// so text in quotes counts too, and the count is an upper bound that a
// real agreement stays far below.
func tooManyValues(src []byte, limit int64) (Position, bool) {
	n := int64(0)
	for i, b := range src {
		switch b {
		case ',':
		case ':', '-':
			if i+1 < len(src) && src[i+1] != ' ' && src[i+1] != '\n' && src[i+1] != '\r' {
				continue
			}
		default:
			continue
		}
		if n++; n > limit {
			lineStart := bytes.LastIndexByte(src[:i], '\n') + 1
			return Position{bytes.Count(src[:i], []byte("\n")) + 1, utf8.RuneCount(src[lineStart:i]) + 1}, true
		}
	}
	return Position{}, false
}

func tooLarge(name string, size, max int64) Diagnostic {
	return Diagnostic{File: name, Position: Position{1, 1}, Rule: RuleLoadTooLarge, Severity: SeverityError,
		Message: fmt.Sprintf("the file is %d bytes, over the limit of %d; it is not parsed", size, max),
		Hint:    "split the file, or raise the limit (entente validate --max-bytes)"}
}

// tooDeepIn returns the first node deeper than MaxDepth, or nil. The walk
// is spared when the reader learnt, as it built the tree, that it is not
// that deep.
func tooDeepIn(root *yamlnode.Node, shape yamlnode.Shape) *yamlnode.Node {
	if shape.Known && shape.MaxDepth <= MaxDepth {
		return nil
	}
	return tooDeep(root, 1)
}

// tooDeep returns the first node deeper than MaxDepth, or nil.
func tooDeep(n *yamlnode.Node, depth int) *yamlnode.Node {
	if depth > MaxDepth {
		return n
	}
	if depth == MaxDepth && len(n.Content) > 0 {
		return n.Content[0]
	}
	for _, c := range n.Content {
		if len(c.Content) == 0 {
			continue // a scalar, an alias or an empty collection: no deeper
		}
		if d := tooDeep(c, depth+1); d != nil {
			return d
		}
	}
	return nil
}

// Read loads an agreement from r with the default settings. See
// [Loader.Read].
func Read(name string, r io.Reader) (*Document, error) { return Loader{}.Read(name, r) }

// Read loads an agreement from r. The error is for failures to read; the
// document's problems are in its diagnostics.
func (l Loader) Read(name string, r io.Reader) (*Document, error) {
	if max := l.maxBytes(); max > 0 {
		r = io.LimitReader(r, max+1) // enough to know it is too large
	}
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return l.Parse(name, src), nil
}

// ReadFile loads the agreement in the named file with the default
// settings.
func ReadFile(name string) (*Document, error) { return Loader{}.ReadFile(name) }

// ReadFile loads the agreement in the named file.
//
// Only a regular file is read: a named pipe, socket or device is refused
// before it is opened (opening a pipe waits for a writer), with an error.
func (l Loader) ReadFile(name string) (*Document, error) {
	f, err := regular.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if max := l.maxBytes(); max > 0 && info.Size() > max {
			return &Document{Name: name, Diagnostics: Diagnostics{tooLarge(name, info.Size(), max)}}, nil
		}
	}
	return l.Read(name, f)
}

// IsAgreementFile reports whether a file name has an extension that
// agreement files use: .yaml, .yml or .json.
func IsAgreementFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func syntaxDiagnostic(name string, src []byte, e *yamlnode.SyntaxError) Diagnostic {
	d := Diagnostic{
		File: name, Position: Position{e.Line, e.Column}, Rule: RuleSyntax, Severity: SeverityError,
		Message: e.Message,
	}
	if e.Context == "" {
		return d
	}
	ctx := Position{e.ContextLine, e.ContextColumn}
	d.Related = []Related{{Position: ctx, Message: e.Context}}
	d.Message = fmt.Sprintf("%s (%s started at %s)", e.Message, e.Context, ctx)
	construct := strings.TrimPrefix(e.Context, "while scanning ")
	construct = strings.TrimPrefix(construct, "while parsing ")
	_, _, flow := flowBrackets(e.Context)
	atEnd := onlyCommentsFrom(src, d.Position)
	if e.Context == "while parsing a flow node" && atEnd {
		// A list or mapping left open after a comma: the parser names
		// the value it expected, at the end; the bracket is the cause.
		if open, kind, ok := unclosedBracket(src); ok {
			ctx, construct, flow = open, kind, true
		}
	}
	// A construct left open runs to the end of the file, where the parser
	// stops; the place to fix is where it began. A flow collection the
	// parser gave up on at the end of the file is one too, though the
	// parser names a missing comma rather than the end.
	if strings.Contains(e.Message, "end of stream") || flow && atEnd {
		end := Position{e.Line, e.Column}
		d.Position = ctx
		d.Message = fmt.Sprintf("%s starts here and is never closed (the file ends at %s)", construct, end)
		d.Related = []Related{{Position: end, Message: "the file ends here"}}
	}
	// An inline list or mapping whose closing bracket is missing
	// swallows the lines after it; the error comes where it no longer
	// makes sense.
	if open, close, ok := flowBrackets(e.Context); ok && ctx.Line < e.Line && d.Position != ctx {
		d.Hint = fmt.Sprintf("is a closing %q missing for the %q on line %d?", close, open, ctx.Line)
	}
	return d
}

// onlyCommentsFrom reports whether src holds nothing but spaces, line
// breaks and comments from pos (a line and a column counted in
// characters) to its end.
func onlyCommentsFrom(src []byte, pos Position) bool {
	line, col, i := 1, 1, 0
	for ; i < len(src) && (line < pos.Line || line == pos.Line && col < pos.Column); i++ {
		switch {
		case src[i] == '\n':
			line, col = line+1, 1
		case src[i]&0xc0 != 0x80:
			col++
		}
	}
	if line < pos.Line {
		return true // the position is past the end
	}
	for inComment := false; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			inComment = false
		case inComment, c == ' ', c == '\t', c == '\r':
		case c == '#':
			inComment = true
		default:
			return false
		}
	}
	return true
}

// flowBrackets are the brackets of the flow collection a parser context
// names.
func flowBrackets(context string) (open, close string, ok bool) {
	switch context {
	case "while parsing a flow sequence":
		return "[", "]", true
	case "while parsing a flow mapping":
		return "{", "}", true
	}
	return "", "", false
}

var problemRules = map[codec.ProblemKind]Rule{
	codec.UnknownField: RuleLoadUnknownField,
	codec.DuplicateKey: RuleLoadDuplicateKey,
	codec.WrongShape:   RuleLoadShape,
	codec.InvalidValue: RuleLoadInvalidValue,
	codec.NullValue:    RuleLoadNull,
	codec.Unsupported:  RuleLoadUnsupported,
}

func (doc *Document) problemDiagnostic(index *codec.Tree, p codec.Problem) Diagnostic {
	d := Diagnostic{
		File: doc.Name, Position: Position(p.Pos), Path: p.Path, Rule: problemRules[p.Kind],
		Severity: SeverityError, Message: p.Message, Hint: p.Hint,
	}
	if p.Kind == codec.DuplicateKey {
		if first, ok := spanOf(index.Find(p.Path)); ok {
			d.Related = []Related{{Position: first.Key, Message: "first given here"}}
		}
	}
	return d
}

var (
	textType    = reflect.TypeFor[Text]()
	decodeHooks = map[reflect.Type]codec.Hook{textType: decodeText}
	encodeHooks = map[reflect.Type]codec.EncodeHook{textType: encodeText}
)

// decode decodes root into a and returns the problems found.
func decode(root *yamlnode.Node, a *Agreement) []codec.Problem {
	return codec.Decode(root, a, decodeHooks)
}

// decodeText reads a Text written as a string or as a mapping of
// language to string.
func decodeText(d *codec.Decoder, n *yamlnode.Node, v reflect.Value) {
	t := v.Addr().Interface().(*Text)
	switch n.Kind {
	case yamlnode.ScalarNode:
		if n.Tag != "!!null" {
			t.Plain = n.Value // the common case, without reflection
			return
		}
		d.Into(n, reflect.ValueOf(&t.Plain).Elem()) // reports the null
	case yamlnode.MappingNode:
		d.Into(n, reflect.ValueOf(&t.ByLanguage).Elem())
	default:
		d.Report(codec.WrongShape, n, "", "expected a text or a mapping of language to text, found a list", "")
	}
}

func encodeText(v reflect.Value) *yamlnode.Node {
	t := v.Interface().(Text)
	if t.ByLanguage == nil {
		return codec.String(t.Plain)
	}
	return codec.Encode(t.ByLanguage, nil)
}

// MarshalYAML writes a in canonical YAML: fields in the order of the
// model's declaration, empty values left out, two-space indentation.
// Loading the output gives an agreement equal to a.
func MarshalYAML(a *Agreement) ([]byte, error) {
	return canonical(a, nil, "", "")
}

// MarshalJSON writes a as indented JSON with the same key order as
// MarshalYAML. Loading the output gives an agreement equal to a.
func MarshalJSON(a *Agreement) ([]byte, error) {
	var buf bytes.Buffer
	if err := codec.JSON(&buf, codec.Encode(a, encodeHooks)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Clone returns a deep copy of a: changing the copy, at any depth, leaves
// a as it was.
func (a *Agreement) Clone() *Agreement {
	b := new(Agreement)
	decode(codec.Encode(a, encodeHooks), b) // what a holds decodes without problems, or as the problems it had
	return b
}

// cloneStrings copies every string of the model, so that none shares the
// memory of the whole file they were cut from.
func cloneStrings(a *Agreement) {
	cloneValue(reflect.ValueOf(a).Elem())
}

func cloneValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		switch n := v.Len(); {
		case !v.CanSet() || n == 0:
		case n <= 32:
			// Short strings repeat across a registry (modalities, kinds,
			// party ids, dates): one copy of each is kept.
			v.SetString(unique.Make(v.String()).Value())
		default:
			v.SetString(strings.Clone(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cloneValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				cloneValue(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			cloneValue(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			cloneValue(e)
			nk := reflect.New(k.Type()).Elem()
			nk.Set(k)
			cloneValue(nk)
			v.SetMapIndex(k, reflect.Value{})
			v.SetMapIndex(nk, e)
		}
	}
}

// Declares reports whether src is an agreement file: YAML or JSON whose
// top level is a mapping with a format of entente/..., or, when it does
// not parse, whose text names one (an agreement with a mistake is still
// an agreement, as for Document.IsAgreement). A repository holds other
// YAML (workflows, configuration); tools use Declares to tell agreements
// from it.
func Declares(src []byte) bool {
	root, err := yamlnode.Parse(src)
	if err != nil {
		return bytes.Contains(src, []byte("entente/"))
	}
	if root.Kind != yamlnode.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "format" && v.Kind == yamlnode.ScalarNode {
			return strings.HasPrefix(v.Value, "entente/")
		}
	}
	return false
}
