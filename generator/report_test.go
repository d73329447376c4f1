package generator_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator"
	"workbook/generator/model"
	"workbook/generator/testsite"
	"workbook/generator/workshop"
)

// squash puts a text's words one space apart, so checks do not depend
// on where lines break or columns fall.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// smallSite loads the fixture project.
func smallSite(t *testing.T) (generator.Options, *model.Site) {
	t.Helper()
	opt := generator.Options{Root: testsite.Copy(t, "testdata/sites/small")}
	site, diags := generator.Load(opt)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return opt, site
}

// writeAnswers writes an answers export to a temporary file.
func writeAnswers(t *testing.T, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// wardAnswers is an export as the web version writes it: the ward's
// beans question in two cycles, another in one, and an answer to a
// question since removed from the framework.
const wardAnswers = `{
  "format": "workbook-answers",
  "version": 1,
  "framework": "kitchen-garden-framework",
  "title": "Kitchen Garden Framework",
  "exported": "2026-03-01T10:00:00.000Z",
  "cycles": ["Spring", "Autumn"],
  "answers": {
    "ward-soil-beans-1": {
      "Spring": {"level": "ward", "question": "How does your ward look after soil for beans?",
        "answer": "We mulch every bed.\nTwice a year.", "evidence": "Photos in the shed diary.", "rating": "amber",
        "action": "Buy compost", "owner": "Sam", "due": "May", "updated": "2026-02-01T09:00:00.000Z"},
      "Autumn": {"level": "ward", "answer": "Better than in spring.", "rating": "green", "updated": "2026-03-01T09:00:00.000Z"}
    },
    "ward-water-roots-1": {
      "Spring": {"level": "ward", "answer": "Hosepipe ban.", "rating": "red", "updated": "2026-02-01T09:00:00.000Z"}
    },
    "ward-gone-1": {
      "Spring": {"level": "ward", "question": "How do you keep slugs away?", "answer": "Beer traps.", "rating": "green",
        "action": "Empty the traps", "owner": "Kim"}
    }
  }
}`

func TestReportPrintsAnswersRatingsAndTheGrid(t *testing.T) {
	opt, site := smallSite(t)
	out := filepath.Join(t.TempDir(), "report.pdf")
	l, pages, err := generator.WriteReport(opt, site, writeAnswers(t, wardAnswers), "", out)
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "ward" || pages < 4 {
		t.Errorf("reported on %s in %d pages, want the ward (the only level answered) in 4 or more", l.ID, pages)
	}
	text := testsite.PDFText(t, out)
	words := squash(text)
	for _, want := range []string{
		"Self-assessment report", "Kitchen Garden Framework", "Answers exported 1 March 2026", "Questions answered 2 of 6",
		// The answer, its evidence, rating and action, as typed.
		"Question 1 ward-soil-beans-1", "Spring Rating: Amber", "Answer We mulch every bed. Twice a year.",
		"Evidence Photos in the shed diary.", "Action Buy compost Owner: Sam · By when: May",
		"Autumn Rating: Green", "Better than in spring.", "Spring Rating: Red", "Hosepipe ban.",
		// The summary, for the latest cycle, and progress across cycles.
		"Ratings in Autumn", "Progress across review cycles",
		// The action list, and the answers to a removed question.
		"Action list", "Question 1 Spring Buy compost Sam May", "ward-gone-1 Spring Empty the traps Kim",
		"Answers to questions no longer in this framework", "How do you keep slugs away?", "Beer traps.",
	} {
		if !strings.Contains(words, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The grid in Autumn: soil × beans is green, water × roots was only
	// rated in Spring, so it is not rated in Autumn.
	grid := text[strings.Index(text, "Ratings in Autumn"):strings.Index(text, "Progress across review cycles")]
	for _, want := range []string{"Beans and peas", "Root crops", "Herbs", "Soil", "Water", "Green 1", "Not rated 1", "Red 0"} {
		if !strings.Contains(grid, want) {
			t.Errorf("the summary grid lacks %q:\n%s", want, grid)
		}
	}
	progress := squash(text[strings.Index(text, "Progress across review cycles"):])
	for _, want := range []string{"Review cycle Red Amber Green Not rated", "Spring 1 1 0 4", "Autumn 0 0 1 5"} {
		if !strings.Contains(progress, want) {
			t.Errorf("progress across cycles lacks %q:\n%.300s", want, progress)
		}
	}

	// The same answers make the same file.
	again := filepath.Join(t.TempDir(), "again.pdf")
	if _, _, err := generator.WriteReport(opt, site, writeAnswers(t, wardAnswers), "ward", again); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two reports of the same answers differ")
	}
}

func TestReportRefusesAnswersItCannotTrust(t *testing.T) {
	opt, site := smallSite(t)
	for _, tc := range []struct {
		name, text, level, want string
	}{
		{"broken", "{\n  \"format\": \"workbook-answers\",\n  \"answers\": {,\n}", "", "answers.json:3:15: not valid JSON"},
		{"type", strings.Replace(wardAnswers, `"answer": "Hosepipe ban."`, `"answer": 7`, 1), "", `answers.ward-water-roots-1.Spring.answer should be text, not a number`},
		{"foreign", strings.Replace(wardAnswers, "kitchen-garden-framework", "ahps-deliver", 1), "", `holds answers to another framework ("ahps-deliver"), not to this site's ("kitchen-garden-framework")`},
		{"format", strings.Replace(wardAnswers, "workbook-answers", "something-else", 1), "", `not an export of answers`},
		{"version", strings.Replace(wardAnswers, `"version": 1`, `"version": 3`, 1), "", "the file is in version 3 of the answers format; this program reads versions 1 to 2"},
		{"rating", strings.Replace(wardAnswers, `"rating": "red"`, `"rating": "purple"`, 1), "", `rating "purple" is not on this site's scale ("red", "amber", "green")`},
		{"level", wardAnswers, "forest", `no level "forest": the levels are ward, county, nation`},
		{"empty level", wardAnswers, "nation", "no answers to the Nation level's questions"},
		{"two levels", strings.Replace(wardAnswers, `"ward-gone-1"`, `"county-soil-beans-1"`, 1), "", "holds answers at 2 levels (ward, county): choose one with --level"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "report.pdf")
			_, _, err := generator.WriteReport(opt, site, writeAnswers(t, tc.text), tc.level, out)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to say %q", err, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a report was written anyway")
			}
		})
	}
}

