package agreement

import (
	"maps"
	"slices"
)

// Rule is the stable identifier of a kind of problem. Tools match on it;
// the message text may change between versions, the rule id does not.
type Rule string

// The rule catalogue. Each rule has one line of documentation in ruleDocs,
// and the README's table lists every one (a test checks it).
const (
	RuleSyntax       Rule = "syntax"             // not well-formed YAML or JSON
	RuleFormat       Rule = "format.version"     // the format field names an unknown version
	RuleUnknownField Rule = "load.unknown-field" // a key the format does not have
	RuleDuplicateKey Rule = "load.duplicate-key" // a key given twice in one mapping
	RuleWrongShape   Rule = "load.shape"         // a list where a mapping belongs, a mapping for a string, ...
	RuleInvalidValue Rule = "load.invalid-value" // a value its type rejects: a bad date, duration or enumeration value
	RuleNullValue    Rule = "load.null"          // a key with no value
	RuleUnsupported  Rule = "load.unsupported"   // YAML features the format does not use: merge keys, alias bombs
	RuleTooLarge     Rule = "load.too-large"     // a file over the size limit, refused before parsing
	RuleTooDeep      Rule = "load.too-deep"      // nesting deeper than MaxDepth, refused before decoding
	RuleTooMany      Rule = "load.too-many"      // more problems than MaxDiagnostics; the rest are not listed

	RuleSchemaRequired   Rule = "schema.required"            // a required field is missing
	RuleSchemaAdditional Rule = "schema.additional-property" // a field the schema does not allow
	RuleSchemaType       Rule = "schema.type"                // a value of the wrong type
	RuleSchemaEnum       Rule = "schema.enum"                // a value outside an enumeration
	RuleSchemaConst      Rule = "schema.const"               // a value other than the one allowed
	RuleSchemaPattern    Rule = "schema.pattern"             // a string not of the required form
	RuleSchemaEmpty      Rule = "schema.empty"               // an empty value where one is required
	RuleSchemaFormat     Rule = "schema.format"              // a string not in its format, such as a URL
	RuleSchemaOther      Rule = "schema.other"               // any other violation of the schema

	RuleDuplicateID         Rule = "id.duplicate"          // a party, clause or source id used twice
	RuleUnknownParty        Rule = "ref.party"             // a party id that no party has
	RuleUnknownClause       Rule = "ref.clause"            // a clause id that no clause has
	RuleUnknownSource       Rule = "ref.source"            // a source id that no source has
	RuleUnknownTopic        Rule = "ref.topic"             // a topic code not in the taxonomy
	RuleUnknownContext      Rule = "ref.context"           // a context not in the organisation registry
	RuleUnknownOrganisation Rule = "ref.organisation"      // an organisation party the registry does not know
	RuleCountry             Rule = "code.country"          // a country code that is not ISO 3166-1 alpha-2
	RuleLanguage            Rule = "code.language"         // a language code that is not ISO 639-1
	RuleTimelineOrder       Rule = "timeline.order"        // an event dated before one of an earlier stage
	RuleTimelineSequence    Rule = "timeline.sequence"     // events of one party listed out of order
	RuleConflictSource      Rule = "timeline.unsourced"    // one of several conflicting reports cites no source
	RuleConflictPreferred   Rule = "timeline.preferred"    // conflicting reports with none or several preferred
	RuleEntryIntoForce      Rule = "term.entry-into-force" // entry into force not as the term's rule gives it
	RuleTerm                Rule = "term.inconsistent"     // a term that contradicts itself
	RuleTermExpiry          Rule = "term.expiry"           // an expiry that does not match the term
	RuleClauseNumber        Rule = "clause.number"         // two sibling clauses with one number
	RuleClauseGap           Rule = "clause.gap"            // a gap in clause numbering in a full text
	RuleEmpty               Rule = "value.empty"           // an empty string, list or mapping
	RuleTaxonomy            Rule = "taxonomy.topic"        // a topic of a taxonomy file that cannot join it

	RuleSetDuplicateID Rule = "set.duplicate-id" // two files of a set with one agreement id
	RuleSetUnresolved  Rule = "set.unresolved"   // a relation to an agreement not in the set
)

