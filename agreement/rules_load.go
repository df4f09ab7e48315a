package agreement

// The rules of reading a file: its syntax, its format version, the shape
// of its values and the limits of a load.
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
)

var loadRules = []ruleDoc{
	{RuleSyntax, "The file is not well-formed YAML or JSON, or holds other than exactly one document."},
	{RuleFormat, "The format field names a format version this module does not read."},
	{RuleUnknownField, "A key that the format does not define at this place; the hint names the closest one."},
	{RuleDuplicateKey, "A key given twice in one mapping; the second is reported and ignored."},
	{RuleWrongShape, "A value of the wrong shape: a list where a mapping belongs, a mapping where a string belongs."},
	{RuleInvalidValue, "A value its type rejects: a date that does not exist, a malformed duration, a value outside an enumeration."},
	{RuleNullValue, "A key with no value (null); give a value or remove the key."},
	{RuleUnsupported, "A YAML feature the format does not use, such as merge keys, or a document that expands past the size limit through aliases."},
	{RuleTooLarge, "A file over the size limit (16 MiB unless set otherwise), refused before it is parsed."},
	{RuleTooDeep, "A document nesting mappings and lists more than 100 levels deep, refused before it is decoded."},
	{RuleTooMany, "More than 1,000 problems in one file: the first thousand are listed, then how many more there were."},
}
