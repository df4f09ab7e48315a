package datasets_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/datasets"
)

// treaty is a small agreement of France, Germany and Italy: Italy leaves
// on notice in 2010, and the files of testdata code it in each dataset's
// layout, with synthetic ids and some disagreements.
const treaty = `format: entente/v1
id: small
version: {label: v, stage: in-force}
title: T
kind: treaty
identifiers: {atop: "1", cow: "7"}
parties:
  - {id: fr, kind: state, country: FR}
  - {id: de, kind: state, country: DE}
  - {id: it, kind: state, country: IT}
term: {indefinite: true, withdrawal: {notice: P1Y}}
clauses:
  - {id: art-4, num: "4", commitments: [{modality: shall, by: each, kind: consultation}]}
  - {id: art-5, num: "5", commitments: [{modality: shall, by: each, kind: mutual-defence}]}
timeline:
  - {date: "2000-01-01", event: signed}
  - {date: "2000-01-01", event: entered-into-force}
  - {date: "2009-03-01", event: withdrawal-notified, party: it}
`

func read(t *testing.T, name string, l datasets.Layout) []datasets.Membership {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := datasets.Read(f, name, l)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func compare(t *testing.T, l datasets.Layout, rows []datasets.Membership) datasets.Report {
	t.Helper()
	doc := agreement.Parse("small.yaml", []byte(treaty))
	if doc.Diagnostics.HasErrors() {
		t.Fatal(doc.Diagnostics)
	}
	return datasets.Compare(slices.Values([]*agreement.Agreement{doc.Agreement}), l, rows)
}

func TestCompareATOP(t *testing.T) {
	rep := compare(t, datasets.ATOP, read(t, "atop-layout.csv", datasets.ATOP))
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.String())
	}
	want := []string{
		// Italy: in from 2000 here, 2001 there; out on 2010-03-01 in both.
		"small (atop 1): IT: entry: 2000-01-01 here, 2001 in atop (line 4)",
		"small (atop 1): IT: consultation: owed (art-4) here, not coded in atop (line 4)",
		"small (atop 1): 230: member: not a party here, a member from 2000-01-01 in atop (line 5)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(rep.Compared) != 1 || rep.Unmatched != 1 {
		t.Errorf("compared %v, unmatched %d", rep.Compared, rep.Unmatched)
	}
}

func TestCompareCOW(t *testing.T) {
	rep := compare(t, datasets.COW, read(t, "cow-layout.csv", datasets.COW))
	// Germany is 255 in this file, 260 in ATOP's: both are its codes.
	// COW codes no offence; Italy's exit agrees.
	if len(rep.Findings) != 0 {
		t.Errorf("findings: %v", rep.Findings)
	}
}

func TestReadRefusesOtherLayouts(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"atopid,member\n1,2\n", `x.csv:1: no column "yrent"`},
		{"atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul\n1,two,2000,1,1,0,0,0,1,0,0,0,0\n", `x.csv:2: column member: "two" is not a whole number`},
	} {
		_, err := datasets.Read(strings.NewReader(tt.src), "x.csv", datasets.ATOP)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read: %v, want %q", err, tt.want)
		}
	}
}
