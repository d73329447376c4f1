package assess

import (
	"bytes"
	"encoding/csv"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/answers"
	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

// fillTwoCycles gives a reader answers in both of the fixture's cycles,
// with text a spreadsheet would misread if it were not guarded.
func fillTwoCycles(r *reader) {
	r.answer(beans, map[string]string{"answer": "We mulch every bed.", "evidence": "Photos, diaries",
		"action": "Buy compost", "owner": "Sam", "due": "May"}, "Amber")
	r.answer(water, map[string]string{"answer": "=SUM(A1:A9)", "evidence": "He said \"rain\", then\nit rained.", "owner": "@sam"}, "Red")
	r.chooseCycle("Autumn")
	r.answer(beans, map[string]string{"answer": "Better than in spring."}, "Green")
}

func TestExportThenImportIntoACleanBrowserGivesTheSameAnswers(t *testing.T) {
	browser := browsertest.Start(t)
	s := newSite(t)
	a := newReader(t, browser)
	a.open(s.url(wardPage))
	fillTwoCycles(a)
	exported := a.exportJSON()
	if exported.Format != "workbook-answers" || exported.Version != 2 || exported.Framework != "kitchen-garden-framework" {
		t.Errorf("export header: format %q, version %d, framework %q", exported.Format, exported.Version, exported.Framework)
	}
	if exported.Person.Name != "Test Reader" {
		t.Errorf("the export says the answers are %q's, want the name the reader gave", exported.Person.Name)
	}
	if got := exported.Answers[beans]["Spring"]; got["answer"] != "We mulch every bed." || got["rating"] != "amber" ||
		got["action"] != "Buy compost" || got["owner"] != "Sam" || got["due"] != "May" || got["level"] != "ward" || got["updated"] == "" {
		t.Errorf("exported %s in Spring: %v", beans, got)
	}
	if got := exported.Answers[beans]["Autumn"]["rating"]; got != "green" {
		t.Errorf("exported %s in Autumn rated %q, want green", beans, got)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	raw := a.download("#assess-export-json")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}

	b := newReader(t, browser)
	b.open(s.url(wardPage))
	b.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{file}))
	b.waitFor("the import preview", `!document.getElementById('assess-import-panel').hidden`)
	preview := b.text("#assess-import-panel")
	for _, want := range []string{"holds 3 answers to 2 questions", "3 new answers will be added", "0 answers saved on this device will be replaced"} {
		if !strings.Contains(preview, want) {
			t.Errorf("import preview %q lacks %q", preview, want)
		}
	}
	if len(answerKeys(b.storage())) != 0 {
		t.Fatal("the preview changed the saved answers before the reader confirmed")
	}
	b.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Import answers"]`)))
	b.waitFor("the import to finish", `document.getElementById('assess-transfer-message').textContent.indexOf('Imported 3 answers') === 0`)
	if got, want := answerKeys(b.storage()), answerKeys(a.storage()); !maps.Equal(got, want) {
		t.Errorf("after the import the clean browser holds\n%v\nwant\n%v", got, want)
	}
	again := b.exportJSON()
	if !reflect.DeepEqual(again.Answers, exported.Answers) {
		t.Errorf("exported again after the import:\n%v\nwant\n%v", again.Answers, exported.Answers)
	}
	b.chooseCycle("Spring")
	if got := js[string](b, `document.querySelector('`+field(beans, "answer")+`').value`); got != "We mulch every bed." {
		t.Errorf("after the import the Spring answer box holds %q", got)
	}
	a.noProblems()
	b.noProblems()
}

