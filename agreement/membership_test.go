package agreement_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// states renders who stands where on a day: "am:bound kz:bound ...".
func states(a *agreement.Agreement, day string) string {
	var out []string
	for _, m := range a.PartiesOn(agreement.MustDate(day)) {
		out = append(out, m.Party.ID+":"+string(m.State))
	}
	return strings.Join(out, " ")
}

func TestMembershipCST(t *testing.T) {
	a := load(t, "cst-1992.yaml")
	tests := []struct {
		day, want string
	}{
		{"1992-05-14", "am:not-yet-party kz:not-yet-party kg:not-yet-party ru:not-yet-party tj:not-yet-party uz:not-yet-party az:not-yet-party by:not-yet-party ge:not-yet-party"},
		{"1993-01-01", "am:signatory kz:signatory kg:signatory ru:signatory tj:signatory uz:signatory az:not-yet-party by:not-yet-party ge:not-yet-party"},
		{"1994-04-19", "am:signatory kz:signatory kg:signatory ru:signatory tj:signatory uz:signatory az:signatory by:signatory ge:signatory"},
		{"1994-04-20", "am:bound kz:bound kg:bound ru:bound tj:bound uz:bound az:bound by:bound ge:bound"},
		{"1999-04-19", "am:bound kz:bound kg:bound ru:bound tj:bound uz:bound az:bound by:bound ge:bound"},
		{"1999-04-20", "am:bound kz:bound kg:bound ru:bound tj:bound uz:withdrawn az:withdrawn by:bound ge:withdrawn"},
		{"2008-01-01", "am:bound kz:bound kg:bound ru:bound tj:bound uz:bound az:withdrawn by:bound ge:withdrawn"},
		{"2013-01-01", "am:bound kz:bound kg:bound ru:bound tj:bound uz:suspended az:withdrawn by:bound ge:withdrawn"},
		{"2025-06-01", "am:frozen kz:bound kg:bound ru:bound tj:bound uz:suspended az:withdrawn by:bound ge:withdrawn"},
	}
	for _, tt := range tests {
		if got := states(a, tt.day); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.day, got, tt.want)
		}
	}
	// The agreement's own status is not changed by any party's events.
	for _, day := range []string{"1999-04-20", "2013-01-01", "2025-06-01"} {
		if st := a.StatusOn(agreement.MustDate(day)); st.State != agreement.StateInForce || st.Since.String() != "1994-04-20" {
			t.Errorf("%s: the treaty is %s since %s, want in force since 1994-04-20", day, st.State, st.Since)
		}
	}
	// Original parties and joiners are told apart; a party's reports that
	// disagree keep the preferred one.
	tests2 := []struct {
		party, day string
		state      agreement.PartyState
		since      string
		original   bool
	}{
		{"ru", "2000-01-01", agreement.PartyBound, "1994-04-20", true},
		{"by", "2000-01-01", agreement.PartyBound, "1994-04-20", false},
		{"ge", "1994-01-01", agreement.PartySignatory, "1993-12-09", false}, // 1993-09-09 is the report not preferred
		{"uz", "2007-01-01", agreement.PartyBound, "2006-08-16", true},      // back, by the protocol of 2006
		{"uz", "2012-07-01", agreement.PartyBound, "2006-08-16", true},      // the note of June 2012 is not the preferred report
		{"am", "2026-12-01", agreement.PartyFrozen, "2024-02-22", true},
	}
	for _, tt := range tests2 {
		m, ok := a.StatusFor(tt.party, agreement.MustDate(tt.day))
		if !ok || m.State != tt.state || m.From.String() != tt.since || m.Original != tt.original {
			t.Errorf("StatusFor(%s, %s) = %s since %s, original %v; want %s since %s, original %v",
				tt.party, tt.day, m.State, m.From, m.Original, tt.state, tt.since, tt.original)
		}
	}
	if _, ok := a.StatusFor("xx", agreement.MustDate("2000-01-01")); ok {
		t.Error("a party the document does not have has a status")
	}
	// Nothing records how a party leaves (Article 11, part two, is not
	// confirmed): no exit is invented.
	if _, why, ok := a.EarliestExit("ru", agreement.MustDate("2026-12-01")); ok || why == "" {
		t.Errorf("EarliestExit(ru) = %v, %q: want none, with the reason", ok, why)
	}
	// A frozen participation leaves the obligations in place.
	if o := a.ObligationsBetween("ru", "am", agreement.MustDate("2026-12-01")); !o.Binding {
		t.Errorf("ru–am on 2026-12-01: %s", o.Reason)
	}
	if o := a.ObligationsBetween("ru", "uz", agreement.MustDate("2026-12-01")); o.Binding {
		t.Errorf("ru–uz with uz suspended: binding (%s)", o.Reason)
	}
}

