package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// FuzzQuestionFile loads arbitrary bytes as a level's question file. The
// loader must never panic, and every problem must name a position in a
// file of the project.
func FuzzQuestionFile(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join(testsite.RepoRoot(), small, "content", "ward", "questions.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("[[question]]\nid = \"x\"\n")
	f.Add("[[question]]\nid = \"ward-a\"\nfoundation = \"soil\"\nfocus = \"herbs\"\ntext = \"\"\"\nHow?\n\"\"\"\nprompts = [\n \"a\",\n \"b\" ]\n")
	f.Add("\ufeff[[question]]\r\nid = 'a'\r\n")
	f.Add("[question]\nid=1\n[[question]]\n")
	root := testsite.Copy(f, small)
	file := filepath.Join(root, "content", "ward", "questions.toml")
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, l := Site(root)
		for _, d := range l.Sorted() {
			if d.Pos.File == "" || strings.HasPrefix(d.Pos.File, "/") {
				t.Errorf("diagnostic without a project path: %s", d)
			}
			if d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Errorf("negative position: %s", d)
			}
		}
	})
}

// FuzzFrontMatter loads arbitrary bytes as a Markdown page.
func FuzzFrontMatter(f *testing.F) {
	f.Add("+++\ntitle = \"About\"\nweight = 3\n+++\nBody **bold**.\n")
	f.Add("+++\n+++\n")
	f.Add("+++\r\ntitle = \"x\"\r\n+++\r\n")
	f.Add("+++")
	f.Add("+++\ntitle = \"\"\"\n+++\n\"\"\"\n+++\n")
	root := testsite.Copy(f, small)
	file := filepath.Join(root, "content", "about.md")
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, l := Site(root)
		for _, d := range l.Sorted() {
			if d.Pos.File == "" {
				t.Errorf("diagnostic without a file: %s", d)
			}
		}
	})
}
