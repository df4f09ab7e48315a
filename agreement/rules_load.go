package agreement

// The rules of reading a file: its syntax, its format version, the shape
// of its values and the limits of a load.
const (
	RuleSyntax           Rule = "syntax"             // not well-formed YAML or JSON
	RuleFormatVersion    Rule = "format.version"     // the format field names an unknown version
	RuleLoadUnknownField Rule = "load.unknown-field" // a key the format does not have
	RuleLoadDuplicateKey Rule = "load.duplicate-key" // a key given twice in one mapping
	RuleLoadShape        Rule = "load.shape"         // a list where a mapping belongs, a mapping for a string, ...
	RuleLoadInvalidValue Rule = "load.invalid-value" // a value its type rejects: a bad date, duration or enumeration value
	RuleLoadNull         Rule = "load.null"          // a key with no value
	RuleLoadUnsupported  Rule = "load.unsupported"   // YAML features the format does not use: merge keys, alias bombs
	RuleLoadTooLarge     Rule = "load.too-large"     // a file over the size limit, refused before parsing
	RuleLoadTooDeep      Rule = "load.too-deep"      // nesting deeper than MaxDepth, refused before decoding
	RuleLoadTooMany      Rule = "load.too-many"      // more problems than MaxDiagnostics; the rest are not listed
	RuleLoadNotAgreement Rule = "load.not-agreement" // a file named for checking that is not an agreement
)

var loadRules = []ruleDef{
	{rule: RuleSyntax, doc: "The file is not well-formed YAML or JSON, or holds other than exactly one document.", stops: true},
	{rule: RuleFormatVersion, doc: "The format field names a format version this module does not read."},
	{rule: RuleLoadUnknownField, doc: "A key that the format does not define at this place; the hint names the closest one."},
	{rule: RuleLoadDuplicateKey, doc: "A key given twice in one mapping; the second is reported and ignored."},
	{rule: RuleLoadShape, doc: "A value of the wrong shape: a list where a mapping belongs, a mapping where a string belongs."},
	{rule: RuleLoadInvalidValue, doc: "A value its type rejects: a date that does not exist, a malformed duration, a value outside an enumeration."},
	{rule: RuleLoadNull, doc: "A key with no value (null); give a value or remove the key."},
	{rule: RuleLoadUnsupported, doc: "A YAML feature the format does not use, such as merge keys, or a document that expands past the size limit through aliases."},
	{rule: RuleLoadTooLarge, doc: "A file over the size limit (16 MiB unless set otherwise), or holding more values than one for every 16 bytes of it, refused before it is parsed.", stops: true},
	{rule: RuleLoadTooDeep, doc: "A document nesting mappings and lists more than 100 levels deep, refused before it is decoded.", stops: true},
	{rule: RuleLoadNotAgreement, doc: "A file given by name whose top level declares no format: entente/...: other YAML, such as a workflow. Folders leave such files out, and validate --skip-other does too."},
	{rule: RuleLoadTooMany, doc: "More than 1,000 problems in one file: the first thousand are listed, then how many more there were.", stops: true},
}