var ruleDocs = map[Rule]string{
	RuleSyntax:       "The file is not well-formed YAML or JSON, or holds other than exactly one document.",
	RuleFormat:       "The format field names a format version this module does not read.",
	RuleUnknownField: "A key that the format does not define at this place; the hint names the closest one.",
	RuleDuplicateKey: "A key given twice in one mapping; the second is reported and ignored.",
	RuleWrongShape:   "A value of the wrong shape: a list where a mapping belongs, a mapping where a string belongs.",
	RuleInvalidValue: "A value its type rejects: a date that does not exist, a malformed duration, a value outside an enumeration.",
	RuleNullValue:    "A key with no value (null); give a value or remove the key.",
	RuleUnsupported:  "A YAML feature the format does not use, such as merge keys, or a document that expands past the size limit through aliases.",
	RuleTooLarge:     "A file over the size limit (16 MiB unless set otherwise), refused before it is parsed.",
	RuleTooDeep:      "A document nesting mappings and lists more than 100 levels deep, refused before it is decoded.",
	RuleTooMany:      "More than 1,000 problems in one file: the first thousand are listed, then how many more there were.",

	RuleSchemaRequired:   "A field the format requires is missing; the diagnostic points at the mapping that lacks it.",
	RuleSchemaAdditional: "A field the schema does not allow (reported as load.unknown-field when the loader sees it first).",
	RuleSchemaType:       "A value of the wrong JSON type: a list for a string, a string for true or false.",
	RuleSchemaEnum:       "A value outside one of the format's closed vocabularies.",
	RuleSchemaConst:      "A value other than the one the format allows, such as a format other than entente/v1.",
	RuleSchemaPattern:    "A string not of the required form: an id, a country or language code, a topic code.",
	RuleSchemaEmpty:      "An empty string or list where the format requires a value, such as a title or the parties.",
	RuleSchemaFormat:     "A string that is not in its format, such as a URL that is not a URI.",
	RuleSchemaOther:      "Any other violation of the JSON Schema.",

	RuleDuplicateID:         "A party, clause (at any depth) or source id used twice in one document.",
	RuleUnknownParty:        "A party id in a commitment or event that no party of the document has.",
	RuleUnknownClause:       "A clause id in a cooperation area, cross-reference or term that no clause has.",
	RuleUnknownSource:       "A source id in an event or cooperation area that no source of the document has.",
	RuleUnknownTopic:        "A topic code that is not in the taxonomy of cooperation areas.",
	RuleUnknownContext:      "A context code that is not in the registry of intergovernmental organisations.",
	RuleUnknownOrganisation: "An organisation party whose code the registry does not know and that gives no name.",
	RuleCountry:             "A country code that is not an ISO 3166-1 alpha-2 code, or a state party without one.",
	RuleLanguage:            "A language code that is not ISO 639-1, or an authentic language not among the languages (warning).",
	RuleTimelineOrder:       "An event dated before an event of an earlier stage: ratified before signed, in force before ratified.",
	RuleTimelineSequence:    "Events of one party listed out of the order they happened (warning).",
	RuleConflictSource:      "Events of one kind that disagree on the date, one of which cites no source.",
	RuleConflictPreferred:   "Conflicting events with more than one marked preferred (error) or none (warning).",
	RuleEntryIntoForce:      "An entry-into-force date that differs from the term's rule applied to the timeline (a warning for a report that is not preferred).",
	RuleTerm:                "A term that contradicts itself: indefinite with a duration, a notice not shorter than the term.",
	RuleTermExpiry:          "An expiry date that is not the start plus the term or plus whole renewal periods (warning).",
	RuleClauseNumber:        "Two sibling clauses with the same number.",
	RuleClauseGap:           "A gap in the numbering of sibling clauses in a document not marked excerpt (warning).",
	RuleEmpty:               "An empty string, list or mapping: it says nothing and is usually a slip (warning).",
	RuleTaxonomy:            "A topic of a taxonomy file with a malformed code, no label, a code defined twice or a parent not defined before it.",

	RuleSetDuplicateID: "Two files of one set that give the same agreement id and version label.",
	RuleSetUnresolved:  "A relation or preamble citation naming an agreement that is not in the set (warning).",
}

// Doc returns the one-line description of the rule.
func (r Rule) Doc() string { return ruleDocs[r] }

// Rules returns every rule id, sorted.
func Rules() []Rule { return slices.Sorted(maps.Keys(ruleDocs)) }
