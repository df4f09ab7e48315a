package diff

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/entente-go/entente/agreement"

	"github.com/entente-go/entente/docpath"
)

// Op is what happened to a value between two versions.
type Op string

const (
	OpAdded    Op = "added"
	OpRemoved  Op = "removed"
	OpModified Op = "modified"
	OpMoved    Op = "moved" // reordered, or renumbered (a clause's num)
)

// Class is what kind of change it is.
type Class string

const (
	ClassText       Class = "text"       // wording: titles, summaries, clause text
	ClassTemporal   Class = "temporal"   // the term and the timeline
	ClassStructural Class = "structural" // clauses, topics, kind, order
	ClassParty      Class = "party"      // parties and signatories
	ClassCommitment Class = "commitment" // what the parties are bound to
	ClassCitation   Class = "citation"   // sources and references
	ClassCosmetic   Class = "cosmetic"   // whitespace, order of a set
)

// Impact is how much a change matters, in the manner of semantic
// versioning.
type Impact string

const (
	ImpactMajor Impact = "major" // what binds whom changes: a party, a commitment, the term
	ImpactMinor Impact = "minor" // the content changes: reworded text, a new clause without commitments
	ImpactPatch Impact = "patch" // bookkeeping: renumbering, reordering, citations
	ImpactNone  Impact = "none"  // nothing of substance: whitespace, version metadata
)

// Step is one step of a change's path: a mapping key (Field), or a list
// element (Key, with its index in the old and the new list; -1 when the
// element is not in that list).
type Step struct {
	Field string `json:"field,omitempty"`
	Key   string `json:"key,omitempty"`
	Old   int    `json:"old"`
	New   int    `json:"new"`
}

func (s Step) isElem() bool { return s.Field == "" }

// Change is one difference between two versions of an agreement.
type Change struct {
	Path   docpath.Path       `json:"path"`             // with ids, as in diagnostics, in the new version (the old for removals)
	Steps  []Step             `json:"steps"`            // the path, step by step, with old and new indices
	Op     Op                 `json:"op"`               //
	Class  Class              `json:"class"`            //
	Impact Impact             `json:"impact"`           //
	Note   string             `json:"note,omitempty"`   // what the change means, when there is more to say: "may → shall: strengthened"
	Old    any                `json:"old,omitempty"`    // the old value, JSON-typed (string, bool, []any, map[string]any); nil when added
	New    any                `json:"new,omitempty"`    // the new value, likewise; nil when removed
	Words  []WordOp           `json:"words,omitempty"`  // a word-level diff, for changed text
	OldPos agreement.Position `json:"old_pos,omitzero"` // where it was written, when the versions were loaded from files
	NewPos agreement.Position `json:"new_pos,omitzero"`
}

// ChangeSet is the difference between two versions of an agreement.
type ChangeSet struct {
	Old     Side     `json:"old"`
	New     Side     `json:"new"`
	Changes []Change `json:"changes"`
	Summary Summary  `json:"summary"`
}

// Empty reports whether the versions are the same.
func (cs *ChangeSet) Empty() bool { return len(cs.Changes) == 0 }

// Diff compares two versions of an agreement. It matches list entries by
// identity, never by position: parties, clauses (at every depth) and
// sources by id, signatories by name, cooperation areas by topic, events
// by kind, party and date (an event whose date alone changed is
// modified), commitments by kind, bearer and trigger, relations by type
// and agreement, and lists of codes as sets. Reordered entries are moved,
// not removed and added again; a clause whose num changed is moved
// (renumbered). The work is close to linear in the size of the agreements.
func Diff(old, new *agreement.Agreement) *ChangeSet {
	// A missing side is an empty agreement: everything is added, or
	// removed.
	if old == nil {
		old = &agreement.Agreement{}
	}
	if new == nil {
		new = &agreement.Agreement{}
	}
	d := differ{}
	d.value(reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem(), fieldKey{})
	cs := &ChangeSet{Old: sideOf(old), New: sideOf(new), Changes: d.changes}
	cs.Summary = summarize(old, new, cs.Changes)
	return cs
}

