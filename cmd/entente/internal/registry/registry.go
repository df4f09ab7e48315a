// Package registry writes a set of agreements as a SQLite database: the
// agreements, their parties, clauses, commitments, events and sources as
// written, each party's spells and each pair's, and the year tables of
// package tables, kept as runs of years alike and laid out by views of
// the tables' names, so that a registry can be queried with SQL:
//
//	SELECT country_from FROM directed_dyad_years
//	WHERE country_to = 'TR' AND year = 1960 AND binding = 1 AND defence = 1;
//
// The database is written to a new file beside the one named, and moved
// over it only when complete: a failed build leaves nothing half-made,
// and an earlier database stays as it was. A file that is not a SQLite
// database is never replaced.
//
// Only the command imports this package, and only it imports the SQLite
// driver: the library has no database in its dependencies.
package registry

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	_ "modernc.org/sqlite" // the driver, pure Go

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/tables"
)

// Files names the file each agreement was read from, for the files table.
type Files map[*agreement.Agreement]string

// Write writes the agreements of a set and their tables over the years to
// a SQLite database at path.
func Write(path string, set *agreement.Set, files Files, years tables.Years) (err error) {
	mode, err := replaceable(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			os.Remove(tmpName)
		}
	}()
	db, err := sql.Open("sqlite", tmpName)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}()
	db.SetMaxOpenConns(1)
	// A new file nobody reads until it is complete: no journal, no sync.
	for _, pragma := range []string{"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF"} {
		if _, err := db.Exec(pragma); err != nil {
			return err
		}
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	w := &writer{tx: tx, batches: make(chan batch, 64)}
	as := set.Agreements()
	agreementRows, _ := tables.Lookup("agreements")
	memberRows, _ := tables.Lookup("members")
	// The tables are made here, their rows on a goroutine each, and
	// written here as they come: SQLite takes one writer.
	dyads, dyadRuns := w.runs(as, years)
	producers := []func(){w.model(as, files), w.table(agreementRows, as, years), w.table(memberRows, as, years), w.years(as, years), dyads, dyadRuns}
	if w.err != nil {
		return w.err
	}
	var wg sync.WaitGroup
	for _, produce := range producers {
		wg.Go(produce)
	}
	go func() {
		wg.Wait()
		close(w.batches)
	}()
	written := 0
	for b := range w.batches {
		if w.err == nil {
			if written++; written == failAtBatch {
				w.err = errFailedForTest
			} else {
				_, w.err = b.stmt.Exec(b.args...)
			}
			if w.err != nil {
				w.stopped.Store(true) // the producers give up; their batches are drained
			}
		}
	}
	for _, ins := range w.open {
		ins.flush()
	}
	for _, view := range append(w.after, views()...) {
		w.exec(view)
	}
	if w.err != nil {
		return w.err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmpName, mode); err != nil {
		return err
	}
	return os.Rename(tmpName, path)
}

// failAtBatch, when a test sets it, fails the write of that batch, as a
// full disk would.
var (
	failAtBatch      int
	errFailedForTest = errors.New("a write failed, as the test asked")
)

// replaceable says whether a database may be written at path, and the
// mode to give it: nothing is there (0644), or a SQLite database is (its
// own mode).
func replaceable(path string) (os.FileMode, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0o644, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if !info.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file; it is not replaced", path)
	}
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	if n == 0 {
		return info.Mode().Perm(), nil // an empty file: nothing written in it is lost
	}
	if !bytes.Equal(head[:n], []byte("SQLite format 3\x00")) {
		return 0, fmt.Errorf("%s exists and is not a SQLite database; it is not replaced", path)
	}
	return info.Mode().Perm(), nil
}

// writer runs statements in one transaction, keeping the first error.
// Rows are made on other goroutines (producers) and sent in batches to
// the one that writes.
type writer struct {
	tx      *sql.Tx
	err     error // the writing goroutine's
	batches chan batch
	stopped atomic.Bool // a write failed: producers stop
	open    []*inserter // to flush at the end
	after   []string    // statements to run once the rows are written (indexes)
}

func (w *writer) exec(query string, args ...any) {
	if w.err == nil {
		_, w.err = w.tx.Exec(query, args...)
	}
}

// inserter adds rows to one table, batch rows to a statement: a
// statement per row costs most of a large build.
type inserter struct {
	w       *writer
	name    string
	columns int
	batch   *sql.Stmt // INSERT of batchRows rows
	pending []any
}

const batchRows = 256

// create makes a table of columns (name and SQL type) and returns its
// inserter; flush it when done.
func (w *writer) create(name string, columns [][2]string) *inserter {
	var defs []string
	for _, c := range columns {
		defs = append(defs, fmt.Sprintf("%q %s", c[0], c[1]))
	}
	w.exec(fmt.Sprintf("CREATE TABLE %q (%s)", name, strings.Join(defs, ", ")))
	ins := &inserter{w: w, name: name, columns: len(columns)}
	if w.err == nil {
		ins.batch, w.err = w.tx.Prepare(ins.insert(batchRows))
	}
	w.open = append(w.open, ins)
	return ins
}

// insert is the INSERT of n rows.
func (ins *inserter) insert(n int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", ins.columns), ", ") + ")"
	return fmt.Sprintf("INSERT INTO %q VALUES %s", ins.name, strings.TrimSuffix(strings.Repeat(row+", ", n), ", "))
}

// batch is a statement of batchRows rows and its values.
type batch struct {
	stmt *sql.Stmt
	args []any
}

// add adds a row, sending a batch to the writer when it is full; on a
// producer's goroutine.
func (ins *inserter) add(values ...any) {
	if ins.w.stopped.Load() {
		return
	}
	for _, v := range values {
		if s, ok := v.(string); ok && s == "" {
			v = nil // not recorded: NULL, never an empty string or a zero
		}
		ins.pending = append(ins.pending, v)
	}
	if len(ins.pending) == batchRows*ins.columns {
		ins.w.batches <- batch{ins.batch, ins.pending}
		ins.pending = make([]any, 0, batchRows*ins.columns)
	}
}

// flush writes the rows of a last, partial batch.
func (ins *inserter) flush() {
	if ins.w.err != nil || len(ins.pending) == 0 {
		return
	}
	_, ins.w.err = ins.w.tx.Exec(ins.insert(len(ins.pending)/ins.columns), ins.pending...)
	ins.pending = ins.pending[:0]
}

// integerColumns are the columns of the agreements and members tables
// that hold numbers or flags (1 or 0), beside the obligations' flags; the
// rest hold text.
var integerColumns = map[string]bool{"parties": true, "bilateral": true, "in_effect": true, "censored": true, "cow": true, "gw": true}

func columnType(name string) string {
	if integerColumns[name] || slices.ContainsFunc(obligationKinds, func(k obligationKind) bool { return k.name == name }) {
		return "INTEGER"
	}
	return "TEXT"
}

// table makes one of package tables' tables, by its CSV columns, and
// returns its producer.
func (w *writer) table(tb tables.Table, as []*agreement.Agreement, years tables.Years) func() {
	name := strings.ReplaceAll(tb.Name, "-", "_")
	var cols [][2]string
	for _, c := range tb.Columns {
		cols = append(cols, [2]string{c, columnType(c)})
	}
	ins := w.create(name, cols)
	return func() {
		values := make([]any, len(cols))
		for rec := range tb.Records(slices.Values(as), years) {
			for i, v := range rec {
				values[i] = v
			}
			ins.add(values...)
			if w.stopped.Load() {
				return
			}
		}
	}
}
