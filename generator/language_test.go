package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
	"workbook/generator/i18n"
	"workbook/generator/pdfform"
	"workbook/generator/testsite"
	"workbook/generator/workshop"
)

// The Welsh fixture (testsite.Welsh, testdata/i18n/cy.toml) translates
// some of the theme's words: these are some of them, and some it leaves
// to English.

// TestWelshSitePagesAndPDFs builds the small framework with language =
// "cy" and a partial Welsh strings file, and finds the Welsh words in
// its pages and PDFs, English for the words the file does not translate,
// and Welsh plural forms and month names (README, "Any language").
func TestWelshSitePagesAndPDFs(t *testing.T) {
	root := testsite.Welsh(t)
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, root, out)
	page := func(rel string) string { return testsite.Read(t, out, rel) }
	has := func(where, text string, want ...string) {
		t.Helper()
		flat := strings.Join(strings.Fields(text), " ")
		for _, w := range want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s lacks %q", where, w)
			}
		}
	}

	home := page("index.html")
	has("the home page", home,
		`<html lang="cy">`, "Neidio i&#39;r prif gynnwys", ">Hafan<", "Dewiswch eich lefel weithredu",
		// six questions take Welsh's "many" form
		"munud i ateb y 6 chwestiwn, gan gynnwys ysgrifennu.",
		// not translated: English
		"Browse by area of focus", ">Downloads<")
	has("the ward page", page("levels/ward.html"),
		`<html lang="cy">`, "Lefel weithredu", "Cwestiwn 1", "Questions at a glance", "What good looks like",
		// the script's words, for assess.js, and the months to write dates with
		`Wedi&#39;i gadw ar y ddyfais hon`, `Not rated yet`, `Ionawr, Chwefror, Mawrth`)

	workbook := testsite.PDFText(t, filepath.Join(out, "workbooks", "ward.pdf"))
	has("the ward workbook", workbook,
		"Llyfr gwaith hunanasesu", "Amser sydd ei", "munud i ateb y 6 chwestiwn",
		"Content version 0.1, 1 Mawrth 2025", "Cynnwys", "Eich ateb", "Tudalen 2 o 12",
		"Completed by", "Evidence", "What the ratings mean", "Spring and Autumn")
	tips := map[string]string{}
	b, err := os.ReadFile(filepath.Join(out, "workbooks", "ward.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	form, err := pdfform.Read(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range form.Fields {
		tips[f.Name] = f.Tooltip
	}
	for name, want := range map[string]string{
		"ward-soil-beans-1:answer":   "Question 1 (ward-soil-beans-1): eich ateb",
		"ward-soil-beans-1:evidence": "Question 1 (ward-soil-beans-1): evidence",
	} {
		if tips[name] != want {
			t.Errorf("the tooltip of %s is %q, want %q", name, tips[name], want)
		}
	}
	pack := testsite.PDFText(t, filepath.Join(out, "workbooks", "facilitator", "ward.pdf"))
	has("the ward facilitator pack", pack, "Pecyn hwylusydd", "Tudalen 2 o", "1 Mawrth 2025", "Ground rules", "How to reach an agreed rating")

	site, diags := Load(Options{Root: root})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	report := filepath.Join(t.TempDir(), "report.pdf")
	if _, _, err := WriteReport(Options{Root: root}, site, filepath.Join(testsite.RepoRoot(), "testdata", "answers", "v2-export.json"), "ward", report); err != nil {
		t.Fatal(err)
	}
	has("the report", testsite.PDFText(t, report), "Adroddiad hunanasesu", "Answers exported 1 Mawrth 2026", "Tudalen 2 o", "Action list")
	answers := filepath.Join(testsite.RepoRoot(), "testdata", "answers")
	team := filepath.Join(t.TempDir(), "team.pdf")
	if _, _, err := WriteTeamReport(Options{Root: root}, site, []string{filepath.Join(answers, "v2-export.json"), filepath.Join(answers, "export.json"), filepath.Join(testsite.RepoRoot(), "testdata", "team", "record.json")}, workshop.Options{}, team); err != nil {
		t.Fatal(err)
	}
	has("the team report", testsite.PDFText(t, team), "Adroddiad tîm", "Agreed 2 sgôr, 3 actions (3 open)", "Who took part", "Tudalen 2 o")
}

