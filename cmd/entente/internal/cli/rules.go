package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/entente-go/entente/agreement"
)

// rules lists the rules: the ids findings carry and what each means.
func (c Command) rules(args []string) int {
	fs := c.flags("rules", "rules [--format text|markdown]")
	format := fs.String("format", "text", "output format: text, markdown (the README's table) or reference (docs/rules.md, a section for each rule)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || (*format != "text" && *format != "markdown" && *format != "reference") {
		fs.Usage()
		return ExitUsage
	}
	if *format == "reference" {
		writeRuleReference(c.Stdout)
		return ExitClean
	}
	if *format == "markdown" {
		fmt.Fprintln(c.Stdout, "| rule | what it means |")
		fmt.Fprintln(c.Stdout, "|---|---|")
		for _, r := range agreement.Rules() {
			fmt.Fprintf(c.Stdout, "| `%s` | %s |\n", r, r.Doc())
		}
		return ExitClean
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	for _, r := range agreement.Rules() {
		fmt.Fprintf(tw, "%s\t%s\n", r, r.Doc())
	}
	tw.Flush()
	return ExitClean
}

// rulesDoc is where each rule has a section of its own, for links from
// code scanning.
const rulesDoc = "https://github.com/entente-go/entente/blob/main/docs/rules.md"

// ruleAnchor is the anchor GitHub gives a rule's heading: load.unknown-field
// is #loadunknown-field.
func ruleAnchor(r agreement.Rule) string { return strings.ReplaceAll(string(r), ".", "") }

// ruleHelpURI links a rule's section.
func ruleHelpURI(r agreement.Rule) string { return rulesDoc + "#" + ruleAnchor(r) }

// writeRuleReference writes docs/rules.md: a section for each rule, with
// its severity and what it finds.
func writeRuleReference(w io.Writer) {
	fmt.Fprintln(w, "# The rules of entente")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every finding names one of these rules. This page is written by")
	fmt.Fprintln(w, "`entente rules --format reference`, and a test keeps it current; code")
	fmt.Fprintln(w, "scanning links each finding here.")
	for _, r := range agreement.Rules() {
		sev := r.Severity().String()
		if len(r.Severities()) > 1 {
			sev = "error or warning, as the line above says"
		}
		fmt.Fprintf(w, "\n## %s\n\n%s\n\nSeverity: %s.\n", r, r.Doc(), sev)
	}
}
