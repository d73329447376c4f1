package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// When the new site is published and a later step fails, the command must
// not say the previous output was left as it was.
func TestBuildSaysWhenTheNewSiteIsPublished(t *testing.T) {
	root := fixture(t)
	cfg := filepath.Join(root, "config.toml")
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := runCmd("build", "--config", cfg, "--out", out); code != 0 {
		t.Fatalf("first build: %s", errs)
	}
	stuck := filepath.Join(out, "stuck") // cannot be removed with the previous build
	if err := os.Mkdir(stuck, 0o755); err != nil {
		t.Fatal(err)
	}
	testsite.Mount(t, stuck, false)
	testsite.Replace(t, root, wardQ, "How does your ward look after soil for beans?", "How does your ward feed the soil for beans?")
	code, _, errs := runCmd("build", "--config", cfg, "--out", out)
	moved, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*", "stuck"))
	for _, m := range moved {
		testsite.Unmount(m)
	}
	if code != 1 || !strings.Contains(errs, "the new build is in place") || strings.Contains(errs, "left as it was") {
		t.Errorf("exit %d, stderr %q; want 1 and that the new build is in place", code, errs)
	}
	if page, _ := os.ReadFile(filepath.Join(out, "levels", "ward.html")); !strings.Contains(string(page), "feed the soil") {
		t.Error("the new site is not in place")
	}
}

// A mount point as --out is refused before building, with the way out.
func TestBuildIntoAMountPointGetsAHint(t *testing.T) {
	root := fixture(t)
	out := filepath.Join(t.TempDir(), "share")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	testsite.Mount(t, out, false)
	code, _, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out)
	if code != 1 || !strings.Contains(errs, "mount point") || !strings.Contains(errs, "folder inside it") || !strings.Contains(errs, "left as it was") {
		t.Errorf("exit %d, stderr %q; want 1 and the mount point hint", code, errs)
	}
}
