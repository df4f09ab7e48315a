package agreement

import "github.com/entente-go/entente/parties"

// FormatV1 is the value of the format field of documents this version of
// the module reads and writes.
const FormatV1 = "entente/v1"

// Agreement is one version of an agreement between parties. It is plain
// data: every field is what the document says, and positions live beside
// it in a [Document].
type Agreement struct {
	Format     string   `json:"format,omitzero"`
	ID         string   `json:"id,omitzero"` // the work: stable across versions
	Version    Version  `json:"version,omitzero"`
	Title      string   `json:"title,omitzero"`
	ShortTitle string   `json:"short_title,omitzero"`
	Kind       Kind     `json:"kind,omitzero"`
	Languages  []string `json:"languages,omitzero"` // ISO 639-1 codes of the texts
	Authentic  []string `json:"authentic,omitzero"` // languages whose texts are authentic
	// Excerpt says the document does not give every article of the text,
	// so gaps in clause numbering are expected.
	Excerpt     bool              `json:"excerpt,omitzero"`
	Parties     []Party           `json:"parties,omitzero"`
	Contexts    []string          `json:"contexts,omitzero"` // organisations the parties act through (codes in the parties registry)
	Term        *Term             `json:"term,omitzero"`
	Preamble    []Recital         `json:"preamble,omitzero"`
	Clauses     []Clause          `json:"clauses,omitzero"`
	Cooperation []CooperationArea `json:"cooperation,omitzero"`
	Timeline    Timeline          `json:"timeline,omitzero"`
	Relations   []Relation        `json:"relations,omitzero"`
	// Identifiers are the agreement's ids in datasets and registries, by
	// their name: atop (ATOP's atopid), cow (the Correlates of War formal
	// alliances' version4id), unts (its UN Treaty Series registration).
	Identifiers map[string]string `json:"identifiers,omitzero"`
	Sources     []Source          `json:"sources,omitzero"`
	Notes       string            `json:"notes,omitzero"`
}

// Version identifies this expression of the work: the draft, the signed
// text, a consolidated text.
type Version struct {
	Label string `json:"label,omitzero"`
	Stage Stage  `json:"stage,omitzero"`
	Date  Date   `json:"date,omitzero"`
	Base  string `json:"base,omitzero"` // label of the version this one revises
}

// Party is one party to the agreement.
type Party struct {
	ID           string         `json:"id,omitzero"` // local id, referenced everywhere else
	Kind         parties.Kind   `json:"kind,omitzero"`
	Country      string         `json:"country,omitzero"`      // ISO 3166-1 alpha-2, for states and subnational parties
	Organisation string         `json:"organisation,omitzero"` // registry code, for intergovernmental organisations
	Name         string         `json:"name,omitzero"`         // when omitted, the registry's name
	Roles        []parties.Role `json:"roles,omitzero"`
	Signatories  []Signatory    `json:"signatories,omitzero"`
}

// Signatory is a person who signed for a party.
type Signatory struct {
	Name   string `json:"name,omitzero"`
	Office string `json:"office,omitzero"`
	Date   Date   `json:"date,omitzero"` // when it differs from the signature event
}

// Term is how long the agreement lasts and how it starts and ends.
type Term struct {
	Duration   Duration  `json:"duration,omitzero"`   // the initial term
	Indefinite bool      `json:"indefinite,omitzero"` // valid until terminated
	From       TermStart `json:"from,omitzero"`       // the event the term counts from
	Renewal    *Renewal  `json:"renewal,omitzero"`
	// Notice is the notice a party must give to end the agreement or to
	// stop a renewal.
	Notice         Duration        `json:"notice,omitzero"`
	EntryIntoForce *EntryIntoForce `json:"entry_into_force,omitzero"`
	// Withdrawal is how a party may leave: when it may first give notice,
	// the notice it must give, and whether its leaving ends the agreement
	// for it alone or for all.
	Withdrawal *Withdrawal `json:"withdrawal,omitzero"`
	// MinimumParties ends the agreement on the day fewer parties remain,
	// when its text says so.
	MinimumParties Count    `json:"minimum_parties,omitzero"`
	Clauses        []string `json:"clauses,omitzero"` // the clauses that set the term
}

