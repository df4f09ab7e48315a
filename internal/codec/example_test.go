package codec_test

import (
	"fmt"
	"reflect"

	"github.com/entente-go/entente/internal/codec"
	"github.com/entente-go/entente/internal/yamlnode"
)

type Place struct {
	Name string   `json:"name"`
	Tags []string `json:"tags"`
}

// decodePlace is a typed decoder of the kind codecgen writes: it assigns
// the fields itself and leaves every other case to the reflective
// decoder.
func decodePlace(d *codec.Decoder, n *yamlnode.Node, seg string, x *Place) {
	if !d.Enter(n, seg) {
		d.Reflect(n, seg, x)
		return
	}
	var seen uint64
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name, ok := d.Key(k)
		if !ok {
			continue
		}
		switch name {
		case "name":
			if d.Once(&seen, 0, k, name) {
				d.String(v, ".name", &x.Name)
			}
		case "tags":
			if d.Once(&seen, 1, k, name) {
				codec.Slice(d, v, ".tags", &x.Tags, (*codec.Decoder).String)
			}
		default:
			d.Unknown(k, name, reflect.TypeFor[Place]())
		}
	}
	d.Leave(seg)
}

// A typed decoder and the reflective one decode a document alike,
// problems included.
func ExampleSlice() {
	root, _ := yamlnode.Parse([]byte("name: Moscow\ntags: [capital, [nested]]\nnmae: x\n"))

	var typed Place
	d := codec.NewDecoder(nil)
	decodePlace(d, root, "", &typed)

	var reflective Place
	problems := codec.Decode(root, &reflective, nil)

	fmt.Printf("%+v\n", typed)
	for _, p := range d.Problems {
		fmt.Printf("%d:%d %s: %s\n", p.Pos.Line, p.Pos.Column, p.Path, p.Message)
	}
	fmt.Println(reflect.DeepEqual(typed, reflective), reflect.DeepEqual(d.Problems, problems))
	// Output:
	// {Name:Moscow Tags:[capital ]}
	// 2:17 tags[1]: expected a string, found a list
	// 3:1 nmae: unknown field "nmae"
	// true true
}