// DiffDocuments is Diff for two loaded documents; each change also gives
// the positions of its value in both files.
func DiffDocuments(old, new *agreement.Document) *ChangeSet {
	if old == nil {
		old = &agreement.Document{}
	}
	if new == nil {
		new = &agreement.Document{}
	}
	cs := Diff(old.Agreement, new.Agreement)
	cs.Old.File, cs.New.File = old.Name, new.Name
	oldLookup, newLookup := old.Positions(), new.Positions()
	for i := range cs.Changes {
		c := &cs.Changes[i]
		if span, ok := oldLookup(pathOf(c.Steps, false)); ok && c.Op != OpAdded {
			c.OldPos = orKey(span)
		}
		if span, ok := newLookup(pathOf(c.Steps, true)); ok && c.Op != OpRemoved {
			c.NewPos = orKey(span)
		}
	}
	return cs
}

func orKey(s agreement.Span) agreement.Position {
	if s.Key.IsValid() {
		return s.Key
	}
	return s.Value
}

// Side says which version of which agreement one side of a change set
// is, and from which file when it was loaded from one.
type Side struct {
	File  string `json:"file,omitempty"`
	ID    string `json:"id"`
	Label string `json:"label"`
}

func sideOf(a *agreement.Agreement) Side { return Side{ID: a.ID, Label: a.Version.Label} }

// Name is how the side is shown to people: its version label, or else its
// id.
func (s Side) Name() string {
	switch {
	case s.Label != "":
		return s.Label
	case s.ID != "":
		return s.ID
	}
	return "(nothing)"
}

// pathOf makes steps a path with ids; for lists keyed by index, the index
// in the new version (or the old).
func pathOf(steps []Step, inNew bool) docpath.Path {
	p := docpath.Root()
	for _, s := range steps {
		if !s.isElem() {
			p = p.Child(s.Field)
			continue
		}
		i := s.New
		if !inNew || i < 0 {
			i = s.Old
		}
		id := s.Key
		if !docpath.Usable(id) {
			id = ""
		}
		p = p.Elem(i, id)
	}
	return p
}

type differ struct {
	changes []Change
	path    []Step      // the current path, a stack
	lists   []*listKeys // for each element step of path, its list's keys
}

// listKeys names the elements of a pair of lists in paths. It is worked
// out only when a change inside the lists needs it: most lists of a large
// agreement have none.
type listKeys struct {
	o, n       reflect.Value
	oKey, nKey []string
}

func (k *listKeys) key(s Step) string {
	if s.New >= 0 {
		if k.nKey == nil {
			k.nKey = docpath.Names(pathIDs(k.n))
		}
		return orIndex(k.nKey[s.New], s.New)
	}
	if k.oKey == nil {
		k.oKey = docpath.Names(pathIDs(k.o))
	}
	return orIndex(k.oKey[s.Old], s.Old)
}

// orIndex is an element's key in a Step: its name, or its index when it
// is named by index.
func orIndex(name string, i int) string {
	if name == "" {
		return strconv.Itoa(i)
	}
	return name
}

func (d *differ) add(c Change) {
	c.Steps = slices.Clone(d.path)
	li := 0
	for i := range c.Steps {
		if c.Steps[i].isElem() {
			c.Steps[i].Key = d.lists[li].key(c.Steps[i])
			li++
		}
	}
	c.Path = pathOf(c.Steps, c.Op != OpRemoved)
	classify(&c)
	d.changes = append(d.changes, c)
}

func (d *differ) push(s Step) { d.path = append(d.path, s) }
func (d *differ) pop()        { d.path = d.path[:len(d.path)-1] }

func (d *differ) pushElem(s Step, k *listKeys) {
	d.path = append(d.path, s)
	d.lists = append(d.lists, k)
}

func (d *differ) popElem() {
	d.path = d.path[:len(d.path)-1]
	d.lists = d.lists[:len(d.lists)-1]
}

var (
	dateType = typ[agreement.Date]()
	durType  = typ[agreement.Duration]()
	textType = typ[agreement.Text]()

	textMarshaler = typ[encoding.TextMarshaler]()
)

// jsonOfValue renders a model value as the JSON-typed value the format
// gives it (string, bool, []any, map[string]any): encoding/json writes the
// model as the format does (the agreement package holds it to that).
func jsonOfValue(v reflect.Value) any {
	b, err := json.Marshal(v.Interface())
	if err != nil {
		panic("diff: the model does not marshal: " + err.Error())
	}
	var j any
	if err := json.Unmarshal(b, &j); err != nil {
		panic("diff: the model's JSON does not read back: " + err.Error())
	}
	return j
}

// absent reports whether a field is not written: its zero value.
func absent(v reflect.Value) bool { return v.IsZero() }

