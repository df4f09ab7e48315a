package tables_test

import (
	"fmt"
	"log"
	"os"
	"slices"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/tables"
)

func anzus() *agreement.Agreement {
	doc, err := agreement.Loader{}.ReadFile("../examples/agreements/anzus-1951.yaml")
	if err != nil {
		log.Fatal(err)
	}
	return doc.Agreement
}

// The dyad-years of ANZUS between New Zealand and the United States
// around the suspension of 1986: binding until 10 August, suspended from
// the next day.
func ExampleDyadYears() {
	for d := range tables.DyadYears(slices.Values([]*agreement.Agreement{anzus()}), tables.Years{From: 1985, To: 1987}) {
		if d.CountryA == "NZ" && d.CountryB == "US" {
			fmt.Println(d.Year, d.Binding, d.First, d.Last, d.Suspended, d.Sources, d.AB.Defence.Clauses)
		}
	}
	// Output:
	// 1985 true 1985-01-01 1985-12-31 false [] [art-4]
	// 1986 true 1986-01-01 1986-08-10 true [press-1986-08-13 sun-sentinel-1986 ap-1986] [art-4]
	// 1987 false   true [] [art-4]
}

// Runs fold the years alike: the same pair from 1952 to 2025 is three
// runs, not 74 rows.
func ExampleDyadYearRuns() {
	for run := range tables.DyadYearRuns(slices.Values([]*agreement.Agreement{anzus()}), tables.Years{From: 1950, To: 2025}) {
		if run.First.CountryA == "NZ" && run.First.CountryB == "US" {
			fmt.Println(run.First.Year, run.To, run.First.Binding, run.First.First, run.Last, run.Censored)
		}
	}
	// Output:
	// 1952 1985 true 1952-04-29 1985-12-31 false
	// 1986 1986 true 1986-01-01 1986-08-10 false
	// 1987 2025 false   false
}

// WriteCSV writes a table as entente table does.
func ExampleTable_WriteCSV() {
	tb, _ := tables.Lookup("members")
	err := tb.WriteCSV(os.Stdout, slices.Values([]*agreement.Agreement{anzus()}), tables.Years{From: 1950, To: 2025})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// agreement,party,country,cow,gw,state,from,from_precision,from_sources,to,to_precision,to_sources,censored,basis
	// anzus-1951,au,AU,900,900,bound,1952-04-29,day,dafp-133,,,,1,bound from the agreement's entry into force (no instrument of its own is recorded: taken to be bound then)
	// anzus-1951,nz,NZ,920,920,bound,1952-04-29,day,dafp-133,,,,1,bound from the agreement's entry into force (no instrument of its own is recorded: taken to be bound then)
	// anzus-1951,us,US,2,2,bound,1952-04-29,day,dafp-133,,,,1,bound from the agreement's entry into force (no instrument of its own is recorded: taken to be bound then)
}
