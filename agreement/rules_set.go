package agreement

import (
	"fmt"

	"github.com/entente-go/entente/docpath"
)

// The rules across the files of a set, which Set.Check runs.
const (
	RuleSetDuplicateID Rule = "set.duplicate-id" // two files of a set with one agreement id
	RuleSetUnresolved  Rule = "set.unresolved"   // a relation to an agreement not in the set
)

var setRules = []ruleDef{
	{rule: RuleSetDuplicateID, doc: "Two files of one set that give the same agreement id and version label."},
	{rule: RuleSetUnresolved, doc: "A relation or preamble citation naming an agreement that is not in the set (warning).", warning: true},
}

// Check runs the rules across files: agreement ids are unique across the
// set (set.duplicate-id), and relations and preamble citations name
// agreements in the set (set.unresolved, a warning: the other agreement
// may simply not be in this repository). It reads only the documents'
// headers, and adds the diagnostics to the documents they concern; call
// it once.
func (s *Set) Check() {
	// Versions of one work share its id and differ in version label.
	first := map[string]*Document{}
	versions := map[string]*Document{}
	for _, d := range s.Documents {
		h := d.Header
		if h.ID == "" {
			continue
		}
		key := h.ID + "\x00" + h.Version.Label
		if other, dup := versions[key]; dup {
			d.Diagnostics = append(d.Diagnostics, d.suppressSetFindings(Diagnostics{{File: d.Name, Position: h.Position, Path: docpath.Root().Child("id"),
				Rule: RuleSetDuplicateID, Severity: SeverityError,
				Message: fmt.Sprintf("agreement id %q, version %q, is also used by %s", h.ID, h.Version.Label, other.Name),
				Hint:    "give each agreement its own id, and each version of it its own label"}})...)
			d.Diagnostics.Sort()
			continue
		}
		versions[key] = d
		if first[h.ID] == nil {
			first[h.ID] = d
		}
	}
	for _, d := range s.Documents {
		var found Diagnostics
		for _, ct := range d.Header.Cites {
			if first[ct.Agreement] != nil {
				continue
			}
			msg := fmt.Sprintf("%s %q: no agreement of the set has that id", ct.Relation, ct.Agreement)
			if ct.Relation == "" {
				msg = fmt.Sprintf("cites %q: no agreement of the set has that id", ct.Agreement)
			}
			found = append(found, Diagnostic{File: d.Name, Position: ct.Position, Path: ct.Path,
				Rule: RuleSetUnresolved, Severity: SeverityWarning, Message: msg})
		}
		if kept := d.suppressSetFindings(found); len(kept) > 0 {
			d.Diagnostics = append(d.Diagnostics, kept...)
			d.Diagnostics.Sort()
		}
	}
}