func TestCSVExportOpensInASpreadsheet(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	fillTwoCycles(r)
	b := r.download("#assess-export-csv")
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
		t.Error("the CSV does not start with a UTF-8 byte order mark, so Excel would misread non-ASCII text")
	}
	if bytes.Count(b, []byte("\r\n")) < 4 || !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Error("the CSV's lines do not end in CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, b)
	}
	wantHeader := []string{"Name", "Team", "Framework", "Level", "Question ID", "Question number", "Question", "Review cycle", "Rating", "Answer", "Evidence", "Action", "Owner", "By when", "Status", "Last updated"}
	if !reflect.DeepEqual(rows[0], wantHeader) {
		t.Errorf("CSV columns\n got %q\nwant %q", rows[0], wantHeader)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows after the header, want 3 (one per question and cycle answered):\n%q", len(rows)-1, rows)
	}
	want := [][]string{
		{"Test Reader", "", "kitchen-garden-framework", "ward", beans, "1", "How does your ward look after soil for beans?", "Spring", "Amber", "We mulch every bed.", "Photos, diaries", "Buy compost", "Sam", "May", "Open"},
		{"Test Reader", "", "kitchen-garden-framework", "ward", beans, "1", "How does your ward look after soil for beans?", "Autumn", "Green", "Better than in spring.", "", "", "", "", ""},
		// Formulas are defused; quotes, commas and line breaks survive.
		{"Test Reader", "", "kitchen-garden-framework", "ward", water, "6", "How does your ward look after water for herbs?", "Spring", "Red", "'=SUM(A1:A9)", "He said \"rain\", then\nit rained.", "", "'@sam", "", "Open"},
	}
	for i, w := range want {
		if got := rows[i+1][:15]; !reflect.DeepEqual(got, w) {
			t.Errorf("row %d\n got %q\nwant %q", i+1, got, w)
		}
	}
}

