package agreement

import (
	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

// DecodeReflective decodes root with the reflective decoder alone.
func DecodeReflective(root *yamlnode.Node) (*Agreement, []codec.Problem) {
	a := new(Agreement)
	return a, codec.Decode(root, a, decodeHooks)
}

// DecodeTyped decodes root with the generated typed decoders.
func DecodeTyped(root *yamlnode.Node) (*Agreement, []codec.Problem) {
	if typedDecode == nil {
		panic("decode_gen.go is missing")
	}
	a := new(Agreement)
	return a, decode(root, a)
}
