package entente_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoLibraryTypeInTheAPI reads each package of the module as the
// compiler wrote it (go list -export) and checks every exported
// signature — functions, methods, the fields of exported structs,
// variables, constants, type parameters' constraints — with go/types:
// each type named in it is the standard library's or the module's own,
// never a library's (a yaml.Node, a jsonschema error, a golang.org/x
// type), so that a library can be replaced without breaking a user.
// Internal packages are checked through the public ones: a user cannot
// import them, but holds their types and reaches what those show.
func TestNoLibraryTypeInTheAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: go list -export compiles the module")
	}
	cmd := exec.Command("go", "list", "-export", "-deps", "-json=ImportPath,Export,Standard,Module", "./...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	exports := map[string]string{}
	var own []string
	for dec := json.NewDecoder(bytes.NewReader(out)); ; {
		var p struct {
			ImportPath, Export string
			Standard           bool
			Module             *struct{ Path string }
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		exports[p.ImportPath] = p.Export
		if p.Module != nil && p.Module.Path == module {
			own = append(own, p.ImportPath)
		}
	}
	if len(own) < 15 {
		t.Fatalf("go list found %d of the module's packages", len(own))
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "gc", func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok || file == "" {
			return nil, fmt.Errorf("no export data for %s", path)
		}
		return os.Open(file)
	})
	checked := 0
	for _, path := range own {
		if strings.Contains(path+"/", "/internal/") {
			continue // only the module imports these; what they show through a public package is checked there
		}
		pkg, err := imp.Import(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if pkg.Name() == "main" {
			continue
		}
		for _, name := range pkg.Scope().Names() {
			obj := pkg.Scope().Lookup(name)
			if !obj.Exported() {
				continue
			}
			checked++
			where := path + "." + name
			for _, named := range namedIn(obj) {
				if p := named.Obj().Pkg(); p != nil && !isStd(p.Path()) && !strings.HasPrefix(p.Path(), module) {
					t.Errorf("%s: its signature names %s.%s, a library's type", where, p.Path(), named.Obj().Name())
				}
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d exported names checked; the walk is broken", checked)
	}
}

// namedIn returns the named types an exported object shows its users:
// its type and, for a named type, its exported methods and fields.
func namedIn(obj types.Object) []*types.Named {
	var found []*types.Named
	seen := map[types.Type]bool{}
	var walk func(types.Type)
	walkNamed := func(named *types.Named) {
		walk(named.Underlying())
		for i := range named.NumMethods() {
			if m := named.Method(i); m.Exported() {
				walk(m.Type())
			}
		}
	}
	walk = func(typ types.Type) {
		if typ == nil || seen[typ] {
			return
		}
		seen[typ] = true
		switch t := typ.(type) {
		case *types.Alias:
			walk(types.Unalias(t))
		case *types.Named:
			found = append(found, t)
			for i := range t.TypeArgs().Len() {
				walk(t.TypeArgs().At(i))
			}
			if p := t.Obj().Pkg(); p != nil && strings.HasPrefix(p.Path(), module+"/") && strings.Contains(p.Path(), "/internal/") {
				// A user cannot name an internal type but holds it and
				// reaches what it shows: that is part of the API too.
				walkNamed(t)
			}
		case *types.Pointer:
			walk(t.Elem())
		case *types.Slice:
			walk(t.Elem())
		case *types.Array:
			walk(t.Elem())
		case *types.Map:
			walk(t.Key())
			walk(t.Elem())
		case *types.Chan:
			walk(t.Elem())
		case *types.Signature:
			for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
				for i := range tuple.Len() {
					walk(tuple.At(i).Type())
				}
			}
			for i := range t.TypeParams().Len() {
				walk(t.TypeParams().At(i).Constraint())
			}
		case *types.Struct:
			for i := range t.NumFields() {
				if f := t.Field(i); f.Exported() || f.Embedded() {
					walk(f.Type())
				}
			}
		case *types.Interface:
			for i := range t.NumMethods() {
				if m := t.Method(i); m.Exported() {
					walk(m.Type())
				}
			}
			for i := range t.NumEmbeddeds() {
				walk(t.EmbeddedType(i))
			}
		case *types.TypeParam:
			walk(t.Constraint())
		case *types.Union:
			for i := range t.Len() {
				walk(t.Term(i).Type())
			}
		}
	}
	walk(obj.Type())
	if tn, ok := obj.(*types.TypeName); ok {
		if named, ok := types.Unalias(tn.Type()).(*types.Named); ok {
			walkNamed(named)
		}
	}
	return found
}
