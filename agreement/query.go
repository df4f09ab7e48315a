package agreement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/entente-go/entente/docpath"

	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

// ClauseRef is a clause found by a query, with where it sits.
type ClauseRef struct {
	Clause *Clause
	Path   docpath.Path // clauses[art-3].clauses[art-3.3], as in diagnostics
	Label  string       // Article 3(3), for people
	Topics []string     // the clause's topics, or its nearest ancestor's when it gives none
}

// CommitmentRef is a commitment found by a query, with its clause.
type CommitmentRef struct {
	Commitment *Commitment
	Clause     ClauseRef
	Path       docpath.Path // ...commitments[0]
}

// Query selects clauses, commitments and cooperation areas. Empty fields
// match everything.
type Query struct {
	// Topic matches a topic and every topic below it (energy matches
	// energy.oil-gas), in Taxonomy or the built-in taxonomy.
	Topic    string
	Taxonomy *topics.Taxonomy
	// Party is a party id: a commitment involves the party when the party
	// is bound by it (by the party, each or all) or it is owed to it.
	Party string
	// Towards is a party id: a commitment is owed to it when it names it
	// (towards:), or names no one and is borne by another party, or by
	// each or all (owed to every other party).
	Towards  string
	Kind     CommitmentKind
	Modality Modality
}

func (q Query) taxonomy() *topics.Taxonomy {
	if q.Taxonomy != nil {
		return q.Taxonomy
	}
	return topics.Builtin()
}

func (q Query) topicMatches(codes []string) bool {
	if q.Topic == "" {
		return true
	}
	tax := q.taxonomy()
	return slices.ContainsFunc(codes, func(c string) bool { return tax.Within(c, q.Topic) })
}

func (q Query) commitmentMatches(c Commitment) bool {
	if q.Kind != "" && c.Kind != q.Kind {
		return false
	}
	if q.Modality != "" && c.Modality != q.Modality {
		return false
	}
	if q.Party != "" && c.By != "each" && c.By != "all" && c.By != q.Party && c.Towards != q.Party {
		return false
	}
	if q.Towards != "" && c.Towards != q.Towards && (c.Towards != "" || c.By == q.Towards) {
		return false
	}
	return true
}

// AllClauses returns every clause at every depth, in document order.
func (a *Agreement) AllClauses() []ClauseRef {
	var out []ClauseRef
	var walk func(base docpath.Path, label string, cs []Clause, inherited []string)
	walk = func(base docpath.Path, label string, cs []Clause, inherited []string) {
		ids := make([]string, len(cs))
		for i := range cs {
			ids[i] = cs[i].ID
		}
		for i, name := range docpath.Names(ids) {
			c := &cs[i]
			path := base.Elem(i, name)
			l := clauseLabel(label, c)
			tp := c.Topics
			if len(tp) == 0 {
				tp = inherited
			}
			out = append(out, ClauseRef{Clause: c, Path: path, Label: l, Topics: tp})
			walk(path.Child("clauses"), l, c.Clauses, tp)
		}
	}
	walk(docpath.Root().Child("clauses"), "", a.Clauses, nil)
	return out
}

// Clause returns the clause with the given id, at any depth (the first
// in document order when ids repeat), with its path, label and topics as
// AllClauses gives them. Only the clauses on its way are labelled.
func (a *Agreement) Clause(id string) (ClauseRef, bool) {
	type frame struct {
		list []Clause
		i    int
	}
	var chain []frame
	var find func(cs []Clause) bool
	find = func(cs []Clause) bool {
		for i := range cs {
			chain = append(chain, frame{cs, i})
			if cs[i].ID == id || find(cs[i].Clauses) {
				return true
			}
			chain = chain[:len(chain)-1]
		}
		return false
	}
	if id == "" || !find(a.Clauses) {
		return ClauseRef{}, false
	}
	ref := ClauseRef{Path: docpath.Root().Child("clauses")}
	for k, f := range chain {
		c := &f.list[f.i]
		if k > 0 {
			ref.Path = ref.Path.Child("clauses")
		}
		ref.Path = elemPath(ref.Path, f.list, f.i)
		ref.Label = clauseLabel(ref.Label, c)
		if len(c.Topics) > 0 {
			ref.Topics = c.Topics
		}
		ref.Clause = c
	}
	return ref, true
}

