package yamlnode

import (
	"encoding/json"

	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v4"
)

// tokens are the pieces of YAML that break a reader most: quotes, colons,
// comments, tabs, list dashes, indentation, a byte-order mark, carriage
// returns, document markers, anchors, aliases, tags and block scalars.
var tokens = [][]byte{
	[]byte(`"`), []byte(`'`), []byte(":"), []byte(": "), []byte("#"), []byte(" #"), []byte("\t"), []byte("- "), []byte("  "), []byte("    "),
	[]byte("\ufeff"), []byte("\r\n"), []byte("\r"), []byte("\n"), []byte("\n---\n"), []byte("---"), []byte("...\n"), []byte("--- "),
	[]byte("&a "), []byte("*a"), []byte("!!str "), []byte("!x "), []byte("|\n"), []byte(">-\n"), []byte("[ "), []byte("]"), []byte("{"), []byte("}"),
	[]byte(", "), []byte("? "), []byte("\\"), []byte("\\n"), []byte("''"), []byte("\x00"), []byte("é"), []byte("\u2028"),
}

// mutate returns src with one to three edits: a run of bytes deleted, a
// line duplicated, or a token inserted (often at the start of a line,
// where YAML's structure lives).
func mutate(r *rand.Rand, src []byte) []byte {
	out := bytes.Clone(src)
	for range 1 + r.IntN(3) {
		if len(out) == 0 {
			out = append(out, tokens[r.IntN(len(tokens))]...)
			continue
		}
		at := r.IntN(len(out) + 1)
		if r.IntN(2) == 0 { // at the start of a line
			if i := bytes.LastIndexByte(out[:at], '\n'); i >= 0 {
				at = i + 1
			} else {
				at = 0
			}
		}
		switch r.IntN(4) {
		case 0: // delete
			end := min(len(out), at+1+r.IntN(3))
			out = append(out[:at:at], out[end:]...)
		case 1: // duplicate the line
			start := bytes.LastIndexByte(out[:at], '\n') + 1
			end := bytes.IndexByte(out[at:], '\n')
			if end < 0 {
				end = len(out)
			} else {
				end += at + 1
			}
			line := bytes.Clone(out[start:end])
			out = append(out[:end:end], append(line, out[end:]...)...)
		default: // insert a token
			tok := tokens[r.IntN(len(tokens))]
			out = append(out[:at:at], append(bytes.Clone(tok), out[at:]...)...)
		}
	}
	return out
}

// sweepBases returns the inputs the sweep mutates: the example agreements,
// each weight times (they are in the style the fast reader reads), and
// every case of the YAML test suite.
func sweepBases(t testing.TB, weight int) [][]byte {
	var bases [][]byte
	files, _ := filepath.Glob("../../examples/agreements/*.yaml")
	var examples []string
	for range weight {
		examples = append(examples, files...)
	}
	suite, _ := filepath.Glob("testdata/yaml-test-suite/*/in.yaml")
	more, _ := filepath.Glob("testdata/yaml-test-suite/*/*/in.yaml")
	for _, f := range append(append(examples, suite...), more...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, src)
	}
	// The examples as JSON too, indented: flow context throughout, where
	// the fast reader once read a document marker inside a quoted string.
	for _, f := range examples {
		src, _ := os.ReadFile(f)
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		js, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, js)
	}
	if len(bases) < 300 {
		t.Fatalf("found %d inputs to mutate", len(bases))
	}
	return bases
}

// TestMutationSweep holds the fast reader to go-yaml on mutated inputs:
// wherever it reads one, its tree must be go-yaml's (kind, style, tag,
// value, anchor, line, column, shape), and it must never read what go-yaml
// rejects. The seed is fixed, so the run is the same every time; a longer
// run by hand:
//
//	SWEEP=200 go test ./internal/yamlnode -run TestMutationSweep -v
func TestMutationSweep(t *testing.T) {
	perBase := 4
	if n, err := atoiEnv("SWEEP"); err == nil && n > 0 {
		perBase = n
	}
	r := rand.New(rand.NewPCG(16, 17))
	compared, read := 0, 0
	for _, base := range sweepBases(t, 60) {
		for range perBase {
			src := mutate(r, base)
			compared++
			if got, difference := FastAgrees(src); difference != "" {
				t.Errorf("%s\n%q", difference, src)
			} else if got {
				read++
			}
		}
	}
	t.Logf("compared %d mutated inputs; the fast reader read %d of them, go-yaml the rest", compared, read)
	if read < compared/10 {
		t.Errorf("the fast reader read only %d of %d inputs: the sweep tests little", read, compared)
	}
}

// FuzzMutated drives the same mutator from the fuzzer's choice of base and
// seed.
//
//	go test ./internal/yamlnode -run '^$' -fuzz FuzzMutated -fuzztime 10m
func FuzzMutated(f *testing.F) {
	bases := sweepBases(f, 1)
	for i := range 8 {
		f.Add(uint16(i*37), uint64(i))
	}
	f.Fuzz(func(t *testing.T, which uint16, seed uint64) {
		r := rand.New(rand.NewPCG(seed, uint64(which)))
		src := mutate(r, bases[int(which)%len(bases)])
		if _, difference := FastAgrees(src); difference != "" {
			t.Errorf("%s\n%q", difference, src)
		}
	})
}

func atoiEnv(name string) (int, error) {
	var n int
	s := os.Getenv(name)
	if s == "" {
		return 0, os.ErrNotExist
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, os.ErrInvalid
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
