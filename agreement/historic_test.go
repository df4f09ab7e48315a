package agreement_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// historicCase is a multilateral treaty written down from the public
// record (the sources are named in each document), small enough to read,
// with the answers it must give.
type historicCase struct {
	name string
	doc  string
}

func historic(t *testing.T, c historicCase) *agreement.Agreement {
	t.Helper()
	doc := agreement.Parse(c.name+".yaml", []byte(c.doc))
	for _, d := range doc.Diagnostics {
		if d.Severity == agreement.SeverityError {
			t.Fatalf("%s: %s", c.name, d)
		}
	}
	return doc.Agreement
}

var historicCases = []historicCase{
	// The Warsaw Treaty: signed 14 May 1955 by eight states; Albania's
	// membership dormant from 1 February 1962, and it left on 13 September
	// 1968 (bpb.de); in force 4 June 1955, or 5 June by one report
	// (alfapress.al); twenty years, then ten more for the parties that do
	// not denounce it a year before the term ends (Article 11; alfapress.al);
	// ended at Budapest on 25 February 1991 by one report (calendarz.com),
	// formally in Prague on 1 July 1991 (al-jazirah.com).
	{"warsaw-1955", `format: entente/v1
id: warsaw-1955
version: {label: signed, stage: signed}
title: Treaty of Friendship, Cooperation and Mutual Assistance
kind: treaty
parties:
  - {id: al, kind: state, country: AL, roles: [contracting-party, signatory]}
  - {id: bg, kind: state, country: BG, roles: [contracting-party, signatory]}
  - {id: hu, kind: state, country: HU, roles: [contracting-party, signatory]}
  - {id: pl, kind: state, country: PL, roles: [contracting-party, signatory, depositary]}
  - {id: ro, kind: state, country: RO, roles: [contracting-party, signatory]}
  - {id: su, kind: state, country: SUHH, roles: [contracting-party, signatory]}
contexts: [warsaw-pact]
term:
  duration: P20Y
  from: entry-into-force
  renewal: {period: P10Y, automatic: true}
  notice: P1Y
  withdrawal: {at_period_end: true, effect: party}
timeline:
  - {date: "1955-05-14", event: signed, place: Warsaw, sources: [bpb]}
  - {date: "1955-06-04", event: entered-into-force, sources: [bpb], preferred: true}
  - {date: "1955-06-05", event: entered-into-force, sources: [alfapress]}
  - {date: "1962-02-01", event: frozen, party: al, sources: [bpb]}
  - {date: "1968-09-13", event: withdrew, party: al, sources: [bpb]}
  - {date: "1991-02-25", event: terminated, sources: [calendarz]}
  - {date: "1991-07-01", event: terminated, place: Prague, sources: [al-jazirah], preferred: true}
sources:
  - {id: bpb, title: "Deutschland-Chronik: 14. Mai 1955", publisher: bpb, url: "https://bpb.de/themen/zeit-kulturgeschichte/deutschland-chronik/131327/14-mai-1955"}
  - {id: alfapress, title: The Warsaw Treaty as a union of communists, url: "https://alfapress.al/english/jete/traktati-i-varshaves-si-union-komunistesh-roli-i-shqiperise-dhe-renia-e-mad-i116546"}
  - {id: calendarz, title: "13 September: Albania leaves the Warsaw Pact", url: "https://calendarz.com/fr/amp/on-this-day/september/13/peoples-socialist-republic-of-albania"}
  - {id: al-jazirah, title: On this day in 1968, url: "https://al-jazirah.com/2004/20040912/xh3.htm"}
`},
	// The Southeast Asia Collective Defense Treaty (Manila Pact): signed
	// 8 September 1954 by eight states; UNTS 2819; Pakistan's withdrawal
	// declared in 1972 (a school text on scribd), in force for it until
	// 7 November 1973 (Gibler 4.1357), 8 November by another report
	// (askvity.info); SEATO itself was dissolved on 30 June 1977
	// (historypak.com). Article X: indefinite; a party may cease to be one a
	// year after notice to the Philippines.
	{"manila-1954", `format: entente/v1
id: manila-1954
version: {label: signed, stage: signed}
title: Southeast Asia Collective Defense Treaty
kind: treaty
parties:
  - {id: au, kind: state, country: AU, roles: [contracting-party, signatory]}
  - {id: fr, kind: state, country: FR, roles: [contracting-party, signatory]}
  - {id: pk, kind: state, country: PK, roles: [contracting-party, signatory]}
  - {id: ph, kind: state, country: PH, roles: [contracting-party, signatory, depositary]}
  - {id: us, kind: state, country: US, roles: [contracting-party, signatory]}
contexts: [seato]
term:
  indefinite: true
  withdrawal: {notice: P1Y, effect: party}
timeline:
  - {date: "1954-09-08", event: signed, place: Manila, sources: [gibler]}
  - {date: "1955-02-19", event: entered-into-force, sources: [gibler]}
  - {date: "1972", event: withdrawal-notified, party: pk, sources: [scribd]}
  - {date: "1973-11-07", event: withdrew, party: pk, sources: [gibler], preferred: true}
  - {date: "1973-11-08", event: withdrew, party: pk, sources: [askvity]}
sources:
  - {id: gibler, title: "International Military Alliances, 1648-2008, entry 4.1357", publisher: Douglas M. Gibler, url: "https://issuhub.com/view/index/23326?pageIndex=466"}
  - {id: scribd, title: Why did Pakistan leave SEATO in 1972?, url: "https://tr.scribd.com/document/408062307/Q-Why-Did-Pakistan-Leave-SEATO-in-1972-1"}
  - {id: askvity, title: Why did Pakistan leave SEATO?, url: "https://askvity.info/international-relations/why-did-pakistan-leave-seato"}
`},
	// The Inter-American Treaty of Reciprocal Assistance (Rio Treaty):
	// signed 2 September 1947, in force a year later (OAS, quoted by
	// csblackdevil.com); its depositary is the Pan American Union, now the
	// OAS General Secretariat, not a party. Venezuela announced its
	// withdrawal in 2012, effective in 2013 (csblackdevil.com; Directorio
	// Legislativo); the National Assembly under Juan Guaidó approved its
	// return in July 2019 (dialogo-americas.com), which the government in
	// Caracas rejects: a contested accession. Article 25: denunciation takes
	// effect two years after notice, for the denouncing state alone.
	{"rio-1947", `format: entente/v1
id: rio-1947
version: {label: signed, stage: signed}
title: Inter-American Treaty of Reciprocal Assistance
kind: treaty
parties:
  - {id: us, kind: state, country: US, roles: [contracting-party, signatory]}
  - {id: br, kind: state, country: BR, roles: [contracting-party, signatory]}
  - {id: ar, kind: state, country: AR, roles: [contracting-party, signatory]}
  - {id: ve, kind: state, country: VE, roles: [contracting-party, signatory]}
  - {id: pau, kind: igo, organisation: oas, name: Pan American Union (the OAS General Secretariat), roles: [depositary]}
term:
  indefinite: true
  withdrawal: {notice: P2Y, effect: party}
timeline:
  - {date: "1947-09-02", event: signed, place: Rio de Janeiro, sources: [csb]}
  - {date: "1948", event: entered-into-force, sources: [csb]}
  - {date: "2012", event: withdrawal-notified, party: ve, sources: [csb]}
  - {date: "2013", event: withdrew, party: ve, sources: [csb, dl]}
  - {date: "2019-07", event: acceded, party: ve, contested: true, sources: [dialogo], note: approved by the National Assembly under Juan Guaidó; the government in Caracas rejects it}
sources:
  - {id: csb, title: The keys to the TIAR, url: "https://csblackdevil.com/forums/profile/66821-kepy%E2%84%A2/content/page/5/?all_activity=1"}
  - {id: dl, title: National Assembly passed an international treaty allowing for military intervention, publisher: Directorio Legislativo, date: "2019-06-07", url: "http://alertas.directoriolegislativo.org/?post_type=noticia&n=67893"}
  - {id: dialogo, title: Venezuelan Interim Government Requests the Activation of the TIAR, publisher: Diálogo, date: "2019-09-25", url: "https://dialogo-americas.com/articles/venezuelan-interim-government-requests-the-activation-of-the-inter-american-treaty-of-reciprocal-assistance-tiar/"}
`},
	// The North Atlantic Treaty: signed at Washington on 4 April 1949, in
	// force 24 August 1949; Greece and Turkey acceded on 18 February 1952,
	// the Federal Republic of Germany on 6 May 1955; Article 13: after
	// twenty years in force a party may leave a year after its notice to
	// the United States (nato.int, "The North Atlantic Treaty" and "NATO
	// member countries").
	{"nato-1949", `format: entente/v1
id: nato-1949
version: {label: signed, stage: signed}
title: The North Atlantic Treaty
kind: treaty
parties:
  - {id: be, kind: state, country: BE, roles: [contracting-party, signatory]}
  - {id: fr, kind: state, country: FR, roles: [contracting-party, signatory]}
  - {id: gb, kind: state, country: GB, roles: [contracting-party, signatory]}
  - {id: us, kind: state, country: US, roles: [contracting-party, signatory, depositary]}
  - {id: gr, kind: state, country: GR, roles: [contracting-party]}
  - {id: tr, kind: state, country: TR, roles: [contracting-party]}
  - {id: de, kind: state, country: DE, roles: [contracting-party]}
term:
  indefinite: true
  withdrawal: {after: P20Y, notice: P1Y, effect: party, clauses: [art-13]}
clauses:
  - {id: art-5, num: "5", heading: Collective defence, commitments: [{modality: shall, by: each, kind: mutual-defence, trigger: armed-attack, action: assist the party attacked}]}
  - {id: art-13, num: "13", heading: Withdrawal}
excerpt: true
timeline:
  - {date: "1949-04-04", event: signed, place: Washington, sources: [nato]}
  - {date: "1949-08-24", event: entered-into-force, sources: [nato]}
  - {date: "1952-02-18", event: acceded, party: gr, sources: [members]}
  - {date: "1952-02-18", event: acceded, party: tr, sources: [members]}
  - {date: "1955-05-06", event: acceded, party: de, sources: [members]}
sources:
  - {id: nato, title: The North Atlantic Treaty, publisher: NATO, url: "https://www.nato.int/cps/en/natolive/official_texts_17120.htm"}
  - {id: members, title: NATO member countries, publisher: NATO, url: "https://www.nato.int/cps/en/natohq/topics_52044.htm"}
`},
}

