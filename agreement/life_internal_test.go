package agreement

import (
	"runtime"
	"testing"
	"time"
)

// TestLivesDoNotKeepAgreementsAlive: an agreement asked about and then
// dropped is collected, and its life with it; a program that reads many
// agreements one at a time holds only those it keeps.
func TestLivesDoNotKeepAgreementsAlive(t *testing.T) {
	count := func() int {
		lives.Lock()
		defer lives.Unlock()
		return len(lives.m)
	}
	before := count()
	for i := range 200 {
		a := &Agreement{ID: "a", Parties: []Party{{ID: "x"}, {ID: "y"}}, Timeline: Timeline{{Date: Date{Year: 2000 + i%20, Month: 1, Day: 1}, Event: EventSigned}}}
		a.Life()
	}
	if count() < before+200 {
		t.Fatalf("the table has %d lives, want at least %d", count(), before+200)
	}
	deadline := time.Now().Add(5 * time.Second)
	for count() >= before+200 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := count(); n >= before+200 {
		t.Errorf("after collection the table still has %d lives: the agreements were kept alive", n)
	}
}
