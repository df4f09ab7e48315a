package agreement

import (
	"fmt"
	"maps"
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
	{rule: RuleRefContext, doc: "A context code that is not in the registry of intergovernmental organisations; or (a warning) an organisation the registry says was dissolved before the agreement was signed.", mixed: true},
	{rule: RuleRefOrganisation, doc: "An organisation party whose code the registry does not know and that gives no name."},
}

// references checks every reference of the document (Agreement.Refs):
// to its parties, clauses and sources, to the taxonomy and to the
// registry.
func (c *checker) references() {
	c.organisations()
	termBroken := c.broken("term")
	// A first walk without paths finds the refs that name nothing, by
	// their place in the walk; only then, a second builds their paths.
	var unknown []int
	n := 0
	walkRefs(c.a, false, func(r Ref) {
		if !r.Def && !c.known(r) {
			unknown = append(unknown, n)
		}
		n++
	})
	if len(unknown) == 0 {
		return
	}
	n = 0
	walkRefs(c.a, true, func(r Ref) {
		if len(unknown) == 0 || unknown[0] != n {
			n++
			return
		}
		unknown, n = unknown[1:], n+1
		if termBroken && r.Path.HasPrefix(root.Child("term")) {
			return
		}
		switch r.Kind {
		case RefParty:
			c.unknownParty(r.Path, r.ID)
		case RefClause:
			c.report(SeverityError, RuleRefClause, r.Path, fmt.Sprintf("no clause has the id %q", r.ID), c.suggest(r.ID, c.clauseIDs, "clause ids"))
		case RefSource:
			c.report(SeverityError, RuleRefSource, r.Path, fmt.Sprintf("no source has the id %q", r.ID), c.suggest(r.ID, c.sourceIDs, "source ids"))
		case RefTopic:
			c.report(SeverityError, RuleRefTopic, r.Path, fmt.Sprintf("%q is not a topic of the taxonomy", r.ID), c.topics.Suggest(r.ID))
		}
	})
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

func (c *checker) unknownParty(at docpath.Path, id string) {
	c.report(SeverityError, RuleRefParty, at, fmt.Sprintf("no party has the id %q", id), c.suggest(id, c.partyIDs, "party ids"))
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
	signed, _ := c.a.Timeline.Preferred(EventSigned)
	for i, ctx := range c.a.Contexts {
		o, ok := parties.LookupOrganisation(ctx)
		if !ok {
			c.report(SeverityError, RuleRefContext, root.Child("contexts").Index(i), fmt.Sprintf("%q is not in the organisation registry", ctx), parties.SuggestOrganisation(ctx))
			continue
		}
		// An organisation that ended before the agreement was signed
		// cannot be one its parties act through.
		if ended, err := ParseDate(o.Dissolved); err == nil && !signed.Date.IsZero() && ended.DefinitelyBefore(signed.Date) {
			c.report(SeverityWarning, RuleRefContext, root.Child("contexts").Index(i),
				fmt.Sprintf("%s was dissolved on %s, before the agreement was signed on %s", o.Name, ended, signed.Date), "check the context, or the date of signature")
		}
	}
}
