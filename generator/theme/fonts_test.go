package theme

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadFontsFromTheme(t *testing.T) {
	th, err := Open(filepath.Join("..", ".."), "default")
	if err != nil {
		t.Fatal(err)
	}
	f, err := th.Fonts()
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Regular) == 0 || len(f.Bold) == 0 || len(f.Italic) == 0 || bytes.Equal(f.Regular, f.Bold) {
		t.Error("the default theme's three faces did not load")
	}

	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "themes", "bare"), 0o755); err != nil {
		t.Fatal(err)
	}
	bare, err := Open(root, "bare")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bare.Fonts(); err == nil || !strings.Contains(err.Error(), "fonts/regular.ttf") {
		t.Errorf("a theme without fonts: want an error naming fonts/regular.ttf, got %v", err)
	}
}

// A project with no themes/ folder gets the default theme compiled into
// the program; any other theme must be there.
func TestBuiltInDefaultTheme(t *testing.T) {
	root := t.TempDir()
	th, err := Open(root, BuiltIn)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := th.Fonts(); err != nil || len(f.Regular) == 0 {
		t.Errorf("built-in fonts: %v", err)
	}
	layouts, err := th.List("layouts")
	if err != nil || !strings.Contains(strings.Join(layouts, " "), "base.html") {
		t.Errorf("built-in layouts: %v %v", layouts, err)
	}
	if err := os.MkdirAll(filepath.Join(root, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "layouts", "base.html"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := th.ReadFile("layouts", "base.html"); err != nil || string(b) != "mine" {
		t.Errorf("the project's layout does not override the built-in one: %q %v", b, err)
	}
	if _, err := th.ReadFile("layouts", "../../etc/passwd"); err == nil {
		t.Error("a path outside the theme was read")
	}
	if _, err := Open(root, "other"); err == nil || !strings.Contains(err.Error(), "themes/other") {
		t.Errorf("a missing theme other than the built-in one: %v", err)
	}
}
