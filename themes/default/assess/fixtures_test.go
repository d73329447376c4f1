package assess

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/answers"
	"workbook/generator/browsertest"
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

// The shared fixtures: answers files and team records that the Go tests
// of generator/answers read too, each listed in its folder's cases.json
// with whether a reader accepts it and, if not, a phrase of the reason.
// The page must accept and refuse the same files, saying the same.

// fixtureCase is one entry of testdata/answers/cases.json or
// testdata/team/cases.json.
type fixtureCase struct {
	File         string `json:"file"`
	Valid        bool   `json:"valid"`
	Records      int    `json:"records"`
	Agreed       int    `json:"agreed"`
	Actions      int    `json:"actions"`
	Participants int    `json:"participants"`
	Error        string `json:"error"`
	Note         string `json:"note"`
}

func fixtureCases(t *testing.T, dir string) (string, []fixtureCase) {
	t.Helper()
	dir = filepath.Join(testsite.RepoRoot(), "testdata", dir)
	b, err := os.ReadFile(filepath.Join(dir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []fixtureCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("%s/cases.json: %v", dir, err)
	}
	if len(cases) < 10 {
		t.Fatalf("only %d cases in %s/cases.json", len(cases), dir)
	}
	return dir, cases
}

// TestPageReadsEveryAnswersFixtureAsTheProgramDoes imports every file of
// testdata/answers into the ward page of the small site: a file the
// program accepts is offered for import with as many answers as the
// program reads; a file it refuses is refused, nothing changed, with the
// program's reason.
func TestPageReadsEveryAnswersFixtureAsTheProgramDoes(t *testing.T) {
	dir, cases := fixtureCases(t, "answers")
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	base := r.storage()
	for _, c := range cases {
		t.Run(c.File, func(t *testing.T) {
			r := r.as(t)
			js[chromedp.Void](r, `document.getElementById('assess-import-problem').textContent = ''; document.getElementById('assess-import-panel').hidden = true`)
			r.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{filepath.Join(dir, c.File)}))
			r.waitFor("the page to refuse the file or show what it would import",
				`document.getElementById('assess-import-problem').textContent !== '' || !document.getElementById('assess-import-panel').hidden`)
			why := r.text("#assess-import-problem")
			if !c.Valid {
				if why == "" {
					t.Errorf("the page offers to import %s, which the program refuses (%s: %s)", c.File, c.Note, c.Error)
				} else {
					r.refused(why, base)
					if !strings.Contains(why, c.Error) {
						t.Errorf("the page refuses %s saying %.300q, want the program's reason %q", c.File, why, c.Error)
					}
				}
				return
			}
			if why != "" {
				t.Fatalf("the page refuses %s, which the program reads (%s): %s", c.File, c.Note, why)
			}
			preview := squash(r.text("#assess-import-panel"))
			want := fmt.Sprintf("holds %d answers", c.Records)
			if c.Records == 1 {
				want = "holds 1 answer "
			}
			if !strings.Contains(preview, want) {
				t.Errorf("the preview of %s says %q, want %q as the program reads (%s)", c.File, preview, want, c.Note)
			}
			r.do(chromedp.Click(chromedp.Search(`//div[@id="assess-import-panel"]//button[normalize-space(.)="Cancel" or normalize-space(.)="Close"]`)))
		})
	}
	r.noProblems()
}

