package codecgen_test

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/entente-go/entente/internal/codec/codecgen"
	"github.com/entente-go/entente/internal/golden"
)

// The fixture has a field of every kind the generator tells apart.
type (
	Root struct {
		Name     string            `json:"name"`
		Flag     bool              `json:"flag,omitempty"`
		Addr     netip.Addr        `json:"addr"` // a TextUnmarshaler of another package
		Child    Child             `json:"child"`
		Optional *Child            `json:"optional,omitempty"`
		Children []Child           `json:"children"`
		Words    []string          `json:"words"`
		Addrs    []netip.Addr      `json:"addrs"`
		Special  Special           `json:"special"` // decoded by a hand-written function
		Named    Named             `json:"named"`   // a named string: left to reflection
		Count    int               `json:"count"`   // not typed: left to reflection
		Labels   map[string]string `json:"labels"`  // likewise
		Skipped  string            `json:"-"`
		private  string
	}
	Child struct {
		ID   string  `json:"id"`
		Kids []Child `json:"kids"` // recursion: one decoder
	}
	Special struct{ S string }
	Named   string
)

func TestDecoders(t *testing.T) {
	src, err := codecgen.Decoders(codecgen.Config{
		Package: reflect.TypeFor[Root]().PkgPath(),
		Root:    reflect.TypeFor[Root](),
		Custom:  map[reflect.Type]string{reflect.TypeFor[Special](): "decodeSpecial"},
		Hook:    "typedDecode",
		Command: "codecgen's test",
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/fixture.go.golden", src)
	for _, absent := range []string{"Skipped", "private", "decodeSpecial(d, n"} {
		if strings.Contains(string(src), absent) {
			t.Errorf("the code mentions %q", absent)
		}
	}
	_ = Root{}.private
}

func TestDecodersRootNotStruct(t *testing.T) {
	_, err := codecgen.Decoders(codecgen.Config{Package: "x", Root: reflect.TypeFor[[]Child]()})
	if err == nil {
		t.Fatal("a root that is not a struct was accepted")
	}
}