// value compares two values of one type at the current path, held by
// the field k (none at the root and for list elements). It
// walks the model itself, so that equal parts cost a comparison and
// nothing more.
func (d *differ) value(o, n reflect.Value, k fieldKey) {
	t := o.Type()
	switch {
	case t == textType:
		ot, nt := textOf(o), textOf(n)
		switch {
		case ot.ByLanguage == nil && nt.ByLanguage == nil:
			if ot.Plain != nt.Plain {
				d.add(Change{Op: OpModified, Old: ot.Plain, New: nt.Plain})
			}
		case ot.ByLanguage != nil && nt.ByLanguage != nil:
			d.stringMap(ot.ByLanguage, nt.ByLanguage)
		default:
			d.add(Change{Op: OpModified, Old: jsonOfValue(o), New: jsonOfValue(n)})
		}
		return
	case t == dateType || t == durType:
		if !o.Equal(n) {
			d.add(Change{Op: OpModified, Old: jsonOfValue(o), New: jsonOfValue(n)})
		}
		return
	case t.Kind() != reflect.String && t.Implements(textMarshaler):
		// A scalar the format writes as text, such as a count.
		if !o.Equal(n) {
			d.add(Change{Op: OpModified, Old: jsonOfValue(o), New: jsonOfValue(n)})
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		switch {
		case o.IsNil() && n.IsNil():
		case o.IsNil() || n.IsNil():
			d.add(Change{Op: OpModified, Old: jsonOrNil(o), New: jsonOrNil(n)})
		default:
			d.value(o.Elem(), n.Elem(), k)
		}
	case reflect.Struct:
		d.fields(o, n)
	case reflect.Slice:
		d.list(o, n, k)
	case reflect.Map:
		d.stringMap(o.Interface().(map[string]string), n.Interface().(map[string]string))
	case reflect.String:
		if o.String() != n.String() {
			d.add(Change{Op: OpModified, Old: o.String(), New: n.String()})
		}
	case reflect.Bool:
		if o.Bool() != n.Bool() {
			d.add(Change{Op: OpModified, Old: o.Bool(), New: n.Bool()})
		}
	default:
		panic("diff: unsupported type " + t.String())
	}
}

func jsonOrNil(v reflect.Value) any {
	if v.IsNil() {
		return nil
	}
	return jsonOfValue(v)
}

func (d *differ) fields(o, n reflect.Value) {
	t := o.Type()
	for _, f := range fieldsOf(t) {
		fo, fn := o.Field(f.index), n.Field(f.index)
		k := fieldKey{t, f.name}
		oa, na := absent(fo), absent(fn)
		if oa && na {
			continue
		}
		d.push(Step{Field: f.name, Old: -1, New: -1})
		switch {
		case !oa && !na:
			d.value(fo, fn, k)
		case fn.Kind() == reflect.Slice && fn.Len() > 0:
			// A list that was not there: its elements are added one by
			// one (Apply makes the list).
			d.list(reflect.MakeSlice(fn.Type(), 0, 0), fn, k)
		case oa:
			d.add(Change{Op: OpAdded, New: jsonOfValue(fn)})
		case fo.Kind() == reflect.Slice && fo.Len() > 0:
			// A list that is gone: its elements are removed one by one,
			// then the empty list itself.
			d.list(fo, reflect.MakeSlice(fo.Type(), 0, 0), k)
			d.add(Change{Op: OpRemoved, Old: []any{}})
		default:
			d.add(Change{Op: OpRemoved, Old: jsonOfValue(fo)})
		}
		d.pop()
	}
}

func (d *differ) stringMap(o, n map[string]string) {
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		d.push(Step{Field: k, Old: -1, New: -1})
		if ov, ok := o[k]; !ok {
			d.add(Change{Op: OpAdded, New: n[k]})
		} else if ov != n[k] {
			d.add(Change{Op: OpModified, Old: ov, New: n[k]})
		}
		d.pop()
	}
	gone := make([]string, 0)
	for k := range o {
		if _, ok := n[k]; !ok {
			gone = append(gone, k)
		}
	}
	slices.Sort(gone)
	for _, k := range gone {
		d.push(Step{Field: k, Old: -1, New: -1})
		d.add(Change{Op: OpRemoved, Old: o[k]})
		d.pop()
	}
}

// keyer gives the identity a list element is matched by, and a looser
// key for a second round of matching among the elements the first round
// left over ("" for none), as the list field's rule names them. Field
// indices are looked up once per list type.
type keyer struct {
	kind  int // 0: none (by position), 1: the scalar itself, 2: one field, 3: fields joined
	key   []int
	loose []int
}

