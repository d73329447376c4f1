package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/diag"
	"workbook/generator/testsite"
)

const small = "testdata/sites/small"

// edit replaces old with new in a file of the copy, failing if old is
// not there (so a fixture change cannot silently make a case pass).
func edit(t *testing.T, root, rel, old, new string) {
	t.Helper()
	text := testsite.Read(t, root, rel)
	if !strings.Contains(text, old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	testsite.Write(t, root, rel, strings.Replace(text, old, new, 1))
}

const qfile = "content/ward/questions.toml"

// want is one expected diagnostic: where it is and words it must hold.
type want struct {
	pos      string // "file:line" or "file:line:col" or just "file"
	severity diag.Severity
	words    []string
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, root string)
		want   []want
	}{
		{"toml syntax", func(t *testing.T, root string) {
			edit(t, root, qfile, `text = "How does your ward look after soil for beans?"`, `text = "How does your ward`)
		}, []want{{pos: qfile + ":5", words: []string{"TOML syntax"}}}},
		{"unknown key with suggestion", func(t *testing.T, root string) {
			edit(t, root, qfile, `foundation = "soil"`, `foundaton = "soil"`)
		}, []want{
			{pos: qfile + ":3:1", words: []string{`unknown key "foundaton"`, "did you mean foundation?"}},
		}},
		{"missing required key", func(t *testing.T, root string) {
			edit(t, root, qfile, "text = \"How does your ward look after soil for beans?\"\n", "")
		}, []want{{pos: qfile + ":1:1", words: []string{"[[question]] has no text", `add a line text = "…"`}}}},
		{"empty required key", func(t *testing.T, root string) {
			edit(t, root, qfile, `text = "How does your ward look after soil for beans?"`, `text = "  "`)
		}, []want{{pos: qfile + ":5:1", words: []string{"text is empty"}}}},
		{"wrong type: list as text", func(t *testing.T, root string) {
			edit(t, root, qfile, `prompts = ["Who helps?", "What has changed since last year?"]`, `prompts = "Who helps?"`)
		}, []want{{pos: qfile + ":6:1", words: []string{"prompts must be a list of text", `prompts = ["Who helps?"]`}}}},
		{"wrong type: number as text", func(t *testing.T, root string) {
			edit(t, root, qfile, `text = "How does your ward look after soil for beans?"`, `text = 42`)
		}, []want{{pos: qfile + ":5:1", words: []string{"text must be text, not a number"}}}},
		{"bad id", func(t *testing.T, root string) {
			edit(t, root, qfile, `id = "ward-soil-beans-1"`, `id = "Ward Soil_1"`)
		}, []want{{pos: qfile + ":2:1", words: []string{`question id "Ward Soil_1" is not allowed`, `"ward-soil-1"`}}}},
		{"duplicate id names both places", func(t *testing.T, root string) {
			edit(t, root, qfile, `id = "ward-soil-roots-1"`, `id = "ward-soil-beans-1"`)
		}, []want{{pos: qfile + ":10:1", words: []string{`"ward-soil-beans-1" is already used at ` + qfile + ":1:1"}}}},
		{"duplicate id across levels", func(t *testing.T, root string) {
			edit(t, root, "content/county/questions.toml", `id = "county-soil-beans-1"`, `id = "ward-soil-beans-1"`)
		}, []want{{pos: "content/ward/questions.toml:2:1", words: []string{"already used at content/county/questions.toml:1:1"}}}},
		{"unknown foundation", func(t *testing.T, root string) {
			edit(t, root, qfile, `foundation = "soil"`, `foundation = "soyl"`)
		}, []want{{pos: qfile + ":3:1", words: []string{`no foundation with id "soyl"`, "did you mean soil?"}}}},
		{"unknown focus", func(t *testing.T, root string) {
			edit(t, root, qfile, `focus = "herbs"`, `focus = "herb"`)
		}, []want{{pos: qfile + ":20:1", words: []string{`no area of focus with id "herb"`, "did you mean herbs?"}}}},
		{"level folder not in framework", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/wards/more.toml", "")
		}, []want{{pos: "content/wards", words: []string{"folder wards is not a level", "did you mean ward?"}}}},
		{"front matter unclosed", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nAbout the garden.\n")
		}, []want{{pos: "content/about.md:1:1", words: []string{"never closed", "add a line +++"}}}},
		{"front matter missing", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "# About\n")
		}, []want{{pos: "content/about.md:1:1", words: []string{"no front matter"}}}},
		{"front matter invalid", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nweight = ten\n+++\nText.\n")
		}, []want{{pos: "content/about.md:3", words: []string{"TOML syntax"}}}},
		{"front matter unknown key", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nwieght = 3\n+++\nText.\n")
		}, []want{{pos: "content/about.md:3:1", words: []string{`unknown key "wieght"`, "did you mean weight?"}}}},
		{"invalid utf-8", func(t *testing.T, root string) {
			edit(t, root, qfile, "look after soil for beans", "look after s\xffil for beans")
		}, []want{{pos: qfile + ":5:40", words: []string{"not valid UTF-8", "save the file as UTF-8"}}}},
		{"missing framework.toml", func(t *testing.T, root string) {
			if err := os.Remove(filepath.Join(root, "content/framework.toml")); err != nil {
				t.Fatal(err)
			}
		}, []want{{pos: "content/framework.toml", words: []string{"no framework.toml"}}}},
		{"framework unknown key", func(t *testing.T, root string) {
			edit(t, root, "content/framework.toml", `audience = "Anyone who grows food on one plot."`, `audiense = "Anyone"`)
		}, []want{{pos: "content/framework.toml:4:1", words: []string{`unknown key "audiense" in [[level]]`, "did you mean audience?"}}}},
		{"framework duplicate level", func(t *testing.T, root string) {
			edit(t, root, "content/framework.toml", `id = "county"`, `id = "ward"`)
		}, []want{{pos: "content/framework.toml:7:1", words: []string{`level id "ward" is used twice`}}}},
		{"symlink outside content refused", func(t *testing.T, root string) {
			outside := filepath.Join(t.TempDir(), "secret.toml")
			testsite.Write(t, filepath.Dir(outside), "secret.toml", "")
			if err := os.Symlink(outside, filepath.Join(root, "content/ward/secret.toml")); err != nil {
				t.Fatal(err)
			}
		}, []want{{pos: "content/ward/secret.toml", words: []string{"refused", "outside content/"}}}},
		{"symlink loop", func(t *testing.T, root string) {
			a := filepath.Join(root, "content/ward/a.toml")
			b := filepath.Join(root, "content/ward/b.toml")
			if err := os.Symlink(b, a); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(a, b); err != nil {
				t.Fatal(err)
			}
		}, []want{{pos: "content/ward/a.toml", words: []string{"loop"}}, {pos: "content/ward/b.toml", words: []string{"loop"}}}},
		{"missing config", func(t *testing.T, root string) {
			if err := os.Remove(filepath.Join(root, "config.toml")); err != nil {
				t.Fatal(err)
			}
		}, []want{{pos: "config.toml", words: []string{"no config file"}}}},
		{"config unknown key", func(t *testing.T, root string) {
			edit(t, root, "config.toml", "answer_lines = 3", "answer_line = 3")
		}, []want{{pos: "config.toml:9:1", words: []string{`unknown key "answer_line" in [pdf]`, "did you mean answer_lines?"}}}},
		{"language not a BCP 47 tag", func(t *testing.T, root string) {
			edit(t, root, "config.toml", `version = "0.1"`, "version = \"0.1\"\nlanguage = \"en_GB\"")
		}, []want{{pos: "config.toml:4:1", words: []string{`language "en_GB" is not a language tag`, `"en-GB"`}}}},
		{"fillable not true or false", func(t *testing.T, root string) {
			edit(t, root, "config.toml", "action_rows = 4", "action_rows = 4\nfillable = \"no\"")
		}, []want{{pos: "config.toml:12:1", words: []string{"fillable must be true or false", "without quotes"}}}},
		{"workbook unknown level", func(t *testing.T, root string) {
			edit(t, root, "config.toml", `level = "ward"`, `level = "wad"`)
		}, []want{{pos: "config.toml:16:1", words: []string{`no level with id "wad"`, "did you mean ward?"}}}},
		{"question file outside a level", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/stray.toml", "")
		}, []want{{pos: "content/stray.toml", words: []string{"inside a level folder"}}}},
		{"all errors at once, sorted", func(t *testing.T, root string) {
			edit(t, root, qfile, `focus = "herbs"`, `focus = "herb"`)
			edit(t, root, "content/county/questions.toml", `foundation = "water"`, `foundation = "waters"`)
		}, []want{
			{pos: "content/county/questions.toml:27:1", words: []string{"did you mean water?"}},
			{pos: qfile + ":20:1", words: []string{"did you mean herbs?"}},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := testsite.Copy(t, small)
			c.break_(t, root)
			_, l := Site(root)
			if !l.HasErrors() {
				t.Fatalf("no error reported; got:\n%s", l.Error())
			}
			got := l.Sorted()
			matchAll(t, got, c.want)
		})
	}
}

