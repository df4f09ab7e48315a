package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/regular"
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
	src, err := regular.ReadFile(path, 1<<20)
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
		case agreement.Rule(id).StopsReading() && sev != "error":
			at(p, agreement.RuleLoadInvalidValue, fmt.Sprintf("%s means a file could not be read; it is always an error and cannot be set to %s", id, sev),
				"remove the setting: a file that cannot be read cannot be checked")
		default:
			cfg.severity[agreement.Rule(id)] = sev
		}
	}
	if cfg.Root != "" {
		if err := cfg.inside(cfg.Root); err != nil {
			at(docpath.Root().Child("root"), agreement.RuleLoadInvalidValue, err.Error(), outsideHint)
		} else if info, err := os.Stat(cfg.path(cfg.Root)); err != nil || !info.IsDir() {
			at(docpath.Root().Child("root"), agreement.RuleLoadInvalidValue, fmt.Sprintf("%s is not a folder", cfg.Root), "")
		}
	}
	for i, t := range cfg.Topics {
		if err := cfg.inside(t); err != nil {
			at(docpath.Root().Child("topics").Index(i), agreement.RuleLoadInvalidValue, err.Error(), outsideHint)
			continue
		}
		tsrc, err := regular.ReadFile(cfg.path(t), agreement.DefaultMaxBytes)
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
	return cfg, ds.Capped(path), nil
}

const outsideHint = "write a path relative to the configuration's folder, inside its repository"

// inside checks that a path the configuration names stays inside the
// configuration's repository (the nearest folder above it that holds
// .git), or its folder when it is in none: a configuration is read in CI
// from a pull request, and must not make the command read, and quote,
// files beyond the repository, such as ~/.git-credentials. A symbolic
// link is followed to where it leads.
func (c *config) inside(p string) error {
	if filepath.IsAbs(p) || filepath.VolumeName(p) != "" {
		return fmt.Errorf("%s is an absolute path; the configuration names files of its repository, relative to its folder", p)
	}
	bound := c.boundary()
	target := c.path(p)
	if !within(bound, target) {
		return fmt.Errorf("%s leads out of %s", p, bound)
	}
	if real, err := filepath.EvalSymlinks(target); err == nil {
		realBound, err := filepath.EvalSymlinks(bound)
		if err != nil || !within(realBound, real) {
			return fmt.Errorf("%s is a link that leads out of %s", p, bound)
		}
	}
	return nil
}

// boundary is the folder the configuration's paths must stay in: its
// repository's top, or else its own folder.
func (c *config) boundary() string {
	dir, err := filepath.Abs(c.dir)
	if err != nil {
		return c.dir
	}
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// within reports whether path lies in the folder dir (or is it).
func within(dir, path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, abs)
	return err == nil && filepath.IsLocal(rel)
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
			continue
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
		src, _ := regular.ReadFile(path, 1<<20)
		for _, d := range ds {
			// Only the configuration's own lines are shown: a finding of a
			// taxonomy file it names has its file, line and column.
			var lines []byte
			if d.File == path {
				lines = src
			}
			writeText(c.Stderr, lines, d, false)
		}
		fmt.Fprintf(c.Stderr, "entente %s: the configuration %s has problems\n", cmd, path)
		return nil, false
	}
	return cfg, true
}
