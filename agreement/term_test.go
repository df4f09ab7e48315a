package agreement_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

func TestDateAdd(t *testing.T) {
	tests := []struct {
		date, dur, want string
		why             string
	}{
		{"2025-10-02", "P20Y", "2045-10-02", "years"},
		{"2025-01-31", "P1M", "2025-02-28", "a month end clamps"},
		{"2024-01-31", "P1M", "2024-02-29", "to the leap day"},
		{"2024-02-29", "P1Y", "2025-02-28", "a leap day plus a year"},
		{"2024-02-29", "P4Y", "2028-02-29", "a leap day plus four years"},
		{"2025-09-02", "P30D", "2025-10-02", "days"},
		{"2024-12-20", "P2W", "2025-01-03", "weeks across a year end"},
		{"2025-11-30", "P1M1D", "2025-12-31", "months, then days"},
		{"2025-01", "P20Y", "2045-01", "a month keeps its precision"},
		{"2025-07", "P30D", "2025-07", "a month plus days stays the month"},
		{"2025-11", "P3M", "2026-02", "a month across a year end"},
		{"2019", "P10Y", "2029", "a year keeps its precision"},
		{"2019", "P18M", "2020", "a year moves by whole years"},
		{"2025-04-21~", "P1Y", "2026-04-21~", "approximate stays approximate"},
		{"2025?", "P5Y", "2030?", "uncertain stays uncertain"},
	}
	for _, tt := range tests {
		got := agreement.MustDate(tt.date).Add(agreement.MustDuration(tt.dur))
		if got.String() != tt.want {
			t.Errorf("%s + %s = %s, want %s (%s)", tt.date, tt.dur, got, tt.want, tt.why)
		}
	}
	subs := []struct{ date, dur, want string }{
		{"2045-10-02", "P1Y", "2044-10-02"},
		{"2025-03-31", "P1M", "2025-02-28"},
		{"2025-01-05", "P10D", "2024-12-26"},
		{"2028-02-29", "P1Y", "2027-02-28"},
	}
	for _, tt := range subs {
		if got := agreement.MustDate(tt.date).Sub(agreement.MustDuration(tt.dur)); got.String() != tt.want {
			t.Errorf("%s - %s = %s, want %s", tt.date, tt.dur, got, tt.want)
		}
	}
}

