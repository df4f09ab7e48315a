//go:build unix

package cli

import (
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
