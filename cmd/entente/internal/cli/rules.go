package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/entente-go/entente/agreement"
)

// rules lists the rules: the ids findings carry and what each means.
func (c Command) rules(args []string) int {
	fs := c.flags("rules", "rules [--format text|markdown]")
	format := fs.String("format", "text", "output format: text, or markdown (the README's table)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 || (*format != "text" && *format != "markdown") {
		fs.Usage()
		return ExitUsage
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
