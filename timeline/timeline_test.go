package timeline_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/golden"
	"github.com/entente-go/entente/timeline"
)

var examples = []string{"ir-ru-csp-2025", "ru-kp-csp-2024", "ir-ru-2001", "cst-1992", "anzus-1951"}

func load(t *testing.T, name string) *agreement.Agreement {
	t.Helper()
	doc, err := agreement.ReadFile("../examples/agreements/" + name + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Diagnostics.HasErrors() {
		t.Fatal(doc.Diagnostics.Err())
	}
	return doc.Agreement
}

// TestMermaid keeps each example's diagram in a golden file; .ci/mermaid-check
// parses the golden files with Mermaid itself.
func TestMermaid(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			got := timeline.Mermaid(load(t, name))
			for i, line := range strings.Split(strings.TrimSpace(got), "\n")[2:] {
				trimmed := strings.TrimSpace(line)
				if !strings.HasPrefix(trimmed, "section ") && strings.Count(trimmed, " : ") != 1 {
					t.Errorf("line %d is not one event: %q", i+3, line)
				}
			}
			golden.Check(t, "testdata/"+name+".mmd", []byte(got))
		})
	}
}

// TestSVG checks that each picture is well-formed XML and keeps it in a
// golden file (the README shows the Iran–Russia one).
func TestSVG(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			got := timeline.SVG(load(t, name))
			dec := xml.NewDecoder(bytes.NewReader(got))
			for {
				_, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed XML: %v", err)
				}
			}
			golden.Check(t, "testdata/"+name+".svg", got)
		})
	}
}

func TestConflictsAreVisible(t *testing.T) {
	a := load(t, "ir-ru-csp-2025")
	m := timeline.Mermaid(a)
	if strings.Count(m, "reports differ") != 2 || !strings.Contains(m, "reports differ - preferred") {
		t.Errorf("the two entry-into-force reports are not both marked:\n%s", m)
	}
	svg := string(timeline.SVG(a))
	if strings.Count(svg, "reports differ") != 2 {
		t.Errorf("the SVG does not mark both reports")
	}
}

func ExampleMermaid() {
	doc, _ := agreement.ReadFile("../examples/agreements/ru-kp-csp-2024.yaml")
	lines := strings.Split(timeline.Mermaid(doc.Agreement), "\n")
	for _, l := range lines[:6] {
		os.Stdout.WriteString(l + "\n")
	}
	// Output:
	// timeline
	//     title Russia–North Korea Comprehensive Strategic Partnership Treaty
	//     section Signature
	//         2024-06-18 : signed in Pyongyang [reports differ] per reference-works
	//         2024-06-19 : signed in Pyongyang [reports differ - preferred] per reports-2024-06
	//     section Ratification
}
