//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"syscall"
)

// copyXattrs gives the file at to the extended attributes of the file at
// from (an ACL is one: system.posix_acl_access), so that fmt -w, which
// replaces a file by renaming a new one over it, does not drop them. An
// attribute that cannot be copied is an error, and the file is not
// replaced.
func copyXattrs(from, to string) error {
	size, err := syscall.Listxattr(from, nil)
	if err != nil || size == 0 {
		return nil // none, or a file system without them
	}
	names := make([]byte, size)
	size, err = syscall.Listxattr(from, names)
	if err != nil {
		return fmt.Errorf("reading the extended attributes of %s: %w", from, err)
	}
	for _, name := range bytes.Split(bytes.TrimRight(names[:size], "\x00"), []byte{0}) {
		attr := string(name)
		n, err := syscall.Getxattr(from, attr, nil)
		if err != nil {
			return fmt.Errorf("reading the attribute %s of %s: %w", attr, from, err)
		}
		value := make([]byte, n)
		if n, err = syscall.Getxattr(from, attr, value); err != nil {
			return fmt.Errorf("reading the attribute %s of %s: %w", attr, from, err)
		}
		if err := syscall.Setxattr(to, attr, value[:n], 0); err != nil {
			return fmt.Errorf("%s has the extended attribute %s, which the rewritten file cannot be given (%v); it is not rewritten", from, attr, err)
		}
	}
	return nil
}
