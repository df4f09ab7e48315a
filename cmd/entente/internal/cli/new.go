package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/schema"
)

// new writes a valid skeleton to start an agreement from.
func (c Command) new(args []string) int {
	fs := c.flags("new", "new [--kind KIND] [--parties IR,RU] FILE (- for the standard output)")
	kind := fs.String("kind", "treaty", "the kind of instrument")
	codes := fs.String("parties", "", "the parties, as ISO 3166-1 codes separated by commas")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return ExitUsage
	}
	var k agreement.Kind
	if err := k.UnmarshalText([]byte(*kind)); err != nil {
		fmt.Fprintf(c.Stderr, "entente new: %v\n", err)
		return ExitUsage
	}
	a := &agreement.Agreement{
		Format:  agreement.FormatV1,
		Version: agreement.Version{Label: "draft", Stage: agreement.StageDraft},
		Kind:    k,
		Title:   "Title of the agreement",
	}
	var ids []string
	for _, code := range strings.Split(*codes, ",") {
		if code = strings.TrimSpace(code); code == "" {
			continue
		}
		country, ok := parties.LookupCountry(code)
		if !ok {
			fmt.Fprintf(c.Stderr, "entente new: %q is not a country code (%s)\n", code, parties.SuggestCountry(code))
			return ExitUsage
		}
		id := strings.ToLower(country.Alpha2)
		ids = append(ids, id)
		a.Parties = append(a.Parties, agreement.Party{ID: id, Kind: parties.KindState, Country: country.Alpha2,
			Roles: []parties.Role{parties.ContractingParty}})
	}
	if len(a.Parties) == 0 {
		a.Parties = []agreement.Party{{ID: "a", Kind: parties.KindState, Country: "IR", Roles: []parties.Role{parties.ContractingParty}}}
		ids = []string{"a"}
	}
	a.ID = strings.Join(append(ids, "new"), "-")
	a.Clauses = []agreement.Clause{{ID: "art-1", Num: "1", Heading: "Purpose", Summary: "What the parties agree, in your words."}}
	a.Excerpt = true
	body, err := agreement.MarshalYAML(a)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente new: %v\n", err)
		return ExitFailure
	}
	out := append([]byte("# yaml-language-server: $schema="+schema.ID+"\n"), body...)
	if fs.Arg(0) == "-" { // the standard output
		if _, err := c.Stdout.Write(out); err != nil {
			return ExitFailure
		}
		return ExitClean
	}
	f, err := os.OpenFile(fs.Arg(0), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		fmt.Fprintf(c.Stderr, "entente new: %s exists; not overwritten\n", fs.Arg(0))
		return ExitFailure
	}
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente new: %v\n", err)
		return ExitFailure
	}
	if _, err := f.Write(out); err != nil {
		f.Close()
		fmt.Fprintf(c.Stderr, "entente new: %v\n", err)
		return ExitFailure
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(c.Stderr, "entente new: %v\n", err)
		return ExitFailure
	}
	return ExitClean
}
