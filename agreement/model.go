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
	Clauses        []string        `json:"clauses,omitzero"` // the clauses that set the term
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
	Towards  string         `json:"towards,omitzero"` // a party id, when the commitment is owed to one party
	Action   string         `json:"action,omitzero"`
}

// CooperationArea is a field of cooperation the agreement covers: the
// summary layer a reader starts from.
type CooperationArea struct {
	Topic   string   `json:"topic,omitzero"`
	Summary string   `json:"summary,omitzero"`
	Clauses []string `json:"clauses,omitzero"`
	Sources []string `json:"sources,omitzero"`
}

// Timeline is the agreement's life, in the order the document gives it.
type Timeline []Event

// Event is one step of the agreement's life. Reports that disagree are
// kept as separate events, each citing its sources; one may be Preferred.
type Event struct {
	Date      Date      `json:"date,omitzero"`
	Event     EventKind `json:"event,omitzero"`
	Party     string    `json:"party,omitzero"` // a party id, for events of one party
	Organ     string    `json:"organ,omitzero"` // e.g. State Duma
	Place     string    `json:"place,omitzero"`
	Sources   []string  `json:"sources,omitzero"`
	Preferred bool      `json:"preferred,omitzero"`
	Note      string    `json:"note,omitzero"`
}

// Relation links this agreement to another.
type Relation struct {
	Type      RelationType `json:"type,omitzero"`
	Agreement string       `json:"agreement,omitzero"` // the other agreement's id
	Note      string       `json:"note,omitzero"`
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
	if c, ok := parties.LookupCountry(p.Country); ok {
		return c.Name
	}
	if o, ok := parties.LookupOrganisation(p.Organisation); ok {
		return o.Name
	}
	return p.ID
}
