package docpath_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/entente-go/entente/docpath"
)

func TestString(t *testing.T) {
	root := docpath.Root()
	clauses := root.Child("clauses")
	tests := []struct {
		name string
		path docpath.Path
		want string
	}{
		{"the root is empty", root, ""},
		{"a field at the top has no dot", root.Child("title"), "title"},
		{"a field of a field", root.Child("term").Child("notice"), "term.notice"},
		{"an element by id", clauses.Key("art-3"), "clauses[art-3]"},
		{"an element by index", clauses.Index(0), "clauses[0]"},
		{"Elem with an id names by id", clauses.Elem(4, "art-5"), "clauses[art-5]"},
		{"Elem without one names by index", clauses.Elem(4, ""), "clauses[4]"},
		{"deep", clauses.Key("art-3").Child("clauses").Key("art-3.3").Child("commitments").Index(0).Child("by"),
			"clauses[art-3].clauses[art-3.3].commitments[0].by"},
		{"a list at the root", root.Index(2).Child("x"), "[2].x"},
		{"a map key", root.Child("text").Child("ru"), "text.ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.path.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := docpath.Of(tt.path.Steps()...); !got.Equal(tt.path) || got.String() != tt.want {
				t.Errorf("Of(Steps()) = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestImmutable checks that extending a path never changes it or its
// other extensions.
func TestImmutable(t *testing.T) {
	base := docpath.Root().Child("clauses").Key("art-3")
	a := base.Child("heading")
	b := base.Child("clauses").Index(1)
	if base.String() != "clauses[art-3]" || a.String() != "clauses[art-3].heading" || b.String() != "clauses[art-3].clauses[1]" {
		t.Errorf("paths changed: %s, %s, %s", base, a, b)
	}
	if !a.Parent().Equal(base) || !b.Parent().Parent().Equal(base) {
		t.Error("parents are not the base")
	}
}

func TestEqualAndPrefix(t *testing.T) {
	p := func(steps ...docpath.Step) docpath.Path { return docpath.Of(steps...) }
	field := func(n string) docpath.Step { return docpath.Step{Kind: docpath.Field, Name: n} }
	tests := []struct {
		name          string
		a, b          docpath.Path
		equal, prefix bool
	}{
		{"built apart, same steps", docpath.Root().Child("a").Index(1), p(field("a"), docpath.Step{Kind: docpath.Elem, Index: 1}), true, true},
		{"an id is the same at any index", docpath.Root().Key("x"), docpath.Root().Elem(7, "x"), true, true},
		{"an id is not an index", docpath.Root().Key("x"), docpath.Root().Index(0), false, false},
		{"a field is not an element", docpath.Root().Child("0"), docpath.Root().Index(0), false, false},
		{"beneath", docpath.Root().Child("a").Child("b"), docpath.Root().Child("a"), false, true},
		{"above is not beneath", docpath.Root().Child("a"), docpath.Root().Child("a").Child("b"), false, false},
		{"everything is beneath the root", docpath.Root().Child("a"), docpath.Root(), false, true},
		{"siblings", docpath.Root().Child("a"), docpath.Root().Child("b"), false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.equal {
				t.Errorf("Equal = %v, want %v", got, tt.equal)
			}
			if got := tt.a.HasPrefix(tt.b); got != tt.prefix {
				t.Errorf("HasPrefix = %v, want %v", got, tt.prefix)
			}
		})
	}
}

func TestRootAndLast(t *testing.T) {
	r := docpath.Root()
	if !r.IsRoot() || r.Len() != 0 || !r.Parent().IsRoot() {
		t.Error("the root is not the root")
	}
	if _, ok := r.Last(); ok {
		t.Error("the root has a last step")
	}
	p := r.Child("parties").Key("ir")
	if s, ok := p.Last(); !ok || s.ID != "ir" || p.Len() != 2 {
		t.Errorf("Last = %v, %v; Len = %d", s, ok, p.Len())
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		ids, want []string
	}{
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"a", "a"}, []string{"a", ""}}, // the second is named by index
		{[]string{"", "12", "x[1]"}, []string{"", "", ""}},
		{[]string{"art-1", "", "art-1"}, []string{"art-1", "", ""}},
		{nil, []string{}},
	}
	for _, tt := range tests {
		if got := docpath.Names(tt.ids); !slices.Equal(got, tt.want) {
			t.Errorf("Names(%q) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}

func ExamplePath() {
	clause := docpath.Root().Child("clauses").Key("art-3")
	fmt.Println(clause.Child("commitments").Index(0).Child("by"))
	fmt.Println(clause.Child("heading"))
	// Output:
	// clauses[art-3].commitments[0].by
	// clauses[art-3].heading
}

func TestParse(t *testing.T) {
	good := []string{"", "title", "term.notice", "clauses[art-3].clauses[art-3.3].commitments[0].by", "[2].x", "text.ru", "a[0][1]"}
	for _, s := range good {
		p, err := docpath.Parse(s)
		if err != nil || p.String() != s {
			t.Errorf("Parse(%q) = %q, %v", s, p, err)
		}
	}
	if p, _ := docpath.Parse("clauses[art-3]"); !p.Equal(docpath.Root().Child("clauses").Key("art-3")) {
		t.Error("an id in brackets is not a key")
	}
	if p, _ := docpath.Parse("clauses[3]"); !p.Equal(docpath.Root().Child("clauses").Index(3)) {
		t.Error("digits in brackets are not an index")
	}
	for _, s := range []string{"a[", "a.", ".a", "a..b", "a[]", "a[01]x", "a.[1]"} {
		if _, err := docpath.Parse(s); err == nil && s != "a[01]x" {
			t.Errorf("Parse(%q): no error", s)
		}
	}
}