// TestTeamPageReadsEveryTeamFixtureAsTheProgramDoes imports every file
// of testdata/team on the team page, through "Import a team record": a
// record the program accepts is imported whole (its agreed ratings,
// actions and people as the program counts them); one it refuses is
// refused with the program's reason, and the device keeps what it held.
func TestTeamPageReadsEveryTeamFixtureAsTheProgramDoes(t *testing.T) {
	dir, cases := fixtureCases(t, "team")
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.openTeam(s.url(teamPage))
	for _, c := range cases {
		t.Run(c.File, func(t *testing.T) {
			r := r.as(t)
			js[chromedp.Void](r, `localStorage.clear(); document.getElementById('assess-team-import-problem').textContent = ''; document.getElementById('assess-team-message').textContent = ''`)
			r.do(chromedp.SetUploadFiles(chromedp.ID("assess-team-import"), []string{filepath.Join(dir, c.File)}))
			r.waitFor("the page to refuse or import the record",
				`document.getElementById('assess-team-import-problem').textContent !== '' || document.getElementById('assess-team-message').textContent !== ''`)
			why := r.text("#assess-team-import-problem")
			saved := teamRecords(r)
			if !c.Valid {
				if why == "" {
					t.Errorf("the team page imports %s, which the program refuses (%s: %s)", c.File, c.Note, c.Error)
				} else if !strings.Contains(why, c.Error) {
					t.Errorf("the team page refuses %s saying %.300q, want the program's reason %q", c.File, why, c.Error)
				}
				if len(saved) != 0 {
					t.Errorf("refusing %s saved %v", c.File, saved)
				}
				return
			}
			if why != "" {
				t.Fatalf("the team page refuses %s, which the program reads (%s): %s", c.File, c.Note, why)
			}
			if len(saved) != 1 {
				t.Fatalf("after importing %s the device holds %d team records, want 1", c.File, len(saved))
			}
			for _, rec := range saved {
				if got := rec.count(); got != [3]int{c.Agreed, c.Actions, c.Participants} {
					t.Errorf("%s saved as %d agreed ratings, %d actions and %d people; the program reads %d, %d and %d",
						c.File, got[0], got[1], got[2], c.Agreed, c.Actions, c.Participants)
				}
			}
		})
	}
	r.noProblems()
}

// teamRecord is a team record as the team page saves and exports it.
type teamRecord struct {
	Format       string                                  `json:"format"`
	Version      int                                     `json:"version"`
	Framework    string                                  `json:"framework"`
	Level        string                                  `json:"level"`
	Team         string                                  `json:"team"`
	Exported     string                                  `json:"exported"`
	Participants map[string][]string                     `json:"participants"`
	Hidden       bool                                    `json:"hidden"`
	Agreed       map[string]map[string]map[string]string `json:"agreed"`
	Actions      []map[string]string                     `json:"actions"`
}

// count is how many agreed ratings, actions and people the record holds.
func (tr teamRecord) count() [3]int {
	agreed := 0
	for _, byCycle := range tr.Agreed {
		agreed += len(byCycle)
	}
	people := map[string]bool{}
	for _, names := range tr.Participants {
		for _, n := range names {
			people[strings.ToLower(strings.Join(strings.Fields(n), " "))] = true
		}
	}
	return [3]int{agreed, len(tr.Actions), len(people)}
}

// teamRecords decodes the team records saved on the device, by key.
func teamRecords(r *reader) map[string]teamRecord {
	r.t.Helper()
	out := map[string]teamRecord{}
	for k, v := range r.storage() {
		if !strings.HasPrefix(k, "workbook-team:") {
			continue
		}
		var tr teamRecord
		if err := json.Unmarshal([]byte(v), &tr); err != nil {
			r.t.Fatalf("the team record saved under %s is not a team record: %v\n%s", k, err, v)
		}
		out[k] = tr
	}
	return out
}

// programSays is what the program (generator/answers, the formats'
// specification) makes of a file handed to it with others, as `workbook
// report` reads a team's files: the person whose answers it holds ("" for
// a team record or a file that names nobody), whether it is a team
// record, and why it is refused ("" when it is read), the first
// problem's words without the place and what to do.
func programSays(t *testing.T, site *model.Site, file string) (person string, team bool, why string) {
	t.Helper()
	f, err := answers.Read(file)
	if err == nil {
		err = f.Check(site)
	}
	if err != nil {
		var l *diag.List
		if errors.As(err, &l) && len(l.Sorted()) > 0 {
			return "", false, l.Sorted()[0].Msg
		}
		return "", false, err.Error()
	}
	if f.Team != nil {
		return "", true, ""
	}
	return f.Answers.Person.Key(), false, ""
}