// clauseLabel names a clause for people: Article 3, Article 3(3),
// Article 3(3)(a); a clause without a number by its heading (the clause
// "Energy") or its id.
func clauseLabel(parent string, c *Clause) string {
	switch {
	case c.Num == "" && c.Heading != "":
		if parent != "" {
			return fmt.Sprintf("%s, %q", parent, c.Heading)
		}
		return fmt.Sprintf("the clause %q", c.Heading)
	case c.Num == "":
		if parent != "" {
			return parent + ", " + c.ID
		}
		return "clause " + c.ID
	case parent == "":
		return "Article " + c.Num
	}
	return fmt.Sprintf("%s(%s)", parent, c.Num)
}

// FindClauses returns the clauses that match q: by topic (with
// sub-topics), and, when q names a party, kind or modality, that hold a
// matching commitment.
func (a *Agreement) FindClauses(q Query) []ClauseRef {
	var out []ClauseRef
	for _, c := range a.AllClauses() {
		if !q.topicMatches(c.Topics) {
			continue
		}
		if q.Party != "" || q.Towards != "" || q.Kind != "" || q.Modality != "" {
			if !slices.ContainsFunc(c.Clause.Commitments, q.commitmentMatches) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// FindCommitments returns the commitments that match q, in document
// order. A commitment's topics are its clause's.
func (a *Agreement) FindCommitments(q Query) []CommitmentRef {
	var out []CommitmentRef
	for _, c := range a.AllClauses() {
		if !q.topicMatches(c.Topics) {
			continue
		}
		for i := range c.Clause.Commitments {
			cm := &c.Clause.Commitments[i]
			if q.commitmentMatches(*cm) {
				out = append(out, CommitmentRef{Commitment: cm, Clause: c, Path: c.Path.Child("commitments").Index(i)})
			}
		}
	}
	return out
}

// FindCooperation returns the cooperation areas within q.Topic (other
// fields of q do not apply to areas).
func (a *Agreement) FindCooperation(q Query) []CooperationArea {
	var out []CooperationArea
	for _, area := range a.Cooperation {
		if q.topicMatches([]string{area.Topic}) {
			out = append(out, area)
		}
	}
	return out
}

// Involves reports whether a party of the agreement is the country (an
// ISO 3166-1 code of any form, or a former country's ISO 3166-3 alpha-4
// code) or organisation with the given code.
func (a *Agreement) Involves(code string) bool { return a.partyWithCode(code) != "" }

// partyWithCode returns the id of the party that is the country or
// organisation with the given code, or "".
func (a *Agreement) partyWithCode(code string) string {
	country, isCountry := parties.LookupCountry(code)
	for _, p := range a.Parties {
		switch {
		case p.Country != "" && len(p.Country) == 4 && strings.EqualFold(p.Country, code):
			return p.ID
		case isCountry && p.Country != "" && len(p.Country) == 2:
			if c, ok := parties.LookupCountry(p.Country); ok && c.Alpha2 == country.Alpha2 {
				return p.ID
			}
		}
		if p.Organisation != "" && strings.EqualFold(p.Organisation, code) {
			return p.ID
		}
	}
	return ""
}

// InvolvesOrPredecessor reports whether the country with the given code,
// or a former country it succeeded (the USSR for RU), is a party.
func (a *Agreement) InvolvesOrPredecessor(code string) bool {
	if a.Involves(code) {
		return true
	}
	for _, f := range parties.Predecessors(code) {
		if a.Involves(f.Alpha4) {
			return true
		}
	}
	return false
}

// Binds reports whether the agreement is in force on day and binds the
// country or organisation with the given code on that day: its
// obligations run for it (PartyState.IsBound: bound, or frozen by its own
// declaration; not suspended, not gone). IsPartyOn asks the other
// question, whether it is a party at all.
func (a *Agreement) Binds(code string, day Date) bool {
	m, ok := a.standing(code, day)
	return ok && m.State.IsBound()
}

// IsPartyOn reports whether the agreement is in force on day and the
// country or organisation with the given code is a party to it on that
// day (PartyState.IsParty: bound, frozen or suspended), whether or not
// its obligations run.
func (a *Agreement) IsPartyOn(code string, day Date) bool {
	m, ok := a.standing(code, day)
	return ok && m.State.IsParty()
}

func (a *Agreement) standing(code string, day Date) (Membership, bool) {
	if a == nil {
		return Membership{}, false
	}
	i := a.partyIndex(a.partyWithCode(code))
	if i < 0 {
		return Membership{}, false
	}
	s := a.Life().at(day)
	if s.status(day).State != StateInForce {
		return Membership{}, false
	}
	return s.membership(i, day), true
}

// CoversTopic reports whether a clause or cooperation area of the
// agreement lies within the topic.
func (a *Agreement) CoversTopic(topic string, tax *topics.Taxonomy) bool {
	q := Query{Topic: topic, Taxonomy: tax}
	return len(a.FindCooperation(q)) > 0 || len(a.FindClauses(q)) > 0
}

// Involving returns the agreements of the set that a country or
// organisation is party to.
func (s *Set) Involving(code string) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.Involves(code) })
}

