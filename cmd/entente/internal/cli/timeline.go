package cli

import (
	"fmt"

	"github.com/entente-go/entente/timeline"
)

func (c Command) timeline(args []string) int {
	fs := c.flags("timeline", "timeline [--format mermaid|svg] FILE")
	format := fs.String("format", "mermaid", "output format: mermaid or svg")
	stdinName := fs.String("stdin-filename", defaultStdinName, stdinNameUsage)
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || (*format != "mermaid" && *format != "svg") {
		fs.Usage()
		return ExitUsage
	}
	cfg, ok := c.configFor("timeline", "", c.paints(fs, true))
	if !ok {
		return ExitUsage
	}
	doc, err := c.readDoc(fs.Arg(0), *stdinName, cfg)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente timeline: %v\n", err)
		return ExitFailure
	}
	if doc.Diagnostics.HasErrors() {
		fmt.Fprintf(c.Stderr, "entente timeline: %s has errors; run entente validate\n", fs.Arg(0))
		return ExitProblems
	}
	if *format == "svg" {
		c.Stdout.Write(timeline.SVG(doc.Agreement))
	} else {
		fmt.Fprint(c.Stdout, timeline.Mermaid(doc.Agreement))
	}
	return ExitClean
}
