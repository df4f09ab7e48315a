package codec

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/entente-go/entente/internal/yamlnode"
)

// JSON renders a node tree built by Encode as indented JSON, keeping the
// key order of the tree. Scalars tagged !!bool and !!int are written bare,
// every other scalar as a string.
func JSON(w io.Writer, n *yamlnode.Node) error {
	bw := bufio.NewWriter(w)
	writeJSON(bw, n, 0)
	bw.WriteByte('\n')
	return bw.Flush()
}

func writeJSON(w *bufio.Writer, n *yamlnode.Node, depth int) {
	indent := func(d int) {
		w.WriteByte('\n')
		w.WriteString(strings.Repeat("  ", d))
	}
	switch n.Kind {
	case yamlnode.MappingNode:
		if len(n.Content) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.WriteByte(',')
			}
			indent(depth + 1)
			writeString(w, n.Content[i].Value)
			w.WriteString(": ")
			writeJSON(w, n.Content[i+1], depth+1)
		}
		indent(depth)
		w.WriteByte('}')
	case yamlnode.SequenceNode:
		if len(n.Content) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				w.WriteByte(',')
			}
			indent(depth + 1)
			writeJSON(w, c, depth+1)
		}
		indent(depth)
		w.WriteByte(']')
	default:
		switch n.Tag {
		case "!!bool", "!!int":
			w.WriteString(n.Value)
		default:
			writeString(w, n.Value)
		}
	}
}

func writeString(w *bufio.Writer, s string) {
	b, _ := json.Marshal(s) // a string always marshals
	w.Write(b)
}
