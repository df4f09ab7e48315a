package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/entente-go/entente/agreement"
)

// writeSARIF prints the findings as a SARIF 2.1.0 log, for code scanning:
// one run, the rule catalogue as the driver's rules, and each finding a
// result with its region.
func writeSARIF(w io.Writer, r result, getwd func() (string, error)) error {
	type text struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	type config struct {
		Level string `json:"level"`
	}
	type rule struct {
		ID                   string `json:"id"`
		ShortDescription     text   `json:"shortDescription"`
		FullDescription      text   `json:"fullDescription"`
		Help                 text   `json:"help"`
		HelpURI              string `json:"helpUri"`
		DefaultConfiguration config `json:"defaultConfiguration"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	type artifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           *region  `json:"region,omitempty"`
	}
	type location struct {
		ID               int      `json:"id,omitempty"`
		PhysicalLocation physical `json:"physicalLocation"`
		Message          *text    `json:"message,omitempty"`
	}
	type resultT struct {
		RuleID           string     `json:"ruleId"`
		RuleIndex        int        `json:"ruleIndex"`
		Level            string     `json:"level"`
		Message          text       `json:"message"`
		Locations        []location `json:"locations"`
		RelatedLocations []location `json:"relatedLocations,omitempty"`
	}
	rules := agreement.Rules()
	index := map[agreement.Rule]int{}
	var ruleList []rule
	for i, r := range rules {
		index[r] = i
		level := "error"
		if r.Severity() == agreement.SeverityWarning {
			level = "warning"
		}
		ruleList = append(ruleList, rule{
			ID:                   string(r),
			ShortDescription:     text{Text: shortDoc(r.Doc())},
			FullDescription:      text{Text: r.Doc()},
			Help:                 text{Text: r.Doc() + " See " + ruleHelpURI(r), Markdown: fmt.Sprintf("`%s`: %s [More](%s)", r, r.Doc(), ruleHelpURI(r))},
			HelpURI:              ruleHelpURI(r),
			DefaultConfiguration: config{Level: level},
		})
	}
	place := func(f finding, pos agreement.Position, end int) physical {
		loc := physical{ArtifactLocation: artifact{URI: sarifURI(f.File), URIBaseID: "SRCROOT"}}
		if pos.IsValid() {
			loc.Region = &region{StartLine: pos.Line, StartColumn: pos.Column}
			if end > pos.Column {
				loc.Region.EndLine, loc.Region.EndColumn = pos.Line, end
			}
		}
		return loc
	}
	results := []resultT{}
	for _, f := range r.findings[:r.shown] {
		level := "error"
		if f.Severity == agreement.SeverityWarning {
			level = "warning"
		}
		msg := f.Message
		if f.Hint != "" {
			msg += " (" + f.Hint + ")"
		}
		res := resultT{RuleID: string(f.Rule), RuleIndex: index[f.Rule], Level: level,
			Message: text{Text: msg}, Locations: []location{{PhysicalLocation: place(f, f.Position, f.end)}}}
		for i, rel := range f.Related {
			if rel.IsValid() {
				res.RelatedLocations = append(res.RelatedLocations, location{ID: i + 1, PhysicalLocation: place(f, rel.Position, f.relatedEnds[i]), Message: &text{Text: rel.Message}})
			}
		}
		results = append(results, res)
	}
	run := map[string]any{
		"tool": map[string]any{"driver": map[string]any{
			"name":           "entente",
			"informationUri": "https://github.com/entente-go/entente",
			"version":        version(),
			"rules":          ruleList,
		}},
		"results": results,
	}
	if getwd != nil {
		if wd, err := getwd(); err == nil {
			run["originalUriBaseIds"] = map[string]any{"SRCROOT": map[string]string{
				"uri": (&url.URL{Scheme: "file", Path: filepath.ToSlash(wd) + "/"}).String()}}
		}
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs":    []any{run},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// shortDoc is a rule's doc line to its first colon or full stop: a few
// words for a list of rules.
func shortDoc(doc string) string {
	if i := strings.IndexAny(doc, ":;."); i > 0 {
		return doc[:i]
	}
	return doc
}

// sarifURI writes a path as a URI reference relative to SRCROOT: slashes,
// each segment percent-encoded.
func sarifURI(path string) string {
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
