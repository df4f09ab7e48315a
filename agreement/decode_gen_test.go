package agreement

import (
	"reflect"
	"testing"

	"github.com/entente-go/entente/internal/codec/codecgen"
	"github.com/entente-go/entente/internal/golden"
)

// TestDecodersGenerated: decode_gen.go is what the generator writes for
// the model as it is. After a change to the model, go generate (or this
// test with -update) writes it again.
func TestDecodersGenerated(t *testing.T) {
	src, err := codecgen.Decoders(codecgen.Config{
		Package: "github.com/entente-go/entente/agreement",
		Root:    reflect.TypeFor[Agreement](),
		Custom:  map[reflect.Type]string{textType: "decodeTextAt"},
		Hook:    "typedDecode",
		Command: "go test -run TestDecodersGenerated -update",
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "decode_gen.go", src)
}
