package agreement

// The rules of the JSON Schema, one for each kind of violation.
const (
	RuleSchemaRequired           Rule = "schema.required"            // a required field is missing
	RuleSchemaAdditionalProperty Rule = "schema.additional-property" // a field the schema does not allow
	RuleSchemaType               Rule = "schema.type"                // a value of the wrong type
	RuleSchemaEnum               Rule = "schema.enum"                // a value outside an enumeration
	RuleSchemaConst              Rule = "schema.const"               // a value other than the one allowed
	RuleSchemaPattern            Rule = "schema.pattern"             // a string not of the required form
	RuleSchemaEmpty              Rule = "schema.empty"               // an empty value where one is required
	RuleSchemaFormat             Rule = "schema.format"              // a string not in its format, such as a URL
	RuleSchemaOther              Rule = "schema.other"               // any other violation of the schema
)

var schemaRuleDocs = []ruleDef{
	{rule: RuleSchemaRequired, doc: "A field the format requires is missing; the diagnostic points at the mapping that lacks it."},
	{rule: RuleSchemaAdditionalProperty, doc: "A field the schema does not allow (reported as load.unknown-field when the loader sees it first)."},
	{rule: RuleSchemaType, doc: "A value of the wrong JSON type: a list for a string, a string for true or false."},
	{rule: RuleSchemaEnum, doc: "A value outside one of the format's closed vocabularies."},
	{rule: RuleSchemaConst, doc: "A value other than the one the format allows, such as a format other than entente/v1."},
	{rule: RuleSchemaPattern, doc: "A string not of the required form: an id, a country or language code, a topic code."},
	{rule: RuleSchemaEmpty, doc: "An empty string or list where the format requires a value, such as a title or the parties."},
	{rule: RuleSchemaFormat, doc: "A string that is not in its format, such as a URL that is not a URI."},
	{rule: RuleSchemaOther, doc: "Any other violation of the JSON Schema."},
}
