package parties

import (
	"slices"
	"strings"

	"github.com/entente-go/entente/internal/suggest"
)

// Organisation is an intergovernmental organisation: a possible party to
// an agreement, or a context the parties act through.
type Organisation struct {
	Code    string // lower case, as written in documents: sco
	Name    string // Shanghai Cooperation Organisation
	Founded string // a partial date, EDTF: 2001-06-15
	// Dissolved is the day the organisation ended, for one that no longer
	// exists; the treaty it served may stay in force (SEATO ended in 1977,
	// the Manila Pact did not).
	Dissolved string
	Members   []Membership // full members, as far as the registry states them
	Observers []Membership // observers, partners, associates
	Source    string       // where the facts come from
	Note      string
}

// Membership is one country's membership of an organisation.
type Membership struct {
	Country string // ISO 3166-1 alpha-2
	Joined  string // a partial date, EDTF; empty when the registry does not state it
	Note    string
}

// LookupOrganisation finds an organisation by its code, ignoring case.
func LookupOrganisation(code string) (Organisation, bool) {
	code = strings.ToLower(code)
	i := slices.IndexFunc(organisations, func(o Organisation) bool { return o.Code == code })
	if i < 0 {
		return Organisation{}, false
	}
	return organisations[i], true
}

// Organisations returns every organisation of the registry, sorted by code.
func Organisations() []Organisation {
	out := slices.Clone(organisations)
	slices.SortFunc(out, func(a, b Organisation) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// IsMember reports whether the country (alpha-2) is a full member of the
// organisation according to the registry.
func (o Organisation) IsMember(country string) bool {
	return slices.ContainsFunc(o.Members, func(m Membership) bool { return strings.EqualFold(m.Country, country) })
}

// SuggestOrganisation returns a hint for a code not in the registry.
func SuggestOrganisation(code string) string {
	codes := make([]string, len(organisations))
	for i, o := range organisations {
		codes[i] = o.Code
		if strings.EqualFold(o.Name, code) {
			return "the code of " + o.Name + " is " + o.Code
		}
	}
	if best, ok := suggest.Closest(code, codes); ok {
		return "did you mean " + best + "?"
	}
	slices.Sort(codes)
	return "known organisations: " + strings.Join(codes, ", ")
}

func members(joined string, countries ...string) []Membership {
	out := make([]Membership, len(countries))
	for i, c := range countries {
		out[i] = Membership{Country: c, Joined: joined}
	}
	return out
}

func join(lists ...[]Membership) []Membership { return slices.Concat(lists...) }

// organisations is the curated registry. Each entry cites its source in a
// comment and in Source. Dates are stated only where the source gives
// them; a membership without a date is a membership whose date the
// registry does not state.
var organisations = []Organisation{
	// United Nations Charter, signed 26 June 1945, in force 24 October 1945
	// (un.org, "History of the United Nations"). The 193 member states are
	// not yet listed here.
	{
		Code: "un", Name: "United Nations", Founded: "1945-10-24",
		Source: "United Nations, un.org: History of the United Nations; Member States",
		Note:   "193 member states; the member list is not curated in this registry yet",
	},
	// SCO: founding declaration of 15 June 2001 (Shanghai); India and
	// Pakistan admitted at the Astana summit, 9 June 2017; Iran at the
	// (virtual) New Delhi summit, 4 July 2023; Belarus at the Astana summit,
	// 4 July 2024 (sectsco.org, summit declarations).
	{
		Code: "sco", Name: "Shanghai Cooperation Organisation", Founded: "2001-06-15",
		Members: join(
			members("2001-06-15", "CN", "KZ", "KG", "RU", "TJ", "UZ"),
			members("2017-06-09", "IN", "PK"),
			members("2023-07-04", "IR"),
			members("2024-07-04", "BY"),
		),
		Source: "SCO Secretariat, sectsco.org; declarations of the Astana (2017, 2024) and New Delhi (2023) summits",
	},
	// BRICS: first summit of Brazil, Russia, India and China at
	// Yekaterinburg, 16 June 2009; South Africa invited in December 2010;
	// Egypt, Ethiopia, Iran and the UAE members from 1 January 2024
	// (Johannesburg summit declaration, August 2023); Indonesia announced as
	// a member on 6 January 2025 by the Brazilian presidency.
	{
		Code: "brics", Name: "BRICS", Founded: "2009-06-16",
		Members: join(
			members("2009-06-16", "BR", "RU", "IN", "CN"),
			members("2010-12", "ZA"),
			members("2024-01-01", "EG", "ET", "IR", "AE"),
			members("2025-01-06", "ID"),
		),
		Source: "Joint statements of the BRICS summits (2009 Yekaterinburg, 2023 Johannesburg II declaration); Brazilian BRICS presidency statement of 6 January 2025",
		Note:   "Saudi Arabia was invited in 2023; whether it has joined is disputed, so it is not listed",
	},
	// EAEU: Treaty on the Eurasian Economic Union, signed 29 May 2014, in
	// force 1 January 2015 (eaeunion.org); Armenia from 2 January 2015,
	// Kyrgyzstan from 12 August 2015.
	{
		Code: "eaeu", Name: "Eurasian Economic Union", Founded: "2015-01-01",
		Members: join(
			members("2015-01-01", "BY", "KZ", "RU"),
			members("2015-01-02", "AM"),
			members("2015-08-12", "KG"),
		),
		Observers: []Membership{
			{Country: "IR", Note: "observer state; also linked by a free-trade agreement (facts/agreements.md)"},
		},
		Source: "Eurasian Economic Commission, eaeunion.org: Member States",
	},
	// EU: dates of accession to the European Communities (the founding six
	// from the EEC's start, 1 January 1958), from europa.eu, "EU member
	// countries in brief"; the Union itself dates from the Maastricht
	// Treaty, in force 1 November 1993.
	{
		Code: "eu", Name: "European Union", Founded: "1958-01-01",
		Members: join(
			members("1958-01-01", "BE", "DE", "FR", "IT", "LU", "NL"),
			members("1973-01-01", "DK", "IE"),
			members("1981-01-01", "GR"),
			members("1986-01-01", "ES", "PT"),
			members("1995-01-01", "AT", "FI", "SE"),
			members("2004-05-01", "CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI"),
			members("2007-01-01", "BG", "RO"),
			members("2013-07-01", "HR"),
		),
		Source: "europa.eu: EU member countries in brief",
		Note:   "founding and joining dates are those of the European Communities (from 1958); the Union under that name dates from 1 November 1993",
	},
	// NATO: North Atlantic Treaty in force 24 August 1949; accession dates
	// from nato.int, "Member countries".
	{
		Code: "nato", Name: "North Atlantic Treaty Organization", Founded: "1949-08-24",
		Members: join(
			members("1949-08-24", "BE", "CA", "DK", "FR", "IS", "IT", "LU", "NL", "NO", "PT", "GB", "US"),
			members("1952-02-18", "GR", "TR"),
			members("1955-05-06", "DE"),
			members("1982-05-30", "ES"),
			members("1999-03-12", "CZ", "HU", "PL"),
			members("2004-03-29", "BG", "EE", "LV", "LT", "RO", "SK", "SI"),
			members("2009-04-01", "AL", "HR"),
			members("2017-06-05", "ME"),
			members("2020-03-27", "MK"),
			members("2023-04-04", "FI"),
			members("2024-03-07", "SE"),
		),
		Source: "NATO, nato.int: Member countries",
	},
	// CSTO: Collective Security Treaty signed 15 May 1992; the organisation's
	// charter signed 7 October 2002 (odkb-csto.org). Armenia froze its
	// participation in 2024 but has not left.
	{
		Code: "csto", Name: "Collective Security Treaty Organization", Founded: "2002-10-07",
		Members: join(
			members("", "AM", "BY", "KZ", "KG", "RU", "TJ"),
		),
		Source: "CSTO Secretariat, odkb-csto.org: member states",
		Note:   "Armenia froze its participation in 2024; joining dates are not stated here",
	},
	// ASEAN: Bangkok Declaration of 8 August 1967; later admissions from
	// asean.org, "ASEAN Member States"; Timor-Leste admitted at the 47th
	// summit, Kuala Lumpur, 26 October 2025.
	{
		Code: "asean", Name: "Association of Southeast Asian Nations", Founded: "1967-08-08",
		Members: join(
			members("1967-08-08", "ID", "MY", "PH", "SG", "TH"),
			members("1984-01-07", "BN"),
			members("1995-07-28", "VN"),
			members("1997-07-23", "LA", "MM"),
			members("1999-04-30", "KH"),
			members("2025-10-26", "TL"),
		),
		Source: "ASEAN Secretariat, asean.org: ASEAN Member States; Chairman's statement of the 47th ASEAN Summit",
	},
	// African Union: launched 9 July 2002 (Durban), succeeding the OAU;
	// Morocco readmitted 30 January 2017 (au.int, "Member States"). Western
	// Sahara is a member as the Sahrawi Arab Democratic Republic (ISO EH).
	{
		Code: "au", Name: "African Union", Founded: "2002-07-09",
		Members: join(
			members("", "DZ", "AO", "BJ", "BW", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD",
				"CI", "DJ", "EG", "GQ", "ER", "SZ", "ET", "GA", "GM", "GH", "GN", "GW", "KE", "LS",
				"LR", "LY", "MG", "MW", "ML", "MR", "MU", "MZ", "NA", "NE", "NG", "RW", "EH", "ST",
				"SN", "SC", "SL", "SO", "ZA", "SS", "SD", "TZ", "TG", "TN", "UG", "ZM", "ZW"),
			members("2017-01-30", "MA"),
		),
		Source: "African Union, au.int: Member States",
		Note:   "55 members; several are suspended from its activities from time to time, which this registry does not track",
	},
	// OPEC: founded at Baghdad, 14 September 1960; joining years from
	// opec.org, "Member Countries". Members that have left (Angola, Ecuador,
	// Qatar, Indonesia) are not listed.
	{
		Code: "opec", Name: "Organization of the Petroleum Exporting Countries", Founded: "1960-09-14",
		Members: join(
			members("1960-09-14", "IR", "IQ", "KW", "SA", "VE"),
			members("1962", "LY"),
			members("1967", "AE"),
			members("1969", "DZ"),
			members("1971", "NG"),
			[]Membership{{Country: "GA", Joined: "2016", Note: "member 1975-1995, rejoined 2016"}},
			members("2017", "GQ"),
			members("2018", "CG"),
		),
		Source: "OPEC, opec.org: Member Countries",
	},
	// GCC: charter signed at Abu Dhabi, 25 May 1981 (gcc-sg.org).
	{
		Code: "gcc", Name: "Gulf Cooperation Council", Founded: "1981-05-25",
		Members: members("1981-05-25", "BH", "KW", "OM", "QA", "SA", "AE"),
		Source:  "GCC Secretariat General, gcc-sg.org: the Charter",
	},
	// CIS: Agreement of 8 December 1991 and Alma-Ata Protocol of 21 December
	// 1991 (cis.minsk.by). Georgia left in 2009; Ukraine stopped taking part
	// in 2018; Turkmenistan is an associate member since 2005.
	{
		Code: "cis", Name: "Commonwealth of Independent States", Founded: "1991-12-08",
		Members: members("", "AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "UZ"),
		Observers: []Membership{
			{Country: "TM", Joined: "2005", Note: "associate member"},
		},
		Source: "CIS Executive Committee, cis.minsk.by: member states",
		Note:   "Moldova has begun to withdraw from CIS agreements; joining dates are not stated here",
	},
	// Historic organisations of the collective-defence treaties, with their
	// dates; members are not curated (their treaties' files list them).
	// OAS: Charter signed at Bogotá, 30 April 1948, in force 13 December
	// 1951 (oas.org, "Who we are"); the depositary of the Rio Treaty through
	// its General Secretariat (formerly the Pan American Union).
	{
		Code: "oas", Name: "Organization of American States", Founded: "1951-12-13",
		Source: "OAS, oas.org: Who we are; the Charter of the OAS",
		Note:   "35 member states; the member list is not curated in this registry yet",
	},
	// SEATO: set up under the Southeast Asia Collective Defense Treaty
	// (Manila, 8 September 1954; in force 19 February 1955, UNTS 2819);
	// dissolved on 30 June 1977, while the treaty stayed in force
	// (historypak.com, "Pakistan and the South East Asia Treaty
	// Organization"; Gibler, International Military Alliances, 4.1357).
	{
		Code: "seato", Name: "Southeast Asia Treaty Organization", Founded: "1955-02-19", Dissolved: "1977-06-30",
		Source: "Gibler, International Military Alliances 1648-2008, entry 4.1357; historypak.com on SEATO",
		Note:   "the organisation ended; the Manila Pact itself was not terminated",
	},
	// The Warsaw Treaty Organization: the Treaty of Friendship, Cooperation
	// and Mutual Assistance, signed at Warsaw on 14 May 1955; its end
	// declared at Budapest on 25 February 1991 and formally in Prague on
	// 1 July 1991 (bpb.de chronicle for 14 May 1955; al-jazirah.com,
	// 12 September 2004).
	{
		Code: "warsaw-pact", Name: "Warsaw Treaty Organization", Founded: "1955-05-14", Dissolved: "1991-07-01",
		Source: "bpb.de, Deutschland-Chronik, 14 May 1955; al-jazirah.com, 12 September 2004",
		Note:   "its military structures ended on 31 March 1991; the protocol of dissolution was signed in Prague on 1 July 1991",
	},
	// CENTO: the Baghdad Pact of 24 February 1955, the Central Treaty
	// Organization from 1959; it ended in 1979 after Iran, Pakistan and
	// Turkey left (Gibler, International Military Alliances, entry for the
	// Baghdad Pact).
	{
		Code: "cento", Name: "Central Treaty Organization", Founded: "1955-02-24", Dissolved: "1979",
		Source: "Gibler, International Military Alliances 1648-2008, the Baghdad Pact",
		Note:   "the Baghdad Pact Organization until 1959; the day of its end in 1979 is not stated here",
	},
}
