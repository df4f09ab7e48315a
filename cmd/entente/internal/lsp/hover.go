package lsp

import (
	"fmt"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/lang"
	"github.com/entente-go/entente/parties"
	"github.com/entente-go/entente/topics"
)

// hover returns what the hover over pos shows, in Markdown, and the
// columns of the word it is about; "" when there is nothing to say.
func (s *server) hover(m *model, pos agreement.Position) (text string, start, end int) {
	if p, ok := m.at(pos); ok {
		return s.describe(m, p), p.start.Column, p.end
	}
	path, at, onKey, ok := m.doc.At(pos)
	if !ok {
		return "", 0, 0
	}
	end = m.t.tokenEnd(at)
	if onKey {
		last, _ := path.Last()
		if d := description(path); d != "" {
			return fmt.Sprintf("**%s**: %s", last.Name, d), at.Column, end
		}
		return "", 0, 0
	}
	word := strings.Trim(m.t.slice(m.t.span(at.Line, at.Column, end)), `"'`)
	if v, ok := vocabularyAt(s.vocabularies, path); ok {
		for _, w := range v.Words {
			if w.Value == word {
				text = fmt.Sprintf("**%s**: %s\n\n*%s*", w.Value, w.Doc, v.Name)
				if v.Name == "kind of commitment" {
					text += "\n\n" + profileNote(agreement.CommitmentKind(w.Value))
				}
				return text, at.Column, end
			}
		}
		return "", 0, 0
	}
	if d, err := agreement.ParseDate(word); err == nil && datePattern() != nil && schemaAt(path)["pattern"] == datePattern() {
		return dateNote(d), at.Column, end
	}
	if d, err := agreement.ParseDuration(word); err == nil && strings.HasPrefix(word, "P") {
		return fmt.Sprintf("%s: %s", word, d.Words()), at.Column, end
	}
	return "", 0, 0
}

// datePattern is the schema's pattern of a date: that of a version's
// date, which every date field shares.
func datePattern() any { return schemaAt(docpath.Root().Child("version").Child("date"))["pattern"] }

// describe says what a ref names.
func (s *server) describe(m *model, p place) string {
	a := m.doc.Agreement
	switch p.Kind {
	case agreement.RefCountry:
		return countryNote(p.ID)
	case agreement.RefLanguage:
		if name, ok := lang.Name(p.ID); ok {
			return fmt.Sprintf("**%s** (`%s`), ISO 639-1", name, p.ID)
		}
	case agreement.RefOrganisation:
		if o, ok := parties.LookupOrganisation(p.ID); ok {
			return organisationNote(o)
		}
	case agreement.RefTopic:
		return topicNote(s.taxonomy(), p.ID)
	case agreement.RefParty:
		for _, party := range a.Parties {
			if party.ID == p.ID {
				return partyNote(party)
			}
		}
	case agreement.RefClause:
		if c, ok := a.Clause(p.ID); ok {
			return clauseNote(c)
		}
	case agreement.RefSource:
		for _, src := range a.Sources {
			if src.ID == p.ID {
				return sourceNote(src)
			}
		}
	case agreement.RefAgreement:
		if p.Def {
			return agreementNote(a, m.doc.Name)
		}
		for _, d := range s.setDocs() {
			if d.Header.ID == p.ID {
				if d.Agreement != nil {
					return agreementNote(d.Agreement, d.Name)
				}
				return fmt.Sprintf("agreement `%s`, in %s", p.ID, d.Name)
			}
		}
		return fmt.Sprintf("agreement `%s`: no file of the set has it", p.ID)
	}
	return fmt.Sprintf("%s `%s`: not found", p.Kind, p.ID)
}

func countryNote(code string) string {
	if c, ok := parties.LookupCountry(code); ok && len(code) == 2 {
		text := fmt.Sprintf("**%s** (%s, %s, %s)", c.Name, c.Alpha2, c.Alpha3, c.Numeric)
		if c.OfficialName != "" && c.OfficialName != c.Name {
			text += "\n\n" + c.OfficialName
		}
		if pre := parties.Predecessors(code); len(pre) > 0 {
			var names []string
			for _, f := range pre {
				names = append(names, fmt.Sprintf("%s (%s)", f.Name, f.Alpha4))
			}
			text += "\n\nSuccessor of " + strings.Join(names, ", ")
		}
		return text
	}
	if f, ok := parties.LookupFormer(code); ok {
		when := "in " + f.Withdrawn
		if len(f.Withdrawn) > len("2006") {
			when = "on " + f.Withdrawn
		}
		text := fmt.Sprintf("**%s** (%s; alpha-2 %s): a state that no longer exists; ISO 3166-3 withdrew its code %s", f.Name, f.Alpha4, f.Alpha2, when)
		if len(f.Successors) > 0 {
			var names []string
			for _, s := range f.Successors {
				name, _ := parties.CountryName(s)
				names = append(names, fmt.Sprintf("%s (%s)", name, s))
			}
			text += "\n\nSuccessors: " + strings.Join(names, ", ")
		}
		if f.Comment != "" {
			text += "\n\n" + f.Comment
		}
		return text
	}
	return fmt.Sprintf("`%s` is not an ISO 3166 country code", code)
}

