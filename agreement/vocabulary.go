package agreement

import (
	"github.com/entente-go/entente/internal/enum"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

// A Vocabulary is one of the format's closed lists of words, with where it
// is written and a line on each word: what `entente vocab` prints and the
// authors' reference (docs/vocabulary.md) holds.
type Vocabulary struct {
	Name  string   // "modality"
	Where []string // the fields that take it: "clauses[].commitments[].modality"
	Words []Word
}

// A Word is one value of a vocabulary and what it means.
type Word struct {
	Value string
	Doc   string
}

// Vocabularies returns every closed vocabulary of the format, with the
// built-in topics last, in the order an author meets them in a file.
func Vocabularies() []Vocabulary {
	return VocabulariesWith(topics.Builtin())
}

// VocabulariesWith is Vocabularies with the topics of tax (the built-in
// taxonomy extended by a configuration, say); nil is the built-in one.
func VocabulariesWith(tax *topics.Taxonomy) []Vocabulary {
	if tax == nil {
		tax = topics.Builtin()
	}
	out := []Vocabulary{
		vocabulary("stage of a version", []string{"version.stage"}, stages, stageDocs),
		vocabulary("kind of agreement", []string{"kind"}, kinds, kindDocs),
		vocabulary("kind of party", []string{"parties[].kind"}, parties.Kind("").Values(), partyKindDocs),
		vocabulary("role", []string{"parties[].roles[]"}, parties.Role("").Values(), roleDocs),
		vocabulary("term start", []string{"term.from"}, termStarts, termStartDocs),
		vocabulary("entry-into-force event", []string{"term.entry_into_force.after"}, triggerEvents, triggerEventDocs),
		vocabulary("effect of a withdrawal", []string{"term.withdrawal.effect"}, withdrawalEffects, withdrawalEffectDocs),
		vocabulary("kind of commitment", []string{"clauses[].commitments[].kind"}, commitmentKinds, commitmentKindDocs),
		vocabulary("modality", []string{"clauses[].commitments[].modality"}, modalities, modalityDocs),
		vocabulary("trigger", []string{"clauses[].commitments[].trigger", "clauses[].commitments[].triggers[]"}, triggers, triggerDocs),
		vocabulary("kind of event", []string{"timeline[].event"}, eventKinds, eventKindDocs),
		vocabulary("kind of relation", []string{"relations[].type"}, relationTypes, relationTypeDocs),
	}
	topicWords := Vocabulary{Name: "topic", Where: []string{"clauses[].topics[]", "cooperation[].topic"}}
	for _, tp := range tax.Topics() {
		topicWords.Words = append(topicWords.Words, Word{Value: tp.Code, Doc: tp.Label})
	}
	return append(out, topicWords)
}

func vocabulary[T ~string](name string, where []string, values []T, docs map[T]string) Vocabulary {
	v := Vocabulary{Name: name, Where: where}
	for _, s := range enum.Strings(values) {
		v.Words = append(v.Words, Word{Value: s, Doc: docs[T(s)]})
	}
	return v
}

// The line on each word. TestVocabularyDocumented holds every value of
// every vocabulary to having one.
var (
	stageDocs = map[Stage]string{
		StageDraft:        "a text still being negotiated",
		StageInitialled:   "the negotiators have initialled the agreed text",
		StageSigned:       "the text as signed",
		StageInForce:      "the text as it stands in force",
		StageConsolidated: "the text with later amendments worked in",
	}
	kindDocs = map[Kind]string{
		KindTreaty:          "a treaty between states, binding under international law",
		KindAgreement:       "an agreement, binding, often between governments or agencies",
		KindConvention:      "a convention, usually multilateral and open to accession",
		KindProtocol:        "a protocol that adds to or amends another agreement",
		KindMemorandum:      "a memorandum of understanding, usually not binding",
		KindDeclaration:     "a joint declaration or statement of intent",
		KindExchangeOfNotes: "an agreement made by an exchange of diplomatic notes",
		KindContract:        "a contract, binding under a national law",
	}
	partyKindDocs = map[parties.Kind]string{
		parties.KindState:        "a state, with an ISO 3166 country code (country:)",
		parties.KindIGO:          "an intergovernmental organisation (organisation: its code, such as sco)",
		parties.KindSubnational:  "a region, province or city of a state",
		parties.KindOrganisation: "a company, political party or other body that is not a state",
		parties.KindPerson:       "a natural person",
	}
	roleDocs = map[parties.Role]string{
		parties.ContractingParty: "bound by the agreement (the default when no role is given)",
		parties.Signatory:        "signed the agreement, for itself or for another party",
		parties.Depositary:       "keeps the original and receives instruments and notices",
		parties.Guarantor:        "guarantees that others keep the agreement",
		parties.Observer:         "takes part without being bound",
	}
	termStartDocs = map[TermStart]string{
		TermStartEntryIntoForce: "the term counts from entry into force",
		TermStartSignature:      "the term counts from signature",
	}
	triggerEventDocs = map[TriggerEvent]string{
		TriggerEventSignature:             "in force on signature, or a set time after it",
		TriggerEventLastNotification:      "after the last notification that domestic procedures are complete",
		TriggerEventExchangeOfInstruments: "after the exchange of instruments of ratification",
		TriggerEventLastRatification:      "after the last ratification",
		TriggerEventDepositOfInstruments:  "after a number of instruments are deposited (count:)",
	}
	withdrawalEffectDocs = map[WithdrawalEffect]string{
		WithdrawalEffectParty: "the party alone leaves; the agreement stays in force among the others",
		WithdrawalEffectAll:   "the agreement ends for all",
	}
	commitmentKindDocs = map[CommitmentKind]string{
		CommitmentCooperation:         "work together in a field",
		CommitmentConsultation:        "consult each other",
		CommitmentInformationExchange: "share information",
		CommitmentCoordination:        "coordinate positions, in international bodies for example",
		CommitmentNonAggression:       "not attack or threaten the other",
		CommitmentNonAssistance:       "not help an aggressor against the other",
		CommitmentNonUseOfTerritory:   "not let its territory be used against the other",
		CommitmentNonIntervention:     "not interfere in the other's internal affairs",
		CommitmentNonAlignment:        "not join alliances or agreements directed against the other",
		CommitmentMutualDefence:       "assist the other, militarily, if it is attacked",
		CommitmentMilitaryCooperation: "military contacts, exercises, training, equipment",
		CommitmentNeutrality:          "stay out of a conflict the other is in",
		CommitmentOffence:             "join the other in an attack",
		CommitmentAssistance:          "help of a kind that is not military",
		CommitmentRecognition:         "recognise a status, right or border",
		CommitmentDisputeSettlement:   "help settle a dispute by peaceful means",
	}
	modalityDocs = map[Modality]string{
		ModalityShall:      "an obligation: the party must",
		ModalityShallNot:   "a prohibition: the party must not",
		ModalityMay:        "a permission: the party may",
		ModalityWillStrive: "an effort: the party will try, with no duty of result",
		ModalityReaffirm:   "restates a commitment made elsewhere",
		ModalityDeclare:    "a statement of position that binds to nothing",
	}
	triggerDocs = map[Trigger]string{
		TriggerArmedAttack:            "an armed attack on a party",
		TriggerAggressionAgainstParty: "aggression against a party",
		TriggerThreatOfAggression:     "an imminent threat of aggression",
		TriggerSecurityThreat:         "a threat to peace or security in general",
		TriggerRequestOfParty:         "a request of one party",
	}
	eventKindDocs = func() map[EventKind]string {
		m := map[EventKind]string{}
		for _, e := range eventTable {
			m[e.Kind] = e.Doc
		}
		return m
	}()
	relationTypeDocs = map[RelationType]string{
		RelationSupersedes: "this agreement replaces the other",
		RelationAmends:     "this agreement amends the other",
		RelationImplements: "this agreement carries out the other",
		RelationRelated:    "the two are related in another way",
		RelationExtends:    "a protocol that extends the other's term",
		RelationTerminates: "an instrument that ends the other",
	}
)