// InvolvingOrPredecessors returns the agreements of the set that a
// country is party to, or that a former country it succeeded was party
// to: RU finds the USSR's.
func (s *Set) InvolvingOrPredecessors(code string) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.InvolvesOrPredecessor(code) })
}

// BindingOn returns the agreements of the set in force on day that bind
// the country or organisation with the given code on that day (Binds): not
// those it had not yet joined, had left, or whose obligations were
// suspended for it.
func (s *Set) BindingOn(code string, day Date) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.Binds(code, day) })
}

// PartyTo returns the agreements of the set in force on day to which the
// country or organisation with the given code is a party on that day
// (IsPartyOn), its obligations running or suspended.
func (s *Set) PartyTo(code string, day Date) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.IsPartyOn(code, day) })
}

// WithTopic returns the agreements of the set that cover a topic or one
// below it, in the built-in taxonomy when tax is nil.
func (s *Set) WithTopic(topic string, tax *topics.Taxonomy) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.CoversTopic(topic, tax) })
}

// InForceOn returns the agreements of the set in force on day.
func (s *Set) InForceOn(day Date) []*Agreement {
	return s.filter(func(a *Agreement) bool { return a.StatusOn(day).State == StateInForce })
}

// filter returns the agreements of the set that keep accepts, one version
// of each: the latest (Set.Latest).
func (s *Set) filter(keep func(*Agreement) bool) []*Agreement {
	var out []*Agreement
	for _, a := range s.Agreements() {
		if keep(a) {
			out = append(out, a)
		}
	}
	return out
}

// Agreements returns one version of each agreement of the set, the latest
// (Set.Latest), in the order of the documents: the set's questions
// (InForceOn, BindingOn, PartyTo, Involving, WithTopic) read these, so an
// agreement whose announced and signed texts are both in the set is
// counted once.
func (s *Set) Agreements() []*Agreement {
	// The latest version of each id, found in one pass (Latest's choice):
	// a registry of thousands of files is not searched once per id.
	latest := map[string]*Document{}
	for _, d := range s.Documents {
		if id := d.Header.ID; id != "" {
			if best := latest[id]; best == nil || laterVersion(d.Header.Version, best.Header.Version) {
				latest[id] = d
			}
		}
	}
	var out []*Agreement
	seen := map[string]bool{}
	for _, d := range s.Documents {
		if d.Agreement == nil {
			continue
		}
		id := d.Agreement.ID
		if id == "" {
			out = append(out, d.Agreement)
			continue
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		if l := latest[id]; l != nil && l.Agreement != nil {
			out = append(out, l.Agreement)
		}
	}
	return out
}

// Disputed reports whether another event of the same kind and party gives
// a different date: reports that disagree.
func (tl Timeline) Disputed(e Event) bool {
	for _, o := range tl {
		if o.Event == e.Event && o.Party == e.Party && o.Date != e.Date {
			return true
		}
	}
	return false
}

// Preferred returns the event of a kind that decides when the timeline
// holds several reports of it: the one marked preferred, or else the only
// one. false when there is none, or several and none preferred.
func (tl Timeline) Preferred(k EventKind) (Event, bool) {
	events := tl.kind(k, "")
	for _, e := range events {
		if e.Preferred {
			return e, true
		}
	}
	if len(events) == 1 {
		return events[0], true
	}
	return Event{}, false
}