func TestReportPutsAnswersUnderAnEarlierIdWithTheRenamedQuestion(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	file := "content/ward/questions.toml"
	testsite.Write(t, root, file, strings.Replace(testsite.Read(t, root, file),
		`id = "ward-soil-beans-1"`, `id = "ward-soil-legumes-1"`+"\n"+`aliases = ["ward-soil-beans-1"]`, 1))
	opt := generator.Options{Root: root}
	site, diags := generator.Load(opt)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := filepath.Join(t.TempDir(), "report.pdf")
	if _, _, err := generator.WriteReport(opt, site, writeAnswers(t, wardAnswers), "ward", out); err != nil {
		t.Fatal(err)
	}
	words := squash(testsite.PDFText(t, out))
	for _, want := range []string{"Question 1 ward-soil-legumes-1", "Spring Rating: Amber saved under its earlier id ward-soil-beans-1", "We mulch every bed."} {
		if !strings.Contains(words, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(words, "Question ward-soil-beans-1") {
		t.Error("the answers under the earlier id are listed as a removed question's")
	}
}

// teamFile writes one person's answers at the ward level in Autumn.
func teamFile(t *testing.T, name, beans, beansAnswer, roots string) string {
	t.Helper()
	return testsite.WriteFile(t, strings.ToLower(strings.Fields(name)[0])+".json", testsite.AnswersJSON("kitchen-garden-framework", name, "Ward 7 growers", []testsite.Answer{
		{Question: "ward-soil-beans-1", Cycle: "Autumn", Level: "ward", Rating: beans, Answer: beansAnswer},
		{Question: "ward-water-roots-1", Cycle: "Autumn", Level: "ward", Rating: roots},
	}))
}

func TestATeamReportShowsEachPersonsRatingBesideTheAgreedOne(t *testing.T) {
	opt, site := smallSite(t)
	files := []string{
		teamFile(t, "Asha Patel", "amber", "We mulch most beds.", "red"),
		teamFile(t, "Ben Okoro", "green", "Every bed, twice a year.", "amber"),
		teamFile(t, "Chen Li", "red", "I have not seen any mulch.", ""),
		filepath.Join(testsite.RepoRoot(), "testdata", "team", "record.json"),
	}
	out := filepath.Join(t.TempDir(), "team.pdf")
	ws, pages, err := generator.WriteTeamReport(opt, site, files, workshop.Options{}, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.People) != 3 || ws.Cycle != "Autumn" || len(ws.LeftOut) != 0 || pages < 4 {
		t.Errorf("%d people, cycle %s, %d left out, %d pages", len(ws.People), ws.Cycle, len(ws.LeftOut), pages)
	}
	text := squash(testsite.PDFTextRaw(t, out))
	for _, want := range []string{
		"Team report", "Ward 7 growers", "Review cycle Autumn", "People 3",
		// Who took part, and who took part without a file (the record's Autumn list).
		"Who took part", "Asha Patel Ward 7 growers 2 of 6", "Ben Okoro Ward 7 growers 2 of 6", "Chen Li Ward 7 growers 1 of 6",
		"Also took part, without an answers file: Dee Evans.",
		// The grid: soil × beans got one of each rating.
		"Ratings in Autumn", "Red 1 Amber 1 Green 1 Not rated 0",
		// Where the team differs: beans are two steps apart, first.
		"Where the team differs", "Question 1 How does your ward look after soil for beans? 1 1 1 0 2 steps apart Amber",
		"Question 5 How does your ward look after water for roots? 1 1 0 1 1 step apart Red",
		// Each person's rating and words side by side, the spread, and the agreed rating.
		"Ratings: Red 1, Amber 1, Green 1, Not rated 0. 2 steps apart.",
		"Asha Patel Amber Answer: We mulch most beds.", "Ben Okoro Green Answer: Every bed, twice a year.", "Chen Li Red Answer: I have not seen any mulch.",
		"Agreed rating: Amber", "Note: Two of three people saw mulch on every bed;", "Agreed in Spring: Red",
		// Chen said nothing about the roots: said so under its table.
		"Ben Okoro Amber No answer from Chen Li.",
		// The actions, with owners and status; Spring's done one stays in Spring.
		"Agreed actions", "Question 1 Keep a mulch diary Asha Patel June Open Autumn", "Whole level Book next year's workshop Chen Li February Open Autumn",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the team report lacks %q", want)
		}
	}
	if strings.Contains(text, "Buy compost") {
		t.Error("an action done in an earlier cycle is listed")
	}

	// Hidden names: none of the three is printed.
	hidden := filepath.Join(t.TempDir(), "hidden.pdf")
	if _, _, err := generator.WriteTeamReport(opt, site, files[:3], workshop.Options{Hide: true}, hidden); err != nil {
		t.Fatal(err)
	}
	text = squash(testsite.PDFTextRaw(t, hidden))
	for _, name := range []string{"Asha", "Ben", "Chen"} {
		if strings.Contains(text, name) {
			t.Errorf("names hidden, but %s is printed", name)
		}
	}
	if !strings.Contains(text, "Person 1 Amber Answer: We mulch most beds.") {
		t.Error("hidden names: Person 1's answer is not shown as theirs")
	}

	// The same files make the same report.
	again := filepath.Join(t.TempDir(), "again.pdf")
	if _, _, err := generator.WriteTeamReport(opt, site, files, workshop.Options{}, again); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(out)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("two team reports of the same files differ")
	}
}

