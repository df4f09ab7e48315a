package agreement

// The rules across the files of a set, which Set.Check runs.
const (
	RuleSetDuplicateID Rule = "set.duplicate-id" // two files of a set with one agreement id
	RuleSetUnresolved  Rule = "set.unresolved"   // a relation to an agreement not in the set
)

var setRules = []ruleDoc{
	{RuleSetDuplicateID, "Two files of one set that give the same agreement id and version label."},
	{RuleSetUnresolved, "A relation or preamble citation naming an agreement that is not in the set (warning)."},
}
