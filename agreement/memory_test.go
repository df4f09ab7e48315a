package agreement_test

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/docpath"
)

// heapAfter returns the live heap after f, with what f returns kept
// alive.
func heapAfter(f func() any) (uint64, any) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc), kept
}

// TestModelsOnlyMemory: a set loaded for its models keeps no tree and no
// text of the files, only the models; they hold to a bound of a small
// multiple of the files' size, a third or less of what whole documents
// keep.
func TestModelsOnlyMemory(t *testing.T) {
	src, err := os.ReadFile("../examples/agreements/cst-1992.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	fsys := fstest.MapFS{}
	for i := range n {
		fsys[fmt.Sprintf("a%03d.yaml", i)] = &fstest.MapFile{Data: src}
	}
	load := func(l agreement.Loader) func() any {
		return func() any {
			set, err := l.ReadFS(fsys, ".")
			if err != nil {
				t.Fatal(err)
			}
			return set
		}
	}
	slim, kept := heapAfter(load(agreement.Loader{ModelsOnly: true}))
	full, keptFull := heapAfter(load(agreement.Loader{}))
	perFile := float64(slim) / n / float64(len(src))
	t.Logf("%d files of %d bytes: models only %.1f MiB (%.2f× the files), whole documents %.1f MiB", n, len(src),
		float64(slim)/(1<<20), perFile, float64(full)/(1<<20))
	if perFile > 3 {
		t.Errorf("models only keep %.2f× the files' size, over the bound of 3×", perFile)
	}
	if slim*3 > full {
		t.Errorf("models only (%d bytes) keep more than a third of whole documents (%d)", slim, full)
	}
	a, b := kept.(*agreement.Set), keptFull.(*agreement.Set)
	if diff := cmp.Diff(b.Documents[0].Agreement, a.Documents[0].Agreement); diff != "" {
		t.Errorf("the model differs from a whole load's:\n%s", diff)
	}
	if _, ok := a.Documents[0].Lookup(docpath.Root().Child("id")); ok {
		t.Error("a document loaded for its model keeps positions")
	}
	if a.Documents[0].Source != nil {
		t.Error("a clean document loaded for its model keeps its source")
	}
}