// Withdrawal is the rule by which a party leaves the agreement (it
// withdraws from it, or denounces it).
type Withdrawal struct {
	// After is how long after the agreement's entry into force a party
	// may first give notice; NotBefore a date before which it may not.
	// Both empty: at any time.
	After     Duration `json:"after,omitzero"`
	NotBefore Date     `json:"not_before,omitzero"`
	// Notice is how long after the notice the party is out; empty: the
	// term's notice.
	Notice Duration `json:"notice,omitzero"`
	// Effect says whom a party's leaving frees: the party alone (the
	// default), or all, ending the agreement.
	Effect WithdrawalEffect `json:"effect,omitzero"`
	// AtPeriodEnd: a party's notice, given by the notice deadline of the
	// period running, frees it at the end of that period (the Warsaw
	// Treaty's Article 11: a party that does not denounce it a year
	// before the term ends stays bound for the next ten years). Without
	// it, a party is out once its notice has run.
	AtPeriodEnd bool     `json:"at_period_end,omitzero"`
	Clauses     []string `json:"clauses,omitzero"`  // the clauses that set the rule
	Receiver    string   `json:"receiver,omitzero"` // who receives the notice: the depositary, the other party
}

// Renewal is how the term is extended when it ends.
type Renewal struct {
	Period    Duration `json:"period,omitzero"`
	Automatic bool     `json:"automatic,omitzero"`
}

// EntryIntoForce is the rule that fixes when the agreement enters into
// force: Delay after the event After.
type EntryIntoForce struct {
	After TriggerEvent `json:"after,omitzero"`
	Delay Duration     `json:"delay,omitzero"`
	// Count is how many instruments must be in (a quorum); empty: every
	// party's. Including names parties whose instruments must be among
	// them.
	Count     Count    `json:"count,omitzero"`
	Including []string `json:"including,omitzero"`
	// Later is how the agreement enters into force for a party whose
	// instrument comes after it is in force: Delay after that instrument.
	Later *LaterEntry `json:"later,omitzero"`
}

// Recital is one paragraph of the preamble.
type Recital struct {
	Text  Text     `json:"text,omitzero"`
	Cites []string `json:"cites,omitzero"` // ids of agreements the recital recalls
}

// Clause is an article, paragraph or point. Clauses nest.
type Clause struct {
	ID      string   `json:"id,omitzero"`  // stable across versions
	Num     string   `json:"num,omitzero"` // the printed number; may change between versions
	Heading string   `json:"heading,omitzero"`
	Topics  []string `json:"topics,omitzero"` // taxonomy codes
	// Summary is the clause in the author's words; Text is the wording of
	// the agreement itself, where it is quoted.
	Summary     string       `json:"summary,omitzero"`
	Text        Text         `json:"text,omitzero"`
	Refs        []string     `json:"refs,omitzero"` // ids of clauses this one refers to
	Commitments []Commitment `json:"commitments,omitzero"`
	Clauses     []Clause     `json:"clauses,omitzero"`
}

// Commitment is one normative statement of a clause: who (By) shall, may
// or shall not do what (Kind, Action), and on what condition (Trigger).
type Commitment struct {
	Modality Modality       `json:"modality,omitzero"`
	By       string         `json:"by,omitzero"` // "each", "all" or a party id
	Kind     CommitmentKind `json:"kind,omitzero"`
	Trigger  Trigger        `json:"trigger,omitzero"`
	// Triggers are further conditions on which it applies, when there are
	// several ("an armed attack on a party, or an imminent threat of one").
	Triggers []Trigger `json:"triggers,omitzero"`
	Towards  string    `json:"towards,omitzero"` // a party id, when the commitment is owed to one party
	Action   string    `json:"action,omitzero"`
	// Scope is where it applies, in words: "in the Pacific Area", "in
	// Europe or North America". Condition is what it is subject to, in
	// words: "in accordance with its constitutional processes", "such
	// action as it deems necessary". The security profile reports both:
	// an obligation limited in place, or left to each party's judgment.
	Scope     string `json:"scope,omitzero"`
	Condition string `json:"condition,omitzero"`
}

// CooperationArea is a field of cooperation the agreement covers: the
// summary layer a reader starts from.
type CooperationArea struct {
	Topic   string   `json:"topic,omitzero"`
	Summary string   `json:"summary,omitzero"`
	Clauses []string `json:"clauses,omitzero"`
	Sources []string `json:"sources,omitzero"`
}