func TestAnIndividualReportOfVersion2SaysWhoseAnswersAndWhichActionsAreDone(t *testing.T) {
	opt, site := smallSite(t)
	out := filepath.Join(t.TempDir(), "report.pdf")
	if _, _, err := generator.WriteReport(opt, site, filepath.Join(testsite.RepoRoot(), "testdata", "answers", "v2-export.json"), "", out); err != nil {
		t.Fatal(err)
	}
	text := squash(testsite.PDFText(t, out))
	for _, want := range []string{"Answers by Asha Patel, Ward 7 growers", "Owner: Sam · By when: May · Done",
		"Question 1 Spring Buy compost Sam May Done", "Question 1 Autumn Share the compost rota Asha Open"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// An export's "kept" answers (a second answer to a question in a cycle,
// saved on another level before the question moved) are in the report
// beside the answer in "answers": nothing the reader wrote is dropped.
func TestAReportShowsTheAnswersAnExportKept(t *testing.T) {
	opt, site := smallSite(t)
	out := filepath.Join(t.TempDir(), "report.pdf")
	if _, _, err := generator.WriteReport(opt, site, filepath.Join(testsite.RepoRoot(), "testdata", "answers", "kept.json"), "", out); err != nil {
		t.Fatal(err)
	}
	text := squash(testsite.PDFText(t, out))
	for _, want := range []string{"Mulch the beds on the ward.", "Saved on the county page before the question moved."} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
}
