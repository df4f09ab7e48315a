package agreement

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Set is the agreements of a directory, loaded together.
type Set struct {
	Documents []*Document // sorted by name
}

// ReadFS loads every agreement file under root in fsys with the default
// settings. See [Loader.ReadFS].
func ReadFS(fsys fs.FS, root string) (*Set, error) { return Loader{}.ReadFS(fsys, root) }

// ReadFS loads every agreement file (see IsAgreementFile) under root in
// fsys, leaving out hidden folders such as .git and files that are not
// regular (a pipe, socket or device), then checks the set as a whole:
// agreement ids are unique across it and relations resolve to agreements
// in it. The error is for failures to read; problems are in the
// documents' diagnostics.
func (l Loader) ReadFS(fsys fs.FS, root string) (*Set, error) {
	set := &Set{}
	err := fs.WalkDir(fsys, root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && name != root && strings.HasPrefix(e.Name(), ".") {
			return fs.SkipDir // .git and other hidden folders
		}
		if e.IsDir() || !IsAgreementFile(name) {
			return nil
		}
		if !e.Type().IsRegular() {
			// A symbolic link is followed; a pipe, socket or device is left
			// out, since opening a pipe waits for a writer.
			if info, err := fs.Stat(fsys, name); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		doc, err := l.Read(name, f)
		f.Close()
		if err != nil {
			return err
		}
		set.Documents = append(set.Documents, doc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(set.Documents, func(a, b *Document) int { return strings.Compare(a.Name, b.Name) })
	set.Check()
	return set, nil
}

// NewSet makes a set of documents loaded one by one and checks it as
// ReadFS does.
func NewSet(docs ...*Document) *Set {
	set := &Set{Documents: slices.Clone(docs)}
	set.Check()
	return set
}

// Diagnostics returns the diagnostics of every document in the set, sorted.
func (s *Set) Diagnostics() Diagnostics {
	var all Diagnostics
	for _, d := range s.Documents {
		all = append(all, d.Diagnostics...)
	}
	all.Sort()
	return all
}

// Version returns the document of the set that holds the given version
// (by its label) of the agreement with the given id, or nil.
func (s *Set) Version(id, label string) *Document {
	for _, d := range s.Documents {
		if d.Header.ID == id && d.Header.Version.Label == label {
			return d
		}
	}
	return nil
}

// Latest returns the document of the set that holds the latest version of
// the agreement with the given id, or nil: the one furthest along in the
// making of the text (draft, initialled, signed, in force, consolidated),
// and of those the one dated last; the first in name order when that does
// not decide.
func (s *Set) Latest(id string) *Document {
	var best *Document
	for _, d := range s.Documents {
		if d.Header.ID != id {
			continue
		}
		if best == nil || laterVersion(d.Header.Version, best.Header.Version) {
			best = d
		}
	}
	return best
}

// laterVersion reports whether version a comes after version b: a later
// stage, or the same stage and a later date.
func laterVersion(a, b Version) bool {
	sa, sb := slices.Index(stages, a.Stage), slices.Index(stages, b.Stage)
	if sa != sb {
		return sa > sb
	}
	return b.Date.DefinitelyBefore(a.Date)
}

// Consolidated returns the latest version of the agreement with the given
// id with the effects of the set's later instruments applied: each
// agreement of the set that extends, amends or terminates it (by a
// relation with an effect) adds the event to a copy of its timeline,
// dated at the instrument's signature (an extension must be made before
// the term it extends runs out; the note gives its entry into force). The
// questions asked of the result — StatusOn, Schedule, PartiesOn — answer
// with the protocols. false when the set has no agreement with that id.
func (s *Set) Consolidated(id string) (*Agreement, bool) {
	d := s.Latest(id)
	if d == nil || d.Agreement == nil {
		return nil, false
	}
	a := d.Agreement.Clone()
	for _, other := range s.Documents {
		p := other.Agreement
		if p == nil || p.ID == id {
			continue
		}
		for _, r := range p.Relations {
			if r.Agreement != id {
				continue
			}
			kind, ok := map[RelationType]EventKind{RelationExtends: EventExtended, RelationAmends: EventAmended, RelationTerminates: EventTerminated}[r.Type]
			if !ok {
				continue
			}
			e := Event{Event: kind, Note: "by " + p.ID, Sources: nil}
			if signed, ok := p.Timeline.Preferred(EventSigned); ok {
				e.Date = signed.Date
			}
			if eif, ok := p.EntryIntoForce(); ok {
				if e.Date.IsZero() {
					e.Date = eif.Date
				}
				e.Note += fmt.Sprintf(", in force %s", eif.Date)
			}
			if e.Date.IsZero() {
				continue // an instrument with no date cannot be placed in time
			}
			if r.Effect != nil {
				f := *r.Effect
				if f.Instrument == "" {
					f.Instrument = p.ID
				}
				e.Effect = &f
			}
			a.Timeline = append(a.Timeline, e)
		}
	}
	slices.SortStableFunc(a.Timeline, func(x, y Event) int { return x.Date.Compare(y.Date) })
	return a, true
}
