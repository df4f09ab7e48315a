package agreement_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/yamlnode"
)

// FuzzParse loads arbitrary bytes. Loading must not panic; every
// diagnostic must carry a rule, a severity and (but for whole-file
// problems) a position inside the file; and a document that loads clean
// must survive a round trip through canonical YAML.
//
// The seeds are the example agreements, the error cases under
// testdata/err and the corpus under testdata/fuzz/FuzzParse. Run longer
// with: go test ./agreement -run '^$' -fuzz FuzzParse -fuzztime 10m
func FuzzParse(f *testing.F) {
	for _, src := range seedFiles(f, "../examples/agreements/*.yaml", "testdata/err/*.yaml") {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc := agreement.Parse("fuzz.yaml", src)
		// YAML breaks lines at \n, \r and (in YAML 1.1) at NEL, LS and PS,
		// of the text as decoded: a file read as UTF-16 has the lines of
		// its UTF-8 text.
		text := src
		if order, bom, utf16 := yamlnode.UTF16(src); utf16 {
			if bom {
				text = text[2:]
			}
			text = yamlnode.DecodeUTF16(text, order)
		}
		lines := 1 + bytes.Count(text, []byte("\n")) + bytes.Count(text, []byte("\r")) +
			bytes.Count(text, []byte("\u0085")) + bytes.Count(text, []byte("\u2028")) + bytes.Count(text, []byte("\u2029"))
		for _, d := range doc.Diagnostics {
			if d.Rule == "" || d.Severity == 0 || d.Message == "" {
				t.Fatalf("incomplete diagnostic %+v", d)
			}
			if d.Line < 1 || d.Line > lines+1 || d.Column < 1 {
				t.Fatalf("diagnostic outside the file (%d lines): %+v", lines, d)
			}
		}
		if len(doc.Diagnostics) > 0 {
			return
		}
		out, err := agreement.MarshalYAML(doc.Agreement)
		if err != nil {
			t.Fatalf("MarshalYAML: %v", err)
		}
		again := agreement.Parse("again.yaml", out)
		findings := again.Diagnostics
		if bytes.Contains(src, []byte("entente:ignore")) {
			// MarshalYAML writes no comments, so what a suppression hid
			// comes back: only the model must survive the round trip.
			findings = nil
		}
		if len(findings) > 0 {
			t.Fatalf("canonical output does not load: %v\n%s", again.Diagnostics, out)
		}
		if diff := cmp.Diff(doc.Agreement, again.Agreement); diff != "" {
			t.Fatalf("round trip changed the agreement:\n%s", diff)
		}
	})
}

// FuzzDate parses arbitrary text as a date: no panic; what parses prints
// back as the same text, and lies in its own span.
//
//	go test ./agreement -run '^$' -fuzz FuzzDate -fuzztime 10m
func FuzzDate(f *testing.F) {
	for _, s := range []string{"2025", "2025-01", "2025-01-17", "2024-02-29", "2025~", "2025-07?", "1961%", "2025-02-30", "0000", "17.01.2025", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := agreement.ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		if d.Last().Before(d.First()) {
			t.Fatalf("%q: span %v..%v runs backwards", s, d.First(), d.Last())
		}
		for _, dur := range []string{"P1Y", "P1M", "P30D", "P2W"} {
			later := d.Add(agreement.MustDuration(dur))
			if later.Precision() != d.Precision() || later.Approximate != d.Approximate || later.Uncertain != d.Uncertain {
				t.Fatalf("%q + %s = %v: precision or qualifiers changed", s, dur, later)
			}
			if later.First().Before(d.First()) {
				t.Fatalf("%q + %s = %v goes back in time", s, dur, later)
			}
		}
	})
}

// FuzzDuration parses arbitrary text as a duration: no panic; what parses
// prints back as the same text.
func FuzzDuration(f *testing.F) {
	for _, s := range []string{"P20Y", "P1Y6M", "P2W", "P30D", "P1Y2M3W4D", "P0D", "PT1H", "20Y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := agreement.ParseDuration(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDuration(%q).String() = %q", s, d.String())
		}
	})
}

// FuzzFormat formats arbitrary input: when it formats, the model is
// unchanged and formatting again changes nothing.
//
//	go test ./agreement -run '^$' -fuzz FuzzFormat -fuzztime 10m
func FuzzFormat(f *testing.F) {
	for _, src := range seedFiles(f, "../schema/testdata/corpus/*/*.yaml", "testdata/fmt/*.yaml", "../examples/agreements/ru-kp-2000.yaml", "testdata/err/membership.yaml") {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, _ := agreement.Format("fuzz.yaml", src)
		if out == nil {
			return
		}
		before, after := agreement.Parse("a.yaml", src), agreement.Parse("b.yaml", out)
		if len(loadProblems(after.Diagnostics)) > 0 {
			t.Fatalf("formatted output does not load: %v\n%s", loadProblems(after.Diagnostics), out)
		}
		if !cmp.Equal(before.Agreement, after.Agreement) {
			t.Fatalf("formatting changed the model:\n%s", cmp.Diff(before.Agreement, after.Agreement))
		}
		again, _ := agreement.Format("fuzz.yaml", out)
		if !bytes.Equal(again, out) {
			t.Fatalf("formatting twice differs from once:\n%s", cmp.Diff(string(out), string(again)))
		}
	})
}

// seedFiles reads the files matching the patterns, for a fuzz target's seeds.
func seedFiles(f *testing.F, patterns ...string) [][]byte {
	var out [][]byte
	for _, pattern := range patterns {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			out = append(out, src)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no seed files match %v", patterns)
	}
	return out
}

// FuzzSuppressions loads arbitrary files with suppression comments: a
// suppression never hides a finding that stops a file being read or a
// missing required field, so those findings are the same with the
// suppressions as with every one of them disabled.
//
//	go test ./agreement -run '^$' -fuzz FuzzSuppressions -fuzztime 10m
func FuzzSuppressions(f *testing.F) {
	for _, src := range seedFiles(f, "testdata/err/suppress.yaml", "../examples/agreements/*.yaml") {
		f.Add(src)
	}
	f.Add([]byte("format: entente/v1 # entente:ignore schema.required -- r\nid: x\n"))
	f.Add([]byte("format: entente/v1\nid: x\ntitle: |\n  # entente:ignore schema.type -- r\n  t\nkind: [treaty] # entente:ignore load.shape -- r\n"))
	f.Add([]byte("format: entente/v1\ntitle: \"a\n # entente:ignore syntax -- r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		unsuppressible := func(ds agreement.Diagnostics) []string {
			var out []string
			for _, d := range ds {
				if !d.Rule.Suppressible() && d.Rule != agreement.RuleSuppressMalformed {
					// By rule and place: a message may quote the text the
					// other run changed.
					out = append(out, fmt.Sprintf("%d:%d %s", d.Line, d.Column, d.Rule))
				}
			}
			return out
		}
		with := agreement.Parse("f.yaml", src)
		without := agreement.Parse("f.yaml", bytes.ReplaceAll(src, []byte("entente:ignore"), []byte("entente:ignorx")))
		if diff := cmp.Diff(unsuppressible(without.Diagnostics), unsuppressible(with.Diagnostics)); diff != "" {
			t.Fatalf("suppressions changed findings that cannot be suppressed (-without +with):\n%s", diff)
		}
	})
}