// matchAll checks each wanted diagnostic appears, in the given order.
func matchAll(t *testing.T, got []diag.Diagnostic, wants []want) {
	t.Helper()
	next := 0
	for _, w := range wants {
		found := false
		for i := next; i < len(got); i++ {
			d := got[i]
			s := d.String()
			if d.Severity != w.severity || !strings.HasPrefix(s, w.pos+":") && s != w.pos {
				continue
			}
			ok := true
			for _, word := range w.words {
				if !strings.Contains(s, word) {
					ok = false
				}
			}
			if ok {
				found, next = true, i+1
				break
			}
		}
		if !found {
			var all []string
			for _, d := range got {
				all = append(all, d.String())
			}
			t.Errorf("want %s %v at %s; got:\n%s", w.severity, w.words, w.pos, strings.Join(all, "\n"))
		}
	}
}

func TestLoadFixture(t *testing.T) {
	site, l := Site(testsite.Copy(t, small))
	if len(l.Sorted()) != 0 {
		t.Fatalf("unexpected problems:\n%s", l.Error())
	}
	fw := site.Framework
	if len(fw.Levels) != 3 || len(fw.Foundations) != 2 || len(fw.Focuses) != 3 || len(fw.Ratings) != 3 {
		t.Fatalf("framework shape %d×%d×%d", len(fw.Levels), len(fw.Foundations), len(fw.Focuses))
	}
	ward := fw.Levels[0]
	if got := len(ward.Questions); got != 6 {
		t.Fatalf("ward has %d questions, want 6", got)
	}
	if q := ward.Grid[1][2]; len(q) != 1 || q[0].ID != "ward-water-herbs-1" {
		t.Errorf("grid cell water × herbs = %v", q)
	}
	if c := site.Config; c.Language != "en-GB" || !c.PDF.Fillable {
		t.Errorf("defaults: language %q (want en-GB), fillable %v (want true)", c.Language, c.PDF.Fillable)
	}
	if got := site.Config.Cycles; strings.Join(got, ",") != "Spring,Autumn" {
		t.Errorf("cycles = %v", got)
	}
	var names []string
	for _, wb := range site.Workbooks {
		names = append(names, wb.Name)
	}
	if strings.Join(names, ",") != "ward,county,nation,ward-soil" {
		t.Errorf("workbooks = %v", names)
	}
	if got := len(site.Workbooks[3].Questions); got != 3 {
		t.Errorf("ward-soil workbook has %d questions, want 3", got)
	}
	if len(site.Pages) != 2 || site.Pages[0].Slug != "how-to-use" || site.Pages[1].Slug != "about" {
		t.Errorf("pages not ordered by weight: %v", site.Pages)
	}
}