func TestMembershipANZUS(t *testing.T) {
	a := load(t, "anzus-1951.yaml")
	tests := []struct {
		x, y, day string
		binding   bool
	}{
		{"us", "nz", "1980-01-01", true},
		{"us", "nz", "1986-08-10", true},
		{"us", "nz", "1986-08-11", false},
		{"nz", "us", "2026-12-01", false}, // either way round
		{"au", "nz", "2026-12-01", true},
		{"au", "us", "2026-12-01", true},
		{"au", "us", "1951-10-01", false}, // signed, not yet in force
	}
	for _, tt := range tests {
		if o := a.ObligationsBetween(tt.x, tt.y, agreement.MustDate(tt.day)); o.Binding != tt.binding {
			t.Errorf("ObligationsBetween(%s, %s, %s) = %v (%s), want %v", tt.x, tt.y, tt.day, o.Binding, o.Reason, tt.binding)
		}
	}
	if got := states(a, "2026-12-01"); got != "au:bound nz:bound us:bound" {
		t.Errorf("on 2026-12-01: %s (a suspension between two parties leaves both parties)", got)
	}
	x, _, ok := a.EarliestExit("nz", agreement.MustDate("2026-12-01"))
	if !ok || x.Out.String() != "2027-12-01" || x.Effect != agreement.WithdrawalEffectParty || fmt.Sprint(x.Clauses) != "[art-10]" {
		t.Errorf("EarliestExit(nz, 2026-12-01) = %+v", x)
	}
	if _, why, ok := a.NextNoticeBy(agreement.MustDate("2026-12-01")); ok || !strings.Contains(why, "indefinite") {
		t.Errorf("NextNoticeBy on an indefinite treaty: %v, %q", ok, why)
	}
	p := a.SecurityProfile()
	if !p.MilitaryAlliance || !p.Limited || !p.Conditional {
		t.Errorf("ANZUS profile: alliance %v, limited %v, conditional %v; want all true", p.MilitaryAlliance, p.Limited, p.Conditional)
	}
}

// small builds an agreement of signatories a, b, c (and more parties when
// named)
// with the given term and timeline, written in the format.
func small(t *testing.T, term, timeline string, extraParties ...string) *agreement.Agreement {
	t.Helper()
	parties := "parties:\n"
	codes := map[string]string{"a": "FR", "b": "DE", "c": "IT", "d": "ES", "e": "PT", "su": "SUHH", "ru": "RU"}
	for _, id := range []string{"a", "b", "c"} {
		parties += fmt.Sprintf("  - {id: %s, kind: state, country: %s, roles: [contracting-party, signatory]}\n", id, codes[id])
	}
	for _, id := range extraParties {
		// Not signatories: they join later, or take another's place; an
		// id ending in * signed with the others.
		roles := "[contracting-party]"
		if signatory, ok := strings.CutSuffix(id, "*"); ok {
			id, roles = signatory, "[contracting-party, signatory]"
		}
		parties += fmt.Sprintf("  - {id: %s, kind: state, country: %s, roles: %s}\n", id, codes[id], roles)
	}
	src := "format: entente/v1\nid: small\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" + parties + term + "timeline:\n" + timeline
	doc := agreement.Parse("small.yaml", []byte(src))
	for _, d := range doc.Diagnostics {
		if d.Severity == agreement.SeverityError {
			t.Fatalf("%s\n%s", d, src)
		}
	}
	return doc.Agreement
}

