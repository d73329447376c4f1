// Package testsite gives tests a private, writable copy of a fixture
// project, so each test can break or edit content without touching the
// repository or other tests.
package testsite

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"workbook/generator/i18n"
)

// RepoRoot is the repository's root folder, found from this file's path.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Copy copies the project at src (relative to the repository root, or
// absolute) into a temporary folder and links the repository's themes/
// into it. It returns the copy's root.
func Copy(t testing.TB, src string) string {
	t.Helper()
	if !filepath.IsAbs(src) {
		src = filepath.Join(RepoRoot(), src)
	}
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if rel == "public" || rel == "themes" || rel == ".git" {
			return filepath.SkipDir
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(RepoRoot(), "themes"), filepath.Join(dst, "themes")); err != nil {
		t.Fatal(err)
	}
	return dst
}

// Write writes a file under root, creating folders.
func Write(t testing.TB, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Read returns a file under root as text.
func Read(t testing.TB, root, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Replace replaces the first old with new in a file under root, which
// must contain it.
func Replace(t testing.TB, root, rel, old, new string) {
	t.Helper()
	text := Read(t, root, rel)
	if !strings.Contains(text, old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	Write(t, root, rel, strings.Replace(text, old, new, 1))
}

// Shipped copies the repository's own project (config.toml and content/)
// into a temporary folder with themes/ linked in, and returns its root.
func Shipped(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(filepath.Join(dst, "content"), os.DirFS(filepath.Join(RepoRoot(), "content"))); err != nil {
		t.Fatal(err)
	}
	Write(t, dst, "config.toml", Read(t, RepoRoot(), "config.toml"))
	if err := os.Symlink(filepath.Join(RepoRoot(), "themes"), filepath.Join(dst, "themes")); err != nil {
		t.Fatal(err)
	}
	return dst
}

// English is the default theme's words in English, for models a test
// builds by hand (the loader gives loaded ones theirs).
func English() *i18n.Catalog {
	b, err := os.ReadFile(filepath.Join(RepoRoot(), "themes", "default", "i18n", "en.toml"))
	if err != nil {
		panic(err)
	}
	msgs, err := i18n.Parse(string(b))
	if err != nil {
		panic(err)
	}
	return i18n.New("en-GB", msgs)
}
