package diff

import (
	"reflect"
	"strings"
	"sync"

	"github.com/entente-go/entente/agreement"
)

// rule is how the diff treats one field of the model: how the elements
// of a list are matched across versions, and how a change to the field
// (or to anything beneath it that has no rule of its own) is classed.
type rule struct {
	class  Class
	impact Impact
	// elemClass and elemImpact class an element added, removed or moved,
	// when that differs from a change to the field as a whole.
	elemClass  Class
	elemImpact Impact
	// match names the fields that identify an element of a list of
	// structs; loose, a second round among the elements left over. A list
	// of strings is matched by value; a list without match, by position.
	match, loose []string
	ordered      bool // the order of the elements means something: a move is patch, not cosmetic
	prose        bool // text: a word diff, and a change of whitespace alone is cosmetic
	decisive     bool // events: one that decides whether the agreement is in force is major
	weighty      bool // clauses: one that holds commitments is major
	renumbered   bool // a clause's printed number: a change is a move
	modality     bool // a commitment's modality: say whether it was strengthened or weakened
}

// fieldKey names a field: the struct it is in and its name in the format.
type fieldKey struct {
	in   reflect.Type
	name string
}

func typ[T any]() reflect.Type { return reflect.TypeFor[T]() }

// rules holds a rule for every field of the model; TestEveryFieldHasARule
// fails when a field is added to the model without one. The classes
// follow the document, section by section:
//
//   - parties: a party added or removed, or its country, kind or roles
//     changed, is major; signatories and names are minor.
//   - term: any change is major (the clauses it cites: patch).
//   - timeline: temporal; major for the events that decide whether the
//     agreement is in force (signature, entry into force, the end),
//     minor for the others.
//   - clauses: a commitment added, removed or changed in modality, kind,
//     bearer, beneficiary or trigger is major (a modality change says
//     whether it was strengthened or weakened); a clause added or removed
//     is major when it holds commitments, minor otherwise; reworded text
//     is minor, a change of whitespace alone cosmetic; renumbering and
//     reordering are patch; cross-references are citations (patch).
//   - cooperation areas: minor; the clauses and sources they cite, patch.
//   - sources and citations, identifiers in datasets: patch; relations to
//     other agreements: minor.
//   - title and kind: minor and major; languages, contexts: minor; the
//     version block: none.
var rules = map[fieldKey]rule{
	{typ[agreement.Agreement](), "format"}:      {class: ClassStructural, impact: ImpactMajor},
	{typ[agreement.Agreement](), "id"}:          {class: ClassStructural, impact: ImpactMajor},
	{typ[agreement.Agreement](), "version"}:     {class: ClassStructural, impact: ImpactNone},
	{typ[agreement.Agreement](), "title"}:       {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Agreement](), "short_title"}: {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Agreement](), "kind"}:        {class: ClassStructural, impact: ImpactMajor},
	{typ[agreement.Agreement](), "languages"}:   {class: ClassStructural, impact: ImpactMinor},
	{typ[agreement.Agreement](), "authentic"}:   {class: ClassStructural, impact: ImpactMinor},
	{typ[agreement.Agreement](), "excerpt"}:     {class: ClassStructural, impact: ImpactMinor},
	{typ[agreement.Agreement](), "parties"}:     {class: ClassParty, impact: ImpactMajor, match: []string{"id"}, ordered: true},
	{typ[agreement.Agreement](), "contexts"}:    {class: ClassParty, impact: ImpactMinor},
	{typ[agreement.Agreement](), "term"}:        {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Agreement](), "preamble"}:    {class: ClassText, impact: ImpactMinor},
	{typ[agreement.Agreement](), "clauses"}: {class: ClassText, impact: ImpactMinor, elemClass: ClassStructural, elemImpact: ImpactMinor,
		match: []string{"id"}, ordered: true, weighty: true},
	{typ[agreement.Agreement](), "cooperation"}: {class: ClassStructural, impact: ImpactMinor, match: []string{"topic"}},
	{typ[agreement.Agreement](), "timeline"}: {class: ClassTemporal, impact: ImpactMinor,
		match: []string{"event", "party", "date"}, loose: []string{"event", "party"}, decisive: true},
	{typ[agreement.Agreement](), "relations"}:   {class: ClassCitation, impact: ImpactMinor, match: []string{"type", "agreement"}, loose: []string{"agreement"}},
	{typ[agreement.Agreement](), "identifiers"}: {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Agreement](), "sources"}:     {class: ClassCitation, impact: ImpactPatch, match: []string{"id"}, ordered: true},
	{typ[agreement.Agreement](), "notes"}:       {class: ClassText, impact: ImpactPatch, prose: true},

	{typ[agreement.Version](), "label"}: {class: ClassStructural, impact: ImpactNone},
	{typ[agreement.Version](), "stage"}: {class: ClassStructural, impact: ImpactNone},
	{typ[agreement.Version](), "date"}:  {class: ClassStructural, impact: ImpactNone},
	{typ[agreement.Version](), "base"}:  {class: ClassStructural, impact: ImpactNone},

	{typ[agreement.Party](), "id"}:           {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Party](), "kind"}:         {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Party](), "country"}:      {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Party](), "organisation"}: {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Party](), "name"}:         {class: ClassParty, impact: ImpactMinor, prose: true},
	{typ[agreement.Party](), "roles"}:        {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Party](), "signatories"}:  {class: ClassParty, impact: ImpactMinor, match: []string{"name"}},

	{typ[agreement.Signatory](), "name"}:   {class: ClassParty, impact: ImpactMinor, prose: true},
	{typ[agreement.Signatory](), "office"}: {class: ClassParty, impact: ImpactMinor, prose: true},
	{typ[agreement.Signatory](), "date"}:   {class: ClassParty, impact: ImpactMinor},

	{typ[agreement.Term](), "duration"}:         {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "indefinite"}:       {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "from"}:             {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "renewal"}:          {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "notice"}:           {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "entry_into_force"}: {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "withdrawal"}:       {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "minimum_parties"}:  {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Term](), "clauses"}:          {class: ClassCitation, impact: ImpactPatch, ordered: true},

	{typ[agreement.Withdrawal](), "after"}:         {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Withdrawal](), "not_before"}:    {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Withdrawal](), "notice"}:        {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Withdrawal](), "effect"}:        {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Withdrawal](), "clauses"}:       {class: ClassCitation, impact: ImpactPatch, ordered: true},
	{typ[agreement.Withdrawal](), "receiver"}:      {class: ClassTemporal, impact: ImpactMinor, prose: true},
	{typ[agreement.Withdrawal](), "at_period_end"}: {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.Renewal](), "period"}:    {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Renewal](), "automatic"}: {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.EntryIntoForce](), "after"}:     {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.EntryIntoForce](), "delay"}:     {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.EntryIntoForce](), "count"}:     {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.EntryIntoForce](), "including"}: {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.EntryIntoForce](), "later"}:     {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.LaterEntry](), "delay"}: {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.Recital](), "text"}:  {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Recital](), "cites"}: {class: ClassCitation, impact: ImpactPatch},

	{typ[agreement.Clause](), "id"}:      {class: ClassText, impact: ImpactMinor},
	{typ[agreement.Clause](), "num"}:     {class: ClassStructural, impact: ImpactPatch, renumbered: true},
	{typ[agreement.Clause](), "heading"}: {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Clause](), "topics"}:  {class: ClassStructural, impact: ImpactMinor},
	{typ[agreement.Clause](), "summary"}: {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Clause](), "text"}:    {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.Clause](), "refs"}:    {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Clause](), "commitments"}: {class: ClassCommitment, impact: ImpactMajor,
		match: []string{"kind", "by", "trigger"}, loose: []string{"kind"}},
	{typ[agreement.Clause](), "clauses"}: {class: ClassText, impact: ImpactMinor, elemClass: ClassStructural, elemImpact: ImpactMinor,
		match: []string{"id"}, ordered: true, weighty: true},

	{typ[agreement.Commitment](), "modality"}:  {class: ClassCommitment, impact: ImpactMajor, modality: true},
	{typ[agreement.Commitment](), "by"}:        {class: ClassCommitment, impact: ImpactMajor},
	{typ[agreement.Commitment](), "kind"}:      {class: ClassCommitment, impact: ImpactMajor},
	{typ[agreement.Commitment](), "trigger"}:   {class: ClassCommitment, impact: ImpactMajor},
	{typ[agreement.Commitment](), "triggers"}:  {class: ClassCommitment, impact: ImpactMajor},
	{typ[agreement.Commitment](), "scope"}:     {class: ClassCommitment, impact: ImpactMajor, prose: true},
	{typ[agreement.Commitment](), "condition"}: {class: ClassCommitment, impact: ImpactMajor, prose: true},
	{typ[agreement.Commitment](), "towards"}:   {class: ClassCommitment, impact: ImpactMajor},
	{typ[agreement.Commitment](), "action"}:    {class: ClassText, impact: ImpactMinor, prose: true},

	{typ[agreement.CooperationArea](), "topic"}:   {class: ClassStructural, impact: ImpactMinor},
	{typ[agreement.CooperationArea](), "summary"}: {class: ClassText, impact: ImpactMinor, prose: true},
	{typ[agreement.CooperationArea](), "clauses"}: {class: ClassCitation, impact: ImpactPatch, ordered: true},
	{typ[agreement.CooperationArea](), "sources"}: {class: ClassCitation, impact: ImpactPatch, ordered: true},

	{typ[agreement.Event](), "id"}:        {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "date"}:      {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "event"}:     {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "party"}:     {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "towards"}:   {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Event](), "successor"}: {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Event](), "effect"}:    {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.Effect](), "until"}:        {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Effect](), "by"}:           {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Effect](), "renewal"}:      {class: ClassTemporal, impact: ImpactMajor},
	{typ[agreement.Effect](), "parties"}:      {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Effect](), "others_leave"}: {class: ClassParty, impact: ImpactMajor},
	{typ[agreement.Effect](), "clauses"}:      {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Effect](), "instrument"}:   {class: ClassCitation, impact: ImpactMinor},
	{typ[agreement.Event](), "organ"}:         {class: ClassTemporal, impact: ImpactMinor, prose: true},
	{typ[agreement.Event](), "place"}:         {class: ClassTemporal, impact: ImpactMinor, prose: true},
	{typ[agreement.Event](), "sources"}:       {class: ClassCitation, impact: ImpactPatch, ordered: true},
	{typ[agreement.Event](), "report_of"}:     {class: ClassTemporal, impact: ImpactMajor}, // whether it is applied, or weighed against another report
	{typ[agreement.Event](), "preferred"}:     {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "contested"}:     {class: ClassTemporal, impact: ImpactMinor},
	{typ[agreement.Event](), "note"}:          {class: ClassTemporal, impact: ImpactMinor, prose: true},

	{typ[agreement.Relation](), "type"}:      {class: ClassCitation, impact: ImpactMinor},
	{typ[agreement.Relation](), "agreement"}: {class: ClassCitation, impact: ImpactMinor},
	{typ[agreement.Relation](), "note"}:      {class: ClassCitation, impact: ImpactMinor, prose: true},
	{typ[agreement.Relation](), "effect"}:    {class: ClassTemporal, impact: ImpactMajor},

	{typ[agreement.Source](), "id"}:        {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Source](), "title"}:     {class: ClassCitation, impact: ImpactPatch, prose: true},
	{typ[agreement.Source](), "publisher"}: {class: ClassCitation, impact: ImpactPatch, prose: true},
	{typ[agreement.Source](), "date"}:      {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Source](), "url"}:       {class: ClassCitation, impact: ImpactPatch},
	{typ[agreement.Source](), "note"}:      {class: ClassCitation, impact: ImpactPatch, prose: true},
}

