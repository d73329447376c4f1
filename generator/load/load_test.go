package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

const small = "testdata/sites/small"

// edit replaces old with new in a file of the copy, failing if old is
// not there (so a fixture change cannot silently make a case pass).
func edit(t *testing.T, root, rel, old, new string) { testsite.Replace(t, root, rel, old, new) }

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
		}, []want{{pos: qfile + ":5:8", words: []string{"this text has no closing quote", `end it with a " on the same line`}}}},
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
		{"review cycle too long for an answers file", func(t *testing.T, root string) {
			edit(t, root, "config.toml", `cycles = ["Spring", "Autumn"]`, `cycles = ["Spring", "`+strings.Repeat("x", 200)+`", "`+strings.Repeat("y", 201)+`"]`)
		}, []want{{pos: "config.toml:6:1", words: []string{`cycle "yyyy`, "is longer than 200 characters"}}}},
		{"unknown focus", func(t *testing.T, root string) {
			edit(t, root, qfile, `focus = "herbs"`, `focus = "herb"`)
		}, []want{{pos: qfile + ":20:1", words: []string{`no area of focus with id "herb"`, "did you mean herbs?"}}}},
		{"level folder not in framework", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/wards/more.toml", "")
		}, []want{{pos: "content/wards", words: []string{"folder wards is not a level", "did you mean ward?"}}}},
		{"front matter unclosed", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nAbout the garden.\n")
		}, []want{{pos: "content/about.md:1:1", words: []string{"never closed", "add a line +++"}}}},
		{"a page named as the team page", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/team.md", "+++\ntitle = \"Our team\"\n+++\nWho we are.\n")
		}, []want{{pos: "content/team.md:1:1", words: []string{`page name "team" is taken by a page workbook makes itself: the team page (team.html)`, "rename the file, for example to team-page.md"}}}},
		{"front matter missing", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "# About\n")
		}, []want{{pos: "content/about.md:1:1", words: []string{"no front matter"}}}},
		{"front matter invalid", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nweight = ten\n+++\nText.\n")
		}, []want{{pos: "content/about.md:3:10", words: []string{"weight must be a whole number; write it without quotes, like this: weight = 10"}}}},
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
		{"answer lines past what a page holds", func(t *testing.T, root string) {
			edit(t, root, "config.toml", "answer_lines = 3", "answer_lines = 30")
		}, []want{{pos: "config.toml:9:1", words: []string{"answer_lines is 30", "from 1 to 20"}}}},
		{"more review cycles than a workbook prints", func(t *testing.T, root string) {
			edit(t, root, "config.toml", `cycles = ["Spring", "Autumn"]`, `cycles = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21"]`)
		}, []want{{pos: "config.toml:6:1", words: []string{"21 review cycles is too many", "at most 20"}}}},
		{"printed cycle not a review cycle", func(t *testing.T, root string) {
			edit(t, root, "config.toml", "action_rows = 4", "action_rows = 4\ncycles = [\"Autumn\", \"Sprung\", \"Autumn\"]")
		}, []want{
			{pos: "config.toml:12:1", words: []string{`[pdf] cycles: "Sprung" is not one of the review cycles`, `did you mean "Spring"?`}},
			{pos: "config.toml:12:1", words: []string{`[pdf] cycles lists "Autumn" twice`}},
		}},
		{"no printed cycle", func(t *testing.T, root string) {
			edit(t, root, "config.toml", "action_rows = 4", "action_rows = 4\ncycles = []")
		}, []want{{pos: "config.toml:12:1", words: []string{"[pdf] cycles is empty", "name at least one"}}}},
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
		{"good must be text", func(t *testing.T, root string) {
			edit(t, root, qfile, `evidence = "Notes, photos and *diaries*."`, `good = ["Beans crop well."]`)
		}, []want{{pos: qfile + ":7:1", words: []string{"good must be text, not a list"}}}},
		{"meaning for an unknown level", func(t *testing.T, root string) {
			edit(t, root, "content/framework.toml", `colour = "#d5281b"`, `colour = "#d5281b"`+"\n\n[rating.meaning_for]\nwrd = \"I have not started.\"")
		}, []want{{pos: "content/framework.toml:47:1", words: []string{`unknown key "wrd" in [rating.meaning_for]`, "did you mean ward?"}}}},
		{"meaning for a level left empty", func(t *testing.T, root string) {
			edit(t, root, "content/framework.toml", `meaning = "We do this well and can show evidence."`, `meaning = "We do this well and can show evidence."`+"\nmeaning_for.ward = \" \"")
		}, []want{{pos: "content/framework.toml:58:1", words: []string{"meaning_for.ward is empty"}}}},
		{"meaning_for is not a table", func(t *testing.T, root string) {
			edit(t, root, "content/framework.toml", `meaning = "We have not started."`, `meaning = "We have not started."`+"\nmeaning_for = \"I have not.\"")
		}, []want{{pos: "content/framework.toml:44:1", words: []string{"meaning_for must be a table, not text", "[rating.meaning_for]"}}}},
		{"a section to leave out that the page does not have", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\nweb_only = [\"On the web\"]\nlevel_only = [\"Levels\", \"Pick a leve\"]\n+++\n\n## Pick a level\n\nAny.\n\n## On the website\n\nExport.\n")
		}, []want{
			{pos: "content/about.md:3:1", words: []string{`web_only: the page has no heading "On the web"`, "exactly"}},
			{pos: "content/about.md:4:1", words: []string{`level_only: the page has no heading "Levels"`}},
			{pos: "content/about.md:4:1", words: []string{`level_only: the page has no heading "Pick a leve"`, `did you mean "Pick a level"?`}},
		}},
		{"page names an unknown setting", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\n+++\n\nWrite to us.\nContact {{ publsher }} today.\n")
		}, []want{{pos: "content/about.md:6:9", words: []string{"{{ publsher }} is not a setting a page can show", "did you mean {{publisher}}?"}}}},
		{"page shows an empty setting", func(t *testing.T, root string) {
			testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\n+++\nEmail {{contact}}.\n")
		}, []want{{pos: "content/about.md:4:7", words: []string{"the page shows {{contact}}, but contact is empty", "set contact in config.toml"}}}},
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
	// Each is numbered by its place, as the level's workbook prints it;
	// a draft left out of the build takes no number.
	testsite.Write(t, root, "content/ward/0-draft.toml", `[[question]]
id = "ward-soil-beans-0"
foundation = "soil"
focus = "beans"
text = "What is not ready yet?"
draft = true
`)
	site, l = Site(root)
	if l.HasErrors() {
		t.Fatal(l.Error())
	}
	for i, q := range site.Framework.Levels[0].Questions {
		if q.Number != i+1 {
			t.Errorf("%s is number %d, want %d", q.ID, q.Number, i+1)
		}
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

// Settings config.toml leaves out take the model's defaults, in one
// place, so every renderer sees the same.
func TestConfigDefaults(t *testing.T) {
	root := testsite.Copy(t, small)
	edit(t, root, "config.toml", "cycles = [\"Spring\", \"Autumn\"]\n", "")
	edit(t, root, "config.toml", "[pdf]\nanswer_lines = 3\nevidence_lines = 2\naction_rows = 4\n", "")
	site, l := Site(root)
	if l.HasErrors() {
		t.Fatal(l)
	}
	c := site.Config
	if c.PDF.AnswerLines != 5 || c.PDF.EvidenceLines != 3 || c.PDF.ActionRows != 8 || strings.Join(c.Cycles, " ") != "2022/23 2023/24 2024/25 2025/26 2026/27" {
		t.Errorf("defaults: %+v", c)
	}
	// A workbook prints rows for the last two review cycles, not for
	// years already over.
	if got := strings.Join(c.PDF.Cycles, " "); got != "2025/26 2026/27" {
		t.Errorf("printed cycles by default: %s, want the last two", got)
	}
	site, _ = Site(testsite.Copy(t, small))
	if p := site.Config.PDF; p.AnswerLines != 3 || p.EvidenceLines != 2 || p.ActionRows != 4 || len(site.Config.Cycles) != 2 {
		t.Errorf("config.toml's settings not kept: %+v", site.Config)
	}
	// [pdf] cycles chooses, in the order of cycles whatever its own.
	root = testsite.Copy(t, small)
	edit(t, root, "config.toml", `cycles = ["Spring", "Autumn"]`, `cycles = ["Winter", "Spring", "Summer", "Autumn"]`)
	edit(t, root, "config.toml", "action_rows = 4", `action_rows = 4`+"\ncycles = [\"Autumn\", \"Spring\"]")
	site, l = Site(root)
	if l.HasErrors() {
		t.Fatal(l)
	}
	if got := strings.Join(site.Config.PDF.Cycles, " "); got != "Spring Autumn" || len(site.Config.Cycles) != 4 {
		t.Errorf("[pdf] cycles = %s (cycles %v), want Spring Autumn and all four kept", got, site.Config.Cycles)
	}
}

// The keys this edition added: what good looks like and allow on a
// question, a rating's meaning in one level's voice, the publisher and
// contact, and settings shown in a page's text.
func TestGoodAllowMeaningsAndSettings(t *testing.T) {
	root := testsite.Copy(t, small)
	edit(t, root, qfile, `evidence = "Notes, photos and *diaries*."`, `evidence = "Notes, photos and *diaries*."`+"\n"+`good = "Beans crop **every** year."`+"\n"+`allow = ["two-asks", "missing-good"]`)
	edit(t, root, "content/framework.toml", `colour = "#d5281b"`, `colour = "#d5281b"`+"\n\n[rating.meaning_for]\nward = \"I have not started.\"")
	edit(t, root, "content/framework.toml", `meaning = "We do this well and can show evidence."`, `meaning = "We do this well and can show evidence."`+"\nmeaning_for = { county = \"Our county does this well.\" }")
	edit(t, root, "config.toml", `author = "Test Gardens"`, `author = "Test Gardens"`+"\n"+`contact = "plots@example.org"`)
	testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\n+++\n{{publisher}} publishes {{ title }}. Write to {{contact}} or see {{web_url}}.\n")
	site, l := Site(root)
	if len(l.Sorted()) != 0 {
		t.Fatalf("unexpected problems:\n%s", l.Error())
	}
	q := site.Framework.Levels[0].Questions[0]
	if got := q.Good.Plain(); got != "Beans crop every year." {
		t.Errorf("good = %q", got)
	}
	if strings.Join(q.Allow, ",") != "two-asks,missing-good" {
		t.Errorf("allow = %v", q.Allow)
	}
	if p := q.Keys["good"]; p.String() != qfile+":8:1" {
		t.Errorf("good is at %s", p)
	}
	fw := site.Framework
	ward, county, nation := fw.Levels[0], fw.Levels[1], fw.Levels[2]
	red, green := fw.Ratings[0], fw.Ratings[2]
	for _, c := range []struct {
		r    *model.Rating
		lv   *model.Level
		want string
	}{
		{red, ward, "I have not started."}, {red, county, "We have not started."},
		{green, county, "Our county does this well."}, {green, nation, "We do this well and can show evidence."},
		{green, nil, "We do this well and can show evidence."},
	} {
		if got := c.r.MeaningFor(c.lv); got != c.want {
			t.Errorf("%s meaning for %v = %q, want %q", c.r.ID, c.lv, got, c.want)
		}
	}
	if site.Config.Publisher != "Test Gardens" {
		t.Errorf("publisher = %q, want the author when publisher is not set", site.Config.Publisher)
	}
	var about *model.Page
	for _, p := range site.Pages {
		if p.Slug == "about" {
			about = p
		}
	}
	if got := about.Body.Plain(); got != "Test Gardens publishes Kitchen Garden Framework. Write to plots@example.org or see https://example.org/garden." {
		t.Errorf("about = %q", got)
	}
	if about.BodyLine != 4 {
		t.Errorf("body starts on line %d, want 4", about.BodyLine)
	}
	if ward.AudiencePos.String() != "content/framework.toml:4:1" {
		t.Errorf("audience is at %s", ward.AudiencePos)
	}
}

// The words the theme prints come from its i18n/en.toml, overridden key
// by key by the project's i18n/<language>.toml; a key the language lacks
// falls back to English with a warning naming it, and a key English does
// not have is a warning with a suggestion.
func TestStringsFilesKeyByKey(t *testing.T) {
	root := testsite.Copy(t, small)
	edit(t, root, "config.toml", `version = "0.1"`, "version = \"0.1\"\nlanguage = \"cy\"")
	testsite.Write(t, root, "i18n/cy.toml", "[date]\nmonths = \"Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr\"\nformt = \"{day}\"\n"+
		"[time]\nanswer = { one = \"Tua {munud} munud\", other = \"Tua {n} munud i ateb {questions}\" }\n")
	site, l := Site(root)
	if l.HasErrors() {
		t.Fatal(l)
	}
	if got := site.Strings.Date(site.Config.Date); got != "1 Ebrill 2025" {
		t.Errorf("the Welsh month did not reach the catalog: %q", got)
	}
	var warns []string
	for _, d := range l.Sorted() {
		warns = append(warns, d.String())
	}
	all := strings.Join(warns, "\n")
	if strings.Contains(all, "time.answer names {n}") || strings.Contains(all, "time.answer names {questions}") {
		t.Errorf("a value English names is taken for a mistake:\n%s", all)
	}
	for _, want := range []string{
		"i18n/cy.toml:3:1: warning: date.formt is not a key the theme prints; did you mean date.format?",
		`i18n/cy.toml: warning: date.format has no cy text, so it prints in English`,
		`i18n/cy.toml: warning: number.thousands has no cy text`,
		"i18n/cy.toml:5:1: warning: time.answer names {munud}, which the program does not fill in, so it prints as written; use the names the theme's English uses: {n}, {questions}",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q in:\n%s", want, all)
		}
	}

	// No file at all for the language: one warning at the language key.
	root = testsite.Copy(t, small)
	edit(t, root, "config.toml", `version = "0.1"`, "version = \"0.1\"\nlanguage = \"cy\"")
	_, l = Site(root)
	if got := l.Sorted(); len(got) != 1 || !strings.HasPrefix(got[0].String(), `config.toml:4:1: warning: no strings file for language "cy"`) {
		t.Errorf("without i18n/cy.toml: %v", got)
	}

	// English needs no file, and a strings file's mistakes are errors.
	root = testsite.Copy(t, small)
	testsite.Write(t, root, "i18n/en-GB.toml", "[date]\nmonths = 12\n")
	_, l = Site(root)
	if !l.HasErrors() || !strings.Contains(l.Error(), "i18n/en-GB.toml:2:1: date.months must be text, not a number") {
		t.Errorf("a number as a message: %v", l)
	}
}
