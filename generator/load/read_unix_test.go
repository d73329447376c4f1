//go:build unix

package load

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"workbook/generator/testsite"
)

// A FIFO (or any special file) named like content is refused at once: an
// open that waited for a writer would hang the build.
func TestSpecialFileIsRefusedNotWaitedFor(t *testing.T) {
	root := testsite.Copy(t, small)
	if err := syscall.Mkfifo(filepath.Join(root, "content", "ward", "pipe.toml"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	_, l := Site(root)
	if !strings.Contains(l.Error(), "content/ward/pipe.toml: not an ordinary file") {
		t.Errorf("the FIFO was not refused:\n%s", l.Error())
	}
}