// keyers caches the keyer of each list field.
var keyers sync.Map // keyerKey -> keyer

type keyerKey struct {
	field fieldKey
	elem  reflect.Type
}

func newKeyer(field fieldKey, r rule, elem reflect.Type) keyer {
	key := keyerKey{field, elem}
	if k, ok := keyers.Load(key); ok {
		return k.(keyer)
	}
	k := makeKeyer(r, elem)
	keyers.Store(key, k)
	return k
}

func makeKeyer(r rule, elem reflect.Type) keyer {
	if elem.Kind() == reflect.String {
		return keyer{kind: 1}
	}
	if elem.Kind() != reflect.Struct || len(r.match) == 0 {
		return keyer{}
	}
	idx := func(names []string) []int {
		out := make([]int, len(names))
		for i, n := range names {
			out[i] = fieldIndex(elem, n)
		}
		return out
	}
	k := keyer{kind: 3, key: idx(r.match)}
	if len(r.match) == 1 {
		k.kind = 2
	}
	if len(r.loose) > 0 {
		k.loose = idx(r.loose)
	}
	return k
}

func fieldText(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return v.String()
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	return ""
}

func join(item reflect.Value, idx []int) string {
	if len(idx) == 1 {
		return fieldText(item.Field(idx[0]))
	}
	parts := make([]string, len(idx))
	for i, f := range idx {
		parts[i] = fieldText(item.Field(f))
	}
	return strings.Join(parts, "|")
}

func (k keyer) identity(item reflect.Value) (key, loose string) {
	switch k.kind {
	case 1:
		return item.String(), ""
	case 2:
		return fieldText(item.Field(k.key[0])), ""
	case 3:
		return join(item, k.key), join(item, k.loose)
	}
	return "", ""
}

// pathIDs returns the ids that name a list's elements in paths.
func pathIDs(list reflect.Value) []string {
	ids := make([]string, list.Len())
	if list.Type().Elem().Kind() != reflect.Struct {
		return ids
	}
	i := fieldIndex(list.Type().Elem(), "id")
	if i < 0 {
		return ids
	}
	for j := range ids {
		ids[j] = list.Index(j).Field(i).String()
	}
	return ids
}

func (d *differ) list(o, n reflect.Value, field fieldKey) {
	if o.Len() == 0 && n.Len() == 0 {
		return
	}
	r := rules[field]
	k := newKeyer(field, r, o.Type().Elem())
	names := &listKeys{o: o, n: n}
	if k.kind == 1 && equalStrings(o, n) {
		return // a list of codes, unchanged
	}
	match := matchElements(k, o, n)
	used := make([]bool, o.Len())
	for _, i := range match {
		if i >= 0 {
			used[i] = true
		}
	}
	// Matched elements that left their relative order are moved: those
	// outside a longest increasing run of old indices.
	stay := lis(match)
	for j, i := range match {
		if i < 0 {
			continue
		}
		d.pushElem(Step{Old: i, New: j}, names)
		if !stay[j] {
			d.add(Change{Op: OpMoved, Note: fmt.Sprintf("position %d → %d", i+1, j+1)})
		}
		from := len(d.changes)
		d.value(o.Index(i), n.Index(j), fieldKey{})
		if r.decisive && len(d.changes) > from && (decisiveEvent(o.Index(i)) || decisiveEvent(n.Index(j))) {
			// A change to the signature, entry into force or end of the
			// agreement changes what is in force when.
			for k := from; k < len(d.changes); k++ {
				d.changes[k].Impact = ImpactMajor
			}
		}
		d.popElem()
	}
	for i, u := range used {
		if !u {
			d.pushElem(Step{Old: i, New: -1}, names)
			d.add(Change{Op: OpRemoved, Old: jsonOfValue(o.Index(i))})
			d.popElem()
		}
	}
	for j, i := range match {
		if i < 0 {
			d.pushElem(Step{Old: -1, New: j}, names)
			d.add(Change{Op: OpAdded, New: jsonOfValue(n.Index(j))})
			d.popElem()
		}
	}
}

func decisiveEvent(v reflect.Value) bool {
	e, ok := v.Interface().(agreement.Event)
	return ok && decisive(e.Event)
}

// equalStrings reports whether two lists of string-typed values are equal.
func equalStrings(o, n reflect.Value) bool {
	if o.Len() != n.Len() {
		return false
	}
	for i := range o.Len() {
		if o.Index(i).String() != n.Index(i).String() {
			return false
		}
	}
	return true
}

