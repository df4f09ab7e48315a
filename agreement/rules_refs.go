package agreement

import (
	"fmt"
	"slices"
	"strings"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/suggest"
	"github.com/entente-go/entente/parties"
)

// The rules of references: every id and code a document uses names
// something.
const (
	RuleRefParty        Rule = "ref.party"        // a party id that no party has
	RuleRefClause       Rule = "ref.clause"       // a clause id that no clause has
	RuleRefSource       Rule = "ref.source"       // a source id that no source has
	RuleRefTopic        Rule = "ref.topic"        // a topic code not in the taxonomy
	RuleRefContext      Rule = "ref.context"      // a context not in the organisation registry
	RuleRefOrganisation Rule = "ref.organisation" // an organisation party the registry does not know
)

var refRules = []ruleDoc{
	{rule: RuleRefParty, doc: "A party id in a commitment or event that no party of the document has."},
	{rule: RuleRefClause, doc: "A clause id in a cooperation area, cross-reference or term that no clause has."},
	{rule: RuleRefSource, doc: "A source id in an event or cooperation area that no source of the document has."},
	{rule: RuleRefTopic, doc: "A topic code that is not in the taxonomy of cooperation areas."},
	{rule: RuleRefContext, doc: "A context code that is not in the registry of intergovernmental organisations."},
	{rule: RuleRefOrganisation, doc: "An organisation party whose code the registry does not know and that gives no name."},
}

// references checks every reference of the document: to its parties,
// clauses and sources, to the taxonomy and to the registry.
func (c *checker) references() {
	c.organisations()
	c.clauseRefs()
	for i, area := range c.a.Cooperation {
		at := func() docpath.Path { return root.Child("cooperation").Index(i) }
		if _, ok := c.topics.Lookup(area.Topic); !ok && area.Topic != "" {
			c.topic(at().Child("topic"), area.Topic)
		}
		for j, id := range area.Clauses {
			if id != "" && !c.clauseIDs[id] {
				c.clause(at().Child("clauses"), j, id)
			}
		}
		for j, id := range area.Sources {
			if id != "" && !c.sourceIDs[id] {
				c.source(at().Child("sources"), j, id)
			}
		}
	}
	if t := c.a.Term; t != nil && !c.broken("term") {
		for j, id := range t.Clauses {
			if id != "" && !c.clauseIDs[id] {
				c.clause(root.Child("term").Child("clauses"), j, id)
			}
		}
		if w := t.Withdrawal; w != nil {
			for j, id := range w.Clauses {
				if id != "" && !c.clauseIDs[id] {
					c.clause(root.Child("term").Child("withdrawal").Child("clauses"), j, id)
				}
			}
		}
		if r := t.EntryIntoForce; r != nil {
			for j, id := range r.Including {
				if id != "" && !c.partyIDs[id] {
					c.unknownParty(root.Child("term").Child("entry_into_force").Child("including").Index(j), id)
				}
			}
		}
	}
	for i, e := range c.a.Timeline {
		at := func() docpath.Path { return root.Child("timeline").Index(i) }
		for _, f := range []struct{ name, id string }{{"party", e.Party}, {"towards", e.Towards}, {"successor", e.Successor}} {
			if f.id != "" && !c.partyIDs[f.id] {
				c.unknownParty(at().Child(f.name), f.id)
			}
		}
		if f := e.Effect; f != nil {
			for j, id := range f.Parties {
				if id != "" && !c.partyIDs[id] {
					c.unknownParty(at().Child("effect").Child("parties").Index(j), id)
				}
			}
			for j, id := range f.Clauses {
				if id != "" && !c.clauseIDs[id] {
					c.clause(at().Child("effect").Child("clauses"), j, id)
				}
			}
		}
		for j, id := range e.Sources {
			if id != "" && !c.sourceIDs[id] {
				c.source(root.Child("timeline").Index(i).Child("sources"), j, id)
			}
		}
	}
}

