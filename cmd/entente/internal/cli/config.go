package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/topics"
)

// ConfigName is the file the command reads its settings from, found in
// the working directory or the nearest folder above it.
const ConfigName = ".entente.yaml"

// config is .entente.yaml:
//
//	include: ["agreements/**/*.yaml"]  # the files a folder brings (default: every YAML and JSON file)
//	exclude: ["agreements/drafts/**"]  # files left out, however they were named
//	root: agreements                   # the whole set, to resolve references when given only some files
//	rules: {value.empty: "off", clause.gap: error}   # a severity for a rule: off, warning or error
//	topics: [taxonomy/space.yaml]      # taxonomies on top of the built-in one
//	date: "2026-03-01"                 # the day show and ls answer for when none is given
//
// Paths and globs are relative to the folder of the file.
type config struct {
	Include []string          `json:"include"`
	Exclude []string          `json:"exclude"`
	Root    string            `json:"root"`
	Rules   map[string]string `json:"rules"`
	Topics  []string          `json:"topics"`
	Date    agreement.Date    `json:"date"`

	dir      string           // the folder of the file
	taxonomy *topics.Taxonomy // built from Topics
	severity map[agreement.Rule]string
}

// findConfig returns the path of the configuration: the one given, or the
// nearest .entente.yaml from the working directory up; "" for none.
func findConfig(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", nil
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig reads and checks the configuration at path (none: the
// defaults). Its problems are diagnostics at their lines.
func loadConfig(path string) (*config, agreement.Diagnostics, error) {
	cfg := &config{}
	if path == "" {
		return cfg, nil, nil
	}
	src, err := readLimited(path, 1<<20)
	if err != nil {
		return nil, nil, err
	}
	ds, lookup := agreement.DecodeYAML(path, src, cfg)
	cfg.dir = filepath.Dir(path)
	at := func(p docpath.Path, rule agreement.Rule, msg, hint string) {
		d := agreement.Diagnostic{File: path, Path: p, Rule: rule, Severity: agreement.SeverityError, Message: msg, Hint: hint}
		if span, ok := lookup(p); ok {
			d.Position = span.Value
		}
		ds = append(ds, d)
	}
	for i, pattern := range append(slices.Clone(cfg.Include), cfg.Exclude...) {
		field, j := "include", i
		if i >= len(cfg.Include) {
			field, j = "exclude", i-len(cfg.Include)
		}
		if _, err := globRegexp(pattern); err != nil {
			at(docpath.Root().Child(field).Index(j), agreement.RuleLoadInvalidValue, err.Error(), "")
		}
	}
	cfg.severity = map[agreement.Rule]string{}
	for id, sev := range cfg.Rules {
		p := docpath.Root().Child("rules").Child(id)
		switch {
		case agreement.Rule(id).Doc() == "":
			at(p, agreement.RuleLoadInvalidValue, fmt.Sprintf("%q is not a rule", id), "entente rules lists them")
		case sev != "off" && sev != "warning" && sev != "error":
			at(p, agreement.RuleLoadInvalidValue, fmt.Sprintf("%q is not a severity", sev), "write off, warning or error")
		default:
			cfg.severity[agreement.Rule(id)] = sev
		}
	}
	if cfg.Root != "" {
		if info, err := os.Stat(cfg.path(cfg.Root)); err != nil || !info.IsDir() {
			at(docpath.Root().Child("root"), agreement.RuleLoadInvalidValue, fmt.Sprintf("%s is not a folder", cfg.Root), "")
		}
	}
	for i, t := range cfg.Topics {
		tsrc, err := readLimited(cfg.path(t), agreement.DefaultMaxBytes)
		if err != nil {
			at(docpath.Root().Child("topics").Index(i), agreement.RuleLoadInvalidValue, err.Error(), "")
			continue
		}
		base := cfg.taxonomy
		if base == nil {
			base = topics.Builtin()
		}
		tax, tds := agreement.ReadTaxonomy(base, cfg.path(t), tsrc)
		ds = append(ds, tds...)
		if tax != nil {
			cfg.taxonomy = tax
		}
	}
	if !cfg.Date.IsZero() && cfg.Date.Precision() != agreement.DayPrecision {
		at(docpath.Root().Child("date"), agreement.RuleLoadInvalidValue, fmt.Sprintf("%s is not a full date", cfg.Date), "write YYYY-MM-DD")
	}
	ds.Sort()
	return cfg, ds, nil
}

// path resolves a path of the configuration against its folder.
func (c *config) path(p string) string {
	if filepath.IsAbs(p) || c.dir == "" {
		return p
	}
	return filepath.Join(c.dir, p)
}

// keeps reports whether a file a folder brought is to be checked: it
// matches an include (when there are any) and no exclude.
func (c *config) keeps(file string, walked bool) bool {
	rel := file
	if c.dir != "" {
		if abs, err := filepath.Abs(file); err == nil {
			if dirAbs, err := filepath.Abs(c.dir); err == nil {
				if r, err := filepath.Rel(dirAbs, abs); err == nil {
					rel = r
				}
			}
		}
	}
	rel = filepath.ToSlash(rel)
	match := func(patterns []string) bool {
		return slices.ContainsFunc(patterns, func(p string) bool {
			re, err := globRegexp(p)
			return err == nil && re.MatchString(rel)
		})
	}
	if match(c.Exclude) {
		return false
	}
	return !walked || len(c.Include) == 0 || match(c.Include)
}

// apply sets the severities the configuration gives rules, and drops the
// findings of rules it turns off.
func (c *config) apply(ds agreement.Diagnostics) agreement.Diagnostics {
	if len(c.severity) == 0 {
		return ds
	}
	kept := ds[:0]
	for _, d := range ds {
		switch c.severity[d.Rule] {
		case "off":
			if d.Rule != agreement.RuleSyntax && !strings.HasPrefix(string(d.Rule), "load.too-") {
				continue // nothing turns off a finding that stops a file being read
			}
		case "warning":
			d.Severity = agreement.SeverityWarning
		case "error":
			d.Severity = agreement.SeverityError
		}
		kept = append(kept, d)
	}
	return kept
}

// configFor finds and loads the configuration for a command, printing its
// problems; false when it has any.
func (c Command) configFor(cmd, given string) (*config, bool) {
	path, err := findConfig(given)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente %s: %v\n", cmd, err)
		return nil, false
	}
	cfg, ds, err := loadConfig(path)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente %s: %v\n", cmd, err)
		return nil, false
	}
	if len(ds) > 0 {
		src, _ := os.ReadFile(path)
		for _, d := range ds {
			writeText(c.Stderr, src, d, false)
		}
		fmt.Fprintf(c.Stderr, "entente %s: the configuration %s has problems\n", cmd, path)
		return nil, false
	}
	return cfg, true
}
