package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project makes a project folder with a config file, content, a theme and
// an answers file beside them, and returns its root and Inputs as a
// report command reads them. The working folder is the root.
func project(t *testing.T) (string, *Inputs) {
	t.Helper()
	root := t.TempDir()
	for _, f := range []string{"config.toml", "content/_index.md", "content/ward/q.toml", "themes/default/layouts/page.html", "answers.json"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	in := &Inputs{}
	in.File("config.toml", "the config file")
	in.Root(".", "the project folder")
	in.Dir("content", "the content folder")
	in.Dir("themes", "the themes folder")
	in.Dir("layouts", "the project's layouts folder")
	in.File(filepath.Join(root, "answers.json"), "the answers file")
	return root, in
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// However a path is spelt, a command must not write over a file it reads
// or into a folder it reads.
func TestCheckFileRefusesEverySpellingOfAnInput(t *testing.T) {
	root, in := project(t)
	other := t.TempDir()
	link(t, filepath.Join(root, "answers.json"), filepath.Join(other, "answers-link.json"))
	link(t, filepath.Join(root, "content"), filepath.Join(other, "content-link"))
	link(t, root, filepath.Join(other, "project-link"))
	if err := os.Link(filepath.Join(root, "answers.json"), filepath.Join(other, "hard.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(root, "content", "ward", "q.toml"), filepath.Join(other, "hard-q.pdf")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		"answers.json", "./answers.json", filepath.Join(root, "answers.json"), "content/../answers.json",
		filepath.Join(other, "answers-link.json"), filepath.Join(other, "hard.json"),
		filepath.Join(other, "project-link", "answers.json"),
		"config.toml", filepath.Join(other, "project-link", "config.toml"),
		"content/ward/q.toml", "content/new.pdf", "./content/ward/new.pdf", filepath.Join(other, "content-link", "x.pdf"),
		filepath.Join(other, "hard-q.pdf"), "themes/default/layouts/page.html", "layouts/x.pdf",
	} {
		err := in.CheckFile(out, "report.pdf")
		if err == nil || !strings.Contains(err.Error(), "refusing to write") {
			t.Errorf("CheckFile(%q) = %v, want a refusal", out, err)
		}
	}
	for _, out := range []string{"report.pdf", "public/report.pdf", filepath.Join(other, "report.pdf"), "answers.json.pdf"} {
		if err := in.CheckFile(out, "report.pdf"); err != nil {
			t.Errorf("CheckFile(%q) = %v, want nil", out, err)
		}
	}
}

func TestCheckFileRefusesAFolder(t *testing.T) {
	_, in := project(t)
	if err := os.Mkdir("out", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"out", "out/", "./out", "new-folder/"} {
		err := in.CheckFile(out, "report.pdf")
		if err == nil || !strings.Contains(err.Error(), "folder") || !strings.Contains(err.Error(), "report.pdf") {
			t.Errorf("CheckFile(%q) = %v, want a message that it names a folder", out, err)
		}
	}
}

// A build replaces its output folder whole: it must not be, hold or lie
// inside anything the build reads.
func TestCheckDirRefusesProjectFolders(t *testing.T) {
	root, in := project(t)
	other := t.TempDir()
	link(t, root, filepath.Join(other, "project-link"))
	for _, out := range []string{
		".", "./", root, filepath.Dir(root), "content", "content/public", "./content/ward",
		"themes", "themes/default/public", "layouts/x", "config.toml", "answers.json",
		filepath.Join(other, "project-link"), filepath.Join(other, "project-link", "content", "x"), "public/..",
	} {
		err := in.CheckDir(out)
		if err == nil || !strings.Contains(err.Error(), "refusing to build into") {
			t.Errorf("CheckDir(%q) = %v, want a refusal", out, err)
		}
	}
	for _, out := range []string{"public", "./public", filepath.Join(root, "site", "public"), filepath.Join(other, "public"), filepath.Join(other, "project-link", "public")} {
		if err := in.CheckDir(out); err != nil {
			t.Errorf("CheckDir(%q) = %v, want nil", out, err)
		}
	}
}

func TestWriteFileAtomicRefusesAFolderAndLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.pdf")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(target, []byte("%PDF-")); err == nil {
		t.Error("wrote over a folder")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left beside the target: %v", entries)
	}
	entries, _ = os.ReadDir(target)
	if len(entries) != 0 {
		t.Errorf("files left in the folder: %v", entries)
	}
}

// A file name the system allows (255 bytes) can be written: its
// temporary file's name is shortened to fit.
func TestWriteFileAtomicLongestName(t *testing.T) {
	name := filepath.Join(t.TempDir(), strings.Repeat("r", 251)+".pdf")
	if err := WriteFileAtomic(name, []byte("%PDF-")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(name); err != nil || string(b) != "%PDF-" {
		t.Errorf("read back %q, %v", b, err)
	}
	if len(TempPrefix(strings.Repeat("é", 200)))+12 > 255 {
		t.Error("the temporary prefix of a long name leaves no room for its suffix")
	}
}
