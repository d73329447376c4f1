package assess

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
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