func TestMembershipSmallCases(t *testing.T) {
	tests := []struct {
		name           string
		term, timeline string
		extra          []string
		day, want      string
	}{
		{"accession once in force, with a delay",
			"term: {indefinite: true, entry_into_force: {after: signature, later: {delay: P30D}}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2005-03-01\", event: acceded, party: d}\n",
			[]string{"d"}, "2005-03-30", "a:bound b:bound c:bound d:signatory"},
		{"accession once in force, the delay run",
			"term: {indefinite: true, entry_into_force: {after: signature, later: {delay: P30D}}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2005-03-01\", event: acceded, party: d}\n",
			[]string{"d"}, "2005-03-31", "a:bound b:bound c:bound d:bound"},
		{"withdrawal on notice",
			"term: {indefinite: true, withdrawal: {notice: P1Y}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2010-06-01\", event: withdrawal-notified, party: c}\n",
			nil, "2011-05-31", "a:bound b:bound c:bound"},
		{"withdrawal on notice, run",
			"term: {indefinite: true, withdrawal: {notice: P1Y}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2010-06-01\", event: withdrawal-notified, party: c}\n",
			nil, "2011-06-01", "a:bound b:bound c:withdrawn"},
		{"suspension and resumption",
			"term: {indefinite: true}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2003-01-01\", event: suspended, party: b}\n  - {date: \"2004-01-01\", event: resumed, party: b}\n",
			nil, "2003-06-01", "a:bound b:suspended c:bound"},
		{"resumed",
			"term: {indefinite: true}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2003-01-01\", event: suspended, party: b}\n  - {date: \"2004-01-01\", event: resumed, party: b}\n",
			nil, "2004-06-01", "a:bound b:bound c:bound"},
		{"succession: a state that no longer exists",
			"term: {indefinite: true}\n",
			"  - {date: \"1980-01-01\", event: signed}\n  - {date: \"1980-01-01\", event: entered-into-force}\n  - {date: \"1991-12-25\", event: succeeded, party: su, successor: ru}\n  - {date: \"1991-12-25\", event: entered-into-force, party: ru}\n",
			[]string{"su*", "ru"}, "1992-01-01", "a:bound b:bound c:bound su:succeeded ru:bound"},
		{"a quorum: three of five, including a",
			"term: {indefinite: true, entry_into_force: {after: deposit-of-instruments, count: \"3\", including: [a], delay: P30D}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-02-01\", event: deposited, party: b}\n  - {date: \"2000-03-01\", event: deposited, party: c}\n  - {date: \"2000-04-01\", event: deposited, party: d}\n  - {date: \"2000-05-01\", event: deposited, party: a}\n",
			[]string{"d*", "e*"}, "2000-05-31", "a:bound b:bound c:bound d:bound e:signatory"},
		{"a quorum not yet met",
			"term: {indefinite: true, entry_into_force: {after: deposit-of-instruments, count: \"3\", including: [a], delay: P30D}}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-02-01\", event: deposited, party: b}\n  - {date: \"2000-03-01\", event: deposited, party: c}\n  - {date: \"2000-04-01\", event: deposited, party: d}\n  - {date: \"2000-05-01\", event: deposited, party: a}\n",
			[]string{"d*", "e*"}, "2000-05-30", "a:signatory b:signatory c:signatory d:signatory e:signatory"},
		{"an extension some parties did not join",
			"term: {duration: P5Y}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2004-06-01\", event: extended, effect: {renewal: {period: P5Y, automatic: true}, parties: [a, b], others_leave: true}}\n",
			nil, "2005-01-01", "a:bound b:bound c:withdrawn"},
		{"a fixed term that runs out",
			"term: {duration: P5Y}\n",
			"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n",
			nil, "2005-01-01", "a:agreement-ended b:agreement-ended c:agreement-ended"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := small(t, tt.term, tt.timeline, tt.extra...)
			if got := states(a, tt.day); got != tt.want {
				t.Errorf("on %s:\n got %s\nwant %s", tt.day, got, tt.want)
			}
		})
	}
}

