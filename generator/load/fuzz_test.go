package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/diag"
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

// FuzzParseTOML feeds arbitrary text to the loader's TOML reading: the
// nesting check before the parser and the position index after it must
// never panic, and every position must be inside the text.
func FuzzParseTOML(f *testing.F) {
	for _, s := range []string{
		"a = \"\"\"x \\\"\"\" y\"\"\"\nb = 1\n", "a = '''it''''\nb.c = [1, [2, {d = 3}]]\n",
		"[[q]]\nid = \"x\" # \"\n[t.\"u.v\"]\nw = 1", "x = [[[[", "a.b.c.d.e = 1", "x = \"\\\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		l := &diag.List{}
		doc := parseTOML(src, "f.toml", 0, l)
		lines := strings.Count(src, "\n") + 1
		for _, d := range l.Sorted() {
			if d.Pos.Line < 1 || d.Pos.Line > lines {
				t.Errorf("position outside the text: %s", d)
			}
		}
		if doc == nil {
			return
		}
		for _, tables := range doc.pos {
			for _, tp := range tables {
				for _, p := range tp.Keys {
					if p.Line < 1 || p.Line > lines || p.Col < 1 {
						t.Errorf("key position outside the text: %s", p)
					}
				}
			}
		}
	})
}