// TestTeamPageAddsEveryFixtureAsTheProgramReadsIt chooses every file of
// testdata/answers and testdata/team at once in the team page's "Add
// answer files", with a spreadsheet and a PDF, as a facilitator handed a
// folder of mixed files might. Each file is listed with what the page
// made of it, one by one, and the page agrees with the program
// (answers.Read and Check): every file the program reads is added (the
// first team record taken, a second one refused, as the team report
// does; a second file of the same person refused), every file it refuses
// is refused with the program's reason, and the rest still load. The
// spreadsheet and the PDF are named for what they are, in plain words.
func TestTeamPageAddsEveryFixtureAsTheProgramReadsIt(t *testing.T) {
	s := newSite(t)
	site, l := generator.Load(generator.Options{Root: s.root})
	if l.HasErrors() {
		t.Fatal(l)
	}
	type expect struct {
		file, refused string // refused: a phrase of the reason, or ""
	}
	var files []string
	var want []expect
	people, seen, record := 0, map[string]bool{}, ""
	for _, kind := range []string{"answers", "team"} {
		dir, cases := fixtureCases(t, kind)
		for _, c := range cases {
			file := filepath.Join(dir, c.File)
			person, team, why := programSays(t, site, file)
			if (why == "") != c.Valid {
				t.Fatalf("%s/cases.json says %s is valid: %v; the program reads it saying %q", kind, c.File, c.Valid, why)
			}
			// The page words some reasons apart from the program (a
			// JSON syntax error is the browser's); cases.json has the
			// phrase both say. A file of one kind read as the other
			// (a team record that does not say so) gets the reason for
			// the kind it is read as.
			if why != "" && strings.Contains(why, c.Error) {
				why = c.Error
			}
			switch {
			case why != "":
			case team && record != "":
				why = "only one team record can be added at a time"
			case team:
				record = c.File
			case person != "" && seen[person]:
				why = "are already here, from"
			default:
				seen[person] = person != ""
				people++
			}
			files = append(files, file)
			want = append(want, expect{kind + "/" + c.File, why})
		}
	}
	dir := t.TempDir()
	for _, p := range []struct{ name, text, why string }{
		{"answers.csv", "\uFEFF\"Name\",\"Team\",\"Framework\"\r\n\"Asha Patel\",\"\",\"kitchen-garden-framework\"\r\n", "this is a spreadsheet (CSV) file"},
		{"renamed-csv.json", "\uFEFF\"Name\",\"Team\",\"Framework\"\r\n", "this is a spreadsheet (CSV) file"},
		{"filled-workbook.pdf", "%PDF-1.7\n", "this is a PDF"},
	} {
		file := filepath.Join(dir, p.name)
		if err := os.WriteFile(file, []byte(p.text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		want = append(want, expect{p.name, p.why})
	}

	r := newReader(t, browsertest.Start(t))
	r.openTeam(s.url(teamPage))
	r.addFiles(files...)
	type item struct{ Name, Mark, Says string }
	items := js[[]item](r, `Array.prototype.map.call(document.querySelectorAll('#assess-team-file-list li'), function (li) {
		return {Name: li.querySelector('.team-file__name').textContent, Mark: li.querySelector('.team-file__mark').textContent, Says: li.querySelector('.team-file__says').textContent};
	})`)
	if len(items) != len(want) {
		t.Fatalf("the page lists %d files, want the %d chosen", len(items), len(want))
	}
	refused := 0
	for i, w := range want {
		got := items[i]
		if got.Name != filepath.Base(w.file) {
			t.Errorf("file %d of the list is %q, want %s", i+1, got.Name, w.file)
			continue
		}
		switch {
		case w.refused == "" && got.Mark == "Not added:":
			t.Errorf("the page refuses %s, which the program reads: %s", w.file, got.Says)
		case w.refused != "" && got.Mark != "Not added:":
			t.Errorf("the page adds %s (%s %s), which the program refuses: %s", w.file, got.Mark, got.Says, w.refused)
		case w.refused != "" && !strings.Contains(got.Says, w.refused):
			t.Errorf("the page refuses %s saying %.300q, want the program's reason %q", w.file, got.Says, w.refused)
		}
		if w.refused != "" {
			refused++
		}
	}
	// The first team record is taken at once: the device held none.
	if got, want := r.text("#assess-team-added"), fmt.Sprintf("Added the answers of %d people. %d files were not added: see why below. Imported the team record %s for the Ward level.", people, refused, record); got != want {
		t.Errorf("after adding the files the page says %q, want %q", got, want)
	}
	r.noProblems()
}
