package tables

import (
	"io"
	"iter"
	"runtime"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente-go/entente/agreement"
)

// WriteCSV writes the table as CSV: a line of its columns, then a line
// for each row, each as encoding/csv's Writer writes a record (fields
// quoted only when they must be, lines ended by "\n"), so encoding/csv
// reads it back as Records gives it.
//
// The rows of one agreement depend on no other's, except for the table
// across a set (set-dyad-years): for the others, the agreements are
// laid out on every core (GOMAXPROCS) and written in their order. The
// memory in use stays the same however many rows there are: of each
// agreement being laid out (a few more than there are cores), at most two
// megabytes of lines wait for the writer. as is ranged over on a
// goroutine of its own, once.
func (t Table) WriteCSV(w io.Writer, as iter.Seq[*agreement.Agreement], y Years) error {
	out := &chunkWriter{w: w}
	out.write(appendRecord(nil, t.Columns))
	workers := runtime.GOMAXPROCS(0)
	if t.acrossSet || workers == 1 {
		buf := make([]byte, 0, chunkSize+4096)
		t.lines(as, y, &buf, func() bool {
			if len(buf) >= chunkSize {
				out.write(buf)
				buf = buf[:0]
			}
			return out.err == nil
		})
		out.write(buf)
		return out.err
	}
	return t.writeParallel(out, as, y, workers)
}

// chunkSize is how many bytes of lines are written at once, and held
// together while an agreement is laid out.
const chunkSize = 64 << 10

// chunkWriter writes to w, keeping the first error.
type chunkWriter struct {
	w   io.Writer
	err error
}

func (c *chunkWriter) write(b []byte) {
	if c.err == nil && len(b) > 0 {
		_, c.err = c.w.Write(b)
	}
}

// jobChunks is how many chunks of an agreement's lines may wait for the
// writer: enough that a worker is seldom held up by the agreements before
// its own (a multilateral agreement's dyad-years over 75 years are about a
// megabyte), few enough that the writer's delay holds at most a few
// megabytes per agreement in memory.
const jobChunks = 32

// job is one agreement laid out by a worker, its lines sent in chunks.
type job struct {
	a      *agreement.Agreement
	chunks chan []byte
}

// writeParallel lays out the agreements on workers goroutines and writes
// their lines in the agreements' order. The chunks of one agreement wait
// in a queue of jobChunks, so a worker far ahead of the writer waits for
// it.
func (t Table) writeParallel(out *chunkWriter, as iter.Seq[*agreement.Agreement], y Years, workers int) error {
	work := make(chan *job, workers)
	order := make(chan *job, 2*workers)
	done := make(chan struct{})
	free := make(freeChunks, 4*jobChunks)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(work)
		defer close(order)
		for a := range as {
			j := &job{a: a, chunks: make(chan []byte, jobChunks)}
			select {
			case order <- j:
			case <-done:
				return
			}
			select {
			case work <- j:
			case <-done:
				close(j.chunks) // no worker has it
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for j := range work {
				t.makeLines(j, y, free, done)
			}
		})
	}
	for j := range order {
		for chunk := range j.chunks {
			out.write(chunk)
			free.put(chunk)
		}
		if out.err != nil {
			break
		}
	}
	close(done)
	// Jobs still queued are taken and given up by the workers.
	for j := range order {
		for range j.chunks {
		}
	}
	wg.Wait()
	return out.err
}

// makeLines makes the lines of one agreement, sending them in chunks;
// it gives up once done is closed.
func (t Table) makeLines(j *job, y Years, free freeChunks, done <-chan struct{}) {
	defer close(j.chunks)
	select {
	case <-done:
		return
	default:
	}
	buf := new([]byte) // the lines' room, given a new chunk after each sent
	*buf = free.get()
	send := func() bool {
		select {
		case j.chunks <- *buf:
			*buf = free.get()
			return true
		case <-done:
			return false
		}
	}
	stopped := false
	t.lines(slices.Values([]*agreement.Agreement{j.a}), y, buf, func() bool {
		if len(*buf) < chunkSize {
			return true
		}
		stopped = !send()
		return !stopped
	})
	if !stopped && len(*buf) > 0 {
		send()
	}
}

// freeChunks are chunks written, to be used again for the next lines:
// a list of the writer's own, which, unlike a sync.Pool, the collector
// does not empty. When it is empty, a chunk is made; when full, one is
// let go.
type freeChunks chan []byte

func (f freeChunks) get() []byte {
	select {
	case b := <-f:
		return b[:0]
	default:
		return make([]byte, 0, chunkSize+4096)
	}
}

func (f freeChunks) put(b []byte) {
	select {
	case f <- b:
	default:
	}
}

// appendRecord appends a CSV line of fields, as encoding/csv writes it.
func appendRecord(dst []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendField(dst, f)
	}
	return append(dst, '\n')
}

// appendFields appends fields, each after a comma: the rest of a line.
func appendFields(dst []byte, fields []string) []byte {
	for _, f := range fields {
		dst = appendField(append(dst, ','), f)
	}
	return dst
}

// appendField appends one field as encoding/csv writes it: quoted, with
// its quotes doubled, when it holds a comma, a quote or a line end,
// begins with a space, or is `\.`; as it is otherwise.
func appendField(dst []byte, f string) []byte {
	if !needsQuotes(f) {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(f); i++ {
		if f[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, f[i])
	}
	return append(dst, '"')
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		if c := f[i]; c == ',' || c == '"' || c == '\n' || c == '\r' {
			return true
		}
	}
	if c := f[0]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\v' || c == '\f' // a line end is quoted above
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
