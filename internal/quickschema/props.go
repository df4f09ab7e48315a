package quickschema

// kindSet is a set of the JSON types the check tells apart.
type kindSet uint8

const (
	object kindSet = 1 << iota
	array
	str
	boolean
	null
)

var kindNamed = map[string]kindSet{"object": object, "array": array, "string": str, "boolean": boolean, "null": null}

// propTable finds the rule of an object's property by name. It is a
// table indexed by a hash of the name's length and first and last bytes,
// sized when the schema is compiled so that no two properties share a
// slot: a lookup is one comparison of strings, about a third of the
// instructions of a map lookup on the schema's objects. Names the hash
// cannot separate (same length, same first and last bytes) send the
// object to a map.
type propTable struct {
	slots  []propSlot // a power of two of them; nil with byName
	byName map[string]*rule
}

type propSlot struct {
	name string
	rule *rule
}

// maxSlots bounds the table; the schema's objects need at most 64.
const maxSlots = 1024

func newPropTable(byName map[string]*rule) propTable {
	for size := 1; size <= maxSlots; size *= 2 {
		if size < len(byName) {
			continue
		}
		slots := make([]propSlot, size)
		separated := true
		for name, r := range byName {
			i := slot(name, size-1)
			if slots[i].rule != nil {
				separated = false
				break
			}
			slots[i] = propSlot{name, r}
		}
		if separated {
			return propTable{slots: slots}
		}
	}
	return propTable{byName: byName}
}

func slot(name string, mask int) int {
	if name == "" {
		return 0
	}
	return (len(name)*131 + int(name[0])*31 + int(name[len(name)-1])) & mask
}

// find returns the rule of the property named name, or nil.
func (t propTable) find(name string) *rule {
	if t.slots == nil {
		return t.byName[name]
	}
	if s := &t.slots[slot(name, len(t.slots)-1)]; s.name == name {
		return s.rule
	}
	return nil
}