func TestEarliestExitLockIn(t *testing.T) {
	// "After 20 years in force, a party may leave one year after notice;
	// it leaves alone."
	a := small(t, "term: {indefinite: true, withdrawal: {after: P20Y, notice: P1Y, effect: party, clauses: [art-9]}}\nclauses: [{id: art-9, num: \"9\"}]\n",
		"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n")
	tests := []struct {
		day, notice, out string
	}{
		{"2010-05-05", "2020-01-01", "2021-01-01"}, // locked in: the first day it may give notice is 20 years on
		{"2026-12-01", "2026-12-01", "2027-12-01"},
	}
	for _, tt := range tests {
		x, why, ok := a.EarliestExit("b", agreement.MustDate(tt.day))
		if !ok || x.NoticeOn.String() != tt.notice || x.Out.String() != tt.out || x.Effect != agreement.WithdrawalEffectParty || fmt.Sprint(x.Clauses) != "[art-9]" {
			t.Errorf("EarliestExit(b, %s) = %+v %q, want notice %s, out %s", tt.day, x, why, tt.notice, tt.out)
		}
	}
	// A party that has given notice is out when its notice runs out.
	b := small(t, "term: {indefinite: true, withdrawal: {notice: P6M}}\n",
		"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2020-03-01\", event: withdrawal-notified, party: c}\n")
	m, _ := b.StatusFor("c", agreement.MustDate("2020-05-01"))
	if m.State != agreement.PartyBound || m.Leaving.String() != "2020-09-01" {
		t.Errorf("c on 2020-05-01: %s, leaving %s; want bound, leaving 2020-09-01", m.State, m.Leaving)
	}
	if st := b.StatusOn(agreement.MustDate("2021-01-01")); st.State != agreement.StateInForce {
		t.Errorf("one party's withdrawal ended the agreement: %s", st.State)
	}
}

func TestNextNoticeBy(t *testing.T) {
	a := load(t, "ir-ru-csp-2025.yaml") // 20 years from 2025-10-02, renewed for 5, a year's notice
	tests := []struct {
		day, want string
	}{
		{"2026-03-01", "2044-10-01"},
		{"2044-10-01", "2044-10-01"},
		{"2044-10-02", "2049-10-01"}, // past the first deadline: the next period's
		{"2100-01-01", "2104-10-01"}, // no horizon needed
	}
	for _, tt := range tests {
		d, why, ok := a.NextNoticeBy(agreement.MustDate(tt.day))
		if !ok || d.Date.String() != tt.want {
			t.Errorf("NextNoticeBy(%s) = %s, %q; want %s", tt.day, d.Date, why, tt.want)
		}
	}
	// An agreement that has ended has no deadline and no periods after.
	b := small(t, "term: {duration: P5Y, notice: P6M}\n", "  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n")
	if _, why, ok := b.NextNoticeBy(agreement.MustDate("2010-01-01")); ok || !strings.Contains(why, "ended") {
		t.Errorf("after the end: %v, %q", ok, why)
	}
	sched, _ := b.Schedule(agreement.MustDate("2030-01-01"))
	if len(sched.Periods) != 1 {
		t.Errorf("%d periods laid out for a five-year term that ran out", len(sched.Periods))
	}
}

