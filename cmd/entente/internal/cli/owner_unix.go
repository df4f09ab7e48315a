//go:build unix

package cli

import (
	"fmt"
	"os"
	"syscall"
)

// links returns the number of hard links to a file.
func links(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives the file at name the owner and group of info, where the
// user may: a user may give a file a group they belong to, root any owner.
func keepOwner(name string, info os.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		if os.Chown(name, int(st.Uid), int(st.Gid)) != nil {
			os.Chown(name, -1, int(st.Gid))
		}
	}
}

// mayReplace reports why the user may not replace the file at name by a
// rename, as fmt -w does: the kernel would not let them write it, or it is
// another user's, and a new file put in its place would be theirs. The
// directory being the user's is not enough (gofmt's rename would succeed
// and hand the file over).
func mayReplace(name string, info os.FileInfo) error {
	if err := syscall.Access(name, 2 /* W_OK */); err != nil {
		return fmt.Errorf("%s is not writable by you (%v); it is not rewritten", name, err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if euid := os.Geteuid(); ok && euid != 0 && int(st.Uid) != euid {
		return fmt.Errorf("%s belongs to another user (uid %d), and a rewritten file would be yours; it is not rewritten", name, st.Uid)
	}
	return nil
}
