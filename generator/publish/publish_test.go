package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func build(t *testing.T, target, text string) error {
	t.Helper()
	s, err := Begin(target)
	if err != nil {
		return err
	}
	write(t, filepath.Join(s.Dir(), "index.html"), text)
	return s.Commit()
}

func TestPublishReplacesWholeSite(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, "one"); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(target, "old-only.html"), "left from an earlier build")
	if err := build(t, target, "two"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(target, "index.html")); got != "two" {
		t.Errorf("index.html = %q, want two", got)
	}
	if _, err := os.Stat(filepath.Join(target, "old-only.html")); err == nil {
		t.Error("a file of the previous build survived the swap")
	}
	entries, _ := os.ReadDir(filepath.Dir(target))
	if len(entries) != 1 {
		t.Errorf("staging folders left beside the target: %v", entries)
	}
}

func TestAbortLeavesPreviousBuild(t *testing.T) {
	target := filepath.Join(t.TempDir(), "public")
	if err := build(t, target, "good"); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(target)
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(s.Dir(), "index.html"), "half")
	s.Abort()
	if got := read(t, filepath.Join(target, "index.html")); got != "good" {
		t.Errorf("index.html = %q after an aborted build", got)
	}
	if _, err := os.Stat(s.Dir()); err == nil {
		t.Error("staging folder not removed")
	}
}

func TestRefusesFolderNotWrittenByWorkbook(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, "thesis.docx"), "years of work")
	err := build(t, home, "site")
	if err == nil || !strings.Contains(err.Error(), "not written by workbook") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if got := read(t, filepath.Join(home, "thesis.docx")); got != "years of work" {
		t.Error("user's file changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(home))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("staging folder %s made despite refusal", e.Name())
		}
	}
}

func TestEmptyFolderAndFileTargets(t *testing.T) {
	empty := t.TempDir()
	if err := build(t, empty, "site"); err != nil {
		t.Fatalf("empty folder refused: %v", err)
	}
	if _, err := os.Stat(filepath.Join(empty, Marker)); err != nil {
		t.Error("no marker written")
	}
	file := filepath.Join(t.TempDir(), "public")
	write(t, file, "a file")
	if err := build(t, file, "site"); err == nil {
		t.Error("replaced a file with a folder")
	}
}

// A target whose name is as long as the system allows can be built: the
// staging folder's name beside it is shortened to fit.
func TestLongestTargetName(t *testing.T) {
	target := filepath.Join(t.TempDir(), strings.Repeat("p", 255))
	if err := build(t, target, "one"); err != nil {
		t.Fatal(err)
	}
	if err := build(t, target, "two"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(target, "index.html")); got != "two" {
		t.Errorf("index.html = %q", got)
	}
}
