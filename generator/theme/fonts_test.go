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
