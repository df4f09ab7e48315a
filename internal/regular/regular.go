// Package regular opens files for reading only when they are regular
// files. Every file entente reads by name goes through it, so that a
// named pipe, a socket or a device (/dev/stdin, /dev/zero, a FIFO left
// where a taxonomy or a configuration is expected) is refused by name
// instead of waiting for a writer or reading without end.
package regular

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// ErrNotRegular is the error, wrapped, for a path that is not a regular
// file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens name for reading when it is a regular file (a symbolic link
// is followed). The file is opened without blocking, so that opening a
// pipe returns at once, and then refused when it is not regular; the
// check is made on the open file, so the file cannot be swapped between
// the check and the read.
func Open(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w; it is not read", ErrNotRegular)}
	}
	return f, nil
}

// ReadFile reads the regular file name whole, refusing one of more than
// max bytes (max <= 0: no limit) without reading it.
func ReadFile(name string, max int64) ([]byte, error) {
	f, err := Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if max <= 0 {
		return io.ReadAll(f)
	}
	if info, err := f.Stat(); err == nil && info.Size() > max {
		return nil, fmt.Errorf("%s is %d bytes, over the limit of %d; it is not read", name, info.Size(), max)
	}
	return ReadLimited(f, name, max)
}

// ReadLimited reads r, named name in its error, to its end, refusing it
// once it holds more than max bytes: the read stops there (a file may
// grow, a stream have no end).
func ReadLimited(r io.Reader, name string, max int64) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > max {
		return nil, fmt.Errorf("%s is over the limit of %d bytes; it is not read", name, max)
	}
	return src, nil
}
