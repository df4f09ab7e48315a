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
}

// Doc returns the one-line description of the rule.
func (r Rule) Doc() string { return ruleDocs[r] }

// Rules returns every rule id, sorted.
func Rules() []Rule { return slices.Sorted(maps.Keys(ruleDocs)) }
