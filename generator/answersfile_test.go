package generator_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/generator"
	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/testsite"
)

// filledWard is what the round trips type into the small site's ward
// workbook, by field name (a radio group's value is the rating id).
var filledWard = map[string]string{
	"cover:name":                      "Siân Ŵyn",
	"cover:team":                      "Ward 4",
	"ward-soil-beans-1:answer":        "We mulch every bed — “twice” a year.\nCafé £5, dŵr, tŷ",
	"ward-soil-roots-1:evidence":      "Photos in the shed diary.",
	"ward-soil-beans-1:rating:Spring": "red",
	"ward-soil-beans-1:rating:Autumn": "green",
	"action-plan:soil:1:action":       "Buy compost",
	"action-plan:soil:1:owner":        "Sam",
	"action-plan:soil:1:due":          "May",
	"action-plan:soil:1:questions":    "2",
}

// A workbook filled in pdf.js (Firefox) or with pdfcpu, turned into an
// export, decodes to what was typed, in the cycle rated last; and a
// report made straight from the filled workbook prints it.
func TestFilledWorkbookToAnswersAndReport(t *testing.T) {
	opt, site := smallSite(t)
	blank := filepath.Join(t.TempDir(), "ward.pdf")
	if _, err := generator.WriteCustomPDF(opt, site, generator.Subset{Name: "ward", Level: "ward"}, blank); err != nil {
		t.Fatal(err)
	}
	type rec struct{ q, cycle, answer, evidence, rating, action, owner, due string }
	want := []rec{
		{"ward-soil-beans-1", "Autumn", filledWard["ward-soil-beans-1:answer"], "", "green", "", "", ""},
		{"ward-soil-beans-1", "Spring", "", "", "red", "", "", ""},
		{"ward-soil-roots-1", "Autumn", "", "Photos in the shed diary.", "", "Buy compost", "Sam", "May"},
	}
	for name, fill := range map[string]func(testing.TB, string, string, map[string]string){
		"pdf.js": testsite.FillPdfjs,
		"pdfcpu": testsite.FillPdfcpu,
		// A copy rewritten whole, as some readers save: linearized, with
		// object streams and two cross-reference sections.
		"pdf.js, then qpdf --linearize": func(t testing.TB, in, out string, values map[string]string) {
			mid := filepath.Join(t.TempDir(), "mid.pdf")
			testsite.FillPdfjs(t, in, mid, values)
			qpdf := testsite.Tool(t, "qpdf", "apt-get install qpdf")
			if b, err := exec.Command(qpdf, "--linearize", "--object-streams=generate", mid, out).CombinedOutput(); err != nil {
				t.Fatalf("qpdf: %v\n%s", err, b)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			filled := filepath.Join(dir, "filled.pdf")
			fill(t, blank, filled, filledWard)

			out := filepath.Join(dir, "answers.json")
			opt.Warnings = &diag.List{}
			if _, err := generator.WriteAnswers(opt, site, filled, out); err != nil {
				t.Fatal(err)
			}
			if len(opt.Warnings.Sorted()) != 0 {
				t.Errorf("warnings, with nothing on the cover the export cannot carry: %s", opt.Warnings.Error())
			}
			got, err := answers.ReadSet(out)
			if err != nil {
				t.Fatal(err)
			}
			if got.Workbook != nil || got.Version != 2 || got.Person != (answers.Person{Name: "Siân Ŵyn", Team: "Ward 4"}) {
				t.Fatalf("the export should read as an export of version 2 by the cover's person: version %d, %+v", got.Version, got.Person)
			}
			if err := answers.Check(got, site); err != nil {
				t.Fatal(err)
			}
			var recs []rec
			for _, r := range got.Records {
				recs = append(recs, rec{r.Question, r.Cycle, r.Answer, r.Evidence, r.Rating, r.Action, r.Owner, r.Due})
				if r.Level != "ward" || r.Text == "" {
					t.Errorf("%s %s: level %q, question %q", r.Question, r.Cycle, r.Level, r.Text)
				}
			}
			if !slices.Equal(recs, want) {
				t.Errorf("read back:\n got %+v\nwant %+v", recs, want)
			}

			report := filepath.Join(dir, "report.pdf")
			if _, _, err := generator.WriteReport(opt, site, filled, "", report); err != nil {
				t.Fatal(err)
			}
			text := squash(testsite.PDFText(t, report))
			for _, w := range []string{squash(filledWard["ward-soil-beans-1:answer"]), "Photos in the shed diary.", "Buy compost",
				"Completed by Siân Ŵyn, Ward 4", "workbook filled in on screen"} {
				if !strings.Contains(text, w) {
					t.Errorf("the report lacks %q", w)
				}
			}
		})
	}
}

// The command's output is an export the site imports, so converting a
// JSON export again is refused, and a file that is not a workbook is
// refused with its reason.
func TestWriteAnswersRefuses(t *testing.T) {
	opt, site := smallSite(t)
	out := filepath.Join(t.TempDir(), "answers.json")
	if _, err := generator.WriteAnswers(opt, site, writeAnswers(t, wardAnswers), out); err == nil || !strings.Contains(err.Error(), "is already an export of answers") {
		t.Errorf("a JSON export: %v", err)
	}
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if err := os.WriteFile(plain, testsite.FormPDF(map[string]string{"Title": "Minutes"}, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generator.WriteAnswers(opt, site, plain, out); err == nil || !strings.Contains(err.Error(), "not a workbook made by workbook") {
		t.Errorf("a PDF that is not a workbook: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("an answers file was written anyway")
	}
}
