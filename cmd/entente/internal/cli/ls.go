package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

func (c Command) ls(args []string) int {
	fs := c.flags("ls", "ls [--party CODE] [--topic TOPIC] [--in-force-on DATE] [--format text|json] DIR|FILE")
	party := fs.String("party", "", "only agreements this country (ISO 3166-1, or a former country's ISO 3166-3 alpha-4 code) or organisation is party to; with --in-force-on, a party on that day (suspended or not)")
	predecessors := fs.Bool("predecessors", false, "with --party: also the agreements of the former countries it succeeded (RU: the USSR's)")
	topic := fs.String("topic", "", "only agreements covering this topic or one below it")
	inForce := fs.String("in-force-on", "", "only agreements in force on this date (YYYY-MM-DD)")
	format := fs.String("format", "text", "output format: text or json (entente.ls/v1)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || (*format != "text" && *format != "json") {
		fs.Usage()
		return ExitUsage
	}
	var on agreement.Date
	if *inForce != "" {
		d, err := fullDate(*inForce)
		if err != nil {
			fmt.Fprintf(c.Stderr, "entente ls: --in-force-on: %v\n", err)
			return ExitUsage
		}
		on = d
	}
	cfg, ok := c.configFor("ls", "", c.paints(fs, true))
	if !ok {
		return ExitUsage
	}
	set, err := lsSet(fs.Arg(0), cfg)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente ls: %v\n", err)
		return ExitFailure
	}
	status := today()
	if !cfg.Date.IsZero() {
		status = cfg.Date
	}
	if !on.IsZero() {
		status = on
	}
	// A filter that names nothing known is most likely a slip: say so,
	// rather than list nothing without a word.
	if *party != "" && !knownParty(set, *party) {
		fmt.Fprintf(c.Stderr, "entente ls: warning: --party %q is no country, former country or organisation code, nor a party of these agreements (%s)\n",
			*party, parties.SuggestCountry(*party))
	}
	if *topic != "" {
		tax := cfg.taxonomy
		if tax == nil {
			tax = topics.Builtin()
		}
		if _, ok := tax.Lookup(*topic); !ok {
			fmt.Fprintf(c.Stderr, "entente ls: warning: --topic %q is not a topic: %s (entente vocab topic lists them)\n", *topic, tax.Suggest(*topic))
		}
	}
	folder := "" // the names of a folder's files are relative to it
	if info, err := os.Stat(fs.Arg(0)); err == nil && info.IsDir() {
		folder = fs.Arg(0)
	}
	rows := []lsRow{}
	skipped := 0
	for _, doc := range set.Documents {
		a := doc.Agreement
		if !doc.IsAgreement() {
			continue // other YAML or JSON beside the agreements (a workflow, package.json)
		}
		if folder != "" && !cfg.keeps(filepath.Join(folder, doc.Name), true) {
			continue // the configuration's exclude (or include) leaves it out, as validate does
		}
		if a == nil || doc.Diagnostics.HasErrors() {
			skipped++
			continue
		}
		switch {
		case *party == "":
		case !on.IsZero() && !a.IsPartyOn(*party, on) && !(*predecessors && partyPredecessor(a, *party, on)):
			continue // not a party on that day (Agreement.IsPartyOn): not yet joined, or left
		case on.IsZero() && !a.Involves(*party) && !(*predecessors && a.InvolvesOrPredecessor(*party)):
			continue
		}
		if *topic != "" && !a.CoversTopic(*topic, cfg.taxonomy) {
			continue
		}
		st := a.StatusOn(status)
		if !on.IsZero() && st.State != agreement.StateInForce {
			continue
		}
		var ps []string
		for _, p := range a.Parties {
			code := p.Country
			if code == "" {
				code = p.ID
			}
			ps = append(ps, code)
		}
		title := a.ShortTitle
		if title == "" {
			title = a.Title
		}
		rows = append(rows, lsRow{File: filepath.Join(folder, doc.Name), ID: a.ID, Version: a.Version.Label, Kind: string(a.Kind), Parties: ps, Status: string(st.State), Title: title})
	}
	if skipped > 0 {
		fmt.Fprintf(c.Stderr, "entente ls: %s with errors left out; run entente validate\n", plural(skipped, "file"))
	}
	// A listing that leaves files out is not the whole answer: it says so
	// by its exit code too.
	code := ExitClean
	if skipped > 0 {
		code = ExitProblems
	}
	if *format == "json" {
		out, _ := json.MarshalIndent(lsOutput{Format: "entente.ls/v1", StatusOn: status.String(), Agreements: rows, LeftOut: skipped}, "", "  ")
		fmt.Fprintf(c.Stdout, "%s\n", out)
		return code
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "ID\tVERSION\tKIND\tPARTIES\tSTATUS ON %s\tTITLE\n", status)
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Version, r.Kind, strings.Join(r.Parties, ","), r.Status, r.Title)
	}
	tw.Flush()
	return code
}

// lsOutput is entente ls --format json, version entente.ls/v1 (schema:
// entente schema --output ls).
type lsOutput struct {
	Format     string  `json:"format"`
	StatusOn   string  `json:"status_on"`
	Agreements []lsRow `json:"agreements"`
	LeftOut    int     `json:"left_out"` // files with errors, not listed
}

// lsRow is one agreement the listing shows.
type lsRow struct {
	File    string   `json:"file"`
	ID      string   `json:"id"`
	Version string   `json:"version,omitzero"`
	Kind    string   `json:"kind"`
	Parties []string `json:"parties"`
	Status  string   `json:"status"`
	Title   string   `json:"title"`
}

// knownParty reports whether code names a country (ISO 3166-1), a former
// country (ISO 3166-3), an organisation of the registry, or a party of one
// of the set's agreements.
func knownParty(set *agreement.Set, code string) bool {
	if _, ok := parties.LookupCountry(code); ok {
		return true
	}
	if _, ok := parties.LookupFormer(code); ok {
		return true
	}
	if _, ok := parties.LookupOrganisation(code); ok {
		return true
	}
	for _, doc := range set.Documents {
		if doc.Agreement != nil && doc.Agreement.Involves(code) {
			return true
		}
	}
	return false
}

// partyPredecessor reports whether a former country that code succeeded
// was a party to the agreement on day.
func partyPredecessor(a *agreement.Agreement, code string, day agreement.Date) bool {
	for _, f := range parties.Predecessors(code) {
		if a.IsPartyOn(f.Alpha4, day) {
			return true
		}
	}
	return false
}

// lsSet loads the agreements of a folder, or the one of a file, for their
// models.
func lsSet(path string, cfg *config) (*agreement.Set, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	l := agreement.Loader{ModelsOnly: true, Topics: cfg.taxonomy}
	if !info.IsDir() {
		doc, err := l.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return agreement.NewSet(doc), nil
	}
	return l.ReadFS(os.DirFS(path), ".")
}
