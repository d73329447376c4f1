package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps two folders atomically with renameat2(RENAME_EXCHANGE).
// File systems without it (some network mounts) fall back to two renames.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EXDEV) {
		return twoRenames(a, b)
	}
	if err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
