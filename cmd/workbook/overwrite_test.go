package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No command writes over a file it reads, however the path is spelt; the
// refusal exits 1, says why, and leaves no file behind.
func TestNoCommandWritesOverItsInput(t *testing.T) {
	cfg := project(t)
	root := filepath.Dir(cfg)
	answers := answersFile(t, providerAnswers)
	elsewhere := t.TempDir()
	if err := os.Symlink(answers, filepath.Join(elsewhere, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(answers, filepath.Join(elsewhere, "hard.json")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(answers))
	watched := map[string]string{}
	for _, f := range []string{answers, cfg, filepath.Join(root, "content", "framework.toml")} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		watched[f] = string(b)
	}
	cases := [][]string{
		{"report", "--config", cfg, "--answers", answers, "-o", answers},
		{"report", "--config", cfg, "--answers", "answers.json", "-o", "./answers.json"},
		{"report", "--config", cfg, "--answers", answers, "--out", filepath.Join(elsewhere, "link.json")},
		{"report", "--config", cfg, "--answers", "./answers.json", "-o", filepath.Join(elsewhere, "hard.json")},
		{"report", "--config", cfg, "--answers", answers, "-o", cfg},
		{"answers", "--config", cfg, "--from", answers, "-o", answers},
		{"answers", "--config", cfg, "--from", answers, "-o", filepath.Join(root, "content", "answers.json")},
		{"pdf", "--config", cfg, "--level", "provider", "-o", cfg},
		{"pdf", "--config", cfg, "--level", "provider", "-o", filepath.Join(root, "content", "framework.toml")},
		{"pdf", "--config", cfg, "--level", "provider", "-o", filepath.Join(root, "content", "provider.pdf")},
		{"build", "--config", cfg, "--out", root},
		{"build", "--config", cfg, "--out", filepath.Join(root, "content")},
		{"build", "--config", cfg, "--out", filepath.Join(root, "content", "site")},
		{"build", "--config", cfg, "--out", filepath.Join(root, "themes")},
		{"build", "--config", cfg, "--out", filepath.Dir(root)},
		{"build", "--config", cfg, "--out", cfg},
	}
	for _, args := range cases {
		code, _, errs := runCmd(args...)
		if code != 1 || !strings.Contains(errs, "refusing to") {
			t.Errorf("%s: exit %d, stderr %q; want 1 and a refusal", strings.Join(args, " "), code, errs)
		}
		for f, was := range watched {
			if b, err := os.ReadFile(f); err != nil || string(b) != was {
				t.Fatalf("%s: %s changed (%v)", strings.Join(args, " "), f, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "content", "provider.pdf")); err == nil {
		t.Error("a PDF was written into content/")
	}
	for _, dir := range []string{filepath.Dir(answers), elsewhere, root, filepath.Dir(root)} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp-") {
				t.Errorf("temporary file %s left in %s", e.Name(), dir)
			}
		}
	}
}

// -o naming a folder gets a clear message, and nothing is left in it.
func TestOutputFolderIsRefusedCleanly(t *testing.T) {
	cfg := project(t)
	dir := t.TempDir()
	for _, out := range []string{dir, dir + "/", filepath.Join(dir, "new") + "/"} {
		code, _, errs := runCmd("pdf", "--config", cfg, "--level", "provider", "-o", out)
		if code != 1 || !strings.Contains(errs, "folder") || !strings.Contains(errs, "provider.pdf") {
			t.Errorf("-o %s: exit %d, stderr %q; want 1 and advice to name a file such as provider.pdf", out, code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in the folder: %v", entries)
	}
}
