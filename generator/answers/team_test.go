package answers_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/generator/answers"
	"workbook/generator/testsite"
)

// teamDir holds the team records that this package's tests and the team
// page's import tests both read; cases.json says what to expect.
var teamDir = filepath.Join(testsite.RepoRoot(), "testdata", "team")

// teamFixture is one entry of testdata/team/cases.json.
type teamFixture struct {
	File         string `json:"file"`
	Valid        bool   `json:"valid"`
	Agreed       int    `json:"agreed"`
	Actions      int    `json:"actions"`
	Participants int    `json:"participants"`
	Error        string `json:"error"`
	Line         int    `json:"line"`
	Col          int    `json:"col"`
	Note         string `json:"note"`
}

// readTeam decodes a team record as the team page's import does, and
// checks it against the small site.
func readTeam(t *testing.T, file string) (*answers.Team, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(teamDir, file))
	if err != nil {
		t.Fatal(err)
	}
	team, err := answers.DecodeTeam(filepath.Join(teamDir, file), b)
	if err == nil {
		err = answers.CheckTeam(team, smallSite(t, nil))
	}
	return team, err
}

// people counts the different people a record names in any cycle.
func people(team *answers.Team) int {
	seen := map[string]bool{}
	for _, names := range team.Participants {
		for _, n := range names {
			seen[answers.Person{Name: n}.Key()] = true
		}
	}
	return len(seen)
}

func TestEveryTeamRecordIsAcceptedOrRefusedAsCasesJSONSays(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(teamDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []teamFixture
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	listed := map[string]bool{"cases.json": true, "README.md": true}
	for _, c := range cases {
		listed[c.File] = true
		t.Run(c.File, func(t *testing.T) {
			team, err := readTeam(t, c.File)
			if c.Valid {
				if err != nil {
					t.Fatalf("refused (%s):\n%v", c.Note, err)
				}
				if len(team.Agreed) != c.Agreed || len(team.Actions) != c.Actions || people(team) != c.Participants {
					t.Errorf("%d agreed, %d actions, %d people; want %d, %d, %d", len(team.Agreed), len(team.Actions), people(team), c.Agreed, c.Actions, c.Participants)
				}
				return
			}
			p := refusedFor(t, err, filepath.Join(teamDir, c.File), c.Error, c.Line, c.Col, c.Note)
			if strings.Contains(p.Hint, "answers") {
				t.Errorf("%q: hint %q; want one that says what to do about a team record", p.Msg, p.Hint)
			}
		})
	}
	entries, err := os.ReadDir(teamDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !listed[e.Name()] {
			t.Errorf("%s is not in cases.json, so no test reads it", e.Name())
		}
	}
}

func TestATeamRecordKeepsEverythingAgreed(t *testing.T) {
	team, err := readTeam(t, "record.json")
	if err != nil {
		t.Fatal(err)
	}
	if team.Level != "ward" || team.Name != "Ward 7 growers" || team.Hidden || team.Title != "Kitchen Garden Framework" ||
		team.Exported.Format("2006-01-02 15:04") != "2026-03-02 16:30" || !slices.Equal(team.Cycles, []string{"Spring", "Autumn"}) {
		t.Errorf("header: %+v", team)
	}
	if got := team.Participants["Autumn"]; !slices.Equal(got, []string{"Asha Patel", "Chen Li", "Dee Evans"}) {
		t.Errorf("Autumn's participants %q, in the page's order", got)
	}
	var agreed []string
	for _, a := range team.Agreed {
		agreed = append(agreed, a.Question+"/"+a.Cycle+": "+a.Rating)
	}
	want := []string{"ward-soil-beans-1/Autumn: amber", "ward-soil-beans-1/Spring: red", "ward-soil-roots-1/Autumn: ", "ward-water-roots-1/Autumn: red"}
	if !slices.Equal(agreed, want) {
		t.Errorf("agreed\n%q\nwant (sorted by question, then cycle)\n%q", agreed, want)
	}
	if n := team.Agreed[0].Note; n != "Two of three people saw mulch on every bed;\nwe agreed amber until the diary shows it." {
		t.Errorf("note %q", n)
	}
	var actions []string
	for _, a := range team.Actions {
		actions = append(actions, strings.Join([]string{a.Action, a.Owner, a.Due, a.Question, a.Cycle}, "|")+" done="+map[bool]string{true: "yes", false: "no"}[a.Done()])
	}
	wantActions := []string{
		"Buy compost|Ben Okoro|May|ward-soil-beans-1|Spring done=yes",
		"Keep a mulch diary|Asha Patel|June|ward-soil-beans-1|Autumn done=no",
		"Fit a water butt|Dee Evans|July|ward-water-roots-1|Autumn done=no",
		"Book next year's workshop|Chen Li|February||Autumn done=no",
	}
	if !slices.Equal(actions, wantActions) {
		t.Errorf("actions, in the file's order\n%q\nwant\n%q", actions, wantActions)
	}
	if team.Actions[1].Pos.Line != 30 || team.Agreed[0].RatingPos.Line != 18 {
		t.Errorf("action 2 at %s, the first agreed rating at %s", team.Actions[1].Pos, team.Agreed[0].RatingPos)
	}
}

func TestReadTellsAnswersFromATeamRecord(t *testing.T) {
	f, err := answers.Read(filepath.Join(teamDir, "record.json"))
	if err != nil || f.Team == nil || f.Answers != nil || f.Team.Level != "ward" {
		t.Fatalf("a team record read as %+v, %v", f, err)
	}
	f, err = answers.Read(filepath.Join(fixtureDir, "v2-export.json"))
	if err != nil || f.Answers == nil || f.Team != nil || f.Answers.Person.Name != "Asha Patel" {
		t.Fatalf("an answers file read as %+v, %v", f, err)
	}
	if err := f.Check(smallSite(t, nil)); err != nil || f.Name() != filepath.Join(fixtureDir, "v2-export.json") {
		t.Errorf("check %v, name %q", err, f.Name())
	}
	// Anything else is refused, with the reason: a PDF as a damaged
	// workbook, the rest as not answers.
	for _, tc := range []struct{ text, want string }{
		{"%PDF-1.7\n...", "the PDF cannot be read: damaged"}, // read as a filled workbook
		{`{"format": "workbook-teams"}`, `not an export of answers: it should say "format": "workbook-answers"`},
		{`{"format": "workbook-team",}`, "not valid JSON"},
		{"name,rating\nAsha,red\n", "not valid JSON"},
	} {
		_, err := answers.DecodeFile("f", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v; want %q", tc.text, err, tc.want)
		}
	}
}
