package agreement

import (
	"strings"

	"github.com/entente-go/entente/docpath"
	"github.com/entente-go/entente/internal/yamlnode"
)

// The rule of empty values.
const (
	RuleValueEmpty Rule = "value.empty" // an empty string, list or mapping
)

var valueRules = []ruleDef{
	{rule: RuleValueEmpty, doc: "An empty string, list or mapping: it says nothing and is usually a slip (warning).", warning: true, check: (*checker).empties},
}

// empties flags empty strings and empty lists or mappings anywhere in the
// document: they say nothing and are usually a slip. The path is kept as
// a stack of steps and written only when there is something to report.
func (c *checker) empties() {
	if c.blanks {
		c.emptiesIn(c.tree.Root(), make([]treeStep, 0, 16))
	}
}

func (c *checker) emptiesIn(n *yamlnode.Node, stack []treeStep) {
	switch n.Kind {
	case yamlnode.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.emptyValue(n.Content[i+1], append(stack, treeStep{field: n.Content[i].Value}))
		}
	case yamlnode.SequenceNode:
		for i, item := range n.Content {
			if isEmptyNode(item) || item.Kind == yamlnode.MappingNode || item.Kind == yamlnode.SequenceNode {
				c.emptyValue(item, append(stack, treeStep{list: n, index: i}))
			}
		}
	}
}

// treeStep is one step of a path in the tree: a field, or an element of
// a list, named (when the path is written) as docpath.Names names it.
type treeStep struct {
	field string
	list  *yamlnode.Node
	index int
}

func (c *checker) pathOfSteps(stack []treeStep) docpath.Path {
	p := root
	for _, s := range stack {
		if s.list != nil {
			p = p.Elem(s.index, c.tree.Names(s.list)[s.index])
			continue
		}
		p = p.Child(s.field)
	}
	return p
}

func isEmptyNode(v *yamlnode.Node) bool {
	switch v.Kind {
	case yamlnode.ScalarNode:
		if s := v.Value; s != "" && s[0] > ' ' && s[0] < 0x80 {
			return false // starts with a character that is not a space
		}
		return v.Tag == "!!str" && strings.TrimSpace(v.Value) == ""
	case yamlnode.SequenceNode, yamlnode.MappingNode:
		return len(v.Content) == 0
	}
	return false
}

func (c *checker) emptyValue(v *yamlnode.Node, stack []treeStep) {
	if !isEmptyNode(v) {
		c.emptiesIn(v, stack)
		return
	}
	path := c.pathOfSteps(stack)
	if v.Kind == yamlnode.ScalarNode {
		c.emptyAt(v, path, "the value is empty", "write a value or remove the key")
	} else {
		c.emptyAt(v, path, "the list or mapping is empty", "add entries or remove the key")
	}
}

func (c *checker) emptyAt(n *yamlnode.Node, path docpath.Path, msg, hint string) {
	if written := path.String(); c.reported[written] {
		return // already reported, as schema.empty for one
	} else {
		c.reported[written] = true
	}
	d := c.doc
	d.Diagnostics = append(d.Diagnostics, Diagnostic{File: d.Name, Position: Position{n.Line, n.Column}, Path: path,
		Rule: c.rule.rule, Severity: SeverityWarning, Message: msg, Hint: hint})
}
