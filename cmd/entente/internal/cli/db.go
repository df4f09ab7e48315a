package cli

import (
	"fmt"

	"github.com/entente-go/entente/cmd/entente/internal/registry"
)

func (c Command) db(args []string) int {
	fs := c.flags("db", "db -o FILE [--from YEAR] [--to YEAR] PATH...")
	output := fs.String("o", "", "the SQLite database to write (replaced if it is one; any other file is left alone)")
	from := fs.Int("from", 0, "the first year of the year tables (default: the year of the earliest event)")
	to := fs.Int("to", 0, "the last year of the year tables (default: this year)")
	if ok, code := parse(fs, args); !ok {
		return code
	}
	if *output == "" {
		fmt.Fprintln(c.Stderr, "entente db: name the database to write: -o registry.sqlite")
		return ExitUsage
	}
	set, files, leftOut, code := c.loadAgreements(fs, fs.Args())
	if code != ExitClean {
		return code
	}
	years, ok := c.tableYears("db", set, *from, *to)
	if !ok {
		return ExitUsage
	}
	if err := registry.Write(*output, set, files, years); err != nil {
		fmt.Fprintf(c.Stderr, "entente db: %v\n", err)
		return ExitFailure
	}
	return c.leftOut("db", leftOut)
}
