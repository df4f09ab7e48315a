package agreement

import (
	"fmt"
	"slices"
	"strings"
)

// decisiveEvents are the events that decide whether an agreement is in
// force: a change to one of them is major.
var decisiveEvents = []EventKind{EventSigned, EventEnteredIntoForce, EventProvisionalApplication,
	EventTerminated, EventExpired, EventSuperseded, EventNoticeGiven, EventRenewed, EventSuspended}

func decisiveValue(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	k, _ := m["event"].(string)
	return slices.Contains(decisiveEvents, EventKind(k))
}

// strength orders modalities from weakest to strongest. shall and
// shall-not are equally strong, in opposite directions.
var strength = map[Modality]int{ModalityDeclare: 0, ModalityReaffirm: 0, ModalityMay: 1, ModalityWillStrive: 2, ModalityShall: 3, ModalityShallNot: 3}

// textFields hold prose: a change to them carries a word diff.
var textFields = []string{"title", "short_title", "heading", "summary", "text", "action", "note", "notes", "organ", "place", "publisher", "office", "name"}

// classify sets a change's class and impact from where it is, and adds a
// note and a word diff where they help. The rules, in order of the
// document:
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
//   - sources and citations: patch; relations to other agreements: minor.
//   - title and kind: minor and major; languages, contexts: minor; the
//     version block: none.
func classify(c *Change) {
	var fields []string
	for _, s := range c.Steps {
		if !s.isElem() {
			fields = append(fields, s.Field)
		}
	}
	if len(fields) == 0 {
		c.Class, c.Impact = ClassStructural, ImpactMajor
		return
	}
	last := c.Steps[len(c.Steps)-1]
	lastField := fields[len(fields)-1]
	elem := last.isElem()
	scalarList := elem && !isMap(c.Old) && !isMap(c.New) && c.Op != OpMoved

	set := func(cl Class, im Impact) { c.Class, c.Impact = cl, im }
	switch fields[0] {
	case "parties":
		switch {
		case slices.Contains(fields, "signatories"):
			set(ClassParty, ImpactMinor)
		case elem && len(fields) == 1:
			set(ClassParty, ImpactMajor)
		case lastField == "name":
			set(ClassParty, ImpactMinor)
		default:
			set(ClassParty, ImpactMajor)
		}
	case "term":
		if lastField == "clauses" {
			set(ClassCitation, ImpactPatch)
		} else {
			set(ClassTemporal, ImpactMajor)
		}
	case "timeline":
		set(ClassTemporal, ImpactMinor)
		if elem && len(fields) == 1 && (decisiveValue(c.Old) || decisiveValue(c.New)) {
			c.Impact = ImpactMajor
		}
		if slices.Contains(fields, "sources") {
			set(ClassCitation, ImpactPatch)
		}
	case "clauses":
		classifyClause(c, fields, lastField, elem, scalarList)
	case "cooperation":
		switch lastField {
		case "clauses", "sources":
			set(ClassCitation, ImpactPatch)
		case "summary":
			set(ClassText, ImpactMinor)
		default:
			set(ClassStructural, ImpactMinor)
		}
	case "sources":
		set(ClassCitation, ImpactPatch)
	case "relations":
		set(ClassCitation, ImpactMinor)
	case "preamble":
		if lastField == "cites" {
			set(ClassCitation, ImpactPatch)
		} else {
			set(ClassText, ImpactMinor)
		}
	case "id", "kind", "format":
		set(ClassStructural, ImpactMajor)
	case "contexts":
		set(ClassParty, ImpactMinor)
	case "languages", "authentic", "excerpt":
		set(ClassStructural, ImpactMinor)
	case "version":
		set(ClassStructural, ImpactNone)
	case "notes":
		set(ClassText, ImpactPatch)
	default: // title, short_title
		set(ClassText, ImpactMinor)
	}
	if c.Op == OpMoved && c.Class != ClassCommitment {
		set(ClassStructural, ImpactPatch)
		if scalarList || (elem && !slices.Contains([]string{"clauses", "parties", "sources"}, lastField)) {
			set(ClassCosmetic, ImpactNone) // the order of a set, of events as listed
		}
	}
	// Prose: a word diff, and whitespace alone is cosmetic.
	o, oOK := c.Old.(string)
	n, nOK := c.New.(string)
	if c.Op == OpModified && oOK && nOK && !elem && slices.Contains(textFields, lastField) {
		if sameWords(o, n) {
			set(ClassCosmetic, ImpactNone)
		} else {
			c.Words = readableWords(o, n)
		}
	}
	if c.Op == OpModified && oOK && nOK && elem && len(fields) > 0 {
		// A text given per language: the last step is the language.
		if fields[len(fields)-1] == "text" {
			c.Words = readableWords(o, n)
		}
	}
}

func classifyClause(c *Change, fields []string, lastField string, elem, scalarList bool) {
	set := func(cl Class, im Impact) { c.Class, c.Impact = cl, im }
	switch {
	case slices.Contains(fields, "commitments"):
		switch {
		case lastField == "commitments" && elem:
			set(ClassCommitment, ImpactMajor)
		case lastField == "action":
			set(ClassText, ImpactMinor)
		default:
			set(ClassCommitment, ImpactMajor)
		}
		if lastField == "modality" && c.Op == OpModified {
			o, _ := c.Old.(string)
			n, _ := c.New.(string)
			c.Note = modalityNote(Modality(o), Modality(n))
		}
	case lastField == "clauses" && elem && !scalarList:
		set(ClassStructural, ImpactMinor)
		if holdsCommitments(c.Old) || holdsCommitments(c.New) {
			c.Impact = ImpactMajor
		}
	case lastField == "num":
		set(ClassStructural, ImpactPatch)
		if c.Op == OpModified {
			c.Op = OpMoved
			c.Note = fmt.Sprintf("renumbered %v → %v", c.Old, c.New)
		}
	case lastField == "refs":
		set(ClassCitation, ImpactPatch)
	case lastField == "topics":
		set(ClassStructural, ImpactMinor)
	default: // heading, summary, text
		set(ClassText, ImpactMinor)
	}
}

func modalityNote(o, n Modality) string {
	switch {
	case (o == ModalityShall && n == ModalityShallNot) || (o == ModalityShallNot && n == ModalityShall):
		return fmt.Sprintf("%s → %s: the obligation is reversed", o, n)
	case strength[n] > strength[o]:
		return fmt.Sprintf("%s → %s: strengthened", o, n)
	case strength[n] < strength[o]:
		return fmt.Sprintf("%s → %s: weakened", o, n)
	}
	return fmt.Sprintf("%s → %s", o, n)
}

func isMap(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// holdsCommitments reports whether a clause value (JSON-typed) has
// commitments, at any depth.
func holdsCommitments(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if cs, ok := m["commitments"].([]any); ok && len(cs) > 0 {
		return true
	}
	if sub, ok := m["clauses"].([]any); ok {
		for _, s := range sub {
			if holdsCommitments(s) {
				return true
			}
		}
	}
	return false
}

// readableWords is a word diff, unless the texts share too little for one
// to help a reader: then the old text is replaced by the new as a whole.
func readableWords(o, n string) []WordOp {
	ops := diffWords(o, n)
	same := 0
	for _, op := range ops {
		if op.Op == "=" {
			same += len(strings.Fields(op.Text))
		}
	}
	if 3*same < max(len(strings.Fields(o)), len(strings.Fields(n))) {
		return []WordOp{{Op: "-", Text: o}, {Op: "+", Text: n}}
	}
	return ops
}
