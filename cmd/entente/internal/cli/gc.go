package cli

import "runtime/debug"

// The collector's settings for the commands that load much, unless GOGC
// says otherwise: how far the heap may grow past what is live before the
// collector runs.
//
// Validating allocates much and keeps little: a file's tree and model are
// garbage once its findings are taken, and documents are loaded for their
// diagnostics only, so what is live stays small. Measured on 2,000 files
// of 27 KB (docs/performance.md), one hyperfine run of 20 each: 481 ms at
// 400, 460 ms at 600, 451 ms at 800, with a peak of 29, 37 and 44 MiB
// (ajv-cli: 90 MiB); the default of 100 took nearly twice as long. A diff
// keeps both files' trees, so its heap grows with them: 400 there (10,000
// clauses: 0.34 s and 0.28 s wall, 155 and 162 MiB at 100 and 400). No
// memory limit is set: under one, a large diff spends its time collecting.
const (
	gcValidate = 800
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