func TestFormerCountryParties(t *testing.T) {
	a := small(t, "term: {indefinite: true}\n",
		"  - {date: \"1980-01-01\", event: signed}\n  - {date: \"1980-01-01\", event: entered-into-force}\n  - {date: \"1991-12-25\", event: succeeded, party: su, successor: ru}\n  - {date: \"1991-12-25\", event: entered-into-force, party: ru}\n",
		"su*", "ru")
	if name := a.Parties[3].DisplayName(); name != "USSR, Union of Soviet Socialist Republics" {
		t.Errorf("the USSR's name: %q", name)
	}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"the USSR is a party", a.Involves("SUHH"), true},
		{"by its alpha-4 code in lower case", a.Involves("suhh"), true},
		{"Russia is a party (as successor, by its own entry)", a.Involves("RU"), true},
		{"RU finds the USSR's agreement", a.InvolvesOrPredecessor("RU"), true},
		{"the USSR bound in 1985", a.Binds("SUHH", agreement.MustDate("1985-01-01")), true},
		{"the USSR no longer bound in 1995", a.Binds("SUHH", agreement.MustDate("1995-01-01")), false},
		{"Russia bound in 1995", a.Binds("RU", agreement.MustDate("1995-01-01")), true},
		{"Russia not bound in 1985", a.Binds("RU", agreement.MustDate("1985-01-01")), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	m, _ := a.StatusFor("su", agreement.MustDate("1995-01-01"))
	if m.State != agreement.PartySucceeded || m.Successor != "ru" {
		t.Errorf("the USSR in 1995: %s, successor %q", m.State, m.Successor)
	}
	// Without an entry into force of its own, only a predecessor's
	// agreement finds Russia.
	b := small(t, "term: {indefinite: true}\n", "  - {date: \"1980-01-01\", event: signed}\n  - {date: \"1980-01-01\", event: entered-into-force}\n", "su")
	if b.Involves("RU") || !b.InvolvesOrPredecessor("RU") {
		t.Errorf("an agreement of the USSR: Involves(RU) %v, InvolvesOrPredecessor(RU) %v", b.Involves("RU"), b.InvolvesOrPredecessor("RU"))
	}
}

func TestSetAnswersByMembership(t *testing.T) {
	set, err := agreement.ReadFS(osDirFS("../examples"), "agreements")
	if err != nil {
		t.Fatal(err)
	}
	ids := func(as []*agreement.Agreement) string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return strings.Join(out, " ")
	}
	// Two meanings: bound (its obligations run) and a party (a member,
	// suspended or not).
	tests := []struct {
		code, day      string
		bound, partyTo string
	}{
		{"GE", "1995-01-01", "cst-1992", "cst-1992"}, // a party then
		{"GE", "2026-03-01", "", ""},                 // left in 1999
		{"UZ", "2008-01-01", "cst-1992", "cst-1992"}, // back
		{"UZ", "2026-03-01", "", "cst-1992"},         // suspended: still a party, not bound
		{"AM", "2026-03-01", "cst-1992", "cst-1992"}, // frozen by its own declaration: a party, still bound
		{"NZ", "2026-03-01", "anzus-1951", "anzus-1951"},
		{"KP", "2026-03-01", "ru-kp-csp-2024", "ru-kp-csp-2024"},
		{"KP", "1990-01-01", "", ""},
	}
	for _, tt := range tests {
		day := agreement.MustDate(tt.day)
		if got := ids(set.BindingOn(tt.code, day)); got != tt.bound {
			t.Errorf("BindingOn(%s, %s) = %q, want %q", tt.code, tt.day, got, tt.bound)
		}
		if got := ids(set.PartyTo(tt.code, day)); got != tt.partyTo {
			t.Errorf("PartyTo(%s, %s) = %q, want %q", tt.code, tt.day, got, tt.partyTo)
		}
	}
}

