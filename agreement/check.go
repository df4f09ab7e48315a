package agreement

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente-go/entente/internal/suggest"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/lang"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

// checker runs the semantic rules: what the schema cannot say, such as
// whether a reference resolves or the timeline is in order.
type checker struct {
	doc    *Document
	a      *Agreement
	topics *topics.Taxonomy

	partyIDs  map[string]bool
	clauseIDs map[string]bool
	sourceIDs map[string]bool

	reported map[string]bool // paths with a diagnostic already
	brokenAt map[string]bool // the same, with every prefix of each path

	tree *codec.Tree // where findings are looked up
}

// checkSemantics runs the semantic rules on the decoded agreement and its
// tree. blanks says whether the tree may hold blank strings or empty
// collections; when the reader knows it holds none, the walk that looks
// for them is skipped.
func (d *Document) checkSemantics(tree *codec.Tree, tax *topics.Taxonomy, blanks bool) {
	c := &checker{doc: d, a: d.Agreement, topics: tax, tree: tree,
		partyIDs: map[string]bool{}, clauseIDs: make(map[string]bool, countClauses(d.Agreement.Clauses)), sourceIDs: map[string]bool{},
		reported: map[string]bool{}, brokenAt: map[string]bool{}}
	for _, diag := range d.Diagnostics {
		c.reported[diag.Path] = true
		for p := diag.Path; p != ""; p = parentPath(p) {
			c.brokenAt[p] = true
		}
	}
	c.ids()
	c.parties()
	c.codes()
	c.clauses(func() string { return "clauses" }, c.a.Clauses)
	c.cooperation()
	c.term()
	c.timeline()
	if blanks {
		c.empties(tree.Root(), make([]treeStep, 0, 16))
	}
}