func TestImportRefusesBadFilesAndChangesNothing(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Keep me."}, "Green")
	before := r.storage()
	dir := t.TempDir()
	valid := `{"format":"workbook-answers","version":1,"framework":"kitchen-garden-framework","answers":{"` + beans + `":{"Spring":{"answer":"Replaced!"}}}}`
	for _, tc := range []struct {
		name, text, why string
	}{
		{"broken.json", `{"format": "workbook-answers", "answers": {`, "not valid JSON"},
		{"huge.json", valid + strings.Repeat(" ", 5*1024*1024), "the most this page reads is 5 MB"},
		{"other.json", strings.Replace(valid, "kitchen-garden-framework", "ahps-deliver", 1), `another framework ("ahps-deliver")`},
		{"future.json", strings.Replace(valid, `"version":1`, `"version":3`, 1), "version 3 of the answers format"},
		{"list.json", `[1, 2, 3]`, "not an export of answers: the file holds a list"},
		{"shape.json", strings.Replace(valid, `{"answer":"Replaced!"}`, `"Replaced!"`, 1), "answers." + beans + ".Spring should be an object of text fields, not text"},
		{"number.json", strings.Replace(valid, `"Replaced!"`, `42`, 1), "answers." + beans + ".Spring.answer should be text, not a number"},
		{"rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"purple"`, 1), `rating "purple" is not on this site's scale ("red", "amber", "green")`},
		{"badid.json", strings.Replace(valid, beans, "Not An Id", 1), `"Not An Id" is not a question id`},
		// Names every JavaScript object has are no ratings or question ids.
		{"proto-rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"__proto__"`, 1), `rating "__proto__" is not on this site's scale`},
		{"constructor-rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"constructor"`, 1), `rating "constructor" is not on this site's scale`},
		{"tostring-rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"toString"`, 1), `rating "toString" is not on this site's scale`},
		{"hasown-rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"hasOwnProperty"`, 1), `rating "hasOwnProperty" is not on`},
		{"valueof-rating.json", strings.Replace(valid, `"answer":"Replaced!"`, `"rating":"valueOf"`, 1), `rating "valueOf" is not on`},
		{"proto-id.json", strings.Replace(valid, beans, "__proto__", 1), `"__proto__" is not a question id`},
		{"kept.json", strings.Replace(valid, `"answers":`, `"kept":{"a":1},"answers":`, 1), `"kept" should be a list of answers`},
		{"kept-rating.json", strings.Replace(valid, `"answers":`, `"kept":[{"id":"`+roots+`","cycle":"Spring","rating":"valueOf"}],"answers":`, 1), `rating "valueOf" is not on`},
		// A value that is no text is named by its kind, however deep.
		{"deep.json", strings.Replace(valid, `"version":1`, `"version":`+strings.Repeat("[", 100000)+strings.Repeat("]", 100000), 1), "version should be a number, not a list"},
		{"long.json", strings.Replace(valid, beans, strings.Repeat("x", 100000)+" ", 1), `"xxxxxxxx`},
		{"long-id.json", strings.Replace(valid, `"`+beans+`":{"Spring":{"answer":"Replaced!"}}`, `"`+strings.Repeat("k", 65536)+`":5`, 1), "is longer than 200 characters"},
		// The spreadsheet export, chosen by mistake, is named for what it is.
		{"answers.csv", "\uFEFF\"Name\",\"Team\",\"Framework\"\r\n", "this is a spreadsheet (CSV) file"},
		{"renamed-csv.json", "\uFEFF\"Name\",\"Team\",\"Framework\"\r\n", "this is a spreadsheet (CSV) file"},
		{"workbook.pdf", "%PDF-1.7\n", "this is a PDF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := r.as(t)
			file := filepath.Join(dir, tc.name)
			if err := os.WriteFile(file, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			js[chromedp.Void](r, `document.getElementById('assess-import-problem').textContent = ''`)
			r.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{file}))
			r.waitFor("the reason for refusing "+tc.name, `document.getElementById('assess-import-problem').textContent !== ''`)
			why := r.text("#assess-import-problem")
			if !strings.HasPrefix(why, "Nothing was imported: ") || !strings.Contains(why, tc.why) {
				t.Errorf("importing %s says %.300q, want it to say nothing was imported because %q", tc.name, why, tc.why)
			}
			if len(why) > 400 {
				t.Errorf("importing %s says %d characters: a reason should be short", tc.name, len(why))
			}
			if r.visible("#assess-import-panel") {
				t.Errorf("importing %s offers to import anyway", tc.name)
			}
			if got := r.storage(); !maps.Equal(got, before) {
				t.Errorf("importing %s changed what is saved:\n%v\nwant\n%v", tc.name, got, before)
			}
			if got := js[string](r, `document.querySelector('`+field(beans, "answer")+`').value`); got != "Keep me." {
				t.Errorf("after importing %s the answer box holds %q", tc.name, got)
			}
		})
	}
	r.noProblems()
}

// squash puts a text's words one space apart, so checks do not depend
// on where lines break or columns fall.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestReportOfAnExportFromTheBrowser feeds a real export to "workbook
// report": the file the site writes is the file the report reads.
func TestReportOfAnExportFromTheBrowser(t *testing.T) {
	if answers.Version < 2 {
		t.Skip("the program reads answers format version 1 only: the page writes version 2, which generator/answers reads from branch w2-team on")
	}
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	fillTwoCycles(r)
	answers := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(answers, r.download("#assess-export-json"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := generator.Options{Root: s.root}
	site, diags := generator.Load(opt)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := filepath.Join(t.TempDir(), "report.pdf")
	if _, _, err := generator.WriteReport(opt, site, answers, "", out); err != nil {
		t.Fatal(err)
	}
	words := squash(testsite.PDFText(t, out))
	// The formula guard is for spreadsheets: the report prints what was typed.
	for _, want := range []string{"Spring Rating: Amber", "We mulch every bed.", "Owner: Sam · By when: May", "Answer =SUM(A1:A9)", "Autumn Rating: Green", "Ratings in Autumn"} {
		if !strings.Contains(words, want) {
			t.Errorf("the report of the browser's export lacks %q", want)
		}
	}
}

func TestDeleteAllAsksFirst(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	fillTwoCycles(r)
	before := answerKeys(r.storage())
	r.do(chromedp.Click(chromedp.ID("assess-clear")))
	if got := r.text("#assess-clear-panel"); !strings.Contains(got, "This deletes 3 answers to 2 questions") || !strings.Contains(got, "cannot be undone") {
		t.Errorf("the delete confirmation says %q", got)
	}
	if got := js[string](r, `document.activeElement.id`); got != "assess-clear-panel" {
		t.Errorf("focus is on %q, not on the question the page asks", got)
	}
	r.do(chromedp.Click(chromedp.Search(`//div[@id="assess-clear-panel"]//button[normalize-space(.)="Cancel"]`)))
	if got := answerKeys(r.storage()); !maps.Equal(got, before) {
		t.Fatal("cancelling deleted answers")
	}
	r.do(chromedp.Click(chromedp.ID("assess-clear")), chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Delete all answers"]`)))
	if got := answerKeys(r.storage()); len(got) != 0 {
		t.Errorf("after deleting, %d answers are still saved", len(got))
	}
	if got := js[string](r, `document.querySelector('`+field(beans, "answer")+`').value`); got != "" {
		t.Errorf("after deleting, the answer box still holds %q", got)
	}
	r.noProblems()
}
