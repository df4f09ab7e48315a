package agreement

import (
	"slices"

	"github.com/entente-go/entente/internal/enum"
)

// The closed vocabularies of the format. Each type lists its valid values
// in one table here; the schema and the validator read the same tables.

// Stage is where a version stands in the making of the text.
type Stage string

const (
	StageDraft        Stage = "draft"
	StageInitialled   Stage = "initialled"
	StageSigned       Stage = "signed"
	StageInForce      Stage = "in-force"
	StageConsolidated Stage = "consolidated"
)

// Kind is the kind of instrument.
type Kind string

const (
	KindTreaty          Kind = "treaty"
	KindAgreement       Kind = "agreement"
	KindConvention      Kind = "convention"
	KindProtocol        Kind = "protocol"
	KindMemorandum      Kind = "memorandum"
	KindDeclaration     Kind = "declaration"
	KindExchangeOfNotes Kind = "exchange-of-notes"
	KindContract        Kind = "contract"
)

// Modality is the normative force of a commitment.
type Modality string

const (
	Shall      Modality = "shall"
	ShallNot   Modality = "shall-not"
	May        Modality = "may"
	WillStrive Modality = "will-strive"
	Reaffirm   Modality = "reaffirm"
	Declare    Modality = "declare"
)

// CommitmentKind is what a commitment is about. The security kinds are the
// ones the security profile reads (see the package documentation).
type CommitmentKind string

const (
	Cooperation         CommitmentKind = "cooperation"          // work together in a field
	Consultation        CommitmentKind = "consultation"         // consult each other
	InformationExchange CommitmentKind = "information-exchange" // share information
	Coordination        CommitmentKind = "coordination"         // coordinate positions, e.g. in international bodies
	NonAggression       CommitmentKind = "non-aggression"       // not attack or threaten the other
	NonAssistance       CommitmentKind = "non-assistance"       // not help an aggressor against the other
	NonUseOfTerritory   CommitmentKind = "non-use-of-territory" // not let own territory be used against the other
	NonIntervention     CommitmentKind = "non-intervention"     // not interfere in the other's internal affairs
	NonAlignment        CommitmentKind = "non-alignment"        // not join alliances or agreements directed against the other
	MutualDefence       CommitmentKind = "mutual-defence"       // assist the other, militarily, if attacked
	MilitaryCooperation CommitmentKind = "military-cooperation" // contacts, exercises, training, equipment
	Neutrality          CommitmentKind = "neutrality"           // stay out of a conflict the other is in
	Offence             CommitmentKind = "offence"              // join the other in an attack
	Assistance          CommitmentKind = "assistance"           // help of a non-military kind
	Recognition         CommitmentKind = "recognition"          // recognise a status, right or border
	DisputeSettlement   CommitmentKind = "dispute-settlement"   // help settle a dispute by peaceful means
)

// Trigger is the condition on which a commitment applies.
type Trigger string

const (
	TriggerArmedAttack        Trigger = "armed-attack"             // armed attack on a party
	TriggerAggression         Trigger = "aggression-against-party" // aggression against a party
	TriggerThreatOfAggression Trigger = "threat-of-aggression"     // an imminent threat of aggression
	TriggerSecurityThreat     Trigger = "security-threat"          // a threat to peace or security in general
	TriggerRequest            Trigger = "request-of-party"         // a request of one party
)

// TermStart is the event a term counts from.
type TermStart string

const (
	FromEntryIntoForce TermStart = "entry-into-force"
	FromSignature      TermStart = "signature"
)

// TriggerEvent is the event an entry-into-force rule counts from.
type TriggerEvent string

const (
	AfterSignature              TriggerEvent = "signature"
	AfterLastNotification       TriggerEvent = "last-notification"
	AfterExchangeOfInstruments  TriggerEvent = "exchange-of-instruments"
	AfterLastRatification       TriggerEvent = "last-ratification"
	AfterDepositOfRatifications TriggerEvent = "deposit-of-instruments"
)

// EventKind is a step in an agreement's life.
type EventKind string

const (
	EventNegotiationsStarted    EventKind = "negotiations-started"
	EventTextAgreed             EventKind = "text-agreed"
	EventAnnounced              EventKind = "announced"
	EventInitialled             EventKind = "initialled"
	EventSigned                 EventKind = "signed"
	EventSubmitted              EventKind = "submitted" // to a legislature
	EventRatified               EventKind = "ratified"  // by a legislature or head of state
	EventApproved               EventKind = "approved"  // by a second chamber or review body
	EventRatificationLaw        EventKind = "ratification-law-signed"
	EventNotification           EventKind = "notification" // that domestic procedures are complete
	EventExchangeOfInstruments  EventKind = "exchange-of-instruments"
	EventEnteredIntoForce       EventKind = "entered-into-force"
	EventProvisionalApplication EventKind = "provisional-application"
	EventRenewed                EventKind = "renewed"
	EventNoticeGiven            EventKind = "notice-given"
	EventSuspended              EventKind = "suspended"
	EventTerminated             EventKind = "terminated"
	EventExpired                EventKind = "expired"
	EventSuperseded             EventKind = "superseded"
)

// RelationType is how this agreement relates to another.
type RelationType string

