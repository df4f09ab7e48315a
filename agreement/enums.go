package agreement

import (
	"fmt"
	"slices"
	"strconv"

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
	ModalityShall      Modality = "shall"
	ModalityShallNot   Modality = "shall-not"
	ModalityMay        Modality = "may"
	ModalityWillStrive Modality = "will-strive"
	ModalityReaffirm   Modality = "reaffirm"
	ModalityDeclare    Modality = "declare"
)

// CommitmentKind is what a commitment is about. The security kinds are the
// ones the security profile reads (see the package documentation).
type CommitmentKind string

const (
	CommitmentCooperation         CommitmentKind = "cooperation"          // work together in a field
	CommitmentConsultation        CommitmentKind = "consultation"         // consult each other
	CommitmentInformationExchange CommitmentKind = "information-exchange" // share information
	CommitmentCoordination        CommitmentKind = "coordination"         // coordinate positions, e.g. in international bodies
	CommitmentNonAggression       CommitmentKind = "non-aggression"       // not attack or threaten the other
	CommitmentNonAssistance       CommitmentKind = "non-assistance"       // not help an aggressor against the other
	CommitmentNonUseOfTerritory   CommitmentKind = "non-use-of-territory" // not let own territory be used against the other
	CommitmentNonIntervention     CommitmentKind = "non-intervention"     // not interfere in the other's internal affairs
	CommitmentNonAlignment        CommitmentKind = "non-alignment"        // not join alliances or agreements directed against the other
	CommitmentMutualDefence       CommitmentKind = "mutual-defence"       // assist the other, militarily, if attacked
	CommitmentMilitaryCooperation CommitmentKind = "military-cooperation" // contacts, exercises, training, equipment
	CommitmentNeutrality          CommitmentKind = "neutrality"           // stay out of a conflict the other is in
	CommitmentOffence             CommitmentKind = "offence"              // join the other in an attack
	CommitmentAssistance          CommitmentKind = "assistance"           // help of a non-military kind
	CommitmentRecognition         CommitmentKind = "recognition"          // recognise a status, right or border
	CommitmentDisputeSettlement   CommitmentKind = "dispute-settlement"   // help settle a dispute by peaceful means
)

// Trigger is the condition on which a commitment applies.
type Trigger string

const (
	TriggerArmedAttack            Trigger = "armed-attack"             // armed attack on a party
	TriggerAggressionAgainstParty Trigger = "aggression-against-party" // aggression against a party
	TriggerThreatOfAggression     Trigger = "threat-of-aggression"     // an imminent threat of aggression
	TriggerSecurityThreat         Trigger = "security-threat"          // a threat to peace or security in general
	TriggerRequestOfParty         Trigger = "request-of-party"         // a request of one party
)

// TermStart is the event a term counts from.
type TermStart string

const (
	TermStartEntryIntoForce TermStart = "entry-into-force"
	TermStartSignature      TermStart = "signature"
)

// TriggerEvent is the event an entry-into-force rule counts from.
type TriggerEvent string

const (
	TriggerEventSignature             TriggerEvent = "signature"
	TriggerEventLastNotification      TriggerEvent = "last-notification"
	TriggerEventExchangeOfInstruments TriggerEvent = "exchange-of-instruments"
	TriggerEventLastRatification      TriggerEvent = "last-ratification"
	TriggerEventDepositOfInstruments  TriggerEvent = "deposit-of-instruments"
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

	// Events of one party (with party:), beside its signature,
	// ratification, notification and entry into force for it.
	EventDeposited            EventKind = "deposited"             // its instrument (of ratification, acceptance, approval) deposited
	EventAcceded              EventKind = "acceded"               // it joined an agreement it had not signed
	EventWithdrawalNotified   EventKind = "withdrawal-notified"   // it gave notice of withdrawal or denunciation
	EventWithdrew             EventKind = "withdrew"              // its withdrawal took effect: it is no longer a party
	EventFrozen               EventKind = "frozen"                // it declared its participation frozen, with no formal act: still a party
	EventResumed              EventKind = "resumed"               // its suspended or frozen participation resumed
	EventSucceeded            EventKind = "succeeded"             // another state (successor:) took its place
	EventObligationsSuspended EventKind = "obligations-suspended" // it ended its obligations toward one other party (towards:)
	EventObligationsResumed   EventKind = "obligations-resumed"   // ... and took them up again

	// Events of the agreement made by later instruments (with effect:).
	EventExtended EventKind = "extended" // a protocol or decision extended the term
	EventAmended  EventKind = "amended"  // a protocol amended articles

	// A report that the agreement was in force on a day, when the day it
	// entered into force is not known.
	EventInForce EventKind = "in-force"
)

