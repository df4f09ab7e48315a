package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/enum"
	"github.com/entente-go/entente/internal/regular"
	"github.com/entente-go/entente/internal/suggest"
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
	wd, err := os.Getwd()
	if err != nil {
		return "", nil
	}
	for dir := wd; ; {
		p := filepath.Join(dir, ConfigName)
		if _, err := os.Stat(p); err == nil {
			// Named from the working directory, as the files are: a
			// finding reads .entente.yaml:3:5, and SARIF's paths are
			// relative.
			if rel, err := filepath.Rel(wd, p); err == nil {
				return rel, nil
			}
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
	// at reports a problem at a value; atKey at the key of a mapping
	// entry (a rule's name).
	report := func(p docpath.Path, onKey bool, msg, hint string) {
		d := agreement.Diagnostic{File: path, Path: p, Rule: agreement.RuleLoadInvalidValue, Severity: agreement.SeverityError, Message: msg, Hint: hint}
		if span, ok := lookup(p); ok {
			d.Position = span.Value
			if onKey && span.Key.IsValid() {
				d.Position = span.Key
			}
		}
		ds = append(ds, d)
	}
	at := func(p docpath.Path, msg, hint string) { report(p, false, msg, hint) }
	atKey := func(p docpath.Path, msg, hint string) { report(p, true, msg, hint) }
	for i, pattern := range append(slices.Clone(cfg.Include), cfg.Exclude...) {
		field, j := "include", i
		if i >= len(cfg.Include) {
			field, j = "exclude", i-len(cfg.Include)
		}
		if _, err := globRegexp(pattern); err != nil {
			at(docpath.Root().Child(field).Index(j), err.Error(), "")
		}
	}
	cfg.severity = map[agreement.Rule]string{}
	for id, sev := range cfg.Rules {
		p := docpath.Root().Child("rules").Child(id)
		switch {
		case agreement.Rule(id).Doc() == "":
			hint := "entente rules lists them"
			if best, ok := suggest.Closest(id, ruleNames()); ok {
				hint = fmt.Sprintf("did you mean %q? (entente rules lists them)", best)
			}
			atKey(p, fmt.Sprintf("%q is not a rule", id), hint)
		case sev != "off" && sev != "warning" && sev != "error":
			at(p, fmt.Sprintf("%q is not a severity", sev), enum.Suggest(sev, []string{"off", "warning", "error"}))
		case agreement.Rule(id).StopsReading() && sev != "error":
			atKey(p, fmt.Sprintf("%s means a file could not be read; it is always an error and cannot be set to %s", id, sev),
				"remove the setting: a file that cannot be read cannot be checked")
		default:
			cfg.severity[agreement.Rule(id)] = sev
		}
	}
	if cfg.Root != "" {
		if err := cfg.inside(cfg.Root); err != nil {
			at(docpath.Root().Child("root"), err.Error(), outsideHint)
		} else if info, err := os.Stat(cfg.path(cfg.Root)); err != nil || !info.IsDir() {
			at(docpath.Root().Child("root"), fmt.Sprintf("%s is not a folder", cfg.Root), "")
		}
	}
	for i, t := range cfg.Topics {
		if err := cfg.inside(t); err != nil {
			at(docpath.Root().Child("topics").Index(i), err.Error(), outsideHint)
			continue
		}
		tsrc, err := regular.ReadFile(cfg.path(t), agreement.DefaultMaxBytes)
		if err != nil {
			at(docpath.Root().Child("topics").Index(i), err.Error(), "")
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
		at(docpath.Root().Child("date"), fmt.Sprintf("%s is not a full date", cfg.Date), "write YYYY-MM-DD")
	}
	ds.Sort()
	return cfg, ds.Capped(path), nil
}

// ruleNames lists the rules' ids, for a did-you-mean.
func ruleNames() []string {
	var names []string
	for _, r := range agreement.Rules() {
		names = append(names, string(r))
	}
	return names
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

// setRoot returns the folder whose agreements are the set that the files
// of a run on paths are checked with (their references resolved, their
// ids compared): the configuration's root: when it names one; else, when
// the paths are files only (a pre-commit hook passes the staged files),
// the configuration's folder, or with no configuration the git repository
// that holds the first of them; else none ("").
func (c *config) setRoot(paths []string) string {
	if c.Root != "" {
		return c.path(c.Root)
	}
	if len(paths) == 0 {
		return ""
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			return ""
		}
	}
	if c.dir != "" {
		return c.dir
	}
	first, err := filepath.Abs(paths[0])
	if err != nil {
		return ""
	}
	top, ok := gitTop(filepath.Dir(first))
	if !ok {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, top); err == nil {
			return rel // named from the working directory, as the files given are
		}
	}
	return top
}

// boundary is the folder the configuration's paths must stay in: its
// repository's top, or else its own folder.
func (c *config) boundary() string {
	dir, err := filepath.Abs(c.dir)
	if err != nil {
		return c.dir
	}
	if top, ok := gitTop(dir); ok {
		return top
	}
	return dir
}

// gitTop returns the nearest folder at or above dir (absolute) that holds
// .git: the top of the repository dir is in.
func gitTop(dir string) (string, bool) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
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
// problems (coloured with paint); false when it has any.
func (c Command) configFor(cmd, given string, paint bool) (*config, bool) {
	cfg, problems, ok := c.readConfig(cmd, given)
	if problems != nil {
		problems.writeText(c.Stderr, paint)
		c.configFailed(cmd, problems)
	}
	return cfg, ok
}

// writeText writes the findings as validate's text format does.
func (p *configProblems) writeText(w io.Writer, paint bool) {
	for _, f := range p.findings {
		writeText(w, f.src, f.Diagnostic, paint)
	}
}

// configProblems are the findings of a configuration that has problems,
// each with the lines to show it with.
type configProblems struct {
	path     string
	findings []configFinding
}

type configFinding struct {
	agreement.Diagnostic
	src []byte // the configuration's text, or nil for a finding of a file it names
}

// readConfig finds and loads the configuration for a command. A file it
// cannot read is said on stderr; its problems are returned for the
// command to print in its format. ok is false for either.
func (c Command) readConfig(cmd, given string) (*config, *configProblems, bool) {
	path, err := findConfig(given)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente %s: %v\n", cmd, err)
		return nil, nil, false
	}
	cfg, ds, err := loadConfig(path)
	if err != nil {
		fmt.Fprintf(c.Stderr, "entente %s: %v\n", cmd, err)
		return nil, nil, false
	}
	if len(ds) == 0 {
		return cfg, nil, true
	}
	src, _ := regular.ReadFile(path, 1<<20)
	problems := &configProblems{path: path}
	for _, d := range ds {
		// Only the configuration's own lines are shown: a finding of a
		// taxonomy file it names has its file, line and column.
		f := configFinding{Diagnostic: d}
		if d.File == path {
			f.src = src
		}
		problems.findings = append(problems.findings, f)
	}
	return nil, problems, false
}

// configFailed says on stderr that the configuration stops the command.
func (c Command) configFailed(cmd string, problems *configProblems) {
	fmt.Fprintf(c.Stderr, "entente %s: the configuration %s has problems\n", cmd, problems.path)
}
