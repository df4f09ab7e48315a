// Command quickstart is the README's quick start in Go, as a program: its
// test holds the README's code to the body of run, so that the code the
// README shows compiles and runs.
//
//	go -C examples run ./quickstart
package main

import (
	"fmt"
	"os"

	"github.com/entente-go/entente/agreement"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	doc, err := agreement.ReadFile("agreements/ir-ru-csp-2025.yaml")
	if err != nil {
		return err // the file could not be read
	}
	for _, d := range doc.Diagnostics {
		fmt.Println(d) // file:line:col: message [rule]
	}
	if doc.Diagnostics.HasErrors() {
		return doc.Diagnostics.Err()
	}
	a := doc.Agreement
	st := a.StatusOn(agreement.MustDate("2026-03-01"))       // in-force since 2025-10-02
	sched, _ := a.Schedule(agreement.MustDate("2026-03-01")) // periods, end, notice deadlines
	profile := a.SecurityProfile()                           // ATOP-style flags and a verdict
	fmt.Println(st.State, sched.Periods[0].NoticeBy, profile.MilitaryAlliance)
	return nil
}