// WithdrawalEffect says whom a party's withdrawal frees.
type WithdrawalEffect string

const (
	WithdrawalEffectParty WithdrawalEffect = "party" // the party alone leaves; the agreement stays in force among the others
	WithdrawalEffectAll   WithdrawalEffect = "all"   // the agreement ends for all
)

// RelationType is how this agreement relates to another.
type RelationType string

const (
	RelationSupersedes RelationType = "supersedes"
	RelationAmends     RelationType = "amends"
	RelationImplements RelationType = "implements"
	RelationRelated    RelationType = "related"
	RelationExtends    RelationType = "extends"    // a protocol that extends the other's term
	RelationTerminates RelationType = "terminates" // an instrument that ends the other
)

var (
	stages          = []Stage{StageDraft, StageInitialled, StageSigned, StageInForce, StageConsolidated}
	kinds           = []Kind{KindTreaty, KindAgreement, KindConvention, KindProtocol, KindMemorandum, KindDeclaration, KindExchangeOfNotes, KindContract}
	modalities      = []Modality{ModalityShall, ModalityShallNot, ModalityMay, ModalityWillStrive, ModalityReaffirm, ModalityDeclare}
	commitmentKinds = []CommitmentKind{CommitmentCooperation, CommitmentConsultation, CommitmentInformationExchange, CommitmentCoordination, CommitmentNonAggression, CommitmentNonAssistance, CommitmentNonUseOfTerritory, CommitmentNonIntervention, CommitmentNonAlignment, CommitmentMutualDefence, CommitmentMilitaryCooperation, CommitmentNeutrality, CommitmentOffence, CommitmentAssistance, CommitmentRecognition, CommitmentDisputeSettlement}
	triggers        = []Trigger{TriggerArmedAttack, TriggerAggressionAgainstParty, TriggerThreatOfAggression, TriggerSecurityThreat, TriggerRequestOfParty}
	termStarts      = []TermStart{TermStartEntryIntoForce, TermStartSignature}
	triggerEvents   = []TriggerEvent{TriggerEventSignature, TriggerEventLastNotification, TriggerEventExchangeOfInstruments, TriggerEventLastRatification, TriggerEventDepositOfInstruments}
	eventKinds      = func() []EventKind { // the table's order
		out := make([]EventKind, len(eventTable))
		for i, e := range eventTable {
			out[i] = e.Kind
		}
		return out
	}()
	relationTypes     = []RelationType{RelationSupersedes, RelationAmends, RelationImplements, RelationRelated, RelationExtends, RelationTerminates}
	withdrawalEffects = []WithdrawalEffect{WithdrawalEffectParty, WithdrawalEffectAll}
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
func (WithdrawalEffect) Values() []WithdrawalEffect {
	return slices.Clone(withdrawalEffects)
}

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
func (v WithdrawalEffect) Valid() bool {
	return slices.Contains(withdrawalEffects, v)
}

// Enumerations returns every enumeration of the format by its type name,
// with its values as strings: for the schema, documentation and tests.
func Enumerations() map[string][]string {
	return map[string][]string{
		"Stage": enum.Strings(stages), "Kind": enum.Strings(kinds), "Modality": enum.Strings(modalities), "CommitmentKind": enum.Strings(commitmentKinds),
		"Trigger": enum.Strings(triggers), "TermStart": enum.Strings(termStarts), "TriggerEvent": enum.Strings(triggerEvents),
		"EventKind": enum.Strings(eventKinds), "RelationType": enum.Strings(relationTypes), "WithdrawalEffect": enum.Strings(withdrawalEffects),
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
func (v *WithdrawalEffect) UnmarshalText(b []byte) error {
	return enum.Parse(v, b, "effect of a withdrawal", withdrawalEffects)
}

// Count is a number of instruments, a whole number from 1. In a document
// it is written as digits.
type Count int

// UnmarshalText reads a count: digits, from 1.
func (c *Count) UnmarshalText(b []byte) error {
	n, err := strconv.Atoi(string(b))
	if err != nil || n < 1 || len(b) > 6 || b[0] == '0' {
		return &enum.Error{Msg: fmt.Sprintf("%q is not a count", b), HintMsg: "write a whole number from 1, such as 5"}
	}
	*c = Count(n)
	return nil
}

// MarshalText writes the count as digits.
func (c Count) MarshalText() ([]byte, error) { return []byte(strconv.Itoa(int(c))), nil }

func (c Count) String() string { return strconv.Itoa(int(c)) }
