package agreement

import (
	"runtime"
	"testing"
	"time"
	"weak"
)

// TestLivesDoNotKeepAgreementsAlive: an agreement asked about and then
// dropped is collected, and its life with it; a program that reads many
// agreements one at a time holds only those it keeps. The test follows
// only its own agreements' entries, so other tests' lives (made or
// collected meanwhile, as under -race) cannot move it.
func TestLivesDoNotKeepAgreementsAlive(t *testing.T) {
	const n = 200
	keys := make([]weak.Pointer[Agreement], 0, n)
	for i := range n {
		a := &Agreement{ID: "a", Parties: []Party{{ID: "x"}, {ID: "y"}}, Timeline: Timeline{{Date: Date{Year: 2000 + i%20, Month: 1, Day: 1}, Event: EventSigned}}}
		a.Life()
		keys = append(keys, weak.Make(a))
	}
	held := func() (entries, alive int) {
		lives.Lock()
		defer lives.Unlock()
		for _, k := range keys {
			if _, ok := lives.m[k]; ok {
				entries++
			}
			if k.Value() != nil {
				alive++
			}
		}
		return entries, alive
	}
	deadline := time.Now().Add(10 * time.Second)
	entries, alive := held()
	for (entries > 0 || alive > 0) && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
		entries, alive = held()
	}
	if alive > 0 {
		t.Errorf("%d of %d dropped agreements are still alive: the table of lives keeps them", alive, n)
	}
	if entries > 0 {
		t.Errorf("%d of %d dropped agreements still have an entry in the table of lives", entries, n)
	}
}

// TestLivesKeepTheLifeOfAKeptAgreement: while the agreement is held, asking
// again gives the same life, and the table has its entry.
func TestLivesKeepTheLifeOfAKeptAgreement(t *testing.T) {
	a := &Agreement{ID: "a", Parties: []Party{{ID: "x"}, {ID: "y"}}, Timeline: Timeline{{Date: Date{Year: 2000, Month: 1, Day: 1}, Event: EventSigned}}}
	first := a.Life()
	runtime.GC()
	if again := a.Life(); again != first {
		t.Errorf("asked again after a collection, the life was computed anew")
	}
	lives.Lock()
	_, ok := lives.m[weak.Make(a)]
	lives.Unlock()
	if !ok {
		t.Errorf("the table has no entry for a held agreement")
	}
	runtime.KeepAlive(a)
}
