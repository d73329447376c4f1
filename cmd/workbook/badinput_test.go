package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"workbook/generator/testsite"
)

// fixture copies testdata/sites/small into a temporary project with the
// repository's themes linked in, and returns its root.
func fixture(t *testing.T) string { return testsite.Copy(t, "testdata/sites/small") }

// digest summarises every file under dir, to compare outputs exactly.
func digest(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, fmt.Sprintf("%s %x", rel, sha256.Sum256(b)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

const wardQ = "content/ward/questions.toml"

// TestBadInput breaks a copy of the fixture in one way per case, runs
// `workbook build` over a previous good build, and checks the exit
// status, the message with its file and line, and that the previous
// output is byte-identical.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, root string)
		pos    string   // start of the diagnostic line: "file:line"
		words  []string // words the line must hold
	}{
		{"toml syntax", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `focus = "beans"`, `focus = beans"`)
		}, wardQ + ":4:9", []string{`the words "beans" have a quote at one end only`, `focus = "beans"`}},
		{"truncated file", func(t *testing.T, r string) {
			b, _ := os.ReadFile(filepath.Join(r, wardQ))
			testsite.Write(t, r, wardQ, string(b[:len(b)/2]))
		}, wardQ + ":25:1", []string{"this table's name is not closed", "[[question]]"}},
		{"unknown key", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, "evidence =", "evidense =")
		}, wardQ + ":7:1", []string{`unknown key "evidense"`, "did you mean evidence?"}},
		{"missing text", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, "text = \"How does your ward look after soil for beans?\"\n", "")
		}, wardQ + ":1:1", []string{"has no text"}},
		{"empty id", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `id = "ward-soil-beans-1"`, `id = ""`)
		}, wardQ + ":2:1", []string{"id is empty"}},
		{"text is a number", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `text = "How does your ward look after soil for beans?"`, "text = 7")
		}, wardQ + ":5:1", []string{"must be text"}},
		{"prompts is text", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `prompts = ["Who helps?", "What has changed since last year?"]`, `prompts = "Who helps?"`)
		}, wardQ + ":6:1", []string{"must be a list of text"}},
		{"prompt item is a number", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `prompts = ["Who helps?", "What has changed since last year?"]`, `prompts = ["Who helps?", 3]`)
		}, wardQ + ":6:1", []string{"item 2 of prompts must be text"}},
		{"id with capitals and spaces", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `id = "ward-soil-beans-1"`, `id = "Soil Beans"`)
		}, wardQ + ":2:1", []string{"not allowed", `"soil-beans"`}},
		{"id breaking out of an attribute", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `id = "ward-soil-beans-1"`, `id = "x\" onmouseover=\"alert(1)"`)
		}, wardQ + ":2:1", []string{"not allowed"}},
		{"duplicate id", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `id = "ward-water-herbs-1"`, `id = "ward-soil-beans-1"`)
		}, wardQ + ":42:1", []string{"already used at " + wardQ + ":1:1"}},
		{"unknown foundation", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `foundation = "water"`, `foundation = "watr"`)
		}, wardQ + ":27:1", []string{"did you mean water?"}},
		{"unknown focus", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, `focus = "roots"`, `focus = "root"`)
		}, wardQ + ":12:1", []string{"did you mean roots?"}},
		{"level folder not in framework", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/nations/q.toml", "")
		}, "content/nations:", []string{"not a level", "did you mean nation?"}},
		{"question file outside a level", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/questions.toml", "")
		}, "content/questions.toml:", []string{"inside a level folder"}},
		{"front matter unclosed", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/about.md", "+++\ntitle = \"About\"\n")
		}, "content/about.md:1:1", []string{"never closed"}},
		{"front matter missing", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/about.md", "About\n")
		}, "content/about.md:1:1", []string{"no front matter"}},
		{"front matter invalid", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/about.md", "+++\ntitle = About\n+++\n")
		}, "content/about.md:2:9", []string{`the words "About" need quotes around them; write title = "About"`}},
		{"page without title", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/about.md", "+++\nweight = 2\n+++\nText\n")
		}, "content/about.md:2:1", []string{"has no title"}},
		{"invalid utf-8", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, "Who helps?", "Who h\xc3\x28elps?")
		}, wardQ + ":6:", []string{"not valid UTF-8"}},
		{"NUL byte", func(t *testing.T, r string) {
			testsite.Replace(t, r, wardQ, "Who helps?", "Who \x00helps?")
		}, wardQ + ":6:", []string{"NUL"}},
		{"20 MB question file", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/ward/huge.toml", "# "+strings.Repeat("x", 20<<20)+"\n")
		}, "content/ward/huge.toml:", []string{"20 MB", "split it"}},
		{"missing framework.toml", func(t *testing.T, r string) {
			os.Remove(filepath.Join(r, "content/framework.toml"))
		}, "content/framework.toml:", []string{"no framework.toml"}},
		{"framework without levels", func(t *testing.T, r string) {
			b, _ := os.ReadFile(filepath.Join(r, "content/framework.toml"))
			s := strings.ReplaceAll(string(b), "[[level]]", "[[levels]]")
			testsite.Write(t, r, "content/framework.toml", s)
		}, "content/framework.toml:1:1", []string{"no [[level]]"}},
		{"framework duplicate focus", func(t *testing.T, r string) {
			testsite.Replace(t, r, "content/framework.toml", `id = "roots"`, `id = "beans"`)
		}, "content/framework.toml:", []string{`focus id "beans" is used twice`}},
		{"symlink outside content", func(t *testing.T, r string) {
			secret := filepath.Join(t.TempDir(), "secret.toml")
			os.WriteFile(secret, []byte("[[question]]\n"), 0o644)
			os.Symlink(secret, filepath.Join(r, "content/ward/secret.toml"))
		}, "content/ward/secret.toml:", []string{"refused", "outside content/"}},
		{"symlink loop", func(t *testing.T, r string) {
			os.Symlink(filepath.Join(r, "content/ward/loop.toml"), filepath.Join(r, "content/ward/loop.toml"))
		}, "content/ward/loop.toml:", []string{"loop"}},
		{"missing config", func(t *testing.T, r string) {
			os.Remove(filepath.Join(r, "config.toml"))
		}, "config.toml:", []string{"no config file"}},
		{"config number out of range", func(t *testing.T, r string) {
			testsite.Replace(t, r, "config.toml", "answer_lines = 3", "answer_lines = -2")
		}, "config.toml:9:1", []string{"answer_lines is -2", "from 1 to 20"}},
		{"config empty cycles", func(t *testing.T, r string) {
			testsite.Replace(t, r, "config.toml", `cycles = ["Spring", "Autumn"]`, `cycles = []`)
		}, "config.toml:6:1", []string{"cycles is empty"}},
		{"config date wrong", func(t *testing.T, r string) {
			testsite.Replace(t, r, "config.toml", "date = 2025-04-01", `date = "April"`)
		}, "config.toml:4:1", []string{"must be a date"}},
		{"workbook unknown focus", func(t *testing.T, r string) {
			testsite.Replace(t, r, "config.toml", `foundations = ["soil"]`, `foundations = ["soill"]`)
		}, "config.toml:17:1", []string{"did you mean soil?"}},
		{"reserved page name", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/downloads.md", "+++\ntitle = \"Mine\"\n+++\n")
		}, "content/downloads.md:1:1", []string{"taken by a page workbook makes itself"}},
		{"team page name", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/team.md", "+++\ntitle = \"Our team\"\n+++\n")
		}, "content/team.md:1:1", []string{"taken by a page workbook makes itself: the team page (team.html)"}},
	}
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := fixture(t)
			out := filepath.Join(t.TempDir(), "public")
			if code, _, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out); code != 0 {
				t.Fatalf("good build failed: %s", errs)
			}
			before := digest(t, out)
			c.break_(t, root)
			code, _, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			found := false
			for _, line := range strings.Split(errs, "\n") {
				if !strings.HasPrefix(line, c.pos) {
					continue
				}
				ok := true
				for _, w := range c.words {
					ok = ok && strings.Contains(line, w)
				}
				found = found || ok
			}
			if !found {
				t.Errorf("no line starting %q with %q in:\n%s", c.pos, c.words, errs)
			}
			if after := digest(t, out); after != before {
				t.Error("the failed build changed the previous output")
			}
		})
	}
}

