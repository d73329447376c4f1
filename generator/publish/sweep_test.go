package publish

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// age sets a folder's modification time to long ago, as a staging folder
// abandoned by a killed build has.
func age(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(dir, old, old); err != nil {
		t.Fatal(err)
	}
}

// The sweep of abandoned staging folders removes only folders workbook
// made: a reader's own folder named like one is kept, however old.
func TestSweepRemovesOnlyMarkedStagingFolders(t *testing.T) {
	parent := t.TempDir()
	target := filepath.Join(parent, "public")
	mine := filepath.Join(parent, ".public.tmp-notes")
	write(t, filepath.Join(mine, "thesis.docx"), "years of work")
	linked := filepath.Join(parent, ".public.tmp-linked")
	write(t, filepath.Join(linked, "plan.txt"), "mine too")
	elsewhere := filepath.Join(t.TempDir(), Marker)
	write(t, elsewhere, markerText)
	if err := os.Symlink(elsewhere, filepath.Join(linked, Marker)); err != nil {
		t.Fatal(err)
	}
	// A killed build's staging folder: Begin made it, nothing committed it.
	killed, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(killed.Dir(), "index.html"), "half")
	// A killed build's staging folder, still fresh: a build may be writing it.
	fresh, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	// The previous build a half-done swap moved aside, which the error
	// message pointed the user to.
	aside := filepath.Join(parent, ".public.tmp-abc.old")
	write(t, filepath.Join(aside, Marker), markerText)
	for _, d := range []string{mine, linked, killed.Dir(), aside} {
		age(t, d)
	}
	if err := build(t, target, "site"); err != nil {
		t.Fatal(err)
	}
	for _, kept := range []string{filepath.Join(mine, "thesis.docx"), filepath.Join(linked, "plan.txt"), fresh.Dir(), aside} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s was removed: %v", kept, err)
		}
	}
	if _, err := os.Stat(killed.Dir()); err == nil {
		t.Errorf("the abandoned staging folder %s was kept", killed.Dir())
	}
}
