package agreement

import "sync"

// EventInfo is what a kind of event means, in one row: its line of
// documentation, whose event it is, where it stands in the order of an
// agreement's making, where the pictures draw it, whether a change to it
// is major in a diff, and what it does to the agreement's life. Every
// reader of events reads this table (the vocabulary, the timeline rules,
// the life, the pictures, the diff), so a new kind is described once;
// TestEventTable fails on a row with an empty cell.
type EventInfo struct {
	Kind EventKind
	Doc  string
	Of   EventOwner
	// Stage orders the kinds: negotiation, signature, ratification,
	// entry into force, and what follows it. An event dated before one of
	// an earlier stage is out of order (timeline.order).
	Stage EventStage
	// Section is the section of a Mermaid timeline that shows it.
	Section string
	// Decisive: a change to such an event changes whether the agreement
	// is in force, or who is bound by it; the diff calls it major.
	Decisive bool
	// Effect is what it does to the agreement's life (see Life).
	Effect EventEffect
}

// EventOwner says whose event a kind of event is.
type EventOwner int

const (
	OfAgreement EventOwner = iota + 1 // the agreement's own: written without party:
	OfParty                           // one party's: written with party:
	OfPair                            // between two parties: party: and towards:
	OfEither                          // the agreement's without party:, one party's with it (its signature, the entry into force for it)
)

// EventStage is the stage of an agreement's making a kind of event
// belongs to.
type EventStage int

const (
	StageNegotiation EventStage = iota + 1
	StageSignature
	StageRatification
	StageEntry
	StageLater // what follows entry into force: renewal, notice, suspension, leaving, the end
)

// The sections of the Mermaid timeline, in the order of an agreement's
// life.
const (
	SectionNegotiation    = "Negotiation"
	SectionSignature      = "Signature"
	SectionRatification   = "Ratification"
	SectionEntryIntoForce = "Entry into force"
	SectionMembership     = "Membership"
	SectionTerm           = "Term"
	SectionEnd            = "End"
)

// EventEffect is what a kind of event does to the agreement's life.
type EventEffect int

const (
	EffectNone        EventEffect = iota + 1 // a step of the making, with no effect on status or membership
	EffectSign                               // signs: the agreement (without party:), or one party
	EffectInstrument                         // a party's instrument is in: bound once the agreement is in force
	EffectAccede                             // a party joins an agreement it had not signed
	EffectEnter                              // entry into force: of the agreement, or for one party
	EffectProvisional                        // applied before entry into force; status does not change
	EffectRenew                              // the term renewed once
	EffectNotice                             // notice: of termination (the agreement's), of withdrawal (a party's)
	EffectSuspend                            // suspended: the agreement as a whole, or one party's participation
	EffectFreeze                             // a party's participation frozen by its own declaration: still a party, still bound
	EffectResume                             // suspension or freeze ends
	EffectLeave                              // a party leaves
	EffectEnd                                // the agreement ends (for one party, with party:)
	EffectSucceed                            // another state takes a party's place
	EffectPairSuspend                        // obligations between two parties suspended
	EffectPairResume                         // ... and resumed
	EffectExtend                             // a later instrument extends the term
	EffectAmend                              // a later instrument amends articles
	EffectInForceBy                          // in force on the day: it entered into force then or earlier, the day not known
)

