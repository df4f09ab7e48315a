package agreement

import (
	"slices"
	"sync"
)

// Rule is the stable identifier of a kind of problem. Tools match on it;
// the message text may change between versions, the rule id does not.
//
// Each rule is one value (ruleDef): its id, its doc line, the severity of
// its findings, whether a finding stops the file being read, and the check
// that finds it. The rules are declared by area, each in a file of its own:
// rules_load.go, rules_schema.go, rules_ids.go, rules_refs.go,
// rules_codes.go, rules_clauses.go, rules_term.go, rules_timeline.go,
// rules_values.go, rules_set.go, taxonomy.go and suppress.go. The README's
// table lists every rule (a test checks it), and every rule has a case
// under testdata/err or a test that shows it.
type Rule string

// ruleDef is a rule: its id, its one line of documentation, the severity
// of its findings and its check.
type ruleDef struct {
	rule    Rule
	doc     string
	warning bool // its findings are warnings (most rules' are errors)
	// mixed: its findings are errors or warnings, as its doc line says
	// (timeline.preferred: several reports preferred is an error, none a
	// warning); Severity is then the worse.
	mixed bool
	// stops: a finding means the file could not be read at all (a
	// syntax error, a file over a limit). No suppression comment,
	// configuration or option hides or lowers such a finding.
	stops bool
	// check finds the rule's faults in a decoded agreement, reporting
	// each through checker.report, which gives it this rule and its
	// severity: a check cannot report another rule's finding. The checks
	// run in the catalogue's order; where two would report at one place,
	// the first wins. Rules found while reading (load, schema,
	// suppression, taxonomy) or across a set have none: the loader, the
	// schema and Set.Check report them.
	check func(*checker)
}

// catalogue is every rule, by area.
var catalogue = [][]ruleDef{loadRules, schemaRuleDocs, idRules, refRules, codeRules, clauseRules, termRules, timelineRules, valueRules, setRules, taxonomyRules, suppressRules}

var ruleIndex = sync.OnceValue(func() map[Rule]ruleDef {
	docs := map[Rule]ruleDef{}
	for _, area := range catalogue {
		for _, r := range area {
			docs[r.rule] = r
		}
	}
	return docs
})

// Doc returns the one-line description of the rule.
func (r Rule) Doc() string { return ruleIndex()[r].doc }

// Suppressible reports whether a suppression comment may hide the rule's
// findings. Those that stop a file being read may not, nor a missing
// required field: the agreement would go on incomplete to every program
// that reads it (show's JSON would say "parties": null).
func (r Rule) Suppressible() bool { return !r.StopsReading() && r != RuleSchemaRequired }

// Severities returns the severities the rule's findings may have: its
// Severity, and for a rule whose findings are errors in some cases and
// warnings in others, both. A test holds every finding to it.
func (r Rule) Severities() []Severity {
	if ruleIndex()[r].mixed {
		return []Severity{SeverityError, SeverityWarning}
	}
	return []Severity{r.Severity()}
}

// StopsReading reports whether a finding of the rule means the file could
// not be read, or its findings not all listed: a syntax error, or a file
// over one of the loader's limits.
// Such a finding is always an error: no suppression comment or setting
// hides or lowers it.
func (r Rule) StopsReading() bool { return ruleIndex()[r].stops }

// Severity returns the severity of the rule's findings: SeverityWarning
// for the rules that only warn, SeverityError for the rest (a few of
// which warn in some cases, as their doc lines say).
func (r Rule) Severity() Severity {
	if ruleIndex()[r].warning {
		return SeverityWarning
	}
	return SeverityError
}

// Rules returns every rule id, sorted.
func Rules() []Rule {
	var all []Rule
	for _, area := range catalogue {
		for _, r := range area {
			all = append(all, r.rule)
		}
	}
	slices.Sort(all)
	return all
}
