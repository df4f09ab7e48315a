package cli

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/entente-go/entente/agreement"
)

// writeSARIF prints the findings as a SARIF 2.1.0 log, for code scanning:
// one run, the rule catalogue as the driver's rules, and each finding a
// result with its region.
func writeSARIF(w io.Writer, r result) error {
	type text struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID               string `json:"id"`
		ShortDescription text   `json:"shortDescription"`
		HelpURI          string `json:"helpUri"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	type artifact struct {
		URI string `json:"uri"`
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           *region  `json:"region,omitempty"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type resultT struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   text       `json:"message"`
		Locations []location `json:"locations"`
	}
	rules := agreement.Rules()
	index := map[agreement.Rule]int{}
	var ruleList []rule
	for i, r := range rules {
		index[r] = i
		ruleList = append(ruleList, rule{ID: string(r), ShortDescription: text{r.Doc()},
			HelpURI: "https://github.com/entente-go/entente#rules"})
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
		loc := physical{ArtifactLocation: artifact{URI: filepath.ToSlash(f.File)}}
		if f.IsValid() {
			loc.Region = &region{StartLine: f.Line, StartColumn: f.Column}
		}
		results = append(results, resultT{RuleID: string(f.Rule), RuleIndex: index[f.Rule], Level: level,
			Message: text{msg}, Locations: []location{{loc}}})
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "entente",
				"informationUri": "https://github.com/entente-go/entente",
				"version":        version(),
				"rules":          ruleList,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
