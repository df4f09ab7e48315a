package cli

import (
	"math"
	"runtime/debug"
)

// The collector's settings for the commands that load much, unless GOGC
// says otherwise: how far the heap may grow past what is live before the
// collector runs.
//
// Validating allocates much and keeps little: a file's tree and model are
// garbage once its findings are taken. Measured on 2,000 files of 27 KB
// (docs/performance.md): 1.54 s wall and 2.8 s CPU at the default of 100,
// 0.85 s and 1.6 s at 400, at a peak of 39 MiB instead of 18. Letting it
// grow further, to 800, was 7% faster in one hyperfine run but not in
// bench/run.sh, and doubled the peak on the corpus of large files (56 to
// 94 MiB), so 400 it stays. A diff keeps both files' trees, so its heap
// grows with them: 400 there too (10,000 clauses: 0.34 s and 0.28 s wall,
// 155 and 162 MiB at 100 and 400). No memory limit is set: under one, a
// large diff spends its time collecting.
const (
	gcValidate = 400
	gcDiff     = 400
)

// tuneGC sets the collector to percent, unless GOGC is set. A command
// without an environment (a test's) leaves the collector of the process
// alone.
func (c Command) tuneGC(percent int) {
	if c.Getenv != nil && c.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// fmtMemory is the soft memory limit fmt sets for a file, per byte of it,
// unless GOMEMLIMIT says otherwise. The YAML library's tree of a file is
// about 13 to 17 times its size, and without a limit the collector's
// headroom over it took fmt to 22 to 28 times (docs/performance.md). With
// the limit at 16 times, plus fmtMemoryBase for the program itself, the
// 14 MB file of the benchmarks peaked at 18 times its size, in 1.59 s
// instead of 1.4 s. With the limit at 18 times, it took 1.4 s, but a 4 MB file came
// within 3% of the 20 times TestFmtMemory allows. A file whose tree is
// larger still goes through: the limit is soft, and the collector then
// spends at most half the time.
const (
	fmtMemory     = 16
	fmtMemoryBase = 16 << 20
)

// limitMemory sets fmt's memory limit for a file of size bytes, raising
// it to the largest file formatted so far.
func (c Command) limitMemory(size int64) {
	if c.Getenv == nil || c.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limit := fmtMemoryBase + fmtMemory*size
	if current := debug.SetMemoryLimit(-1); current == math.MaxInt64 || limit > current {
		debug.SetMemoryLimit(limit)
	}
}
