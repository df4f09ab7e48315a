package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/entente-go/entente/agreement"
)

// vocab lists the words the format accepts, each with a line on what it
// means: the kinds, roles, modalities, triggers, events, relations and
// topics (those of the configuration too).
func (c Command) vocab(args []string) int {
	fs := c.flags("vocab", "vocab [--format text|markdown] [--config FILE] [NAME]")
	format := fs.String("format", "text", "output format: text, or markdown (docs/vocabulary.md, the authors' reference)")
	configPath := fs.String("config", "", "the configuration file, whose topics are listed too (default: .entente.yaml in this folder or one above it)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 || (*format != "text" && *format != "markdown") {
		fs.Usage()
		return ExitUsage
	}
	vocabs := agreement.Vocabularies()
	if *format == "text" { // the reference page is the built-in format; a listing shows the configuration's topics too
		cfg, ok := c.configFor("vocab", *configPath, c.paints(fs, true))
		if !ok {
			return ExitUsage
		}
		if cfg.taxonomy != nil {
			vocabs = agreement.VocabulariesWith(cfg.taxonomy)
		}
	}
	if fs.NArg() == 1 {
		v, names, ok := vocabularyNamed(vocabs, fs.Arg(0))
		if !ok {
			fmt.Fprintf(c.Stderr, "entente vocab: no vocabulary %q; there are: %s\n", fs.Arg(0), strings.Join(names, ", "))
			return ExitUsage
		}
		vocabs = []agreement.Vocabulary{v}
	}
	if *format == "markdown" {
		writeVocabularyReference(c.Stdout, vocabs)
		return ExitClean
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	for i, v := range vocabs {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s (%s)\n", v.Name, strings.Join(v.Where, ", "))
		for _, w := range v.Words {
			fmt.Fprintf(tw, "  %s\t%s\n", w.Value, w.Doc)
		}
	}
	tw.Flush()
	return ExitClean
}

// writeVocabularyReference writes docs/vocabulary.md: a section for each
// vocabulary, with the fields that take it and a table of its words.
func writeVocabularyReference(w io.Writer, vocabs []agreement.Vocabulary) {
	fmt.Fprintln(w, "# The vocabulary of the entente format")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The words each field of a closed vocabulary accepts, with what each")
	fmt.Fprintln(w, "means. This page is written by `entente vocab --format markdown`, and a")
	fmt.Fprintln(w, "test keeps it current; `entente vocab` prints the same in a terminal,")
	fmt.Fprintln(w, "with the topics of a configuration's taxonomies too.")
	for _, v := range vocabs {
		fmt.Fprintf(w, "\n## %s\n\n", v.Name)
		var where []string
		for _, f := range v.Where {
			where = append(where, "`"+f+"`")
		}
		fmt.Fprintf(w, "Written in %s.\n\n", strings.Join(where, " and "))
		fmt.Fprintln(w, "| word | what it means |")
		fmt.Fprintln(w, "|---|---|")
		for _, word := range v.Words {
			fmt.Fprintf(w, "| `%s` | %s |\n", word.Value, word.Doc)
		}
	}
}

// vocabularyNamed finds a vocabulary by its name, with spaces or with
// hyphens (kind-of-event); when there is none, it returns the names to
// offer.
func vocabularyNamed(vocabs []agreement.Vocabulary, name string) (agreement.Vocabulary, []string, bool) {
	var names []string
	for _, v := range vocabs {
		hyphenated := strings.ReplaceAll(v.Name, " ", "-")
		if name == v.Name || name == hyphenated {
			return v, nil, true
		}
		names = append(names, hyphenated)
	}
	return agreement.Vocabulary{}, names, false
}
