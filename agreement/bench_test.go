package agreement

import (
	"maps"
	"os"
	"testing"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/corpus"
	"github.com/entente-go/entente/internal/yamlnode"
	"github.com/entente-go/entente/schema"
	"github.com/entente-go/entente/topics"
)

// benchInputs are the example treaty and a generated agreement of 1,000
// clauses (two levels deep), as YAML.
func benchInputs(b *testing.B) map[string][]byte {
	b.Helper()
	example, err := os.ReadFile("../examples/agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return map[string][]byte{"example": example, "clauses=1000": corpus.Articles(1000)}
}

// BenchmarkLoad measures each stage of loading and the whole, so that
// each stage's share is visible:
//
//	go test ./agreement -run '^$' -bench Load -benchmem
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"example", "clauses=1000"} {
		src := benchInputs(b)[name]
		root, serr := yamlnode.Parse(src)
		if serr != nil {
			b.Fatal(serr)
		}
		value, _ := codec.JSONValue(root)
		b.Run(name+"/parse-full", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				yamlnode.ParseDocument(src)
			}
		})
		b.Run(name+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				yamlnode.Parse(src)
			}
		})
		b.Run(name+"/decode", func(b *testing.B) {
			for b.Loop() {
				decode(root, new(Agreement))
			}
		})
		b.Run(name+"/json-value", func(b *testing.B) {
			for b.Loop() {
				codec.JSONValue(root)
			}
		})
		b.Run(name+"/schema", func(b *testing.B) {
			for b.Loop() {
				if !quickSchema().ValidNode(root) {
					b.Fatal("the quick check does not vouch for the input")
				}
			}
		})
		// The path of a file with a violation: the JSON-typed value, then
		// the library, which validates the whole of it.
		broken := maps.Clone(value.(map[string]any))
		broken["unknown_field"] = true
		b.Run(name+"/schema-with-a-violation", func(b *testing.B) {
			for b.Loop() {
				codec.JSONValue(root)
				if vs, err := schema.Validate(broken); err != nil || len(vs) != 1 {
					b.Fatal(vs, err)
				}
			}
		})
		doc := Parse(name, src)
		if len(doc.Diagnostics) > 0 {
			b.Fatalf("the input is not clean: %v", doc.Diagnostics[0])
		}
		b.Run(name+"/rules", func(b *testing.B) {
			for b.Loop() {
				d := &Document{Name: doc.Name, Agreement: doc.Agreement, root: doc.root}
				d.checkSemantics(codec.NewTree(root), topics.Builtin(), true)
			}
		})
		b.Run(name+"/load-without-schema-and-rules", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r, _ := yamlnode.Parse(src)
				decode(r, new(Agreement))
			}
		})
		b.Run(name+"/load", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Parse(name, src)
			}
		})
	}
}

// BenchmarkFormat measures entente fmt's work on the example and on the
// 1,000-article agreement:
//
//	go test ./agreement -run '^$' -bench Format -benchmem
func BenchmarkFormat(b *testing.B) {
	for _, name := range []string{"example", "clauses=1000"} {
		src := benchInputs(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if out, ds := Format(name+".yaml", src); out == nil {
					b.Fatal(ds)
				}
			}
		})
	}
}
