package cli

import "runtime/debug"

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
