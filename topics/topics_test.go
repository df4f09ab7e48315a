package topics_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/topics"
)

func codes(ts []topics.Topic) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Code
	}
	return out
}

func TestBuiltinCoverage(t *testing.T) {
	b := topics.Builtin()
	roots := b.Roots()
	leaves := 0
	for _, tp := range b.Topics() {
		if len(b.Children(tp.Code)) == 0 && strings.Contains(tp.Code, ".") {
			leaves++
		}
		if tp.Label == "" || tp.Description == "" {
			t.Errorf("%s has no label or description", tp.Code)
		}
	}
	if len(roots) < 12 || leaves < 50 {
		t.Errorf("%d top-level areas and %d leaves; want at least 12 and 50", len(roots), leaves)
	}
	// Every area named in the facts behind the examples, and those common
	// in treaties, has a code.
	for _, code := range []string{
		"transport.corridors", "trade.goods", "trade.markets", "investment.infrastructure", "energy.oil-gas",
		"science.nanotechnology", "science.aerospace", "science.artificial-intelligence", "science.medical",
		"tourism.travel-facilitation", "culture.programmes", "security.counter-terrorism", "security.extremism",
		"humanitarian.aid", "security.intelligence", "defence.military-cooperation", "security.regional",
		"diplomacy.multilateral", "security.organised-crime", "migration.illegal", "security.non-proliferation",
		"finance.coercive-measures", "finance.payments", "customs", "environment", "agriculture", "legal",
		"education", "health", "media", "defence.mutual-assistance", "security.non-aggression",
	} {
		if _, ok := b.Lookup(code); !ok {
			t.Errorf("topic %s is missing", code)
		}
	}
}

func TestHierarchy(t *testing.T) {
	b := topics.Builtin()
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"parent of a leaf", must(b.Parent("energy.oil-gas")).Code, "energy"},
		{"a root has no parent", ok(b.Parent("energy")), false},
		{"an unknown code has no parent", ok(b.Parent("energy.warp-drive")), false},
		{"children in order", codes(b.Children("customs")), []string{"customs.procedures", "customs.enforcement"}},
		{"descendants of a leaf", len(b.Descendants("energy.oil-gas")), 0},
		{"descendants include children", slices.Contains(codes(b.Descendants("security")), "security.counter-terrorism"), true},
		{"a topic is within itself", b.Within("energy", "energy"), true},
		{"a leaf is within its root", b.Within("energy.oil-gas", "energy"), true},
		{"a root is not within its leaf", b.Within("energy", "energy.oil-gas"), false},
		{"a prefix is not a parent", b.Within("security.regional", "sec"), false},
		{"unknown topics are within nothing", b.Within("energy.warp-drive", "energy"), false},
	}
	for _, tt := range tests {
		if fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func must(t topics.Topic, _ bool) topics.Topic { return t }
func ok(_ topics.Topic, found bool) bool       { return found }

func TestNewProblems(t *testing.T) {
	list := []topics.Topic{
		{Code: "space", Label: "Space"},
		{Code: "Space Tourism", Label: "Tourism"},   // not a code
		{Code: "space.launchers"},                   // no label
		{Code: "moon.bases", Label: "Bases"},        // no parent
		{Code: "space", Label: "Space again"},       // twice
		{Code: "space.stations", Label: "Stations"}, // fine
	}
	tax, problems := topics.New(list)
	if tax != nil {
		t.Error("a taxonomy with problems is not nil")
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%d.%s", p.Index, p.Field))
	}
	if want := []string{"1.code", "2.label", "3.code", "4.code"}; !slices.Equal(got, want) {
		t.Errorf("problems at %v, want %v", got, want)
	}
}

func TestExtend(t *testing.T) {
	custom := []topics.Topic{{Code: "energy.hydrogen", Label: "Hydrogen"}, {Code: "space", Label: "Space"}}
	if _, problems := topics.New(custom); len(problems) != 1 || problems[0].Index != 0 {
		t.Errorf("New: energy.hydrogen has no parent on its own; got %v", problems)
	}
	ext, problems := topics.Builtin().Extend(custom)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if !ext.Within("energy.hydrogen", "energy") || !slices.Contains(codes(ext.Roots()), "space") {
		t.Error("extension topics are not in the hierarchy")
	}
	if _, ok := topics.Builtin().Lookup("energy.hydrogen"); ok {
		t.Error("Extend changed the built-in taxonomy")
	}
	if _, problems := ext.Extend(custom); len(problems) != 2 {
		t.Errorf("extending with codes already defined: %d problems, want 2", len(problems))
	}
}

func ExampleTaxonomy_Within() {
	t := topics.Builtin()
	fmt.Println(t.Within("energy.oil-gas", "energy"))
	fmt.Println(t.Within("transport.corridors", "energy"))
	parent, _ := t.Parent("security.counter-terrorism")
	fmt.Println(parent.Label)
	fmt.Println(t.Suggest("energy.oil-and-gas"))
	// Output:
	// true
	// false
	// Security
	// did you mean "energy.oil-gas"?
}
