package testsite

import (
	"os/exec"
	"testing"
)

// Mount mounts a fresh tmpfs on dir (with bind, dir on itself), for tests
// of what a build does with mount points; it skips the test where this
// process may not mount (not root, or a container without the right).
// The mount is undone when the test ends, wherever dir has moved to:
// unmount moved ones with Unmount.
func Mount(t testing.TB, dir string, bind bool) {
	t.Helper()
	args := []string{"-t", "tmpfs", "workbook-test", dir}
	if bind {
		args = []string{"--bind", dir, dir}
	}
	if out, err := exec.Command("mount", args...).CombinedOutput(); err != nil {
		t.Skipf("cannot mount here (needs root and mount(8)): %v %s", err, out)
	}
	t.Cleanup(func() { Unmount(dir) })
}

// Unmount lazily unmounts whatever is mounted on dir, if anything.
func Unmount(dir string) { _ = exec.Command("umount", "-l", dir).Run() }
