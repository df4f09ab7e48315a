// Command diff shows what changed between the Iran–Russia treaty as a news
// report described it the day before signing and the text that was signed:
// the change set in words, with a summary of what matters.
//
//	go -C examples run ./diff [text|markdown|json]
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/entente-go/entente/agreement/diff"

	"github.com/entente-go/entente/agreement"
)

func main() {
	format := "text"
	if len(os.Args) > 1 {
		format = os.Args[1]
	}
	if err := run(os.Stdout, ".", format); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer, root, format string) error {
	old, err := agreement.ReadFile(root + "/agreements/ir-ru-csp-2025-announced.yaml")
	if err != nil {
		return err
	}
	new, err := agreement.ReadFile(root + "/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		return err
	}
	for _, doc := range []*agreement.Document{old, new} {
		if doc.Diagnostics.HasErrors() {
			return doc.Diagnostics.Err()
		}
	}
	changes := diff.DiffDocuments(old, new)
	switch format {
	case "text":
		return changes.WriteText(w)
	case "markdown":
		return changes.WriteMarkdown(w)
	case "json":
		return changes.WriteJSON(w)
	}
	return fmt.Errorf("unknown format %q: text, markdown or json", format)
}
