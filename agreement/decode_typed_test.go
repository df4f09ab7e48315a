package agreement_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/gen"
	"github.com/entente-go/entente/internal/yamlnode"
)

// The generated typed decoders (decode_gen.go) must decode every tree as
// the reflective decoder does: the same agreement, the same problems, in
// the same order, at the same positions and paths. These tests hold them
// to it on the examples, the error cases, written agreements, trees
// broken on purpose in every way the decoder distinguishes, and fuzzed
// input.

// agreeOn decodes root both ways and reports any difference.
func agreeOn(t testing.TB, what string, root *yamlnode.Node) {
	t.Helper()
	wantA, wantP := agreement.DecodeReflective(root)
	gotA, gotP := agreement.DecodeTyped(root)
	// reflect.DeepEqual, not cmp: cmp's diff of deeply nested lists takes
	// time exponential in the depth. The agreements are explained by a
	// diff of their YAML.
	if !reflect.DeepEqual(wantP, gotP) {
		t.Fatalf("%s: problems differ (-reflective +typed):\n%s", what, cmp.Diff(wantP, gotP))
	}
	if !reflect.DeepEqual(wantA, gotA) {
		want, _ := agreement.MarshalYAML(wantA)
		got, _ := agreement.MarshalYAML(gotA)
		t.Fatalf("%s: agreements differ (-reflective +typed; no lines if only in empty against absent lists):\n%s",
			what, cmp.Diff(string(want), string(got)))
	}
}

func parseTree(t testing.TB, name string, src []byte) *yamlnode.Node {
	t.Helper()
	root, err := yamlnode.Parse(src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return root
}

// decodeInputs are the example agreements and the error cases.
func decodeInputs(t testing.TB) map[string][]byte {
	t.Helper()
	files, _ := filepath.Glob("../examples/agreements/*.yaml")
	cases, _ := filepath.Glob("testdata/err/*.yaml")
	if len(files) < 2 || len(cases) < 10 {
		t.Fatalf("found %d examples and %d error cases", len(files), len(cases))
	}
	inputs := map[string][]byte{}
	for _, f := range append(files, cases...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = src
	}
	return inputs
}

func TestTypedDecoderOnFiles(t *testing.T) {
	problems := 0
	for name, src := range decodeInputs(t) {
		if _, err := yamlnode.Parse(src); err != nil {
			continue // a syntax error case: nothing to decode
		}
		root := parseTree(t, name, src)
		agreeOn(t, name, root)
		_, ps := agreement.DecodeReflective(root)
		problems += len(ps)
	}
	if problems < 10 {
		t.Errorf("the error cases gave only %d decode problems: they no longer exercise the decoder", problems)
	}
}

func TestTypedDecoderOnWrittenAgreements(t *testing.T) {
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 7))
		a := gen.Agreement(r, gen.Options{Clauses: r.IntN(6), Depth: 3, Tricky: seed%2 == 0})
		for _, write := range []func(*agreement.Agreement) ([]byte, error){agreement.MarshalYAML, agreement.MarshalJSON} {
			src, err := write(a)
			if err != nil {
				t.Fatal(err)
			}
			agreeOn(t, fmt.Sprintf("seed %d", seed), parseTree(t, "written", src))
		}
	}
}

// TestTypedDecoderOnBrokenTrees breaks the examples' trees at random:
// nulls, values of the wrong shape, invalid scalars, aliases (to any
// node: cycles included), duplicate, unknown and merge keys, keys that
// are not strings.
func TestTypedDecoderOnBrokenTrees(t *testing.T) {
	var sources [][]byte
	for _, src := range decodeInputs(t) {
		if _, err := yamlnode.Parse(src); err == nil {
			sources = append(sources, src)
		}
	}
	problems := 0
	for seed := range uint64(1500) {
		r := rand.New(rand.NewPCG(seed, 11))
		root := parseTree(t, "source", sources[r.IntN(len(sources))])
		breakTree(r, root, 1+r.IntN(4))
		agreeOn(t, fmt.Sprintf("seed %d", seed), root)
		_, ps := agreement.DecodeReflective(root)
		problems += len(ps)
	}
	t.Logf("%d problems in 1,500 broken trees", problems)
}

