package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/browsertest"
	"workbook/generator/diag"
	"workbook/generator/load"
	"workbook/generator/testsite"
)

// A workbook filled in on screen, turned into an export by `workbook
// answers`, imports in the browser: its answers land in the cycle rated
// last, with the action plan's row under its question.
func TestFilledWorkbookImportsInTheBrowser(t *testing.T) {
	s := newSite(t)
	site, l := load.Site(s.root)
	if l.HasErrors() {
		t.Fatal(l)
	}
	ratings := []string{"red", "amber", "green"}
	filled := filepath.Join(t.TempDir(), "filled.pdf")
	pdf := testsite.FormPDF(map[string]string{"WorkbookFramework": "kitchen-garden-framework", "WorkbookVersion": "0.1", "WorkbookName": "ward", "WorkbookLevel": "ward"},
		[]testsite.FormField{
			{Name: beans + ":answer", Value: "Café £5 — dŵr, “twice” a year"},
			{Name: beans + ":rating:Spring", Value: "red", Radio: true, Options: ratings},
			{Name: beans + ":rating:Autumn", Value: "green", Radio: true, Options: ratings},
			{Name: "action-plan:soil:1:action", Value: "Buy compost"},
			{Name: "action-plan:soil:1:owner", Value: "Sam"},
		})
	if err := os.WriteFile(filled, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	if _, err := generator.WriteAnswers(generator.Options{Root: s.root, Warnings: &diag.List{}}, site, filled, file); err != nil {
		t.Fatal(err)
	}

	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{file}))
	r.waitFor("the import preview", `!document.getElementById('assess-import-panel').hidden`)
	if preview := r.text("#assess-import-panel"); !strings.Contains(preview, "holds 2 answers to 1 question") {
		t.Errorf("import preview %q", preview)
	}
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Import answers"]`)))
	r.waitFor("the import to finish", `document.getElementById('assess-transfer-message').textContent.indexOf('Imported 2 answers') === 0`)
	r.chooseCycle("Autumn")
	for name, want := range map[string]string{"answer": "Café £5 — dŵr, “twice” a year", "action": "Buy compost", "owner": "Sam"} {
		if got := js[string](r, `document.querySelector('`+field(beans, name)+`').value`); got != want {
			t.Errorf("after the import the Autumn %s box holds %q, want %q", name, got, want)
		}
	}
	r.noProblems()
}