func TestQuestionOrder(t *testing.T) {
	root := testsite.Copy(t, small)
	// A later file's water question and an earlier file's soil question:
	// order follows framework.toml (soil, then water), then file order.
	testsite.Write(t, root, "content/ward/a-extra.toml", `[[question]]
id = "ward-water-beans-2"
foundation = "water"
focus = "beans"
text = "What else?"
`)
	site, l := Site(root)
	if l.HasErrors() {
		t.Fatal(l.Error())
	}
	var ids []string
	for _, q := range site.Framework.Levels[0].Questions {
		ids = append(ids, q.ID)
	}
	want := "ward-soil-beans-1 ward-soil-roots-1 ward-soil-herbs-1 ward-water-beans-2 ward-water-beans-1 ward-water-roots-1 ward-water-herbs-1"
	if strings.Join(ids, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(ids, " "), want)
	}
}

func TestBOMAndCRLF(t *testing.T) {
	root := testsite.Copy(t, small)
	text := testsite.Read(t, root, qfile)
	testsite.Write(t, root, qfile, "\ufeff"+strings.ReplaceAll(text, "\n", "\r\n"))
	page := testsite.Read(t, root, "content/about.md")
	testsite.Write(t, root, "content/about.md", "\ufeff"+strings.ReplaceAll(page, "\n", "\r\n"))
	site, l := Site(root)
	if l.HasErrors() {
		t.Fatal(l.Error())
	}
	if got := site.Framework.Levels[0].Questions[0].Text.Plain(); got != "How does your ward look after soil for beans?" {
		t.Errorf("text = %q", got)
	}
	if site.Pages[1].Title != "About" {
		t.Errorf("title = %q", site.Pages[1].Title)
	}
}

// A misspelt required key gives one message, not also "has no …".
func TestMisspeltKeyReportedOnce(t *testing.T) {
	root := testsite.Copy(t, small)
	edit(t, root, qfile, `foundation = "soil"`, `foundaton = "soil"`)
	_, l := Site(root)
	if got := l.Error(); strings.Contains(got, "has no foundation") || strings.Count(got, "\n") != 0 {
		t.Errorf("want exactly the unknown-key error; got:\n%s", got)
	}
}
