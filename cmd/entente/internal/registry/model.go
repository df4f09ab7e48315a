package registry

import (
	"strings"

	"github.com/entente-go/entente/agreement"
)

// model makes the tables of the agreements as written (files, parties,
// clauses, commitments, events, sources) and the spells of their parties,
// and returns their producer. The spells of pairs are written with the
// dyads (runs).
func (w *writer) model(as []*agreement.Agreement, files Files) func() {
	text, integer := "TEXT", "INTEGER"
	fileRows := w.create("files", [][2]string{{"agreement", text}, {"version", text}, {"file", text}})
	partyRows := w.create("parties", [][2]string{{"agreement", text}, {"party", text}, {"kind", text}, {"country", text}, {"organisation", text},
		{"name", text}, {"roles", text}})
	clauseRows := w.create("clauses", [][2]string{{"agreement", text}, {"clause", text}, {"parent", text}, {"num", text}, {"heading", text},
		{"summary", text}, {"topics", text}})
	commitmentRows := w.create("commitments", [][2]string{{"agreement", text}, {"clause", text}, {"n", integer}, {"modality", text}, {"by_party", text},
		{"kind", text}, {"towards", text}, {"trigger", text}, {"action", text}, {"scope", text}, {"condition", text}, {"obligation", text}, {"binding", integer}})
	eventRows := w.create("events", [][2]string{{"agreement", text}, {"n", integer}, {"date", text}, {"event", text}, {"party", text},
		{"towards", text}, {"successor", text}, {"id", text}, {"report_of", text}, {"preferred", integer}, {"contested", integer}, {"place", text},
		{"note", text}, {"sources", text}})
	sourceRows := w.create("sources", [][2]string{{"agreement", text}, {"source", text}, {"title", text}, {"publisher", text}, {"date", text}, {"url", text}})
	spellRows := w.create("spells", [][2]string{{"agreement", text}, {"party", text}, {"n", integer}, {"state", text}, {"from_date", text},
		{"from_at_latest", integer}, {"basis", text}, {"contested", integer}, {"sources", text}})
	return func() {
		w.modelRows(as, files, fileRows, partyRows, clauseRows, commitmentRows, eventRows, sourceRows, spellRows)
	}
}

func (w *writer) modelRows(as []*agreement.Agreement, files Files, fileRows, partyRows, clauseRows, commitmentRows, eventRows, sourceRows, spellRows *inserter) {
	for _, a := range as {
		fileRows.add(a.ID, a.Version.Label, files[a])
		for _, p := range a.Parties {
			var roles []string
			for _, r := range p.Roles {
				roles = append(roles, string(r))
			}
			partyRows.add(a.ID, p.ID, string(p.Kind), p.Country, p.Organisation, p.DisplayName(), strings.Join(roles, "; "))
		}
		var walk func(cs []agreement.Clause, parent string)
		walk = func(cs []agreement.Clause, parent string) {
			for _, c := range cs {
				clauseRows.add(a.ID, c.ID, parent, c.Num, c.Heading, c.Summary, strings.Join(c.Topics, "; "))
				for i, cm := range c.Commitments {
					triggers := []string{string(cm.Trigger)}
					for _, t := range cm.Triggers {
						triggers = append(triggers, string(t))
					}
					commitmentRows.add(a.ID, c.ID, i, string(cm.Modality), cm.By, string(cm.Kind), cm.Towards, strings.Trim(strings.Join(triggers, "; "), "; "),
						cm.Action, cm.Scope, cm.Condition, string(cm.Kind.ProfileFlag()), flag(cm.Modality.Binding()))
				}
				walk(c.Clauses, c.ID)
			}
		}
		walk(a.Clauses, "")
		for i, e := range a.Timeline {
			eventRows.add(a.ID, i, e.Date.String(), string(e.Event), e.Party, e.Towards, e.Successor, e.ID, e.ReportOf, flag(e.Preferred), flag(e.Contested),
				e.Place, e.Note, strings.Join(e.Sources, "; "))
		}
		for _, s := range a.Sources {
			sourceRows.add(a.ID, s.ID, s.Title, s.Publisher, s.Date.String(), s.URL)
		}
		life := a.Life()
		for _, p := range a.Parties {
			for i, sp := range life.Spells(p.ID) {
				var sources []string
				for _, e := range sp.Events {
					sources = append(sources, e.Sources...)
				}
				spellRows.add(a.ID, p.ID, i, string(sp.State), sp.From.String(), flag(sp.FromAtLatest), sp.Basis, flag(sp.Contested), strings.Join(sources, "; "))
			}
		}
		if w.stopped.Load() {
			return
		}
	}
}

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
