package diff

import (
	"encoding/json"
	"fmt"
	"github.com/entente-go/entente/agreement"
	"io"
	"slices"
	"strings"
)

// FormatVersion versions the JSON that WriteJSON writes. It changes
// when a field changes meaning or goes away; new fields may appear
// without a change.
const FormatVersion = "entente.diff/v2"

// WriteJSON writes the change set as JSON for programs:
//
//	{"format": "entente.diff/v2",
//	 "old": {"file", "id", "label"}, "new": {...}, "summary": {...},
//	 "changes": [{"path", "steps", "op", "class", "impact", "note",
//	              "old", "new", "words", "old_pos", "new_pos"}, ...]}
//
// "old" and "new" of a change are JSON values; "words" is a list of
// {"op": "=" | "-" | "+", "text"}; positions are {"line", "column"}.
// Version 2 (from v1): "severity" is "impact", the sides name their file,
// id and label, and the summary is data (dates, modalities and profile
// flags as values, not sentences).
func (cs *ChangeSet) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Format string `json:"format"`
		*ChangeSet
	}{FormatVersion, cs})
}

func changes(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

func counts(s Summary) string {
	var parts []string
	for _, im := range []Impact{ImpactMajor, ImpactMinor, ImpactPatch, ImpactNone} {
		if n := s.Counts[im]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, im))
		}
	}
	return strings.Join(parts, ", ")
}

// summaryLines puts a summary in words, one line a fact.
func summaryLines(s Summary) []string {
	var out []string
	if len(s.PartiesAdded) > 0 {
		out = append(out, "parties added: "+strings.Join(s.PartiesAdded, ", "))
	}
	if len(s.PartiesRemoved) > 0 {
		out = append(out, "parties removed: "+strings.Join(s.PartiesRemoved, ", "))
	}
	if s.TermChanged {
		out = append(out, "the term changed")
	}
	for _, d := range s.Dates {
		out = append(out, fmt.Sprintf("%s: %s → %s", dateWords[d.Date], orNone(d.Old), orNone(d.New)))
	}
	if s.CommitmentsAdded > 0 {
		out = append(out, fmt.Sprintf("commitments added: %d", s.CommitmentsAdded))
	}
	if s.CommitmentsRemoved > 0 {
		out = append(out, fmt.Sprintf("commitments removed: %d", s.CommitmentsRemoved))
	}
	for _, m := range s.Strengthened {
		out = append(out, fmt.Sprintf("strengthened: %s: %s", m.Path, modalityNote(m.Old, m.New)))
	}
	for _, m := range s.Weakened {
		out = append(out, fmt.Sprintf("weakened: %s: %s", m.Path, modalityNote(m.Old, m.New)))
	}
	for _, f := range s.Profile {
		out = append(out, fmt.Sprintf("security profile: %s: %s → %s", strings.ReplaceAll(f.Flag, "-", " "), yesNo(f.Old), yesNo(f.New)))
	}
	return out
}

// dateWords name the dates of the summary. The end of the initial term
// is its first day out, as show says it: the agreement is in force
// through the day before (the questions' last day).
var dateWords = map[string]string{"signature": "signature", "entry-into-force": "entry into force", "initial-term-end": "initial term ends (in force through the day before)"}

func orNone(d agreement.Date) string {
	if d.IsZero() {
		return "none"
	}
	return d.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// brief renders a value for one line: scalars as they are, a mapping by
// its id, title or first field.
func brief(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return clip(v, 80)
	case bool:
		return fmt.Sprint(v)
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, brief(x))
		}
		return clip("["+strings.Join(parts, ", ")+"]", 80)
	case map[string]any:
		for _, k := range []string{"id", "name", "topic", "event", "title", "kind"} {
			if s, ok := v[k].(string); ok {
				extra := ""
				if d, ok := v["date"].(string); ok && k == "event" {
					extra = " on " + d
				}
				if h, ok := v["heading"].(string); ok {
					extra = ": " + h
				}
				return clip(s+extra, 80)
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+": "+brief(v[k]))
		}
		return clip("{"+strings.Join(parts, ", ")+"}", 80)
	}
	return fmt.Sprint(v)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func (c Change) what() string {
	switch c.Op {
	case OpAdded:
		return "added " + brief(c.New)
	case OpRemoved:
		return "removed " + brief(c.Old)
	case OpMoved:
		return "moved"
	}
	if c.Words != nil {
		return "reworded"
	}
	return fmt.Sprintf("%s → %s", brief(c.Old), brief(c.New))
}