// leaves are the model's struct types that the format writes as one
// value: a date, a duration, a text (a string, or a mapping of language
// to string). The diff compares them whole and has no rule for their Go
// fields.
var leaves = []reflect.Type{typ[agreement.Date](), typ[agreement.Duration](), typ[agreement.Text]()}

func isLeaf(t reflect.Type) bool {
	for _, l := range leaves {
		if t == l {
			return true
		}
	}
	return false
}

// structField is a field of a model struct under its name in the format.
type structField struct {
	name  string
	index int
}

var fieldCache sync.Map // reflect.Type -> []structField

// fieldsOf returns the fields of a model struct in declaration order,
// named as the format (and the json tags) names them.
func fieldsOf(t reflect.Type) []structField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]structField)
	}
	var fs []structField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		fs = append(fs, structField{name, i})
	}
	fieldCache.Store(t, fs)
	return fs
}

// fieldIndex returns the index of the field of t named name in the
// format, or -1.
func fieldIndex(t reflect.Type, name string) int {
	for _, f := range fieldsOf(t) {
		if f.name == name {
			return f.index
		}
	}
	return -1
}

// place is where a change is: the field whose rule classes it (the last
// field of a struct on its path), and whether it is an element of that
// field's list rather than the field itself or a value beneath it.
type place struct {
	key     fieldKey
	section string // the first field of the path: "parties", "clauses" ...
	elem    bool   // the last step of the path is an element of key's list
	mapKey  bool   // the last step is a key of a mapping beneath the field, such as a text's language
}

// locate follows steps through the model's types from the agreement.
func locate(steps []Step) (place, bool) {
	var p place
	t := typ[agreement.Agreement]()
	found := false
	for i, s := range steps {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch {
		case s.isElem():
			if t.Kind() != reflect.Slice {
				return p, false
			}
			t = t.Elem()
			p.elem, p.mapKey = true, false
		case t.Kind() == reflect.Struct && !isLeaf(t):
			idx := fieldIndex(t, s.Field)
			if idx < 0 {
				return p, false
			}
			p.key, found = fieldKey{t, s.Field}, true
			if i == 0 {
				p.section = s.Field
			}
			t = t.Field(idx).Type
			p.elem, p.mapKey = false, false
		default: // a key of a mapping: a text's language
			p.elem, p.mapKey = false, true
		}
	}
	return p, found
}
