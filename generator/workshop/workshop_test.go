package workshop_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/testsite"
	"workbook/generator/workshop"
)

const fw = "kitchen-garden-framework"

func smallSite(t *testing.T) *model.Site {
	t.Helper()
	site, l := load.Site(testsite.Copy(t, "testdata/sites/small"))
	if l.HasErrors() {
		t.Fatal(l)
	}
	return site
}

// ward is one person's answers at the ward level in Autumn.
func ward(name, beans, roots string) string {
	return testsite.AnswersJSON(fw, name, "Ward 7", []testsite.Answer{
		{Question: "ward-soil-beans-1", Cycle: "Autumn", Level: "ward", Rating: beans, Answer: name + " on beans"},
		{Question: "ward-water-roots-1", Cycle: "Autumn", Level: "ward", Rating: roots},
	})
}

// teamRecord is the fixture team record (ward, Spring and Autumn).
var teamRecord = filepath.Join(testsite.RepoRoot(), "testdata", "team", "record.json")

func names(ws *workshop.Workshop) []string {
	var out []string
	for _, p := range ws.People {
		out = append(out, p.Name)
	}
	return out
}

func TestBadFilesAreLeftOutOneByOneWithTheReasonAndTheRestLoad(t *testing.T) {
	site := smallSite(t)
	files := []string{
		testsite.WriteFile(t, "asha.json", ward("Asha Patel", "amber", "red")),
		testsite.WriteFile(t, "export.csv", "Framework,Level,Question ID\r\nkitchen-garden-framework,ward,ward-soil-beans-1\r\n"),
		testsite.WriteFile(t, "ben.json", ward("Ben Okoro", "green", "red")),
		testsite.WriteFile(t, "other.json", strings.Replace(ward("Dee Evans", "red", "red"), fw, "ahps-deliver", 1)),
		testsite.WriteFile(t, "asha-again.json", ward("  asha  patel", "green", "green")),
		testsite.WriteFile(t, "county.json", testsite.AnswersJSON(fw, "Eve", "", []testsite.Answer{{Question: "county-soil-herbs-1", Cycle: "Autumn", Level: "county", Rating: "red"}})),
		teamRecord,
		testsite.WriteFile(t, "chen.json", ward("Chen Li", "amber", "amber")),
		testsite.WriteFile(t, "second-record.json", `{"format":"workbook-team","version":1,"framework":"kitchen-garden-framework","level":"ward"}`),
		testsite.WriteFile(t, "county-record.json", `{"format":"workbook-team","version":1,"framework":"kitchen-garden-framework","level":"county"}`),
	}
	ws, err := workshop.Gather(site, files, workshop.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(ws); !slices.Equal(got, []string{"Asha Patel", "Ben Okoro", "Chen Li"}) {
		t.Errorf("people %q", got)
	}
	if ws.Level.ID != "ward" || ws.Cycle != "Autumn" || ws.Record == nil || ws.Record.Name != "Ward 7 growers" {
		t.Errorf("level %s, cycle %s, record %v", ws.Level.ID, ws.Cycle, ws.Record)
	}
	var got []string
	for _, l := range ws.LeftOut {
		got = append(got, filepath.Base(l.File)+": "+l.Reason)
	}
	want := []string{
		"export.csv: not valid JSON",
		`other.json: the file holds answers to another framework ("ahps-deliver"), not to this site's ("kitchen-garden-framework")`,
		"asha-again.json: the same person (asha patel) as asha.json",
		"county.json: holds no answers at the Ward level (its answers are at the County level)",
		"second-record.json: a second team record (record.json is used)",
		"county-record.json: a team record for the County level, not the Ward level",
	}
	if len(got) != len(want) {
		t.Fatalf("left out:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("left out %q, want %q", got[i], want[i])
		}
	}
	if ws.LeftOut[0].Problems == nil || ws.LeftOut[2].Problems != nil {
		t.Error("a refused file keeps its problems with their places; one that does not belong has none")
	}

	// What each said and what was agreed, looked up by question.
	beans := ws.Question("ward-soil-beans-1")
	if r, ok := ws.Answer(ws.People[1], beans); !ok || r.Rating != "green" || r.Answer != "Ben Okoro on beans" {
		t.Errorf("Ben on beans: %+v", r)
	}
	if a, ok := ws.Agreed(beans, "Autumn"); !ok || a.Rating != "amber" {
		t.Errorf("agreed on beans: %+v", a)
	}
	if c, a, ok := ws.Earlier(beans); !ok || c != "Spring" || a.Rating != "red" {
		t.Errorf("agreed on beans before Autumn: %s %+v", c, a)
	}
	var actions []string
	for _, a := range ws.Actions() {
		actions = append(actions, a.Action)
	}
	// Spring's done action stays in Spring; Autumn's are all shown.
	if want := []string{"Keep a mulch diary", "Fit a water butt", "Book next year's workshop"}; !slices.Equal(actions, want) {
		t.Errorf("actions %q, want %q", actions, want)
	}
	if got := ws.Participants(); !slices.Equal(got, []string{"Dee Evans"}) {
		t.Errorf("took part without a file: %q, want Dee Evans (the record's Autumn list less the files)", got)
	}
}

func TestNamesAreHiddenWhenTheTeamRecordOrTheFacilitatorSays(t *testing.T) {
	site := smallSite(t)
	files := []string{
		testsite.WriteFile(t, "a.json", ward("Asha Patel", "amber", "red")),
		testsite.WriteFile(t, "b.json", ward("Ben Okoro", "green", "red")),
	}
	ws, err := workshop.Gather(site, files, workshop.Options{Hide: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(ws); !slices.Equal(got, []string{"Person 1", "Person 2"}) || ws.People[0].Team != "" {
		t.Errorf("hidden names %q, team %q", got, ws.People[0].Team)
	}
	hidden := testsite.WriteFile(t, "record.json", `{"format":"workbook-team","version":1,"framework":"kitchen-garden-framework","level":"ward","hidden":true,
		"participants":{"Autumn":["Person 1","Person 2"]}}`)
	ws, err = workshop.Gather(site, append(files, hidden), workshop.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(ws); !slices.Equal(got, []string{"Person 1", "Person 2"}) || len(ws.Participants()) != 0 {
		t.Errorf("a record with hidden names: %q, %q", got, ws.Participants())
	}
}

func TestFilesThatNameNobodyAreNamedByTheirFileAndCopiesAreLeftOut(t *testing.T) {
	site := smallSite(t)
	v1 := ward("", "amber", "red")
	a := testsite.WriteFile(t, "answers.json", v1)
	b := testsite.WriteFile(t, "answers.json", strings.Replace(v1, "amber", "green", 1))
	c := testsite.WriteFile(t, "copy.json", v1)
	ws, err := workshop.Gather(site, []string{a, b, c}, workshop.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(ws); !slices.Equal(got, []string{a, b}) {
		t.Errorf("names %q, want the paths (both files are answers.json)", got)
	}
	if len(ws.LeftOut) != 1 || ws.LeftOut[0].Reason != "the same answers as answers.json" {
		t.Errorf("left out %+v", ws.LeftOut)
	}
}

func TestGatherFailsOnlyWhenNothingIsUsableOrTheLevelIsUnclear(t *testing.T) {
	site := smallSite(t)
	bad := testsite.WriteFile(t, "bad.json", "{")
	other := testsite.WriteFile(t, "other.json", strings.Replace(ward("Dee", "red", "red"), fw, "x", 1))
	_, err := workshop.Gather(site, []string{bad, other}, workshop.Options{})
	if err == nil || !strings.Contains(err.Error(), "bad.json:1:1: not valid JSON") ||
		!strings.Contains(err.Error(), "other.json:4:16: the file holds answers to another framework") {
		t.Errorf("nothing usable: %v", err)
	}
	county := testsite.WriteFile(t, "county.json", testsite.AnswersJSON(fw, "Eve", "", []testsite.Answer{{Question: "county-soil-herbs-1", Cycle: "Autumn", Level: "county", Rating: "red"}}))
	asha := testsite.WriteFile(t, "asha.json", ward("Asha", "red", "red"))
	if _, err := workshop.Gather(site, []string{county, asha}, workshop.Options{}); err == nil || !strings.Contains(err.Error(), "choose one with --level") {
		t.Errorf("one file at each of two levels: %v", err)
	}
	ws, err := workshop.Gather(site, []string{county, asha}, workshop.Options{Level: "county"})
	if err != nil || names(ws)[0] != "Eve" || len(ws.LeftOut) != 1 {
		t.Errorf("with --level county: %v, %+v", err, ws)
	}
	for _, opt := range []workshop.Options{{Level: "forest"}, {Cycle: "Winter"}} {
		if _, err := workshop.Gather(site, []string{asha}, opt); err == nil {
			t.Errorf("%+v: no error", opt)
		}
	}
}