// WriteText writes the change set for a terminal: a summary, then one
// line per change with its severity, class and path, and word diffs in
// the style of git's --word-diff ([-old-]{+new+}). It uses no colour:
// colour is for the command to add.
func (cs *ChangeSet) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	if cs.Empty() {
		ew.printf("%s → %s: no changes\n", cs.Old.Name(), cs.New.Name())
		return ew.err
	}
	shown := cs.shown()
	ew.printf("%s → %s: %s (%s)\n", cs.Old.Name(), cs.New.Name(), changes(len(shown)), counts(cs.Summary))
	if lines := summaryLines(cs.Summary); len(lines) > 0 {
		ew.printf("\nSummary\n")
		for _, l := range lines {
			ew.printf("  %s\n", l)
		}
	}
	ew.printf("\nChanges\n")
	for _, c := range shown {
		ew.printf("  %-5s %-10s %s: %s", c.Impact, c.Class, c.Path, c.what())
		if c.Note != "" {
			ew.printf(" (%s)", c.Note)
		}
		ew.printf("\n")
		if c.Words != nil {
			var b strings.Builder
			for _, o := range c.Words {
				switch o.Op {
				case "-":
					b.WriteString("[-" + o.Text + "-]")
				case "+":
					b.WriteString("{+" + o.Text + "+}")
				default:
					b.WriteString(o.Text)
				}
			}
			ew.printf("        %s\n", strings.ReplaceAll(b.String(), "\n", "\n        "))
		}
	}
	return ew.err
}

// WriteMarkdown writes the change set for a pull-request comment: a
// summary list and a table of changes, the major ones first, with word
// diffs as ~~deleted~~ and **inserted** text.
func (cs *ChangeSet) WriteMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("### %s → %s\n\n", mdEscape(cs.Old.Name()), mdEscape(cs.New.Name()))
	if cs.Empty() {
		ew.printf("No changes.\n")
		return ew.err
	}
	shown := cs.shown()
	ew.printf("%s: %s.\n\n", changes(len(shown)), counts(cs.Summary))
	for _, l := range summaryLines(cs.Summary) {
		ew.printf("- %s\n", mdEscape(l))
	}
	ew.printf("\n| impact | class | where | change |\n|---|---|---|---|\n")
	for _, im := range []Impact{ImpactMajor, ImpactMinor, ImpactPatch, ImpactNone} {
		for _, c := range shown {
			if c.Impact != im {
				continue
			}
			what := mdEscape(c.what())
			if c.Words != nil {
				var b strings.Builder
				for _, o := range c.Words {
					t := mdEscape(strings.Join(strings.Fields(o.Text), " "))
					if strings.TrimSpace(o.Text) == "" {
						b.WriteString(" ")
						continue
					}
					switch o.Op {
					case "-":
						b.WriteString("~~" + t + "~~")
					case "+":
						b.WriteString("**" + t + "**")
					default:
						b.WriteString(t)
					}
				}
				what = b.String()
			}
			if c.Note != "" {
				what += " (" + mdEscape(c.Note) + ")"
			}
			ew.printf("| %s | %s | `%s` | %s |\n", c.Impact, c.Class, strings.ReplaceAll(c.Path.String(), "`", "'"), what)
		}
	}
	return ew.err
}

// shown returns the changes a reader is shown: all but the closings of
// lists whose elements are shown removed.
func (cs *ChangeSet) shown() []Change {
	closing := closings(cs.Changes)
	var out []Change
	for i, c := range cs.Changes {
		if !closing[i] {
			out = append(out, c)
		}
	}
	return out
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "'", "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
