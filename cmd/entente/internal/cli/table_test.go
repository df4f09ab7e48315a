package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente-go/entente/internal/golden"
)

const exampleDir = "../../../../examples/agreements"

// TestTableCommand: a table of the examples, as CSV against a golden
// file; the same rows as JSON lines and as a JSON array.
func TestTableCommand(t *testing.T) {
	code, out, errOut := run("table", "member-years", "--from", "1994", "--to", "2000", exampleDir)
	if code != ExitClean || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden.Check(t, "testdata/table-member-years.csv", []byte(out))
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, lines, _ := run("table", "member-years", "--from", "1994", "--to", "2000", "--format", "jsonl", exampleDir)
	var objects []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		objects = append(objects, m)
	}
	_, array, _ := run("table", "member-years", "--from", "1994", "--to", "2000", "--format", "json", exampleDir)
	var all []map[string]any
	if err := json.Unmarshal([]byte(array), &all); err != nil {
		t.Fatal(err)
	}
	if len(objects) != len(recs)-1 || len(all) != len(objects) {
		t.Fatalf("%d CSV records, %d JSON lines, %d in the array", len(recs)-1, len(objects), len(all))
	}
	for i, rec := range recs[1:] {
		if objects[i]["party"] != rec[1] || strconv.Itoa(int(objects[i]["year"].(float64))) != rec[5] {
			t.Errorf("row %d: CSV %v, JSON %v", i, rec[:6], objects[i])
		}
	}
	// Uzbekistan left the CST in 1999 and was back in 2006: bound until
	// 1999-04-19, no row for 2000.
	if !strings.Contains(out, "cst-1992,uz,UZ,704,704,1999,1999-01-01,1999-04-19,0,") || strings.Contains(out, "cst-1992,uz,UZ,704,704,2000,") {
		t.Error("Uzbekistan's years are not as its spells say")
	}
}

// TestTableLeavesOutFilesWithErrors: a file with errors is named on
// stderr and left out, and the exit code says the table is not whole.
func TestTableLeavesOutFilesWithErrors(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join(exampleDir, "anzus-1951.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "anzus.yaml"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "broken.yaml"), bytes.Replace(good, []byte("kind: treaty"), []byte("kind: [treaty"), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "workflow.yaml"), []byte("on: push\njobs: {}\n"), 0o644)
	code, out, errOut := run("table", "agreements", "--to", "2025", dir)
	if code != ExitProblems || !strings.Contains(errOut, "broken.yaml") || strings.Contains(errOut, "workflow") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, "anzus-1951,") {
		t.Errorf("the table:\n%s", out)
	}
}

func TestTableUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"table"}, "name a table"},
		{[]string{"table", "dyad-yeras", exampleDir}, "did you mean dyad-years?"},
		{[]string{"table", "members", "--format", "xml", exampleDir}, "csv, jsonl or json"},
		{[]string{"table", "members", "--from", "2000", "--to", "1990", exampleDir}, "after --to"},
		{[]string{"explain", exampleDir + "/anzus-1951.yaml", "--party", "us"}, "explain FILE --party ID"},
		{[]string{"explain", exampleDir + "/anzus-1951.yaml", "--party", "fr", "--year", "1990"}, `has no party "fr"`},
	} {
		code, _, errOut := run(tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want usage and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// TestHelpCommand: entente help COMMAND prints the command's flags on
// stdout and exits 0; an unknown command gets a suggestion and exit 2.
func TestHelpCommand(t *testing.T) {
	for _, name := range commands {
		code, out, errOut := run("help", name)
		if code != ExitClean || errOut != "" || !strings.Contains(out, "Usage:") {
			t.Errorf("help %s: exit %d, stdout %.60q, stderr %q", name, code, out, errOut)
		}
	}
	if code, out, _ := run("help", "validate"); code != ExitClean || !strings.Contains(out, "-skip-other") {
		t.Errorf("help validate: exit %d, %.80q", code, out)
	}
	if code, _, errOut := run("help", "valdate"); code != ExitUsage || !strings.Contains(errOut, "did you mean validate?") {
		t.Errorf("help valdate: exit %d, %q", code, errOut)
	}
}
