package golden

import (
	"os"
	"strings"
	"testing"
)

// DocBlock returns the fenced code block of lang (```lang) that follows
// marker in the document at path, for a test that runs a page's own text:
// the page changes, the test runs what it now says.
func DocBlock(t testing.TB, path, marker, lang string) string {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), marker)
	if !ok {
		t.Fatalf("%s has no %q", path, marker)
	}
	_, block, ok := strings.Cut(after, "```"+lang+"\n")
	if !ok {
		t.Fatalf("%s has no %s block after %q", path, lang, marker)
	}
	code, _, ok := strings.Cut(block, "```")
	if !ok {
		t.Fatalf("%s: the %s block after %q is not closed", path, lang, marker)
	}
	return code
}