const (
	Supersedes RelationType = "supersedes"
	Amends     RelationType = "amends"
	Implements RelationType = "implements"
	RelatedTo  RelationType = "related"
)

var (
	stages          = []Stage{StageDraft, StageInitialled, StageSigned, StageInForce, StageConsolidated}
	kinds           = []Kind{KindTreaty, KindAgreement, KindConvention, KindProtocol, KindMemorandum, KindDeclaration, KindExchangeOfNotes, KindContract}
	modalities      = []Modality{Shall, ShallNot, May, WillStrive, Reaffirm, Declare}
	commitmentKinds = []CommitmentKind{Cooperation, Consultation, InformationExchange, Coordination, NonAggression, NonAssistance, NonUseOfTerritory, NonIntervention, NonAlignment, MutualDefence, MilitaryCooperation, Neutrality, Offence, Assistance, Recognition, DisputeSettlement}
	triggers        = []Trigger{TriggerArmedAttack, TriggerAggression, TriggerThreatOfAggression, TriggerSecurityThreat, TriggerRequest}
	termStarts      = []TermStart{FromEntryIntoForce, FromSignature}
	triggerEvents   = []TriggerEvent{AfterSignature, AfterLastNotification, AfterExchangeOfInstruments, AfterLastRatification, AfterDepositOfRatifications}
	eventKinds      = []EventKind{EventNegotiationsStarted, EventTextAgreed, EventAnnounced, EventInitialled, EventSigned, EventSubmitted, EventRatified, EventApproved, EventRatificationLaw, EventNotification, EventExchangeOfInstruments, EventEnteredIntoForce, EventProvisionalApplication, EventRenewed, EventNoticeGiven, EventSuspended, EventTerminated, EventExpired, EventSuperseded}
	relationTypes   = []RelationType{Supersedes, Amends, Implements, RelatedTo}
)

// Values returns the valid values of each enumeration, in a new slice.
func (Stage) Values() []Stage                   { return slices.Clone(stages) }
func (Kind) Values() []Kind                     { return slices.Clone(kinds) }
func (Modality) Values() []Modality             { return slices.Clone(modalities) }
func (CommitmentKind) Values() []CommitmentKind { return slices.Clone(commitmentKinds) }
func (Trigger) Values() []Trigger               { return slices.Clone(triggers) }
func (TermStart) Values() []TermStart           { return slices.Clone(termStarts) }
func (TriggerEvent) Values() []TriggerEvent     { return slices.Clone(triggerEvents) }
func (EventKind) Values() []EventKind           { return slices.Clone(eventKinds) }
func (RelationType) Values() []RelationType     { return slices.Clone(relationTypes) }

// Valid reports whether the value is one of the enumeration's values.
func (v Stage) Valid() bool          { return slices.Contains(stages, v) }
func (v Kind) Valid() bool           { return slices.Contains(kinds, v) }
func (v Modality) Valid() bool       { return slices.Contains(modalities, v) }
func (v CommitmentKind) Valid() bool { return slices.Contains(commitmentKinds, v) }
func (v Trigger) Valid() bool        { return slices.Contains(triggers, v) }
func (v TermStart) Valid() bool      { return slices.Contains(termStarts, v) }
func (v TriggerEvent) Valid() bool   { return slices.Contains(triggerEvents, v) }
func (v EventKind) Valid() bool      { return slices.Contains(eventKinds, v) }
func (v RelationType) Valid() bool   { return slices.Contains(relationTypes, v) }

// Enumerations returns every enumeration of the format by its type name,
// with its values as strings: for the schema, documentation and tests.
func Enumerations() map[string][]string {
	return map[string][]string{
		"Stage": enum.Strings(stages), "Kind": enum.Strings(kinds), "Modality": enum.Strings(modalities), "CommitmentKind": enum.Strings(commitmentKinds),
		"Trigger": enum.Strings(triggers), "TermStart": enum.Strings(termStarts), "TriggerEvent": enum.Strings(triggerEvents),
		"EventKind": enum.Strings(eventKinds), "RelationType": enum.Strings(relationTypes),
	}
}

// UnmarshalText sets the value and reports whether it is valid. An invalid
// value is kept, so that nothing the author wrote is lost.
func (v *Stage) UnmarshalText(b []byte) error    { return enum.Parse(v, b, "version stage", stages) }
func (v *Kind) UnmarshalText(b []byte) error     { return enum.Parse(v, b, "kind of agreement", kinds) }
func (v *Modality) UnmarshalText(b []byte) error { return enum.Parse(v, b, "modality", modalities) }
func (v *CommitmentKind) UnmarshalText(b []byte) error {
	return enum.Parse(v, b, "kind of commitment", commitmentKinds)
}
func (v *Trigger) UnmarshalText(b []byte) error   { return enum.Parse(v, b, "trigger", triggers) }
func (v *TermStart) UnmarshalText(b []byte) error { return enum.Parse(v, b, "term start", termStarts) }
func (v *TriggerEvent) UnmarshalText(b []byte) error {
	return enum.Parse(v, b, "entry-into-force event", triggerEvents)
}
func (v *EventKind) UnmarshalText(b []byte) error {
	return enum.Parse(v, b, "kind of event", eventKinds)
}
func (v *RelationType) UnmarshalText(b []byte) error {
	return enum.Parse(v, b, "kind of relation", relationTypes)
}
