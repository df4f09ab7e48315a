package datasets_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/datasets"
)

// FuzzRead: a member-level file of any content is read or refused with
// an error that names the file; never a panic. What is read compares
// without one.
//
//	go test ./datasets -run '^$' -fuzz FuzzRead -fuzztime 60s
func FuzzRead(f *testing.F) {
	for _, name := range []string{"atop-layout.csv", "cow-layout.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul\n1,2,-9,13,40,1e3,,x,1,1,1,1,1\n"))
	doc := agreement.Parse("small.yaml", []byte(treaty))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, l := range datasets.Layouts {
			rows, err := datasets.Read(strings.NewReader(string(src)), "x.csv", l)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "x.csv") {
					t.Fatalf("an error that does not name the file: %v", err)
				}
				continue
			}
			datasets.Compare(slices.Values([]*agreement.Agreement{doc.Agreement}), l, rows)
		}
	})
}