// matchElements pairs the elements of two lists by identity and returns,
// for each new element, the index of its old element or -1. Common runs
// at the start and the end are paired by position first, so that a list
// with a few edits costs a scan and a small map; what is left is paired
// by identity, then by the looser key, then (for lists without identity,
// and elements that have none) by position. Repeated identities are paired
// in order.
func matchElements(k keyer, o, n reflect.Value) []int {
	on, nn := o.Len(), n.Len()
	match := make([]int, nn)
	for j := range match {
		match[j] = -1
	}
	if k.kind == 0 { // no identity: the preamble's recitals, by position
		for j := range min(on, nn) {
			match[j] = j
		}
		return match
	}
	oKey := func(i int) string { key, _ := k.identity(o.Index(i)); return key }
	nKey := func(j int) string { key, _ := k.identity(n.Index(j)); return key }
	start := 0
	for start < on && start < nn {
		if key := nKey(start); key == "" || key != oKey(start) {
			break
		}
		match[start] = start
		start++
	}
	oEnd, nEnd := on, nn
	for oEnd > start && nEnd > start {
		if key := nKey(nEnd - 1); key == "" || key != oKey(oEnd-1) {
			break
		}
		match[nEnd-1] = oEnd - 1
		oEnd--
		nEnd--
	}
	if start == oEnd && start == nEnd {
		return match
	}
	used := make([]bool, on)
	for j := range match {
		if match[j] >= 0 {
			used[match[j]] = true
		}
	}
	byKey := map[string][]int{}
	for i := start; i < oEnd; i++ {
		if key := oKey(i); key != "" {
			byKey[key] = append(byKey[key], i)
		}
	}
	for j := start; j < nEnd; j++ {
		key := nKey(j)
		if q := byKey[key]; key != "" && len(q) > 0 {
			match[j], used[q[0]] = q[0], true
			byKey[key] = q[1:]
		}
	}
	if k.loose != nil {
		matchLoose(k, o, n, match, used, start, oEnd, nEnd)
	}
	// Elements with no identity at all (a clause without an id, say) are
	// paired in order with those left on the other side that have none
	// either: an unchanged list is then unchanged, not removed and added.
	var anonymous []int
	for i := start; i < oEnd; i++ {
		if !used[i] && oKey(i) == "" && looseKey(k, o.Index(i)) == "" {
			anonymous = append(anonymous, i)
		}
	}
	for j := start; j < nEnd && len(anonymous) > 0; j++ {
		if match[j] < 0 && nKey(j) == "" && looseKey(k, n.Index(j)) == "" {
			match[j], used[anonymous[0]] = anonymous[0], true
			anonymous = anonymous[1:]
		}
	}
	return match
}

func looseKey(k keyer, item reflect.Value) string {
	_, l := k.identity(item)
	return l
}

// matchLoose pairs what identity left unpaired by the looser key.
func matchLoose(k keyer, o, n reflect.Value, match []int, used []bool, start, oEnd, nEnd int) {
	left := map[string][]int{}
	for i := start; i < oEnd; i++ {
		if !used[i] {
			if _, l := k.identity(o.Index(i)); l != "" {
				left[l] = append(left[l], i)
			}
		}
	}
	for j := start; j < nEnd; j++ {
		if match[j] >= 0 {
			continue
		}
		if _, l := k.identity(n.Index(j)); l != "" && len(left[l]) > 0 {
			match[j], used[left[l][0]] = left[l][0], true
			left[l] = left[l][1:]
		}
	}
}

// lis marks the elements of match (old indices, -1 for none) that lie on
// a longest strictly increasing subsequence: the elements that kept their
// relative order. O(n log n).
func lis(match []int) []bool {
	var tails []int // indices into match
	prev := make([]int, len(match))
	for j, v := range match {
		prev[j] = -1
		if v < 0 {
			continue
		}
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if match[tails[mid]] < v {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[j] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, j)
		} else {
			tails[lo] = j
		}
	}
	stay := make([]bool, len(match))
	if len(tails) > 0 {
		for j := tails[len(tails)-1]; j >= 0; j = prev[j] {
			stay[j] = true
		}
	}
	return stay
}

// textOf reads a Text without copying it into an interface when it can.
func textOf(v reflect.Value) agreement.Text {
	if v.CanAddr() {
		return *v.Addr().Interface().(*agreement.Text)
	}
	return v.Interface().(agreement.Text)
}
