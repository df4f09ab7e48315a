package agreement

import "github.com/entente-go/entente/parties"

// FormatV1 is the value of the format field of documents this version of
// the module reads and writes.
const FormatV1 = "entente/v1"

// Agreement is one version of an agreement between parties. It is plain
// data: every field is what the document says, and positions live beside
// it in a [Document].
type Agreement struct {
	Format     string   `json:"format,omitempty"`
	ID         string   `json:"id,omitempty"` // the work: stable across versions
	Version    Version  `json:"version,omitzero"`
	Title      string   `json:"title,omitempty"`
	ShortTitle string   `json:"short_title,omitempty"`
	Kind       Kind     `json:"kind,omitempty"`
	Languages  []string `json:"languages,omitempty"` // ISO 639-1 codes of the texts
	Authentic  []string `json:"authentic,omitempty"` // languages whose texts are authentic
	// Excerpt says the document does not give every article of the text,
	// so gaps in clause numbering are expected.
	Excerpt     bool              `json:"excerpt,omitempty"`
	Parties     []Party           `json:"parties,omitempty"`
	Contexts    []string          `json:"contexts,omitempty"` // organisations the parties act through (codes in the parties registry)
	Term        *Term             `json:"term,omitempty"`
	Preamble    []Recital         `json:"preamble,omitempty"`
	Clauses     []Clause          `json:"clauses,omitempty"`
	Cooperation []CooperationArea `json:"cooperation,omitempty"`
	Timeline    Timeline          `json:"timeline,omitempty"`
	Relations   []Relation        `json:"relations,omitempty"`
	Sources     []Source          `json:"sources,omitempty"`
	Notes       string            `json:"notes,omitempty"`
}

// Version identifies this expression of the work: the draft, the signed
// text, a consolidated text.
type Version struct {
	Label string `json:"label,omitempty"`
	Stage Stage  `json:"stage,omitempty"`
	Date  Date   `json:"date,omitzero"`
	Base  string `json:"base,omitempty"` // label of the version this one revises
}

// Party is one party to the agreement.
type Party struct {
	ID           string         `json:"id,omitempty"` // local id, referenced everywhere else
	Kind         parties.Kind   `json:"kind,omitempty"`
	Country      string         `json:"country,omitempty"`      // ISO 3166-1 alpha-2, for states and subnational parties
	Organisation string         `json:"organisation,omitempty"` // registry code, for intergovernmental organisations
	Name         string         `json:"name,omitempty"`         // when omitted, the registry's name
	Roles        []parties.Role `json:"roles,omitempty"`
	Signatories  []Signatory    `json:"signatories,omitempty"`
}

// Signatory is a person who signed for a party.
type Signatory struct {
	Name   string `json:"name,omitempty"`
	Office string `json:"office,omitempty"`
	Date   Date   `json:"date,omitzero"` // when it differs from the signature event
}

// Term is how long the agreement lasts and how it starts and ends.
type Term struct {
	Duration   Duration  `json:"duration,omitzero"`    // the initial term
	Indefinite bool      `json:"indefinite,omitempty"` // valid until terminated
	From       TermStart `json:"from,omitempty"`       // the event the term counts from
	Renewal    *Renewal  `json:"renewal,omitempty"`
	// Notice is the notice a party must give to end the agreement or to
	// stop a renewal.
	Notice         Duration        `json:"notice,omitzero"`
	EntryIntoForce *EntryIntoForce `json:"entry_into_force,omitempty"`
	Clauses        []string        `json:"clauses,omitempty"` // the clauses that set the term
}

// Renewal is how the term is extended when it ends.
type Renewal struct {
	Period    Duration `json:"period,omitzero"`
	Automatic bool     `json:"automatic,omitempty"`
}

// EntryIntoForce is the rule that fixes when the agreement enters into
// force: Delay after the event After.
type EntryIntoForce struct {
	After TriggerEvent `json:"after,omitempty"`
	Delay Duration     `json:"delay,omitzero"`
}

// Recital is one paragraph of the preamble.
type Recital struct {
	Text  Text     `json:"text,omitzero"`
	Cites []string `json:"cites,omitempty"` // ids of agreements the recital recalls
}

// Clause is an article, paragraph or point. Clauses nest.
type Clause struct {
	ID      string   `json:"id,omitempty"`  // stable across versions
	Num     string   `json:"num,omitempty"` // the printed number; may change between versions
	Heading string   `json:"heading,omitempty"`
	Topics  []string `json:"topics,omitempty"` // taxonomy codes
	// Summary is the clause in the author's words; Text is the wording of
	// the agreement itself, where it is quoted.
	Summary     string       `json:"summary,omitempty"`
	Text        Text         `json:"text,omitzero"`
	Refs        []string     `json:"refs,omitempty"` // ids of clauses this one refers to
	Commitments []Commitment `json:"commitments,omitempty"`
	Clauses     []Clause     `json:"clauses,omitempty"`
}

// Commitment is one normative statement of a clause: who (By) shall, may
// or shall not do what (Kind, Action), and on what condition (Trigger).
type Commitment struct {
	Modality Modality       `json:"modality,omitempty"`
	By       string         `json:"by,omitempty"` // "each", "all" or a party id
	Kind     CommitmentKind `json:"kind,omitempty"`
	Trigger  Trigger        `json:"trigger,omitempty"`
	Towards  string         `json:"towards,omitempty"` // a party id, when the commitment is owed to one party
	Action   string         `json:"action,omitempty"`
}

// CooperationArea is a field of cooperation the agreement covers: the
// summary layer a reader starts from.
type CooperationArea struct {
	Topic   string   `json:"topic,omitempty"`
	Summary string   `json:"summary,omitempty"`
	Clauses []string `json:"clauses,omitempty"`
	Sources []string `json:"sources,omitempty"`
}

// Timeline is the agreement's life, in the order the document gives it.
type Timeline []Event

// Event is one step of the agreement's life. Reports that disagree are
// kept as separate events, each citing its sources; one may be Preferred.
type Event struct {
	Date      Date      `json:"date,omitzero"`
	Event     EventKind `json:"event,omitempty"`
	Party     string    `json:"party,omitempty"` // a party id, for events of one party
	Organ     string    `json:"organ,omitempty"` // e.g. State Duma
	Place     string    `json:"place,omitempty"`
	Sources   []string  `json:"sources,omitempty"`
	Preferred bool      `json:"preferred,omitempty"`
	Note      string    `json:"note,omitempty"`
}

// Relation links this agreement to another.
type Relation struct {
	Type      RelationType `json:"type,omitempty"`
	Agreement string       `json:"agreement,omitempty"` // the other agreement's id
	Note      string       `json:"note,omitempty"`
}

// Source is a document the agreement's data comes from.
type Source struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      Date   `json:"date,omitzero"`
	URL       string `json:"url,omitempty"`
	Note      string `json:"note,omitempty"`
}

// DisplayName returns the party's name for people: its own name when the
// document gives one, else the registry's name of its country or
// organisation, else its id.
func (p Party) DisplayName() string {
	if p.Name != "" {
		return p.Name
	}
	if c, ok := parties.LookupCountry(p.Country); ok {
		return c.Name
	}
	if o, ok := parties.LookupOrganisation(p.Organisation); ok {
		return o.Name
	}
	return p.ID
}
