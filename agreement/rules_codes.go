package agreement

import (
	"fmt"
	"slices"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/lang"
	"github.com/entente-go/entente/parties"
)

// The rules of ISO codes.
const (
	RuleCodeCountry  Rule = "code.country"  // a country code that is not ISO 3166-1 alpha-2
	RuleCodeLanguage Rule = "code.language" // a language code that is not ISO 639-1
)

var codeRules = []ruleDef{
	{rule: RuleCodeCountry, doc: "A country code that is not an ISO 3166-1 alpha-2 code or a former country's ISO 3166-3 alpha-4 code, or a state party without one.", check: (*checker).countries},
	{rule: RuleCodeLanguage, doc: "A language code that is not ISO 639-1, or an authentic language not among the languages (warning).", mixed: true, check: (*checker).languages},
}

// countries checks the parties' country codes.
func (c *checker) countries() {
	paths := elems(root.Child("parties"), c.a.Parties, partyID)
	for i, p := range c.a.Parties {
		if (p.Kind == parties.KindState || p.Kind == parties.KindSubnational) && p.Country == "" && p.Name == "" {
			c.report(paths.path(i), fmt.Sprintf("party %q is a %s but gives no country", p.ID, p.Kind), "add country: with an ISO 3166-1 alpha-2 code")
		}
		if p.Country != "" {
			if _, ok := parties.CountryName(p.Country); !ok {
				msg := fmt.Sprintf("%q is not an ISO 3166-1 alpha-2 country code", p.Country)
				if len(p.Country) == 4 {
					msg = fmt.Sprintf("%q is not the ISO 3166-3 alpha-4 code of a former country", p.Country)
				}
				c.report(paths.path(i).Child("country"), msg, parties.SuggestCountry(p.Country))
			}
		}
	}
}

// languages checks the language codes of the document and its texts.
func (c *checker) languages() {
	for _, field := range []struct {
		name  string
		codes []string
	}{{"languages", c.a.Languages}, {"authentic", c.a.Authentic}} {
		for i, code := range field.codes {
			c.language(field.name, i, code)
		}
	}
	for i, code := range c.a.Authentic {
		if len(c.a.Languages) > 0 && !slices.Contains(c.a.Languages, code) {
			c.warn(root.Child("authentic").Index(i), fmt.Sprintf("%q is authentic but not among the languages", code), "add it to languages:")
		}
	}
	for i, r := range c.a.Preamble {
		c.text(func() docpath.Path { return root.Child("preamble").Index(i).Child("text") }, r.Text)
	}
	c.clauseTexts()
}

// language checks the i-th code of the document's list named field.
func (c *checker) language(field string, i int, code string) {
	if _, ok := lang.Name(code); !ok {
		c.report(root.Child(field).Index(i), fmt.Sprintf("%q is not an ISO 639-1 language code", code), "use a two-letter code such as en, ru or fa")
	}
}

// text checks the languages of a text given by language; at gives its
// path, asked for only when there is something to report.
func (c *checker) text(at func() docpath.Path, t Text) {
	for l := range t.ByLanguage {
		if _, ok := lang.Name(l); !ok {
			c.report(at().Child(l), fmt.Sprintf("%q is not an ISO 639-1 language code", l), "use a two-letter code such as en, ru or fa")
		}
	}
}

func (c *checker) clauseTexts() {
	c.clauseLists(func(cs []Clause, at clauseAt) {
		for i := range cs {
			if len(cs[i].Text.ByLanguage) > 0 {
				c.text(func() docpath.Path { return at.elem(cs, i).Child("text") }, cs[i].Text)
			}
		}
	})
}