// TestCheckNamesEveryUntranslatedKey: check warns of each key the Welsh
// file lacks, by its name and with the English it prints instead, and of
// none it has.
func TestCheckNamesEveryUntranslatedKey(t *testing.T) {
	root := testsite.Welsh(t)
	site, diags := Load(Options{Root: root})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var lacks []string
	for _, d := range diags.Sorted() {
		if s := d.String(); strings.Contains(s, " has no cy text") {
			lacks = append(lacks, s)
		}
	}
	all := strings.Join(lacks, "\n")
	for _, want := range []string{
		`i18n/cy.toml: warning: pdf.question.evidence has no cy text, so it prints in English: "Evidence"; add it to i18n/cy.toml in that language`,
		`warning: home.by_focus has no cy text, so it prints in English: "Browse by area of focus"`,
		`warning: script.assess.import_csv has no cy text`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning %q", want)
		}
	}
	for _, translated := range []string{"pdf.question.answer", "script.assess.saved", "time.questions", "date.months"} {
		if strings.Contains(all, " "+translated+" has no cy text") {
			t.Errorf("a warning for %s, which i18n/cy.toml translates", translated)
		}
	}
	cy, err := i18n.Parse(testsite.Read(t, root, "i18n/cy.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(site.Strings.Keys()) - len(cy); len(lacks) != want {
		t.Errorf("%d warnings of untranslated keys, want one for each of the %d keys i18n/cy.toml lacks", len(lacks), want)
	}
}

// TestWelshScriptMessages opens the Welsh ward page in Chromium: the
// self-assessment script prints its translated messages in Welsh (with
// Welsh plural forms) and the rest in English.
func TestWelshScriptMessages(t *testing.T) {
	root := testsite.Welsh(t)
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, root, out)
	tab := browsertest.Start(t).NewTab(t)
	tab.Do(t, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "levels", "ward.html"))))
	tab.WaitFor(t, "the answer forms", `document.querySelector('.assess-form') !== null && !document.getElementById('assess').hidden`)
	text := func(css string) string {
		return strings.Join(strings.Fields(browsertest.Eval[string](t, tab, `document.querySelector(`+quote(css)+`).textContent`)), " ")
	}
	if got := text(".question__link button"); got != "Copïo'r ddolen" {
		t.Errorf("the copy button says %q, want the Welsh", got)
	}
	if got := text("#assess-answered"); got != "Atebwyd 0 o'r 6 chwestiwn ar gyfer Spring" {
		t.Errorf("the progress line says %q, want Welsh's form for 6", got)
	}
	if got := text(".assess-form"); !strings.Contains(got, "Not rated yet") {
		t.Errorf("an untranslated word is not in English: %q", got)
	}

	tab.Do(t, chromedp.SendKeys(chromedp.CSS("#assess--ward-soil-beans-1--answer"), "Tomwellt ar bob gwely."))
	tab.WaitFor(t, "the saved status in Welsh", `document.querySelector('[data-question="ward-soil-beans-1"] .assess-form__status').textContent === "Wedi'i gadw ar y ddyfais hon"`)

	csv := filepath.Join(t.TempDir(), "answers.csv")
	if err := os.WriteFile(csv, []byte("Framework,Level,Question ID\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.Do(t, chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{csv}))
	tab.WaitFor(t, "the import to refuse the CSV file", `document.getElementById('assess-import-problem').textContent !== ''`)
	if got := text("#assess-import-problem"); !strings.HasPrefix(got, "Ni chafodd dim ei fewnforio: this is a spreadsheet (CSV) file.") {
		t.Errorf("the refusal says %q: want Welsh around the English reason the file does not translate", got)
	}

	tab.Do(t, chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{filepath.Join(testsite.RepoRoot(), "testdata", "answers", "v2-export.json")}))
	tab.WaitFor(t, "the import's preview", `!document.getElementById('assess-import-panel').hidden`)
	if got := text("#assess-import-panel"); !strings.Contains(got, "Cafodd ei allforio ar 1 Mawrth 2026.") || !strings.Contains(got, "They are the answers of Asha Patel.") {
		t.Errorf("the import's preview says %q: want the Welsh words and date for when it was exported (not the browser's American English), English for whose answers they are", got)
	}

	// A foundation's page has no self-assessment, only site.js's words.
	tab.Do(t, chromedp.Navigate("file://"+filepath.ToSlash(filepath.Join(out, "foundations", "soil.html"))))
	tab.WaitFor(t, "the copy buttons", `document.querySelector('.question__link button') !== null`)
	if got := text(".question__link button"); got != "Copïo'r ddolen" {
		t.Errorf("on a foundation's page the copy button says %q, want the Welsh", got)
	}
	tab.NoProblems(t)
}

// quote is s as a JavaScript string.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