// report adds a diagnostic at the value of path, or at the nearest
// enclosing value that has a position.
func (c *checker) report(sev Severity, rule Rule, path, msg, hint string) {
	d := c.doc
	if c.reported[path] {
		return // the same fault, already reported by the loader or the schema
	}
	c.reported[path] = true
	for p := path; ; p = parentPath(p) {
		if span, ok := spanOf(c.tree.Find(p)); ok {
			d.Diagnostics = append(d.Diagnostics, Diagnostic{File: d.Name, Position: span.Value, Path: path,
				Rule: rule, Severity: sev, Message: msg, Hint: hint})
			return
		}
		if p == "" {
			d.Diagnostics = append(d.Diagnostics, Diagnostic{File: d.Name, Position: Position{1, 1}, Path: path,
				Rule: rule, Severity: sev, Message: msg, Hint: hint})
			return
		}
	}
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// elemPaths names the elements of a list at base as the decoder names
// them, when asked: most checks find nothing and never ask, so neither the
// keys nor the paths are built for them.
type elemPaths struct {
	base func() string
	n    int
	id   func(i int) string // the i-th element's id, or nil
	keys []string
}

func (e *elemPaths) path(i int) string {
	if e.keys == nil {
		ids := make([]string, e.n)
		if e.id != nil {
			for k := range ids {
				ids[k] = e.id(k)
			}
		}
		e.keys = codec.ElemKeys(ids)
	}
	return codec.Index(e.base(), e.keys[i])
}

// under returns the path of a field of the i-th element, as a function for
// a nested check's base. Only what it captures is kept: a check's own
// per-element closures stay on the stack.
func (e *elemPaths) under(i int, field string) func() string {
	return func() string { return e.path(i) + field }
}

// all returns every path, for a check that reports at most elements.
func (e *elemPaths) all() []string {
	out := make([]string, e.n)
	for i := range out {
		out[i] = e.path(i)
	}
	return out
}

// elems returns the paths of the elements of a list at a fixed base.
func elems[T any](base string, list []T, id func(T) string) *elemPaths {
	return &elemPaths{base: func() string { return base }, n: len(list), id: func(i int) string { return id(list[i]) }}
}

// clausePaths returns the paths of the clauses of a list at base.
func clausePaths(base func() string, cs []Clause) *elemPaths {
	return &elemPaths{base: base, n: len(cs), id: func(i int) string { return cs[i].ID }}
}

func partyID(p Party) string   { return p.ID }
func sourceID(s Source) string { return s.ID }

// ids checks that party, clause and source ids are unique (clause ids
// across every depth, since references name clauses by id alone).
func (c *checker) ids() {
	paths := elems("parties", c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		c.unique(c.partyIDs, p.ID, paths, i, "party")
	}
	paths = elems("sources", c.a.Sources, sourceID)
	for i, s := range c.a.Sources {
		c.unique(c.sourceIDs, s.ID, paths, i, "source")
	}
	c.clauseIDsIn(func() string { return "clauses" }, c.a.Clauses)
}

// unique records id, the id of the i-th element at paths, in seen, and
// reports it if it is there already.
func (c *checker) unique(seen map[string]bool, id string, paths *elemPaths, i int, what string) {
	if id == "" {
		return
	}
	if seen[id] {
		c.report(Error, RuleDuplicateID, paths.path(i)+".id", fmt.Sprintf("%s id %q is used twice", what, id), "ids must be unique")
		return
	}
	seen[id] = true
}

// countClauses counts the clauses of a list and those nested in them, to
// size the set of their ids once.
func countClauses(cs []Clause) int {
	n := len(cs)
	for i := range cs {
		n += countClauses(cs[i].Clauses)
	}
	return n
}

// clauseIDsIn checks the ids of the clauses of a list and those nested in
// them.
func (c *checker) clauseIDsIn(base func() string, cs []Clause) {
	paths := clausePaths(base, cs)
	for i := range cs {
		c.unique(c.clauseIDs, cs[i].ID, paths, i, "clause")
		if len(cs[i].Clauses) > 0 {
			c.clauseIDsIn(paths.under(i, ".clauses"), cs[i].Clauses)
		}
	}
}

// The reference checks take the path as a function: it is built only
// when there is something to report, which is rarely.

func (c *checker) party(at func() string, id string) {
	if id != "" && !c.partyIDs[id] {
		c.report(Error, RuleUnknownParty, at(), fmt.Sprintf("no party has the id %q", id), c.suggest(id, c.partyIDs, "party ids"))
	}
}

func (c *checker) clause(at func() string, id string) {
	if id != "" && !c.clauseIDs[id] {
		c.report(Error, RuleUnknownClause, at(), fmt.Sprintf("no clause has the id %q", id), c.suggest(id, c.clauseIDs, "clause ids"))
	}
}

func (c *checker) source(at func() string, id string) {
	if id != "" && !c.sourceIDs[id] {
		c.report(Error, RuleUnknownSource, at(), fmt.Sprintf("no source has the id %q", id), c.suggest(id, c.sourceIDs, "source ids"))
	}
}

func (c *checker) topic(at func() string, code string) {
	if code == "" {
		return
	}
	if _, ok := c.topics.Lookup(code); !ok {
		c.report(Error, RuleUnknownTopic, at(), fmt.Sprintf("%q is not a topic of the taxonomy", code), c.topics.Suggest(code))
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

func (c *checker) parties() {
	for i, path := range elems("parties", c.a.Parties, partyID).all() {
		p := c.a.Parties[i]
		switch p.Kind {
		case parties.KindState, parties.KindSubnational:
			if p.Country == "" && p.Name == "" {
				c.report(Error, RuleCountry, path, fmt.Sprintf("party %q is a %s but gives no country", p.ID, p.Kind), "add country: with an ISO 3166-1 alpha-2 code")
			}
		case parties.KindIGO:
			if p.Organisation == "" && p.Name == "" {
				c.report(Error, RuleUnknownOrganisation, path, fmt.Sprintf("party %q is an organisation but names none", p.ID), "add organisation: with a registry code, or name:")
			}
		}
		if p.Country != "" {
			if _, ok := parties.LookupCountry(p.Country); !ok || len(p.Country) != 2 {
				c.report(Error, RuleCountry, path+".country", fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", p.Country), parties.SuggestCountry(p.Country))
			}
		}
		if p.Organisation != "" {
			if _, ok := parties.LookupOrganisation(p.Organisation); !ok && p.Name == "" {
				c.report(Error, RuleUnknownOrganisation, path+".organisation", fmt.Sprintf("%q is not in the organisation registry", p.Organisation),
					parties.SuggestOrganisation(p.Organisation)+"; or give name: for an organisation the registry lacks")
			}
		}
	}
	for i, ctx := range c.a.Contexts {
		if _, ok := parties.LookupOrganisation(ctx); !ok {
			c.report(Error, RuleUnknownContext, fmt.Sprintf("contexts[%d]", i), fmt.Sprintf("%q is not in the organisation registry", ctx), parties.SuggestOrganisation(ctx))
		}
	}
}

// codes checks language codes.
func (c *checker) codes() {
	for _, field := range []struct {
		name  string
		codes []string
	}{{"languages", c.a.Languages}, {"authentic", c.a.Authentic}} {
		for i, code := range field.codes {
			c.language(at("%s[%d]", field.name, i), code)
		}
	}
	for i, code := range c.a.Authentic {
		if len(c.a.Languages) > 0 && !slices.Contains(c.a.Languages, code) {
			c.report(Warning, RuleLanguage, fmt.Sprintf("authentic[%d]", i), fmt.Sprintf("%q is authentic but not among the languages", code), "add it to languages:")
		}
	}
	for i, r := range c.a.Preamble {
		c.text(at("preamble[%d].text", i), r.Text)
	}
}

func (c *checker) language(at func() string, code string) {
	if _, ok := lang.Name(code); !ok {
		c.report(Error, RuleLanguage, at(), fmt.Sprintf("%q is not an ISO 639-1 language code", code), "use a two-letter code such as en, ru or fa")
	}
}

func (c *checker) text(at func() string, t Text) {
	for l := range t.ByLanguage {
		c.language(func() string { return at() + "." + l }, l)
	}
}

// at makes a lazy path: format is built with args only when called.
func at(format string, args ...any) func() string {
	return func() string { return fmt.Sprintf(format, args...) }
}

func (c *checker) clauses(base func() string, cs []Clause) {
	paths := clausePaths(base, cs)
	nums := make(map[string]int, len(cs)) // num -> index of the first clause with it
	var numeric []int
	for i := range cs {
		cl := &cs[i]
		path := func() string { return paths.path(i) }
		for j, code := range cl.Topics {
			c.topic(func() string { return fmt.Sprintf("%s.topics[%d]", path(), j) }, code)
		}
		for j, ref := range cl.Refs {
			c.clause(func() string { return fmt.Sprintf("%s.refs[%d]", path(), j) }, ref)
		}
		c.text(func() string { return path() + ".text" }, cl.Text)
		for j, cm := range cl.Commitments {
			if cm.By != "each" && cm.By != "all" {
				c.party(func() string { return fmt.Sprintf("%s.commitments[%d].by", path(), j) }, cm.By)
			}
			c.party(func() string { return fmt.Sprintf("%s.commitments[%d].towards", path(), j) }, cm.Towards)
		}
		if cl.Num != "" {
			if first, dup := nums[cl.Num]; dup {
				c.report(Error, RuleClauseNumber, path()+".num", fmt.Sprintf("number %q is also given to %s", cl.Num, paths.path(first)), "number each clause once")
			} else {
				nums[cl.Num] = i
				if n, err := strconv.Atoi(cl.Num); err == nil {
					numeric = append(numeric, n)
				}
			}
		}
		if len(cl.Clauses) > 0 {
			c.clauses(paths.under(i, ".clauses"), cl.Clauses)
		}
	}
	if c.a.Excerpt || len(numeric) < 2 {
		return
	}
	slices.Sort(numeric)
	for i := 1; i < len(numeric); i++ {
		if numeric[i] != numeric[i-1]+1 {
			c.report(Warning, RuleClauseGap, base(), fmt.Sprintf("clause numbers jump from %d to %d", numeric[i-1], numeric[i]),
				"add the missing clauses, or mark the document excerpt: true")
			return
		}
	}
}

func (c *checker) cooperation() {
	for i, area := range c.a.Cooperation {
		c.topic(at("cooperation[%d].topic", i), area.Topic)
		for j, id := range area.Clauses {
			c.clause(at("cooperation[%d].clauses[%d]", i, j), id)
		}
		for j, id := range area.Sources {
			c.source(at("cooperation[%d].sources[%d]", i, j), id)
		}
	}
}

// broken reports whether the loader or the schema already found a
// problem at or under path; rules that would only repeat it skip it.
func (c *checker) broken(path string) bool { return c.brokenAt[path] }

func (c *checker) term() {
	t := c.a.Term
	if t == nil || c.broken("term") {
		return
	}
	for j, id := range t.Clauses {
		c.clause(at("term.clauses[%d]", j), id)
	}
	if t.Indefinite && !t.Duration.IsZero() {
		c.report(Error, RuleTerm, "term.indefinite", "the term is both indefinite and of a fixed duration", "remove indefinite: or duration:")
	}
	if t.Indefinite && t.Renewal != nil {
		c.report(Error, RuleTerm, "term.renewal", "an indefinite term cannot be renewed", "remove renewal: or indefinite:")
	}
	if t.Duration.IsZero() && !t.Indefinite && t.Renewal != nil {
		c.report(Error, RuleTerm, "term.renewal", "a renewal is given but no initial duration", "add duration:")
	}
	if !t.Notice.IsZero() && !t.Duration.IsZero() && longerOrEqual(t.Notice, t.Duration) {
		c.report(Error, RuleTerm, "term.notice", fmt.Sprintf("the notice (%s) is not shorter than the term (%s)", t.Notice, t.Duration), "")
	}
	if t.Renewal != nil && !t.Notice.IsZero() && !t.Renewal.Period.IsZero() && longerOrEqual(t.Notice, t.Renewal.Period) {
		c.report(Error, RuleTerm, "term.notice", fmt.Sprintf("the notice (%s) is not shorter than the renewal period (%s)", t.Notice, t.Renewal.Period), "")
	}
	c.entryIntoForce()
	c.expiry()
}

// longerOrEqual compares durations on a fixed calendar: the same start
// date for both.
func longerOrEqual(a, b Duration) bool {
	start := Date{Year: 2001, Month: 1, Day: 1}
	return !start.Add(a).First().Before(start.Add(b).First())
}

func (c *checker) entryIntoForce() {
	rule := c.a.Term.EntryIntoForce
	if rule == nil {
		return
	}
	trigger, ok := c.a.triggerDate(rule.After)
	if !ok || !trigger.Exact() {
		return
	}
	want := trigger.Add(rule.Delay)
	reports := c.a.Timeline.kind(EventEnteredIntoForce, "")
	for i, e := range c.a.Timeline {
		if e.Event != EventEnteredIntoForce || !e.Date.Exact() || e.Date == want {
			continue
		}
		sev := Error
		if len(reports) > 1 && !e.Preferred {
			sev = Warning // one of several reports; the preferred one decides
		}
		c.report(sev, RuleEntryIntoForce, fmt.Sprintf("timeline[%d].date", i),
			fmt.Sprintf("entry into force on %s does not follow the term's rule: %s after the %s (%s) is %s",
				e.Date, rule.Delay, strings.ReplaceAll(string(rule.After), "-", " "), trigger, want), "")
	}
}

// expiry checks an expired event against the term: the start plus the
// initial term, or plus a whole number of renewal periods.
func (c *checker) expiry() {
	t := c.a.Term
	if t.Duration.IsZero() {
		return
	}
	var start Date
	switch t.From {
	case FromSignature:
		start = c.a.Timeline.preferredDate(EventSigned)
	default:
		start = c.a.Timeline.preferredDate(EventEnteredIntoForce)
	}
	if !start.Exact() {
		return
	}
	for i, e := range c.a.Timeline {
		if e.Event != EventExpired || !e.Date.Exact() {
			continue
		}
		end := start.Add(t.Duration)
		possible := []Date{end}
		for k := 0; t.Renewal != nil && !t.Renewal.Period.IsZero() && k < 100 && end.First().Before(e.Date.First()); k++ {
			end = end.Add(t.Renewal.Period)
			possible = append(possible, end)
		}
		if !slices.Contains(possible, e.Date) {
			c.report(Warning, RuleTermExpiry, fmt.Sprintf("timeline[%d].date", i),
				fmt.Sprintf("expiry on %s does not match the term: from %s, %s ends on %s", e.Date, start, t.Duration, possible[0]), "")
		}
	}
}

// kind returns the events of a kind (and party, when given).
func (tl Timeline) kind(k EventKind, party string) []Event {
	var out []Event
	for _, e := range tl {
		if e.Event == k && (party == "" || e.Party == party) {
			out = append(out, e)
		}
	}
	return out
}

// preferredDate returns the date of the preferred event of a kind, or of
// the only one.
func (tl Timeline) preferredDate(k EventKind) Date {
	events := tl.kind(k, "")
	for _, e := range events {
		if e.Preferred {
			return e.Date
		}
	}
	if len(events) == 1 {
		return events[0].Date
	}
	return Date{}
}

// stage orders the kinds of event: signature before ratification before
// entry into force before the end.
var stage = map[EventKind]int{
	EventNegotiationsStarted: 0, EventTextAgreed: 0, EventInitialled: 0,
	EventSigned:    1,
	EventSubmitted: 2, EventRatified: 2, EventApproved: 2, EventRatificationLaw: 2, EventNotification: 2, EventExchangeOfInstruments: 2,
	EventEnteredIntoForce: 3,
	EventRenewed:          4, EventNoticeGiven: 4, EventSuspended: 4, EventTerminated: 4, EventExpired: 4, EventSuperseded: 4,
}

func (c *checker) timeline() {
	tl := c.a.Timeline
	stages := make([]int, len(tl)) // each event's stage, or -1
	for i, e := range tl {
		if s, ok := stage[e.Event]; ok {
			stages[i] = s
		} else {
			stages[i] = -1
		}
	}
	for i, e := range tl {
		c.party(at("timeline[%d].party", i), e.Party)
		for j, id := range e.Sources {
			c.source(at("timeline[%d].sources[%d]", i, j), id)
		}
		// Every event of an earlier stage must not come after this one.
		si := stages[i]
		if si < 0 {
			continue
		}
		for k, o := range tl {
			so := stages[k]
			if so < 0 || so >= si || !e.Date.DefinitelyBefore(o.Date) {
				continue
			}
			if (e.Party != "" && o.Party != "" && e.Party != o.Party) && so == 2 && si == 2 {
				continue
			}
			c.report(Error, RuleTimelineOrder, fmt.Sprintf("timeline[%d].date", i),
				fmt.Sprintf("%s on %s comes before %s on %s", e.Event, e.Date, o.Event, o.Date),
				"signature comes before ratification, which comes before entry into force")
			break
		}
	}
	// Events of one party are listed in the order they happened.
	last := map[string]int{}
	for i, e := range tl {
		if e.Party == "" {
			continue
		}
		if j, ok := last[e.Party]; ok && e.Date.DefinitelyBefore(tl[j].Date) {
			c.report(Warning, RuleTimelineSequence, fmt.Sprintf("timeline[%d].date", i),
				fmt.Sprintf("%s of %s on %s is listed after its %s on %s", e.Event, e.Party, e.Date, tl[j].Event, tl[j].Date),
				"list the events in the order they happened")
		}
		last[e.Party] = i
	}
	c.conflicts()
}

// conflicts checks events of one kind and party that give different
// dates: conflicting reports must each cite a source, and at most one may
// be preferred.
func (c *checker) conflicts() {
	type group struct{ idx []int }
	groups := map[string]*group{}
	var order []string
	for i, e := range c.a.Timeline {
		if e.Date.IsZero() || e.Event == EventRatified || e.Event == EventApproved || e.Event == EventNotification {
			continue // no date to compare; or a party may ratify in two chambers, notify twice
		}
		k := string(e.Event) + "\x00" + e.Party
		if groups[k] == nil {
			groups[k] = &group{}
			order = append(order, k)
		}
		groups[k].idx = append(groups[k].idx, i)
	}
	for _, k := range order {
		idx := groups[k].idx
		if len(idx) < 2 || !datesDiffer(c.a.Timeline, idx) {
			continue
		}
		first := c.a.Timeline[idx[0]]
		preferred := 0
		for _, i := range idx {
			e := c.a.Timeline[i]
			if len(e.Sources) == 0 {
				c.report(Error, RuleConflictSource, fmt.Sprintf("timeline[%d]", i),
					fmt.Sprintf("%d reports of %s disagree; this one cites no source", len(idx), e.Event), "add sources: to each report")
			}
			if e.Preferred {
				preferred++
				if preferred > 1 {
					c.report(Error, RuleConflictPreferred, fmt.Sprintf("timeline[%d].preferred", i),
						fmt.Sprintf("more than one report of %s is preferred", e.Event), "mark one report preferred")
				}
			}
		}
		if preferred == 0 {
			c.report(Warning, RuleConflictPreferred, fmt.Sprintf("timeline[%d]", idx[0]),
				fmt.Sprintf("%d reports of %s disagree and none is preferred", len(idx), first.Event), "mark the report to use preferred: true")
		}
	}
}

// empties flags empty strings and empty lists or mappings anywhere in the
// document: they say nothing and are usually a slip. The path is kept as
// a stack of steps and written only when there is something to report.
func (c *checker) empties(n *yamlnode.Node, stack []treeStep) {
	switch n.Kind {
	case yamlnode.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.emptyValue(n.Content[i+1], append(stack, treeStep{field: n.Content[i].Value}))
		}
	case yamlnode.SequenceNode:
		for i, item := range n.Content {
			if isEmptyNode(item) || item.Kind == yamlnode.MappingNode || item.Kind == yamlnode.SequenceNode {
				c.emptyValue(item, append(stack, treeStep{list: n, index: i}))
			}
		}
	}
}

// treeStep is one step of a path in the tree: a field, or an element of
// a list, named (when the path is written) as ElemKeys names it.
type treeStep struct {
	field string
	list  *yamlnode.Node
	index int
}

func (c *checker) pathOfSteps(stack []treeStep) string {
	var b strings.Builder
	for _, s := range stack {
		if s.list != nil {
			b.WriteString("[" + c.tree.Keys(s.list)[s.index] + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.field)
	}
	return b.String()
}

func isEmptyNode(v *yamlnode.Node) bool {
	switch v.Kind {
	case yamlnode.ScalarNode:
		if s := v.Value; s != "" && s[0] > ' ' && s[0] < 0x80 {
			return false // starts with a character that is not a space
		}
		return v.Tag == "!!str" && strings.TrimSpace(v.Value) == ""
	case yamlnode.SequenceNode, yamlnode.MappingNode:
		return len(v.Content) == 0
	}
	return false
}

func (c *checker) emptyValue(v *yamlnode.Node, stack []treeStep) {
	if !isEmptyNode(v) {
		c.empties(v, stack)
		return
	}
	path := c.pathOfSteps(stack)
	if v.Kind == yamlnode.ScalarNode {
		c.emptyAt(v, path, "the value is empty", "write a value or remove the key")
	} else {
		c.emptyAt(v, path, "the list or mapping is empty", "add entries or remove the key")
	}
}

func (c *checker) emptyAt(n *yamlnode.Node, path, msg, hint string) {
	if c.reported[path] {
		return // already reported, as schema.empty for one
	}
	c.reported[path] = true
	d := c.doc
	d.Diagnostics = append(d.Diagnostics, Diagnostic{File: d.Name, Position: Position{n.Line, n.Column}, Path: path,
		Rule: RuleEmpty, Severity: Warning, Message: msg, Hint: hint})
}

// datesDiffer reports whether the events at idx give different dates.
func datesDiffer(tl Timeline, idx []int) bool {
	for _, i := range idx[1:] {
		if tl[i].Date != tl[idx[0]].Date {
			return true
		}
	}
	return false
}