func TestDateSpans(t *testing.T) {
	tests := []struct {
		date, first, last string
	}{
		{"2025", "2025-01-01", "2025-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2025-02", "2025-02-01", "2025-02-28"},
		{"2025-01-17", "2025-01-17", "2025-01-17"},
	}
	for _, tt := range tests {
		d := agreement.MustDate(tt.date)
		if f, l := agreement.DateOf(d.First()).String(), agreement.DateOf(d.Last()).String(); f != tt.first || l != tt.last {
			t.Errorf("%s spans %s..%s, want %s..%s", tt.date, f, l, tt.first, tt.last)
		}
	}
	before := []struct {
		a, b string
		want bool
	}{
		{"2025-01-17", "2025-04-08", true},
		{"2025", "2025-04-08", false}, // the year may fall either side
		{"2024", "2025-01", true},
		{"2025-01-17~", "2025-04-08", false}, // approximate: never definite
		{"2025-04-08", "2025-01-17", false},
	}
	for _, tt := range before {
		if got := agreement.MustDate(tt.a).DefinitelyBefore(agreement.MustDate(tt.b)); got != tt.want {
			t.Errorf("%s definitely before %s = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func load(t *testing.T, name string) *agreement.Agreement {
	t.Helper()
	doc, err := agreement.ReadFile("../examples/agreements/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) > 0 {
		t.Fatalf("%s: %v", name, doc.Diagnostics)
	}
	return doc.Agreement
}

func TestIranRussiaTerm(t *testing.T) {
	a := load(t, "ir-ru-csp-2025.yaml")
	eif, ok := a.EntryIntoForce()
	if !ok || eif.Date.String() != "2025-10-02" || len(eif.Conflicts) != 1 || eif.Conflicts[0].Date.String() != "2025-07" {
		t.Fatalf("EntryIntoForce = %+v, %v; want 2025-10-02 with the July report as a conflict", eif, ok)
	}
	s, ok := a.Schedule(agreement.MustDate("2051-01-01"))
	if !ok {
		t.Fatal("no schedule")
	}
	want := []struct{ start, last, end, notice string }{
		{"2025-10-02", "2045-10-01", "2045-10-02", "2044-10-01"},
		{"2045-10-02", "2050-10-01", "2050-10-02", "2049-10-01"},
		{"2050-10-02", "2055-10-01", "2055-10-02", "2054-10-01"},
	}
	if len(s.Periods) != len(want) {
		t.Fatalf("%d periods up to 2051, want %d: %+v", len(s.Periods), len(want), s.Periods)
	}
	for i, w := range want {
		p := s.Periods[i]
		if p.Start.String() != w.start || p.LastDay.String() != w.last || p.End.String() != w.end || p.NoticeBy.String() != w.notice || p.Renewal != i {
			t.Errorf("period %d = %+v, want %+v", i, p, w)
		}
	}
	if !s.Ended.IsZero() {
		t.Errorf("automatic renewal without notice: Ended = %s, want none", s.Ended)
	}
}

func TestStatusOn(t *testing.T) {
	irru := load(t, "ir-ru-csp-2025.yaml")
	rukp := load(t, "ru-kp-csp-2024.yaml")
	old := load(t, "ir-ru-2001.yaml")
	tests := []struct {
		name     string
		a        *agreement.Agreement
		day      string
		state    agreement.State
		since    string
		disputed bool
	}{
		{"before signature", irru, "2025-01-01", agreement.StateNotSigned, "", false},
		{"signed, not in force", irru, "2025-05-01", agreement.StateSigned, "2025-01-17", false},
		{"between the two reports of entry into force", irru, "2025-08-01", agreement.StateSigned, "2025-01-17", true},
		{"in force", irru, "2026-03-01", agreement.StateInForce, "2025-10-02", false},
		{"renewed automatically", irru, "2046-01-01", agreement.StateInForce, "2025-10-02", false},
		{"Russia–North Korea in force", rukp, "2026-03-01", agreement.StateInForce, "2024-12-04", false},
		{"the day it entered into force", rukp, "2024-12-04", agreement.StateInForce, "2024-12-04", false},
		{"the day before", rukp, "2024-12-03", agreement.StateSigned, "2024-06-19", false},
		{"the 2001 treaty, superseded", old, "2026-01-01", agreement.StateSuperseded, "2025-10-02", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.a.StatusOn(agreement.MustDate(tt.day))
			if st.State != tt.state || st.Since.String() != tt.since || (st.Disputed != "") != tt.disputed {
				t.Errorf("StatusOn(%s) = %s since %s, disputed %q; want %s since %s, disputed %v",
					tt.day, st.State, st.Since, st.Disputed, tt.state, tt.since, tt.disputed)
			}
		})
	}
}

// TestTermCases covers the term rules on small agreements: expiry without
// renewal, notice ending an automatically renewed term, indefinite terms,
// a term derived from notifications, a term from signature.
func TestTermCases(t *testing.T) {
	base := "format: entente/v1\nid: t\nversion: {label: s, stage: signed}\ntitle: T\nkind: treaty\nparties: [{id: a, kind: state, country: IR}, {id: b, kind: state, country: RU}]\n"
	tests := []struct {
		name  string
		yaml  string
		day   string
		state agreement.State
		until string
	}{
		{"a fixed term runs out", "term: {duration: P10Y}\ntimeline: [{date: 2001-03-12, event: signed}, {date: 2002-04-05, event: entered-into-force}]\n",
			"2012-04-05", agreement.StateExpired, ""},
		{"the last day of a fixed term", "term: {duration: P10Y}\ntimeline: [{date: 2001-03-12, event: signed}, {date: 2002-04-05, event: entered-into-force}]\n",
			"2012-04-04", agreement.StateInForce, "2012-04-05"},
		{"notice in time ends the term at the period's end",
			"term: {duration: P10Y, renewal: {period: P5Y, automatic: true}, notice: P1Y}\ntimeline: [{date: 2000-01-01, event: signed}, {date: 2000-01-01, event: entered-into-force}, {date: 2008-06-01, event: notice-given, party: a}]\n",
			"2010-01-01", agreement.StateTerminated, ""},
		{"notice too late ends it a period later",
			"term: {duration: P10Y, renewal: {period: P5Y, automatic: true}, notice: P1Y}\ntimeline: [{date: 2000-01-01, event: signed}, {date: 2000-01-01, event: entered-into-force}, {date: 2009-06-01, event: notice-given, party: a}]\n",
			"2012-01-01", agreement.StateInForce, "2015-01-01"},
		{"indefinite", "term: {indefinite: true}\ntimeline: [{date: 2024-06-19, event: signed}, {date: 2024-12-04, event: entered-into-force}]\n",
			"2124-01-01", agreement.StateInForce, ""},
		{"derived from the last notification",
			"term: {duration: P5Y, entry_into_force: {after: last-notification, delay: P30D}}\ntimeline: [{date: 2025-01-17, event: signed}, {date: 2025-08-01, event: notification, party: a}, {date: 2025-09-02, event: notification, party: b}]\n",
			"2025-10-02", agreement.StateInForce, "2030-10-02"},
		{"derived: the day before", "term: {duration: P5Y, entry_into_force: {after: last-notification, delay: P30D}}\ntimeline: [{date: 2025-01-17, event: signed}, {date: 2025-08-01, event: notification, party: a}, {date: 2025-09-02, event: notification, party: b}]\n",
			"2025-10-01", agreement.StateSigned, ""},
		{"counted from signature", "term: {duration: P1Y, from: signature}\ntimeline: [{date: 2024-02-29, event: signed}, {date: 2024-03-01, event: entered-into-force}]\n",
			"2025-02-28", agreement.StateExpired, ""},
		{"terminated", "timeline: [{date: 2020-01-01, event: signed}, {date: 2020-02-01, event: entered-into-force}, {date: 2022-05-05, event: terminated}]\n",
			"2023-01-01", agreement.StateTerminated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("t.yaml", []byte(base+tt.yaml))
			if doc.Diagnostics.HasErrors() {
				t.Fatalf("%v", doc.Diagnostics)
			}
			st := doc.Agreement.StatusOn(agreement.MustDate(tt.day))
			if st.State != tt.state || st.Until.String() != tt.until {
				t.Errorf("StatusOn(%s) = %s until %s, want %s until %s (%+v)", tt.day, st.State, st.Until, tt.state, tt.until, st)
			}
		})
	}
}

func TestSecurityProfile(t *testing.T) {
	irru := load(t, "ir-ru-csp-2025.yaml").SecurityProfile()
	if irru.MilitaryAlliance || irru.Defence.Present || !irru.Neutrality.Present || !irru.ConsultationGeneral.Present || irru.ConsultationCrisis.Present {
		t.Errorf("Iran–Russia: %+v; want no defence, neutrality, general consultation", irru)
	}
	if !contains(irru.Neutrality.Clauses, "art-3.3") {
		t.Errorf("Iran–Russia neutrality is not grounded in art-3.3: %v", irru.Neutrality.Clauses)
	}
	if !irru.ATOPAlliance {
		t.Error("Iran–Russia: under ATOP's broad definition a neutrality and consultation pact counts")
	}
	rukp := load(t, "ru-kp-csp-2024.yaml").SecurityProfile()
	if !rukp.MilitaryAlliance || !contains(rukp.Defence.Clauses, "art-4") || !contains(rukp.ConsultationCrisis.Clauses, "art-4") {
		t.Errorf("Russia–North Korea: %+v; want defence and crisis consultation in art-4", rukp)
	}
	last := func(r []string) string { return r[len(r)-1] }
	if !strings.HasPrefix(last(irru.Reasons), "Verdict: not a military alliance") || last(rukp.Reasons) != "Verdict: a military alliance." {
		t.Errorf("verdicts: %q / %q", last(irru.Reasons), last(rukp.Reasons))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestQueries(t *testing.T) {
	a := load(t, "ir-ru-csp-2025.yaml")
	ids := func(cs []agreement.ClauseRef) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Clause.ID)
		}
		return out
	}
	tests := []struct {
		name string
		got  []string
		want string
	}{
		{"by topic, with sub-topics", ids(a.FindClauses(agreement.Query{Topic: "security"})), "[art-3 art-3.3 art-3.4 art-4 art-5 caspian-regional-security transnational-threats]"},
		{"by a leaf topic", ids(a.FindClauses(agreement.Query{Topic: "energy.oil-gas"})), "[energy]"},
		{"by kind", ids(a.FindClauses(agreement.Query{Kind: agreement.CommitmentNonAssistance})), "[art-3.3]"},
		{"by modality", ids(a.FindClauses(agreement.Query{Modality: agreement.ModalityShallNot})), "[art-3.3 art-3.4 coercive-measures]"},
		{"by party", ids(a.FindClauses(agreement.Query{Party: "ir", Kind: agreement.CommitmentConsultation})), "[art-5]"},
	}
	for _, tt := range tests {
		if got := strings.Join(tt.got, " "); "["+got+"]" != tt.want {
			t.Errorf("%s: got [%s], want %s", tt.name, got, tt.want)
		}
	}
	if n := len(a.FindCommitments(agreement.Query{Topic: "security", Modality: agreement.ModalityShallNot})); n != 2 {
		t.Errorf("shall-not commitments on security: %d, want 2", n)
	}
	if n := len(a.FindCooperation(agreement.Query{Topic: "science"})); n != 1 {
		t.Errorf("cooperation areas in science: %d, want 1", n)
	}
	set, err := agreement.ReadFS(osDirFS("../examples/agreements"), ".")
	if err != nil {
		t.Fatal(err)
	}
	titles := func(as []*agreement.Agreement) string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID+"@"+a.Version.Label)
		}
		return strings.Join(out, " ")
	}
	if got := titles(set.Involving("KP")); got != "ru-kp-2000@signed ru-kp-csp-2024@in-force" {
		t.Errorf("Involving(KP) = %s", got)
	}
	if got := titles(set.Involving("IRN")); got != "ir-ru-2001@signed ir-ru-csp-2025@signed" { // one version of each: the latest
		t.Errorf("Involving(IRN) = %s", got)
	}
	if got := titles(set.WithTopic("defence.mutual-assistance", nil)); got != "anzus-1951@signed cst-1992@as-amended-2010 nato-1949@signed ru-kp-csp-2024@in-force" {
		t.Errorf("WithTopic(defence.mutual-assistance) = %s", got)
	}
	if got := titles(set.InForceOn(agreement.MustDate("2026-03-01"))); got != "anzus-1951@signed cst-1992@as-amended-2010 ir-ru-csp-2025@signed nato-1949@signed ru-kp-csp-2024@in-force" {
		t.Errorf("InForceOn(2026-03-01) = %s", got)
	}
}

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }

func TestTimelineDisputed(t *testing.T) {
	d := agreement.MustDate
	tl := agreement.Timeline{
		{Date: d("2025-01-17"), Event: agreement.EventSigned},
		{Date: d("2025-04-08"), Event: agreement.EventRatified, Party: "ru"},
		{Date: d("2025-04-09"), Event: agreement.EventRatified, Party: "ru"}, // another report
		{Date: d("2025-05-21"), Event: agreement.EventRatified, Party: "ir"},
		{Date: d("2025-05-21"), Event: agreement.EventRatified, Party: "ir"}, // the same date twice
	}
	for i, want := range []bool{false, true, true, false, false} {
		if got := tl.Disputed(tl[i]); got != want {
			t.Errorf("event %d (%s %s on %s): Disputed = %v, want %v", i, tl[i].Event, tl[i].Party, tl[i].Date, got, want)
		}
	}
}
