package agreement_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestRuleConstantNames checks that every rule constant is named after
// its id: id.duplicate is RuleIDDuplicate, load.unknown-field is
// RuleLoadUnknownField.
func TestRuleConstantNames(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.ValueSpec)
			if !ok || spec.Type == nil || len(spec.Values) != len(spec.Names) {
				return true
			}
			if id, ok := spec.Type.(*ast.Ident); !ok || id.Name != "Rule" {
				return true
			}
			for i, ident := range spec.Names {
				lit, ok := spec.Values[i].(*ast.BasicLit)
				if !ok {
					continue
				}
				found++
				id := strings.Trim(lit.Value, `"`)
				if want := ruleConstName(id); ident.Name != want {
					t.Errorf("%s: rule %q is named %s, want %s", fset.Position(ident.Pos()), id, ident.Name, want)
				}
			}
			return true
		})
	}
	if found != len(agreement.Rules()) {
		t.Errorf("found %d rule constants, the catalogue has %d rules", found, len(agreement.Rules()))
	}
}

func ruleConstName(id string) string {
	var b strings.Builder
	b.WriteString("Rule")
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '.' || r == '-' }) {
		if part == "id" {
			b.WriteString("ID")
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