// eventTable is every kind of event, in the order of the format's list.
var eventTable = []EventInfo{
	{EventNegotiationsStarted, "negotiations began", OfAgreement, StageNegotiation, SectionNegotiation, false, EffectNone},
	{EventTextAgreed, "the negotiators agreed the text", OfAgreement, StageNegotiation, SectionNegotiation, false, EffectNone},
	{EventAnnounced, "the agreement was announced", OfAgreement, StageNegotiation, SectionNegotiation, false, EffectNone},
	{EventInitialled, "the text was initialled", OfAgreement, StageNegotiation, SectionNegotiation, false, EffectNone},
	{EventSigned, "the agreement was signed (by one party, with party:)", OfEither, StageSignature, SectionSignature, true, EffectSign},
	{EventSubmitted, "it was submitted to a legislature", OfEither, StageRatification, SectionRatification, false, EffectNone},
	{EventRatified, "a legislature or head of state ratified it", OfEither, StageRatification, SectionRatification, false, EffectInstrument},
	{EventApproved, "a second chamber or review body approved it", OfEither, StageRatification, SectionRatification, false, EffectInstrument},
	{EventRatificationLaw, "the law of ratification was signed", OfEither, StageRatification, SectionRatification, false, EffectInstrument},
	{EventNotification, "a party notified that its domestic procedures are complete", OfEither, StageRatification, SectionRatification, false, EffectInstrument},
	{EventExchangeOfInstruments, "the instruments of ratification were exchanged", OfEither, StageRatification, SectionRatification, false, EffectInstrument},
	{EventEnteredIntoForce, "it entered into force (for one party, with party:)", OfEither, StageEntry, SectionEntryIntoForce, true, EffectEnter},
	{EventProvisionalApplication, "it began to be applied before entry into force", OfEither, StageEntry, SectionEntryIntoForce, true, EffectProvisional},
	{EventRenewed, "its term was renewed", OfAgreement, StageLater, SectionTerm, true, EffectRenew},
	{EventNoticeGiven, "notice of termination was given", OfEither, StageLater, SectionEnd, true, EffectNotice},
	{EventSuspended, "its operation was suspended (one party's participation, with party:)", OfEither, StageLater, SectionEnd, true, EffectSuspend},
	{EventTerminated, "it was terminated (for one party, with party:)", OfEither, StageLater, SectionEnd, true, EffectEnd},
	{EventExpired, "its term ran out", OfEither, StageLater, SectionEnd, true, EffectEnd},
	{EventSuperseded, "a later agreement took its place", OfAgreement, StageLater, SectionEnd, true, EffectEnd},
	{EventDeposited, "a party deposited its instrument of ratification, acceptance or approval", OfParty, StageRatification, SectionRatification, true, EffectInstrument},
	{EventAcceded, "a party joined an agreement it had not signed", OfParty, StageRatification, SectionMembership, true, EffectAccede},
	{EventWithdrawalNotified, "a party gave notice of withdrawal or denunciation", OfParty, StageLater, SectionMembership, true, EffectNotice},
	{EventWithdrew, "a party's withdrawal took effect: it is no longer a party", OfParty, StageLater, SectionMembership, true, EffectLeave},
	{EventFrozen, "a party declared its participation frozen, with no formal act: it is still a party", OfParty, StageLater, SectionMembership, true, EffectFreeze},
	{EventResumed, "a party's suspended or frozen participation resumed (the agreement's operation, without party:)", OfEither, StageLater, SectionMembership, true, EffectResume},
	{EventSucceeded, "another state (successor:) took a party's place", OfParty, StageLater, SectionMembership, true, EffectSucceed},
	{EventObligationsSuspended, "a party ended its obligations toward one other party (towards:)", OfPair, StageLater, SectionMembership, true, EffectPairSuspend},
	{EventObligationsResumed, "a party took up again its obligations toward another (towards:)", OfPair, StageLater, SectionMembership, true, EffectPairResume},
	{EventExtended, "a protocol or decision (effect:) extended the term", OfAgreement, StageLater, SectionTerm, true, EffectExtend},
	{EventAmended, "a protocol (effect:) amended articles", OfAgreement, StageLater, SectionTerm, true, EffectAmend},
	{EventInForce, "a report that it was in force on the day, when the day it entered into force is not known: in force by then at the latest", OfAgreement, StageLater, SectionEntryIntoForce, true, EffectInForceBy},
}

var eventIndex = sync.OnceValue(func() map[EventKind]EventInfo {
	m := make(map[EventKind]EventInfo, len(eventTable))
	for _, e := range eventTable {
		m[e.Kind] = e
	}
	return m
})

// Info returns what the kind of event means; false for a kind the format
// does not have.
func (k EventKind) Info() (EventInfo, bool) {
	info, ok := eventIndex()[k]
	return info, ok
}

// EventInfos returns the table of every kind of event, in a new slice.
func EventInfos() []EventInfo {
	out := make([]EventInfo, len(eventTable))
	copy(out, eventTable)
	return out
}

// effect is the kind's effect on the life; EffectNone for an unknown kind.
func (k EventKind) effect() EventEffect {
	if info, ok := eventIndex()[k]; ok {
		return info.Effect
	}
	return EffectNone
}

// leaves reports whether the effect takes a party out of the agreement:
// its leaving, the end (for it), its succession. A notice only announces
// a leaving.
func (k EventEffect) leaves() bool { return k == EffectLeave || k == EffectEnd || k == EffectSucceed }

// stage is the kind's stage; 0 for an unknown kind.
func (k EventKind) stage() EventStage { return eventIndex()[k].Stage }

// Section is the section of a Mermaid timeline that shows the event: its
// kind's, except that what one party does once the agreement is in force
// (its suspension, its leaving) is a step of its membership.
func (e Event) Section() string {
	info, ok := e.Event.Info()
	switch {
	case !ok:
		return SectionMembership
	case e.Party != "" && info.Stage == StageLater:
		return SectionMembership
	}
	return info.Section
}
