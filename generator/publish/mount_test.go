package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// A mount point cannot be renamed, so a build cannot replace it: the
// refusal comes before any work, and says to build into a folder inside.
func TestMountPointTargetGetsAHint(t *testing.T) {
	for _, bind := range []bool{false, true} {
		target := filepath.Join(t.TempDir(), "public")
		if err := os.Mkdir(target, 0o755); err != nil {
			t.Fatal(err)
		}
		testsite.Mount(t, target, bind)
		err := build(t, target, "site")
		if err == nil || !strings.Contains(err.Error(), "mount point") || !strings.Contains(err.Error(), "--out "+filepath.Join(target, "public")) {
			t.Errorf("bind %v: err = %v, want the mount point hint", bind, err)
		}
		if !Untouched(err) {
			t.Errorf("bind %v: a refusal before building reported as a late error", bind)
		}
		entries, _ := os.ReadDir(filepath.Dir(target))
		if len(entries) != 1 {
			t.Errorf("bind %v: left beside the target: %v", bind, entries)
		}
		if err := build(t, filepath.Join(target, "public"), "site"); err != nil {
			t.Errorf("bind %v: building inside the mount point failed: %v", bind, err)
		}
	}
}

// When the new build is in place but the previous one cannot be removed,
// the error must say the new build is published, not that nothing
// changed.
func TestLateFailureSaysTheNewBuildIsPublished(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, "old"); err != nil {
		t.Fatal(err)
	}
	// A folder mounted inside the previous build cannot be removed with it.
	stuck := filepath.Join(target, "stuck")
	if err := os.Mkdir(stuck, 0o755); err != nil {
		t.Fatal(err)
	}
	testsite.Mount(t, stuck, false)
	err := build(t, target, "new")
	// The mount moved with the previous build: unmount it there.
	moved, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".public.tmp-*", "stuck"))
	for _, m := range moved {
		testsite.Unmount(m)
	}
	if err == nil || Untouched(err) || !strings.Contains(err.Error(), "the new build is in place at "+target) {
		t.Fatalf("err = %v (untouched %v), want a late error saying the new build is in place", err, Untouched(err))
	}
	if got := read(t, filepath.Join(target, "index.html")); got != "new" {
		t.Errorf("index.html = %q, want the new build", got)
	}
}