// LaterEntry is the entry into force for a party that joins an agreement
// already in force.
type LaterEntry struct {
	Delay Duration `json:"delay,omitzero"`
}

// Timeline is the agreement's life, in the order the document gives it.
type Timeline []Event

// Event is one step of the agreement's life. Reports that disagree are
// kept as separate events, each citing its sources; one may be Preferred.
//
// An event without Party is the agreement's own: it was signed, entered
// into force, was extended or ended. An event with Party is that party's:
// its signature, its instrument, its accession, the agreement's entry into
// force for it, its notice of withdrawal, its leaving, the suspension of
// its participation. One party's events never change the agreement's own
// status.
type Event struct {
	// ID names the event, so that other reports of it can say so
	// (ReportOf), and so that two steps of one kind (frozen, then frozen
	// again) are read as two events. Optional.
	ID    string    `json:"id,omitzero"`
	Date  Date      `json:"date,omitzero"`
	Event EventKind `json:"event,omitzero"`
	Party string    `json:"party,omitzero"` // a party id, for events of one party
	// Towards is the other party of an event between two: the party
	// toward which obligations were suspended or resumed.
	Towards string `json:"towards,omitzero"`
	// Successor is the party that takes the place of Party in an event
	// of succession.
	Successor string `json:"successor,omitzero"`
	// Effect is what a later instrument (a protocol, an exchange of
	// notes, a decision) does to the agreement: for extended and amended
	// events.
	Effect  *Effect  `json:"effect,omitzero"`
	Organ   string   `json:"organ,omitzero"` // e.g. State Duma
	Place   string   `json:"place,omitzero"`
	Sources []string `json:"sources,omitzero"`
	// ReportOf is the ID of the event this is another report of: the
	// reports of one event are weighed against each other (Preferred
	// decides), not applied one after the other. Without it, events of
	// one kind and party that follow each other with nothing of that
	// party between them, and have no ID, are reports of one event.
	ReportOf  string `json:"report_of,omitzero"`
	Preferred bool   `json:"preferred,omitzero"`
	// Contested says the event's legal effect is disputed (a re-accession
	// by an authority others do not recognise): the answers take it, and
	// say it is contested.
	Contested bool   `json:"contested,omitzero"`
	Note      string `json:"note,omitzero"`
}

// Effect is what a later instrument does to the agreement.
type Effect struct {
	// The term: extended until a date, or by a period, or from then on
	// renewed as Renewal says. An extension takes effect when the period
	// running at the instrument's date ends.
	Until   Date     `json:"until,omitzero"`
	By      Duration `json:"by,omitzero"`
	Renewal *Renewal `json:"renewal,omitzero"`
	// Parties are the parties the instrument binds (empty: all). With
	// OthersLeave, the parties not among them leave when the period they
	// were bound for ends.
	Parties     []string `json:"parties,omitzero"`
	OthersLeave bool     `json:"others_leave,omitzero"`
	// Clauses are the clauses it amends.
	Clauses    []string `json:"clauses,omitzero"`
	Instrument string   `json:"instrument,omitzero"` // the id of the instrument, when it is an agreement of its own
}

// Relation links this agreement to another.
type Relation struct {
	Type      RelationType `json:"type,omitzero"`
	Agreement string       `json:"agreement,omitzero"` // the other agreement's id
	Note      string       `json:"note,omitzero"`
	// Effect is what this agreement, a later instrument, does to the
	// other: for extends, amends and terminates. A set applies it to the
	// other agreement from this one's entry into force (Set.Consolidated).
	Effect *Effect `json:"effect,omitzero"`
}

// Source is a document the agreement's data comes from.
type Source struct {
	ID        string `json:"id,omitzero"`
	Title     string `json:"title,omitzero"`
	Publisher string `json:"publisher,omitzero"`
	Date      Date   `json:"date,omitzero"`
	URL       string `json:"url,omitzero"`
	Note      string `json:"note,omitzero"`
}

// DisplayName returns the party's name for people: its own name when the
// document gives one, else the registry's name of its country or
// organisation, else its id.
func (p Party) DisplayName() string {
	if p.Name != "" {
		return p.Name
	}
	if name, ok := parties.CountryName(p.Country); ok {
		return name
	}
	if o, ok := parties.LookupOrganisation(p.Organisation); ok {
		return o.Name
	}
	return p.ID
}