func organisationNote(o parties.Organisation) string {
	text := fmt.Sprintf("**%s** (`%s`)", o.Name, o.Code)
	if o.Founded != "" {
		text += ", founded " + o.Founded
	}
	if o.Dissolved != "" {
		text += ", dissolved " + o.Dissolved + " (an agreement it served may stay in force)"
	}
	if len(o.Members) > 0 {
		var ms []string
		for _, mb := range o.Members {
			name, _ := parties.CountryName(mb.Country)
			if mb.Joined != "" {
				name += " (" + mb.Joined + ")"
			}
			ms = append(ms, name)
		}
		text += "\n\nMembers: " + strings.Join(ms, ", ")
	}
	if o.Source != "" {
		text += "\n\nSource: " + o.Source
	}
	return text
}

func topicNote(tax *topics.Taxonomy, code string) string {
	t, ok := tax.Lookup(code)
	if !ok {
		return fmt.Sprintf("`%s` is not a topic of the taxonomy", code)
	}
	text := fmt.Sprintf("**%s** (`%s`)", t.Label, t.Code)
	if t.Description != "" {
		text += ": " + t.Description
	}
	if parent, ok := tax.Parent(code); ok {
		text += fmt.Sprintf("\n\nWithin %s (`%s`)", parent.Label, parent.Code)
	}
	return text
}

func partyNote(p agreement.Party) string {
	text := fmt.Sprintf("party `%s`: **%s**, %s", p.ID, p.DisplayName(), p.Kind)
	if p.Country != "" {
		text += " (" + p.Country + ")"
	}
	if p.Organisation != "" {
		text += " (" + p.Organisation + ")"
	}
	if len(p.Roles) > 0 {
		var roles []string
		for _, r := range p.Roles {
			roles = append(roles, string(r))
		}
		text += "\n\nRoles: " + strings.Join(roles, ", ")
	}
	return text
}

func clauseNote(c agreement.ClauseRef) string {
	text := "**" + c.Label + "**" // Article 3(3), or the clause "Heading"
	if c.Clause.Heading != "" && c.Clause.Num != "" {
		text += ": " + c.Clause.Heading
	}
	if c.Clause.Summary != "" {
		text += "\n\n" + c.Clause.Summary
	}
	return text
}

func sourceNote(s agreement.Source) string {
	text := fmt.Sprintf("source `%s`: **%s**", s.ID, s.Title)
	if s.Publisher != "" {
		text += ", " + s.Publisher
	}
	if !s.Date.IsZero() {
		text += ", " + s.Date.String()
	}
	if s.URL != "" {
		text += "\n\n" + s.URL
	}
	return text
}

func agreementNote(a *agreement.Agreement, name string) string {
	text := fmt.Sprintf("**%s** (`%s`)", a.Title, a.ID)
	if a.Version.Label != "" {
		text += ", version " + a.Version.Label
	}
	if a.Kind != "" {
		text += ", a " + string(a.Kind)
	}
	return text + "\n\nin " + name
}

// profileNote says what a commitment of kind k means for the security
// profile.
func profileNote(k agreement.CommitmentKind) string {
	flag := k.ProfileFlag()
	switch {
	case flag == "":
		return "Sets no obligation of the security profile: working together is not an obligation to fight or to stand aside."
	case flag.MilitaryAlliance():
		return fmt.Sprintf("Security profile: a %s obligation (ATOP), when its modality binds (shall, shall-not, will-strive); it makes the agreement a military alliance.", flag)
	}
	return fmt.Sprintf("Security profile: a %s obligation (ATOP), when its modality binds (shall, shall-not, will-strive); not one of a military alliance.", flag)
}

// dateNote says what span of days a date stands for.
func dateNote(d agreement.Date) string {
	var what string
	switch d.Precision() {
	case agreement.YearPrecision:
		what = "a year"
	case agreement.MonthPrecision:
		what = "a month"
	default:
		what = "a day"
	}
	first, last := d.First().Format("2006-01-02"), d.Last().Format("2006-01-02")
	text := fmt.Sprintf("%s: %s to %s", what, first, last)
	if first == last {
		text = fmt.Sprintf("%s: %s", what, first)
	}
	switch {
	case d.Approximate && d.Uncertain:
		text += ", approximate and uncertain"
	case d.Approximate:
		text += ", approximate"
	case d.Uncertain:
		text += ", uncertain"
	}
	return text
}
