//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
)

// isMountPoint reports whether path is a folder another file system (or a
// bind mount) is mounted on. A build cannot replace it: the system
// refuses to rename a mount point. A folder on a device other than its
// parent's is one on every Unix; a bind mount of a folder of the same
// file system is found from the system's list of mounts where there is
// one (Linux).
func isMountPoint(path string) bool {
	st, err1 := os.Stat(path)
	parent, err2 := os.Stat(filepath.Dir(path))
	if err1 != nil || err2 != nil {
		return false
	}
	a, ok1 := st.Sys().(*syscall.Stat_t)
	b, ok2 := parent.Sys().(*syscall.Stat_t)
	if ok1 && ok2 && a.Dev != b.Dev {
		return true
	}
	return listedMount(path)
}
