package agreement

import (
	"fmt"
	"maps"
	"slices"
	"strings"

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

var refRules = []ruleDef{
	{rule: RuleRefParty, doc: "A party id in a commitment or event that no party of the document has.", check: refsOf(RefParty)},
	{rule: RuleRefClause, doc: "A clause id in a cooperation area, cross-reference or term that no clause has.", check: refsOf(RefClause)},
	{rule: RuleRefSource, doc: "A source id in an event or cooperation area that no source of the document has.", check: refsOf(RefSource)},
	{rule: RuleRefTopic, doc: "A topic code that is not in the taxonomy of cooperation areas.", check: refsOf(RefTopic)},
	{rule: RuleRefContext, doc: "A context code that is not in the registry of intergovernmental organisations; or (a warning) an organisation the registry says was dissolved before the agreement was signed.", mixed: true, check: (*checker).contexts},
	{rule: RuleRefOrganisation, doc: "An organisation party whose code the registry does not know and that gives no name.", check: (*checker).organisations},
}

// refsOf returns the check of the references of one kind (Agreement.Refs)
// to the document's parties, clauses or sources, or to the taxonomy.
func refsOf(kind RefKind) func(*checker) {
	return func(c *checker) {
		for _, r := range c.unresolvedRefs() {
			if r.Kind != kind {
				continue
			}
			switch kind {
			case RefParty:
				c.report(r.Path, fmt.Sprintf("no party has the id %q", r.ID), c.suggest(r.ID, c.partyIDs, "party ids"))
			case RefClause:
				c.report(r.Path, fmt.Sprintf("no clause has the id %q", r.ID), c.suggest(r.ID, c.clauseIDs, "clause ids"))
			case RefSource:
				c.report(r.Path, fmt.Sprintf("no source has the id %q", r.ID), c.suggest(r.ID, c.sourceIDs, "source ids"))
			case RefTopic:
				c.report(r.Path, fmt.Sprintf("%q is not a topic of the taxonomy", r.ID), c.topics.Suggest(r.ID))
			}
		}
	}
}

// unresolvedRefs returns the uses of the document that name nothing,
// with their paths, walking its references once for the four rules. A
// first walk without paths finds them by their place in the walk; only
// then, when there are any, a second builds their paths. A reference in
// a term the loader or schema found broken is left out.
func (c *checker) unresolvedRefs() []Ref {
	if c.unresolved != nil {
		return *c.unresolved
	}
	var found []Ref
	c.unresolved = &found
	var unknown []int
	n := 0
	walkRefs(c.a, false, func(r Ref) {
		if !r.Def && !c.known(r) {
			unknown = append(unknown, n)
		}
		n++
	})
	if len(unknown) == 0 {
		return nil
	}
	termBroken := c.broken("term")
	n = 0
	walkRefs(c.a, true, func(r Ref) {
		if len(unknown) == 0 || unknown[0] != n {
			n++
			return
		}
		unknown, n = unknown[1:], n+1
		if !termBroken || !r.Path.HasPrefix(root.Child("term")) {
			found = append(found, r)
		}
	})
	return found
}

// known says whether a use names something: a party, clause or source of
// the document, or a topic of the taxonomy. The other kinds are checked
// by the rules of codes and of sets.
func (c *checker) known(r Ref) bool {
	switch r.Kind {
	case RefParty:
		return c.partyIDs[r.ID]
	case RefClause:
		return c.clauseIDs[r.ID]
	case RefSource:
		return c.sourceIDs[r.ID]
	case RefTopic:
		_, ok := c.topics.Lookup(r.ID)
		return ok
	}
	return true
}

func (c *checker) suggest(id string, known map[string]bool, what string) string {
	names, ok := c.sorted[what]
	if !ok {
		names = slices.Sorted(maps.Keys(known))
		if c.sorted == nil {
			c.sorted = map[string][]string{}
		}
		c.sorted[what] = names
	}
	if best, ok := suggest.Closest(id, names); ok {
		return fmt.Sprintf("did you mean %q?", best)
	}
	if len(names) == 0 {
		return "the document defines no " + what
	}
	if len(names) > maxListed {
		return fmt.Sprintf("%s: %s and %d more", what, strings.Join(names[:maxListed], ", "), len(names)-maxListed)
	}
	return what + ": " + strings.Join(names, ", ")
}

// maxListed is the most ids a hint lists.
const maxListed = 12

// organisations checks organisation parties against the registry.
func (c *checker) organisations() {
	paths := elems(root.Child("parties"), c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		if p.Kind == parties.KindIGO && p.Organisation == "" && p.Name == "" {
			c.report(paths.path(i), fmt.Sprintf("party %q is an organisation but names none", p.ID), "add organisation: with a registry code, or name:")
		}
		if p.Organisation != "" {
			if _, ok := parties.LookupOrganisation(p.Organisation); !ok && p.Name == "" {
				c.report(paths.path(i).Child("organisation"), fmt.Sprintf("%q is not in the organisation registry", p.Organisation),
					parties.SuggestOrganisation(p.Organisation)+"; or give name: for an organisation the registry lacks")
			}
		}
	}
}

// contexts checks the organisations the agreement was made in against
// the registry, and against the day it was signed.
func (c *checker) contexts() {
	signed, _ := c.a.Timeline.Preferred(EventSigned)
	for i, ctx := range c.a.Contexts {
		o, ok := parties.LookupOrganisation(ctx)
		if !ok {
			c.report(root.Child("contexts").Index(i), fmt.Sprintf("%q is not in the organisation registry", ctx), parties.SuggestOrganisation(ctx))
			continue
		}
		// An organisation that ended before the agreement was signed
		// cannot be one its parties act through.
		if ended, err := ParseDate(o.Dissolved); err == nil && !signed.Date.IsZero() && ended.DefinitelyBefore(signed.Date) {
			c.warn(root.Child("contexts").Index(i),
				fmt.Sprintf("%s was dissolved on %s, before the agreement was signed on %s", o.Name, ended, signed.Date), "check the context, or the date of signature")
		}
	}
}