// TestOddButValidInput builds input that is unusual but allowed: it must
// build, and hostile Markdown must come out harmless.
func TestOddButValidInput(t *testing.T) {
	root := fixture(t)
	b, _ := os.ReadFile(filepath.Join(root, wardQ))
	crlf := "\ufeff" + strings.ReplaceAll(string(b), "\n", "\r\n")
	crlf = strings.Replace(crlf, "Notes, photos and *diaries*.", `See [this](javascript:alert(1)) and <script>alert(2)</script>.`, 1)
	testsite.Write(t, root, wardQ, crlf)
	out := filepath.Join(t.TempDir(), "public")
	code, _, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	page, err := os.ReadFile(filepath.Join(out, "levels", "ward.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("javascript:")) || bytes.Contains(page, []byte("<script>alert")) {
		t.Error("hostile Markdown reached the page")
	}
	if !bytes.Contains(page, []byte("&lt;script&gt;alert(2)&lt;/script&gt;")) {
		t.Error("raw HTML was not shown as text")
	}
}

// TestTenThousandQuestionsInOneCell builds a level whose one cell holds
// 10,000 questions: unusual but valid, so it must build, with every
// question on the level page and in the workbook.
func TestTenThousandQuestionsInOneCell(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-page workbook; skipped with -short")
	}
	root := fixture(t)
	var b strings.Builder
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "[[question]]\nid = \"bulk-%d\"\nfoundation = \"soil\"\nfocus = \"beans\"\ntext = \"How does plot %d share its beans?\"\n\n", i, i)
	}
	testsite.Write(t, root, "content/ward/bulk.toml", b.String())
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "10018 questions") {
		t.Errorf("summary = %q", stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "levels", "ward.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(page, []byte(`id="bulk-`)); n != 10000 {
		t.Errorf("the level page holds %d of the 10,000 questions", n)
	}
}