// TestHistoricCases: what the treaties' records say, on the days that
// tell.
func TestHistoricCases(t *testing.T) {
	cases := map[string]*agreement.Agreement{}
	for _, c := range historicCases {
		cases[c.name] = historic(t, c)
	}
	d := agreement.MustDate
	tests := []struct {
		name, treaty, day, party string
		state                    agreement.PartyState
		since, leaving           string
	}{
		{"a party bound; no later withdrawal leaks in", "warsaw-1955", "1960-01-01", "al", agreement.PartyBound, "1955-06-04", ""},
		{"dormant: frozen, still a party", "warsaw-1955", "1965-01-01", "al", agreement.PartyFrozen, "1962-02-01", ""},
		{"left", "warsaw-1955", "1969-01-01", "al", agreement.PartyWithdrawn, "1968-09-13", ""},
		{"the preferred end, not the earlier report", "warsaw-1955", "1991-03-01", "pl", agreement.PartyBound, "1955-06-04", ""},
		{"the agreement's end frees every party", "warsaw-1955", "1991-07-02", "pl", agreement.PartyEnded, "1991-07-01", ""},
		{"a year-only notice: still bound, leaving in 1973", "manila-1954", "1973-06-01", "pk", agreement.PartyBound, "1955-02-19", "1973"},
		{"the exact, preferred withdrawal wins over the notice's reckoning", "manila-1954", "1973-12-01", "pk", agreement.PartyWithdrawn, "1973-11-07", ""},
		{"the organisation ended, the treaty binds", "manila-1954", "1980-01-01", "us", agreement.PartyBound, "1955-02-19", ""},
		{"after its notice ran", "rio-1947", "2014-01-01", "ve", agreement.PartyWithdrawn, "2013", ""},
		{"back, by a contested accession", "rio-1947", "2020-01-01", "ve", agreement.PartyBound, "2019-07", ""},
		{"a depositary that is not a party", "rio-1947", "2020-01-01", "pau", agreement.PartyNotYet, "", ""},
		{"before its accession", "nato-1949", "1951-01-01", "tr", agreement.PartyNotYet, "", ""},
		{"after it", "nato-1949", "1960-01-01", "tr", agreement.PartyBound, "1952-02-18", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := cases[tt.treaty].StatusFor(tt.party, d(tt.day))
			if !ok || m.State != tt.state || m.From.String() != tt.since || m.Leaving.String() != tt.leaving {
				t.Errorf("%s on %s: %s since %q, leaving %q; want %s since %q, leaving %q (%s)",
					tt.party, tt.day, m.State, m.From, m.Leaving, tt.state, tt.since, tt.leaving, m.Basis)
			}
		})
	}
	// The contested accession says so, and follows the withdrawal: a
	// return, not a first joining.
	ve, _ := cases["rio-1947"].StatusFor("ve", d("2020-01-01"))
	if !ve.Contested || len(ve.Events) != 1 || ve.Events[0].Event != agreement.EventAcceded {
		t.Errorf("Venezuela in 2020: contested %v, events %v", ve.Contested, ve.Events)
	}
	var states []agreement.PartyState
	for _, sp := range cases["rio-1947"].Life().Spells("ve") {
		states = append(states, sp.State)
	}
	if want := []agreement.PartyState{agreement.PartySignatory, agreement.PartyBound, agreement.PartyWithdrawn, agreement.PartyBound}; !slices.Equal(states, want) {
		t.Errorf("Venezuela's spells: %v, want %v", states, want)
	}
	// The preferred report of the agreement's end decides its status.
	if st := cases["warsaw-1955"].StatusOn(d("1991-03-01")); st.State != agreement.StateInForce {
		t.Errorf("the Warsaw Treaty on 1991-03-01: %s since %s, want in force (the preferred end is 1991-07-01)", st.State, st.Since)
	}
	if st := cases["warsaw-1955"].StatusOn(d("1991-07-01")); st.State != agreement.StateTerminated || st.Since.String() != "1991-07-01" {
		t.Errorf("the Warsaw Treaty on 1991-07-01: %s since %s", st.State, st.Since)
	}
	// Exits: the end of the period for the Warsaw Treaty (Article 11),
	// the lock-in of NATO's Article 13, the Rio Treaty's two years.
	exits := []struct {
		treaty, party, day, noticeOn, out string
	}{
		{"warsaw-1955", "pl", "1970-01-01", "1970-01-01", "1975-06-04"},
		{"warsaw-1955", "pl", "1974-12-01", "1974-12-01", "1985-06-04"},
		{"nato-1949", "fr", "1966-03-07", "1969-08-24", "1970-08-24"},
		{"rio-1947", "us", "2020-01-01", "2020-01-01", "2022-01-01"},
		{"manila-1954", "pk", "1973-01-01", "1972", "1973"}, // it has given notice already
	}
	for _, x := range exits {
		got, why, ok := cases[x.treaty].EarliestExit(x.party, d(x.day))
		if !ok || got.NoticeOn.String() != x.noticeOn || got.Out.String() != x.out {
			t.Errorf("EarliestExit(%s, %s) in %s = notice %s, out %s (%s %s); want notice %s, out %s",
				x.party, x.day, x.treaty, got.NoticeOn, got.Out, got.Basis, why, x.noticeOn, x.out)
		}
	}
	// "Which states were bound to defend Turkey in 1960?"
	var defenders []string
	nato := cases["nato-1949"]
	for _, p := range nato.Parties {
		if o := nato.ObligationsBetween(p.ID, "tr", d("1960-01-01")); o.Binding {
			defenders = append(defenders, p.ID)
		}
	}
	if got := strings.Join(defenders, " "); got != "be fr gb us gr de" {
		t.Errorf("bound to Turkey in 1960: %s", got)
	}
	// The period questions.
	life := cases["warsaw-1955"].Life()
	if first, last, ok := life.BoundDuring("al", d("1960-01-01"), d("1970-12-31")); !ok || first.String() != "1960-01-01" || last.String() != "1968-09-12" {
		t.Errorf("Albania bound during the 1960s: %v from %s to %s", ok, first, last)
	}
	if _, _, ok := life.BoundDuring("al", d("1970-01-01"), d("1980-12-31")); ok {
		t.Error("Albania bound in the 1970s")
	}
}