// TestConsolidated: a protocol written as its own file, with a relation
// and its effect, extends the treaty in the set's answers; the treaty's
// own file says nothing of it.
func TestConsolidated(t *testing.T) {
	treaty := "format: entente/v1\nid: t\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n" +
		"parties:\n  - {id: a, kind: state, country: FR, roles: [contracting-party, signatory]}\n  - {id: b, kind: state, country: DE, roles: [contracting-party, signatory]}\n  - {id: c, kind: state, country: IT, roles: [contracting-party, signatory]}\n" +
		"term: {duration: P5Y}\ntimeline:\n  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n"
	protocol := "format: entente/v1\nid: p\nversion: {label: v, stage: in-force}\ntitle: Protocol\nkind: protocol\n" +
		"parties:\n  - {id: a, kind: state, country: FR}\n  - {id: b, kind: state, country: DE}\n" +
		"relations:\n  - {type: extends, agreement: t, effect: {renewal: {period: P5Y, automatic: true}, parties: [a, b], others_leave: true}}\n" +
		"timeline:\n  - {date: \"2004-06-01\", event: signed}\n  - {date: \"2005-03-01\", event: entered-into-force}\n"
	set := agreement.NewSet(agreement.Parse("t.yaml", []byte(treaty)), agreement.Parse("p.yaml", []byte(protocol)))
	if ds := set.Diagnostics(); ds.HasErrors() {
		t.Fatal(ds)
	}
	alone := set.Latest("t").Agreement
	if st := alone.StatusOn(agreement.MustDate("2006-01-01")); st.State != agreement.StateExpired {
		t.Errorf("the treaty alone on 2006-01-01: %s, want expired", st.State)
	}
	with, ok := set.Consolidated("t")
	if !ok {
		t.Fatal("no consolidated treaty")
	}
	if st := with.StatusOn(agreement.MustDate("2006-01-01")); st.State != agreement.StateInForce {
		t.Errorf("with its protocol on 2006-01-01: %s, want in force", st.State)
	}
	if got := states(with, "2006-01-01"); got != "a:bound b:bound c:withdrawn" {
		t.Errorf("with its protocol on 2006-01-01: %s", got)
	}
	if len(alone.Timeline) != 2 {
		t.Error("Consolidated changed the set's own agreement")
	}
	if _, ok := set.Consolidated("zzz"); ok {
		t.Error("an id the set does not have")
	}
}

func TestAgreementSuspendedAndTooFew(t *testing.T) {
	a := small(t, "term: {indefinite: true}\n",
		"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2003-01-01\", event: suspended}\n  - {date: \"2004-01-01\", event: resumed}\n  - {date: \"2003-06-01\", event: suspended, party: b}\n")
	tests := []struct {
		day  string
		want agreement.State
	}{
		{"2002-01-01", agreement.StateInForce},
		{"2003-02-01", agreement.StateSuspended}, // the agreement's own suspension
		{"2004-02-01", agreement.StateInForce},   // resumed; b's suspension is b's alone
	}
	for _, tt := range tests {
		if st := a.StatusOn(agreement.MustDate(tt.day)); st.State != tt.want {
			t.Errorf("%s: %s, want %s", tt.day, st.State, tt.want)
		}
	}
	// "The treaty ends when fewer than three parties remain."
	b := small(t, "term: {indefinite: true, minimum_parties: \"3\", withdrawal: {notice: P6M}}\n",
		"  - {date: \"2000-01-01\", event: signed}\n  - {date: \"2000-01-01\", event: entered-into-force}\n  - {date: \"2010-01-01\", event: withdrawal-notified, party: c}\n")
	if st := b.StatusOn(agreement.MustDate("2010-06-30")); st.State != agreement.StateInForce {
		t.Errorf("before c's notice runs out: %s", st.State)
	}
	st := b.StatusOn(agreement.MustDate("2010-07-01"))
	if st.State != agreement.StateTerminated || st.Since.String() != "2010-07-01" {
		t.Errorf("two parties left of a minimum of three: %s since %s, want terminated since 2010-07-01", st.State, st.Since)
	}
	if got := states(b, "2011-01-01"); got != "a:agreement-ended b:agreement-ended c:withdrawn" {
		t.Errorf("parties after the end: %s", got)
	}
}

func TestSecurityProfileOn(t *testing.T) {
	a := load(t, "anzus-1951.yaml")
	before := a.SecurityProfileOn(agreement.MustDate("1980-01-01"))
	after := a.SecurityProfileOn(agreement.MustDate("2026-12-01"))
	if len(before.NotBinding) != 0 {
		t.Errorf("in 1980: %v", before.NotBinding)
	}
	if len(after.NotBinding) != 1 || after.NotBinding[0].A != "nz" || after.NotBinding[0].B != "us" {
		t.Fatalf("in 2026: %+v", after.NotBinding)
	}
	if !after.MilitaryAlliance || !strings.Contains(strings.Join(after.Reasons, " "), "do not bind nz and us") {
		t.Errorf("the reasons do not say so: %v", after.Reasons)
	}
	if last := after.Reasons[len(after.Reasons)-1]; !strings.HasPrefix(last, "Verdict:") {
		t.Errorf("the verdict is not last: %q", last)
	}
}

