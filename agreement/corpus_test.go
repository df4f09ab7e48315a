package agreement_test

import (
	"path/filepath"
	"testing"

	"github.com/entente-go/entente/agreement"
)

// TestSchemaCorpus checks entente's verdict on the corpus that .ci/ajv-check
// also gives to ajv: every file under valid/ loads without errors, every
// file under invalid/ with at least one.
func TestSchemaCorpus(t *testing.T) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("../schema/testdata/corpus", dir, "*.yaml"))
		if len(files) < 4 {
			t.Fatalf("%s: only %d files", dir, len(files))
		}
		for _, f := range files {
			doc, err := agreement.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Diagnostics.HasErrors(); got != (dir == "invalid") {
				t.Errorf("%s: has errors = %v; diagnostics: %v", f, got, doc.Diagnostics)
			}
		}
	}
}
