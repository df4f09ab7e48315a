package diff

import (
	"fmt"
	"strings"

	"github.com/entente-go/entente/agreement"
)

func decisiveValue(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	k, _ := m["event"].(string)
	return decisive(agreement.EventKind(k))
}

// decisive reports whether a change to an event of kind k is major: the
// table of event kinds says it changes whether the agreement is in
// force, or who is bound by it.
func decisive(k agreement.EventKind) bool {
	info, known := k.Info()
	return known && info.Decisive
}

// classify sets a change's class and impact from the rule of the field
// it is in (see rules), and adds a note and a word diff where they help.
func classify(c *Change) {
	p, ok := locate(c.Steps)
	if !ok {
		c.Class, c.Impact = ClassStructural, ImpactMajor // the agreement as a whole, or a path the model does not have
		return
	}
	r := rules[p.key]
	c.Class, c.Impact = r.class, r.impact
	if p.elem && r.elemClass != "" {
		c.Class, c.Impact = r.elemClass, r.elemImpact
	}
	switch {
	case p.elem && r.decisive && (decisiveValue(c.Old) || decisiveValue(c.New)):
		c.Impact = ImpactMajor
	case p.elem && r.weighty && c.Op != OpMoved && (holdsCommitments(c.Old) || holdsCommitments(c.New)):
		c.Impact = ImpactMajor
	case r.renumbered && !p.mapKey && c.Op == OpModified:
		c.Op = OpMoved
		c.Note = fmt.Sprintf("renumbered %v → %v", c.Old, c.New)
	case r.modality && c.Op == OpModified:
		o, _ := c.Old.(string)
		n, _ := c.New.(string)
		c.Note = modalityNote(agreement.Modality(o), agreement.Modality(n))
	}
	if c.Op == OpMoved && c.Class != ClassCommitment {
		c.Class, c.Impact = ClassStructural, ImpactPatch
		if p.elem && !r.ordered {
			c.Class, c.Impact = ClassCosmetic, ImpactNone // the order of a set, of events as listed
		}
	}
	// Prose: a word diff, and whitespace alone is cosmetic.
	o, oOK := c.Old.(string)
	n, nOK := c.New.(string)
	if c.Op == OpModified && oOK && nOK && r.prose && !p.elem && !p.mapKey {
		if sameWords(o, n) {
			c.Class, c.Impact = ClassCosmetic, ImpactNone
		} else {
			c.Words = readableWords(o, n)
		}
	}
}

func modalityNote(o, n agreement.Modality) string {
	switch compareModalities(o, n) {
	case reversed:
		return fmt.Sprintf("%s → %s: the obligation is reversed", o, n)
	case stronger:
		return fmt.Sprintf("%s → %s: strengthened", o, n)
	case weaker:
		return fmt.Sprintf("%s → %s: weakened", o, n)
	}
	return fmt.Sprintf("%s → %s", o, n)
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