// TestInForceDayUnknown: an agreement the record knows only to have been
// in force on a day (an in-force event) is in force from the first such
// day at the latest, and every answer says the day is not recorded; a
// recorded entry into force, or one the term's rule reckons, wins.
func TestInForceDayUnknown(t *testing.T) {
	const (
		signed   = "  - {date: \"2001-03-12\", event: signed}\n"
		inForce  = "  - {date: \"2021-03-12\", event: in-force, sources: [s]}\n  - {date: \"2011-06-01\", event: in-force, sources: [s]}\n"
		sources  = "sources: [{id: s, title: S}]\n"
		fixed    = "term: {duration: P10Y, renewal: {period: P5Y, automatic: true}, notice: P1Y}\n" + sources
		byRule   = "term: {indefinite: true, entry_into_force: {after: signature, delay: P30D}}\n" + sources
		recorded = "  - {date: \"2002-04-05\", event: entered-into-force}\n"
	)
	tests := []struct {
		name, term, timeline string
		eif                  string
		atLatest             bool
	}{
		{"two reports in force: the first decides", fixed, signed + inForce, "2011-06-01", true},
		{"a recorded entry into force wins", fixed, signed + recorded + inForce, "2002-04-05", false},
		{"the term's rule wins", byRule, signed + inForce, "2001-04-11", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := agreement.Parse("small.yaml", []byte("format: entente/v1\nid: small\nversion: {label: v, stage: in-force}\ntitle: T\nkind: treaty\n"+
				"parties:\n  - {id: a, kind: state, country: IR}\n  - {id: b, kind: state, country: RU}\n"+tt.term+"timeline:\n"+tt.timeline))
			if len(doc.Diagnostics) > 0 {
				t.Fatalf("findings: %v", doc.Diagnostics) // two in-force reports are two facts, not reports that disagree
			}
			a := doc.Agreement
			eif, ok := a.EntryIntoForce()
			if !ok || eif.Date.String() != tt.eif || eif.AtLatest != tt.atLatest {
				t.Fatalf("EntryIntoForce = %s at latest %v (%v), want %s at latest %v", eif.Date, eif.AtLatest, ok, tt.eif, tt.atLatest)
			}
			day := agreement.MustDate("2024-01-01")
			st := a.StatusOn(day)
			if st.State != agreement.StateInForce || st.Since.String() != tt.eif || st.SinceAtLatest != tt.atLatest {
				t.Errorf("StatusOn = %s since %s (at latest %v)", st.State, st.Since, st.SinceAtLatest)
			}
			m, _ := a.StatusFor("a", day)
			if m.State != agreement.PartyBound || m.From.String() != tt.eif || m.FromAtLatest != tt.atLatest {
				t.Errorf("StatusFor(a) = %s from %s (at latest %v)", m.State, m.From, m.FromAtLatest)
			}
			if !tt.atLatest {
				return
			}
			if !strings.Contains(m.Basis, "or earlier") || !strings.Contains(eif.Basis, "not recorded") {
				t.Errorf("the bases do not say the day is unknown: %q; %q", m.Basis, eif.Basis)
			}
			// A fixed term counted from a day not known has no periods to
			// give notice by, and says so.
			sched, _ := a.Schedule(day)
			if !sched.PeriodsUnknown || len(sched.Periods) > 0 {
				t.Errorf("Schedule: periods unknown %v, %d periods", sched.PeriodsUnknown, len(sched.Periods))
			}
			if _, why, ok := a.NextNoticeBy(day); ok || !strings.Contains(why, "not recorded") {
				t.Errorf("NextNoticeBy: %v %q", ok, why)
			}
			// Before the first report, the record does not yet say it is
			// in force: the answer on that day is the signature's.
			if st := a.StatusOn(agreement.MustDate("2011-05-31")); st.State != agreement.StateSigned {
				t.Errorf("on 2011-05-31: %s", st.State)
			}
		})
	}
}
