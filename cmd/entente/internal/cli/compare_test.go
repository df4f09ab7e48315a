package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const smallTreaty = `format: entente/v1
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

// TestCompareCommand: the disagreements with a file in ATOP's layout, on
// stdout with the lines of the dataset, and exit 1; none with a file in
// COW's, and exit 0.
func TestCompareCommand(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "small.yaml"), []byte(smallTreaty), 0o644)
	code, out, errOut := run("compare", "--atop", "../../../../datasets/testdata/atop-layout.csv", dir)
	if code != ExitProblems || !strings.Contains(out, "small (atop 1): IT: entry: 2000-01-01 here, 2001 in atop (line 4)") ||
		!strings.Contains(errOut, "1 agreement compared with atop: 3 disagreements; 1 alliance of the file named by no agreement") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut = run("compare", "--cow", "../../../../datasets/testdata/cow-layout.csv", "--format", "json", dir)
	if code != ExitClean || !strings.Contains(out, `"compared": [`) || !strings.Contains(errOut, "0 disagreements") {
		t.Errorf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, args := range [][]string{{"compare", dir}, {"compare", "--atop", "a.csv", "--cow", "b.csv", dir}} {
		if code, _, _ := run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if code, _, errOut := run("compare", "--cow", "../../../../datasets/testdata/atop-layout.csv", dir); code != ExitFailure || !strings.Contains(errOut, `no column "version4id"`) {
		t.Errorf("a file in another layout: exit %d, %s", code, errOut)
	}
}
