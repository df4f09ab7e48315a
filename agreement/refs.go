package agreement

import (
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/quickschema"
)

// RefKind is what an id or a code names.
type RefKind string

// The kinds of names an agreement writes.
const (
	RefAgreement    RefKind = "agreement"    // an agreement's id
	RefParty        RefKind = "party"        // a party's id
	RefClause       RefKind = "clause"       // a clause's id
	RefSource       RefKind = "source"       // a source's id
	RefTopic        RefKind = "topic"        // a code of the taxonomy of topics
	RefCountry      RefKind = "country"      // an ISO 3166 country code
	RefOrganisation RefKind = "organisation" // a code of the organisation registry
	RefLanguage     RefKind = "language"     // an ISO 639-1 language code
)

// A Ref is one id or code written in an agreement, with its path: where
// the agreement, a party, a clause or a source is given its id (Def), or
// where an id or a code is used to name something.
//
// Refs are what the reference rules check and what an editor follows: to
// the definition of an id, to its uses, and to rename it.
type Ref struct {
	Kind RefKind
	ID   string
	Path docpath.Path
	Def  bool // the place the id is given, not a use of it
}

// Refs returns every id and code the agreement writes, definitions and
// uses, in the order of the model's fields. Empty values are left out, as
// are the words "each" and "all" of a commitment's by, which name no
// party. The clause ids of a relation's effect are the other agreement's
// and are left out too.
func (a *Agreement) Refs() []Ref {
	var refs []Ref
	walkRefs(a, true, func(r Ref) { refs = append(refs, r) })
	return refs
}

// walkRefs calls yield with each of the agreement's refs, in the order
// Refs gives them. Without paths, every Ref's Path is the root: the
// rules walk a document without paths first, since most documents have
// nothing to report and a path costs an allocation a step.
func walkRefs(a *Agreement, paths bool, yield func(Ref)) {
	w := refWalk{paths: paths, yield: yield}
	w.add(RefAgreement, a.ID, w.child(root, "id"), true)
	w.list(RefLanguage, a.Languages, w.child(root, "languages"))
	w.list(RefLanguage, a.Authentic, w.child(root, "authentic"))
	parties := elems(root.Child("parties"), a.Parties, partyID)
	for i, p := range a.Parties {
		at := root
		if paths {
			at = parties.path(i)
		}
		w.add(RefParty, p.ID, w.child(at, "id"), true)
		w.add(RefCountry, p.Country, w.child(at, "country"), false)
		w.add(RefOrganisation, p.Organisation, w.child(at, "organisation"), false)
	}
	w.list(RefOrganisation, a.Contexts, w.child(root, "contexts"))
	if t := a.Term; t != nil {
		at := w.child(root, "term")
		w.list(RefClause, t.Clauses, w.child(at, "clauses"))
		if wd := t.Withdrawal; wd != nil {
			w.list(RefClause, wd.Clauses, w.child(w.child(at, "withdrawal"), "clauses"))
		}
		if e := t.EntryIntoForce; e != nil {
			w.list(RefParty, e.Including, w.child(w.child(at, "entry_into_force"), "including"))
		}
	}
	for i, r := range a.Preamble {
		w.list(RefAgreement, r.Cites, w.child(w.index(w.child(root, "preamble"), i), "cites"))
	}
	w.clauses(a.Clauses, w.child(root, "clauses"))
	for i, area := range a.Cooperation {
		at := w.index(w.child(root, "cooperation"), i)
		w.add(RefTopic, area.Topic, w.child(at, "topic"), false)
		w.list(RefClause, area.Clauses, w.child(at, "clauses"))
		w.list(RefSource, area.Sources, w.child(at, "sources"))
	}
	for i, e := range a.Timeline {
		at := w.index(w.child(root, "timeline"), i)
		w.add(RefParty, e.Party, w.child(at, "party"), false)
		w.add(RefParty, e.Towards, w.child(at, "towards"), false)
		w.add(RefParty, e.Successor, w.child(at, "successor"), false)
		if f := e.Effect; f != nil {
			effect := w.child(at, "effect")
			w.list(RefParty, f.Parties, w.child(effect, "parties"))
			w.list(RefClause, f.Clauses, w.child(effect, "clauses"))
			w.add(RefAgreement, f.Instrument, w.child(effect, "instrument"), false)
		}
		w.list(RefSource, e.Sources, w.child(at, "sources"))
	}
	for i, r := range a.Relations {
		at := w.index(w.child(root, "relations"), i)
		w.add(RefAgreement, r.Agreement, w.child(at, "agreement"), false)
		if f := r.Effect; f != nil {
			w.add(RefAgreement, f.Instrument, w.child(w.child(at, "effect"), "instrument"), false)
		}
	}
	sources := elems(root.Child("sources"), a.Sources, sourceID)
	for i, s := range a.Sources {
		at := root
		if paths && s.ID != "" {
			at = sources.path(i)
		}
		w.add(RefSource, s.ID, w.child(at, "id"), true)
	}
}

// refWalk is one walk of walkRefs: it builds paths only when asked to.
type refWalk struct {
	paths bool
	yield func(Ref)
}

func (w *refWalk) child(p docpath.Path, name string) docpath.Path {
	if !w.paths {
		return p
	}
	return p.Child(name)
}

func (w *refWalk) index(p docpath.Path, i int) docpath.Path {
	if !w.paths {
		return p
	}
	return p.Index(i)
}

func (w *refWalk) add(kind RefKind, id string, path docpath.Path, def bool) {
	if id != "" {
		w.yield(Ref{Kind: kind, ID: id, Path: path, Def: def})
	}
}

func (w *refWalk) list(kind RefKind, ids []string, at docpath.Path) {
	for j, id := range ids {
		w.add(kind, id, w.index(at, j), false)
	}
}

func (w *refWalk) clauses(cs []Clause, at docpath.Path) {
	var names []string
	if w.paths {
		ids := make([]string, len(cs))
		for k := range cs {
			ids[k] = cs[k].ID
		}
		names = docpath.Names(ids)
	}
	for i := range cs {
		cl := &cs[i]
		p := at
		if w.paths {
			p = at.Elem(i, names[i])
		}
		w.add(RefClause, cl.ID, w.child(p, "id"), true)
		w.list(RefTopic, cl.Topics, w.child(p, "topics"))
		w.list(RefClause, cl.Refs, w.child(p, "refs"))
		for j, cm := range cl.Commitments {
			q := w.index(w.child(p, "commitments"), j)
			if cm.By != "each" && cm.By != "all" {
				w.add(RefParty, cm.By, w.child(q, "by"), false)
			}
			w.add(RefParty, cm.Towards, w.child(q, "towards"), false)
		}
		if len(cl.Clauses) > 0 {
			w.clauses(cl.Clauses, w.child(p, "clauses"))
		}
	}
}

// IDPattern is the form of the ids of agreements, parties, clauses and
// sources, as the schema gives it: lower-case letters, digits, dots,
// underscores and hyphens, starting with a letter or a digit.
const IDPattern = `^[a-z0-9][a-z0-9._-]*$`

var validID, _ = quickschema.Matcher(IDPattern)

// ValidID reports whether id has the form IDPattern gives.
func ValidID(id string) bool { return validID(id) }