// clauseRefs checks the references in every clause.
func (c *checker) clauseRefs() {
	c.clauseLists(func(cs []Clause, at clauseAt) {
		for i := range cs {
			cl := &cs[i]
			for j, code := range cl.Topics {
				if _, ok := c.topics.Lookup(code); !ok && code != "" {
					c.topic(at.elem(cs, i).Child("topics").Index(j), code)
				}
			}
			for j, ref := range cl.Refs {
				if ref != "" && !c.clauseIDs[ref] {
					c.clause(at.elem(cs, i).Child("refs"), j, ref)
				}
			}
			for j, cm := range cl.Commitments {
				if cm.By != "each" && cm.By != "all" && cm.By != "" && !c.partyIDs[cm.By] {
					c.unknownParty(at.elem(cs, i).Child("commitments").Index(j).Child("by"), cm.By)
				}
				if cm.Towards != "" && !c.partyIDs[cm.Towards] {
					c.unknownParty(at.elem(cs, i).Child("commitments").Index(j).Child("towards"), cm.Towards)
				}
			}
		}
	})
}

func (c *checker) unknownParty(at docpath.Path, id string) {
	c.report(SeverityError, RuleRefParty, at, fmt.Sprintf("no party has the id %q", id), c.suggest(id, c.partyIDs, "party ids"))
}

// clause checks the j-th clause id of the list at list.
func (c *checker) clause(list docpath.Path, j int, id string) {
	if id != "" && !c.clauseIDs[id] {
		c.report(SeverityError, RuleRefClause, list.Index(j), fmt.Sprintf("no clause has the id %q", id), c.suggest(id, c.clauseIDs, "clause ids"))
	}
}

// source checks the j-th source id of the list at list.
func (c *checker) source(list docpath.Path, j int, id string) {
	if id != "" && !c.sourceIDs[id] {
		c.report(SeverityError, RuleRefSource, list.Index(j), fmt.Sprintf("no source has the id %q", id), c.suggest(id, c.sourceIDs, "source ids"))
	}
}

func (c *checker) topic(at docpath.Path, code string) {
	if code == "" {
		return
	}
	if _, ok := c.topics.Lookup(code); !ok {
		c.report(SeverityError, RuleRefTopic, at, fmt.Sprintf("%q is not a topic of the taxonomy", code), c.topics.Suggest(code))
	}
}

func (c *checker) suggest(id string, known map[string]bool, what string) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	slices.Sort(names)
	if best, ok := suggest.Closest(id, names); ok {
		return fmt.Sprintf("did you mean %q?", best)
	}
	if len(names) == 0 {
		return "the document defines no " + what
	}
	return what + ": " + strings.Join(names, ", ")
}

// organisations checks organisation parties and contexts against the
// registry.
func (c *checker) organisations() {
	paths := elems(root.Child("parties"), c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		if p.Kind == parties.KindIGO && p.Organisation == "" && p.Name == "" {
			c.report(SeverityError, RuleRefOrganisation, paths.path(i), fmt.Sprintf("party %q is an organisation but names none", p.ID), "add organisation: with a registry code, or name:")
		}
		if p.Organisation != "" {
			if _, ok := parties.LookupOrganisation(p.Organisation); !ok && p.Name == "" {
				c.report(SeverityError, RuleRefOrganisation, paths.path(i).Child("organisation"), fmt.Sprintf("%q is not in the organisation registry", p.Organisation),
					parties.SuggestOrganisation(p.Organisation)+"; or give name: for an organisation the registry lacks")
			}
		}
	}
	for i, ctx := range c.a.Contexts {
		if _, ok := parties.LookupOrganisation(ctx); !ok {
			c.report(SeverityError, RuleRefContext, root.Child("contexts").Index(i), fmt.Sprintf("%q is not in the organisation registry", ctx), parties.SuggestOrganisation(ctx))
		}
	}
}
