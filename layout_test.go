package entente_test

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/entente-go/entente"

// layers is docs/design.md's picture of the module, top to bottom. A package
// may import packages of its own layer or of layers below it, never one
// above. A pattern ending in "/..." takes every package beneath it.
var layers = []struct {
	what     string
	packages []string
}{
	{"programs", []string{".", "cmd/entente", "examples/...", "bench/..."}},
	{"the command's flags, formats and output", []string{"cmd/entente/internal/cli"}},
	{"the language server; the registry database", []string{"cmd/entente/internal/lsp", "cmd/entente/internal/registry"}},
	{"comparing versions; pictures; tables; datasets", []string{"agreement/diff", "timeline", "tables", "datasets"}},
	{"the model, loading, rules, questions", []string{"agreement"}},
	{"the schema; the registries", []string{"schema", "parties", "topics"}},
	{"the tree codec; the quick schema check", []string{"internal/codec", "internal/quickschema"}},
	{"the YAML reader; code tables; vocabularies", []string{"internal/yamlnode", "internal/lang", "internal/enum"}},
	{"paths into a document; did you mean; opening files", []string{"docpath", "internal/suggest", "internal/regular"}},
}

// libraries are the dependencies and the only packages that may import
// them, so that no other package can let one of their types into its API
// (TestNoLibraryTypeInTheAPI checks the signatures themselves). A library
// not named here may not be imported at all.
var libraries = map[string][]string{
	"go.yaml.in/":                 {"internal/yamlnode", "internal/codec"},
	"github.com/santhosh-tekuri/": {"schema"},
	"github.com/google/go-cmp/":   {"internal/golden"},
	"modernc.org/":                {"cmd/entente/internal/registry"},
}

// testLibraries may be imported by any package's tests besides the
// packages above: go-cmp to compare, jsonschema to check outputs against
// their schemas, the SQLite driver to read a database back.
var testLibraries = []string{"github.com/google/go-cmp/", "github.com/santhosh-tekuri/", "modernc.org/"}

// testSupport are packages that only tests import; they may import
// anything.
var testSupport = []string{"internal/gen", "internal/golden", "internal/corpus"}

func layerOf(pkg string) int {
	for i, l := range layers {
		for _, p := range l.packages {
			tree, isTree := strings.CutSuffix(p, "/...")
			if p == pkg || (isTree && (pkg == tree || strings.HasPrefix(pkg, tree+"/"))) {
				return i
			}
		}
	}
	return -1
}

// TestLayout checks that every import of every package points down the
// picture in docs/design.md, that every package has its place in it, and that
// each library is imported only where the README's dependencies say.
func TestLayout(t *testing.T) {
	imports := map[string][]string{}     // package (relative) -> the module's packages it imports, and outside ones
	testImports := map[string][]string{} // the same, for its test files
	err := filepath.WalkDir(".", func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() {
			return nil
		}
		if name := e.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		p, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // no Go files here
		}
		imports[filepath.ToSlash(path)] = p.Imports
		testImports[filepath.ToSlash(path)] = append(slices.Clone(p.TestImports), p.XTestImports...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports) < 15 {
		t.Fatalf("found %d packages; the walk is broken", len(imports))
	}
	picture, err := os.ReadFile("docs/design.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range layers {
		for _, p := range l.packages {
			if p != "." && !strings.Contains(string(picture), strings.TrimSuffix(p, "...")) {
				t.Errorf("docs/design.md's picture does not show %s", p)
			}
		}
	}
	for pkg, imps := range imports {
		if slices.Contains(testSupport, pkg) {
			continue
		}
		from := layerOf(pkg)
		if from < 0 {
			t.Errorf("package %s has no place in the layout: add it to the picture in docs/design.md and to layers", pkg)
			continue
		}
		for _, imp := range testImports[pkg] {
			ok := isStd(imp) || strings.HasPrefix(imp, module) || slices.ContainsFunc(testLibraries, func(lib string) bool { return strings.HasPrefix(imp, lib) })
			for lib, allowed := range libraries {
				ok = ok || (strings.HasPrefix(imp, lib) && slices.Contains(allowed, pkg))
			}
			if !ok {
				t.Errorf("%s's tests import %s, a library the layout does not name", pkg, imp)
			}
		}
		for _, imp := range imps {
			named := isStd(imp) || strings.HasPrefix(imp, module)
			for lib, allowed := range libraries {
				if strings.HasPrefix(imp, lib) {
					named = true
					if !slices.Contains(allowed, pkg) {
						t.Errorf("%s imports %s: only %v may", pkg, imp, allowed)
					}
				}
			}
			if !named {
				t.Errorf("%s imports %s, a library the layout does not name: weigh it, name it in the README's dependencies and in libraries", pkg, imp)
			}
			rel, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue
			}
			if slices.Contains(testSupport, rel) {
				t.Errorf("%s imports %s, which is for tests only", pkg, rel)
				continue
			}
			if to := layerOf(rel); to < from {
				t.Errorf("%s (%s) imports %s (%s), which is drawn above it", pkg, layers[from].what, rel, layerOf2what(to))
			}
		}
	}
}

// isStd reports whether an import path is the standard library's: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func layerOf2what(i int) string {
	if i < 0 {
		return "not in the picture"
	}
	return layers[i].what
}
