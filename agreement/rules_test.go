package agreement_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
)

// TestRulesDocumented checks that every rule has a doc line and that the
// README's table lists exactly the rules of the catalogue.
func TestRulesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []agreement.Rule
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z.-]+)` \\|").FindAllSubmatch(readme, -1) {
		listed = append(listed, agreement.Rule(m[1]))
	}
	if diff := cmp.Diff(agreement.Rules(), listed); diff != "" {
		t.Errorf("README rule table differs from agreement.Rules() (-catalogue +README):\n%s", diff)
	}
	for _, r := range agreement.Rules() {
		if r.Doc() == "" {
			t.Errorf("rule %s has no doc line", r)
		}
	}
}