// breakTree makes n random changes to the tree.
func breakTree(r *rand.Rand, root *yamlnode.Node, n int) {
	var nodes, maps []*yamlnode.Node
	var walk func(*yamlnode.Node)
	walk = func(x *yamlnode.Node) {
		nodes = append(nodes, x)
		if x.Kind == yamlnode.MappingNode {
			maps = append(maps, x)
		}
		for _, c := range x.Content {
			walk(c)
		}
	}
	walk(root)
	scalar := func(tag, value string) *yamlnode.Node {
		return &yamlnode.Node{Kind: yamlnode.ScalarNode, Tag: tag, Value: value, Line: 1 + r.IntN(50), Column: 1 + r.IntN(9)}
	}
	for range n {
		x := nodes[r.IntN(len(nodes))]
		switch r.IntN(9) {
		case 0:
			*x = *scalar("!!null", "null")
		case 1:
			*x = *scalar("!!str", []string{"x", "yes", "true", "2025-13-01", "P1Q", "shall", ""}[r.IntN(7)])
		case 2:
			*x = yamlnode.Node{Kind: yamlnode.MappingNode, Tag: "!!map", Line: x.Line, Column: x.Column,
				Content: []*yamlnode.Node{scalar("!!str", "unknwn"), scalar("!!str", "v")}}
		case 3:
			*x = yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq", Line: x.Line, Column: x.Column}
		case 4:
			target := nodes[r.IntN(len(nodes))]
			*x = yamlnode.Node{Kind: yamlnode.AliasNode, Alias: target, Line: x.Line, Column: x.Column}
		case 5: // a key given twice
			m := maps[r.IntN(len(maps))]
			if len(m.Content) >= 2 {
				i := 2 * r.IntN(len(m.Content)/2)
				m.Content = append(m.Content, m.Content[i], m.Content[i+1])
			}
		case 6: // a key renamed: unknown, or another field's
			m := maps[r.IntN(len(maps))]
			if len(m.Content) >= 2 {
				names := []string{"titel", "id", "text", "clauses", "date", "<<"}
				k := *m.Content[2*r.IntN(len(m.Content)/2)]
				k.Value = names[r.IntN(len(names))]
				if k.Value == "<<" {
					k.Tag = "!!merge"
				}
				m.Content[0] = &k
			}
		case 7: // a key that is not a string
			m := maps[r.IntN(len(maps))]
			if len(m.Content) >= 2 {
				m.Content[0] = &yamlnode.Node{Kind: yamlnode.SequenceNode, Tag: "!!seq", Line: 2, Column: 3}
			}
		case 8: // a key that is an alias
			m := maps[r.IntN(len(maps))]
			if len(m.Content) >= 2 {
				m.Content[0] = &yamlnode.Node{Kind: yamlnode.AliasNode, Alias: nodes[r.IntN(len(nodes))], Line: 4, Column: 5}
			}
		}
	}
}

// TestTypedDecoderAtBounds: nesting about MaxDepth, and aliases past the
// budget of aliased nodes, where both decoders stop.
func TestTypedDecoderAtBounds(t *testing.T) {
	depthStops := 0
	for levels := 45; levels <= 52; levels++ {
		var b strings.Builder
		b.WriteString("clauses:\n")
		for i := range levels {
			indent := strings.Repeat("  ", 2*i)
			fmt.Fprintf(&b, "%s  - id: c%d\n%s    text: t\n%s    clauses:\n", indent, i, indent, indent)
		}
		fmt.Fprintf(&b, "%s  - {id: last, text: {en: x}, topics: [a]}\n", strings.Repeat("  ", 2*levels))
		root := parseTree(t, "deep", []byte(b.String()))
		agreeOn(t, fmt.Sprintf("%d levels", levels), root)
		if _, ps := agreement.DecodeReflective(root); stopped(ps) {
			depthStops++
		}
	}
	if depthStops == 0 || depthStops == 8 {
		t.Errorf("%d of 8 depths stopped the decoder: the cases do not straddle the bound", depthStops)
	}
	// 2,000 aliases to a list of 100 clauses: past the budget.
	var b strings.Builder
	b.WriteString("clauses: &c\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - {id: c%d, text: t, topics: [a, b]}\n", i)
	}
	b.WriteString("preamble:\n")
	for range 2000 {
		b.WriteString("  - {text: x, cites: *c}\n")
	}
	b.WriteString("title: after the aliases\nparties: [{id: p}]\n")
	bombs := map[string]string{"clauses": b.String()}
	// Past the budget inside a list of strings, with a string after it:
	// the reflective decoder no longer sets it, so neither may the typed.
	b.Reset()
	b.WriteString("title: &s t\nlanguages: [")
	for range 100_001 {
		b.WriteString("*s, ")
	}
	b.WriteString("after]\n")
	bombs["strings"] = b.String()
	for name, src := range bombs {
		root := parseTree(t, "bomb", []byte(src))
		agreeOn(t, "alias bomb of "+name, root)
		if _, ps := agreement.DecodeReflective(root); !stopped(ps) {
			t.Errorf("the alias bomb of %s did not stop the decoder: %v", name, ps)
		}
	}
}

// stopped reports whether the decoder stopped at a bound: the inputs here
// hold nothing else it would call unsupported.
func stopped(ps []codec.Problem) bool {
	return slices.ContainsFunc(ps, func(p codec.Problem) bool { return p.Kind == codec.Unsupported })
}

func FuzzTypedDecoder(f *testing.F) {
	for _, src := range seedFiles(f, "testdata/err/*.yaml", "../examples/agreements/*.yaml") {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		root, err := yamlnode.Parse(src)
		if err != nil {
			return
		}
		agreeOn(t, "input", root)
	})
}
