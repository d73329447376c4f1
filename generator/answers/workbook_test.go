package answers_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

// wardInfo is the document information of the small site's ward
// workbook.
func wardInfo() map[string]string {
	return map[string]string{"WorkbookFramework": "kitchen-garden-framework", "WorkbookVersion": "0.1", "WorkbookName": "ward",
		"WorkbookLevel": "ward", "ModDate": "D:20260301100000+01'00'", "Title": "Kitchen Garden Framework: Ward"}
}

var rating = []string{"red", "amber", "green"}

// wardFields are a ward workbook's fields as a team filled them in: the
// fields in the order a workbook has them (cover, each question's
// answer, evidence and ratings, each foundation's action plan).
func wardFields(typed map[string]string) []testsite.FormField {
	var fs []testsite.FormField
	text := func(name string) { fs = append(fs, testsite.FormField{Name: name, Value: typed[name]}) }
	for _, l := range []string{"name", "team", "organisation", "date"} {
		text("cover:" + l)
	}
	plan := func(f string) {
		for row := 1; row <= 4; row++ {
			for _, box := range []string{"action", "owner", "due", "questions"} {
				text("action-plan:" + f + ":" + string(rune('0'+row)) + ":" + box)
			}
		}
	}
	for i, q := range []string{"ward-soil-beans-1", "ward-soil-roots-1", "ward-soil-herbs-1", "ward-water-beans-1", "ward-water-roots-1", "ward-water-herbs-1"} {
		text(q + ":answer")
		text(q + ":evidence")
		for _, c := range []string{"Spring", "Autumn"} {
			name := q + ":rating:" + c
			fs = append(fs, testsite.FormField{Name: name, Value: typed[name], Radio: true, Options: rating})
		}
		if i == 2 {
			plan("soil")
		}
	}
	plan("water")
	return fs
}

// typedWard is what the tests type into the ward workbook.
func typedWard() map[string]string {
	return map[string]string{
		"cover:name": "Siân Ŵyn", "cover:team": "Ward 4", "cover:organisation": "Kitchen Gardens", "cover:date": "1 March",
		"ward-soil-beans-1:answer":         "We mulch every bed — “twice” a year.\nCafé £5, dŵr, tŷ 🌱",
		"ward-soil-roots-1:evidence":       "Photos in the shed diary.",
		"ward-soil-beans-1:rating:Spring":  "red",
		"ward-soil-beans-1:rating:Autumn":  "green",
		"ward-water-beans-1:rating:Spring": "amber",
		"action-plan:soil:1:action":        "Buy compost", "action-plan:soil:1:owner": "Sam", "action-plan:soil:1:due": "May", "action-plan:soil:1:questions": "Q2",
		"action-plan:soil:2:action":    "Share the rota",
		"action-plan:soil:2:questions": "1 and 3",
		"action-plan:soil:3:action":    "Water butts",
		"action-plan:soil:3:questions": "2",
		"action-plan:water:1:action":   "Fix the tap",
	}
}

// wantWard is what typedWard reads back as: the answers, evidence and
// action plans in Autumn, the latest cycle rated; ratings in their own
// cycles; each action with the question its numbers name, or its
// plan's first question.
func wantWard() []answers.Record {
	return []answers.Record{
		{Question: "ward-soil-beans-1", Cycle: "Autumn", Answer: "We mulch every bed — “twice” a year.\nCafé £5, dŵr, tŷ 🌱", Rating: "green",
			Action: "Share the rota\n(Question numbers in the action plan: 1 and 3)"},
		{Question: "ward-soil-beans-1", Cycle: "Spring", Rating: "red"},
		{Question: "ward-soil-roots-1", Cycle: "Autumn", Evidence: "Photos in the shed diary.", Action: "Buy compost\n\nAlso: Water butts", Owner: "Sam", Due: "May"},
		{Question: "ward-water-beans-1", Cycle: "Autumn", Action: "Fix the tap"},
		{Question: "ward-water-beans-1", Cycle: "Spring", Rating: "amber"},
	}
}

// sameRecords compares what a reader typed with what came back.
func sameRecords(t *testing.T, got, want []answers.Record) {
	t.Helper()
	type key struct{ q, c, answer, evidence, rating, action, owner, due string }
	k := func(r answers.Record) key {
		return key{r.Question, r.Cycle, r.Answer, r.Evidence, r.Rating, r.Action, r.Owner, r.Due}
	}
	var g, w []key
	for _, r := range got {
		g = append(g, k(r))
	}
	for _, r := range want {
		w = append(w, k(r))
	}
	if !slices.Equal(g, w) {
		t.Errorf("records:\n got %+v\nwant %+v", g, w)
	}
}

// writeFilled writes a filled workbook of fields to a file.
func writeFilled(t *testing.T, info map[string]string, fields []testsite.FormField) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "filled.pdf")
	if err := os.WriteFile(file, testsite.FormPDF(info, fields), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// readFilled reads a filled workbook for site, as a report does.
func readFilled(t *testing.T, site *model.Site, file string) *answers.Set {
	t.Helper()
	s, err := answers.ReadSet(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := answers.Check(s, site); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadsAFilledWorkbook(t *testing.T) {
	site := smallSite(t, nil)
	fields := append(wardFields(typedWard()),
		testsite.FormField{Name: "notes", Value: "Ring the council"}, // a field a reader added: reported, not dropped
		testsite.FormField{Name: "blank-extra"})                      // nothing typed: nothing to say
	s := readFilled(t, site, writeFilled(t, wardInfo(), fields))
	sameRecords(t, s.Records, wantWard())
	for _, r := range s.Records {
		if r.Level != "ward" || r.Updated != "2026-03-01T09:00:00.000Z" {
			t.Errorf("%s %s: level %q, updated %q", r.Question, r.Cycle, r.Level, r.Updated)
		}
	}
	wb := s.Workbook
	if s.Person.Name != "Siân Ŵyn" || s.Person.Team != "Ward 4" || wb == nil || wb.Organisation != "Kitchen Gardens" || wb.Date != "1 March" ||
		wb.Name != "ward" || wb.Level != "ward" || wb.ContentVersion != "0.1" || wb.Cycle != "Autumn" {
		t.Errorf("the cover and the workbook: %q %q %+v", s.Person.Name, s.Person.Team, wb)
	}
	if s.Framework != "kitchen-garden-framework" || strings.Join(s.Cycles, ",") != "Spring,Autumn" || s.Exported.IsZero() {
		t.Errorf("set: %+v", s)
	}
	if len(wb.Warnings) != 1 || !strings.Contains(wb.Warnings[0].Msg, `"notes" holds "Ring the council"`) {
		t.Errorf("warnings: %v", wb.Warnings)
	}
	if ws := answers.Reconcile(s, site); len(ws) != 1 {
		t.Errorf("the same content version and questions: want only the unplaced field, got %v", ws)
	}
}

// With nothing rated, the answers go in the latest printed cycle.
func TestUnratedWorkbookAnswersTheLatestCycle(t *testing.T) {
	typed := map[string]string{"ward-soil-herbs-1:answer": "Mint everywhere", "action-plan:water:2:owner": "Kim"}
	s := readFilled(t, smallSite(t, nil), writeFilled(t, wardInfo(), wardFields(typed)))
	sameRecords(t, s.Records, []answers.Record{
		{Question: "ward-soil-herbs-1", Cycle: "Autumn", Answer: "Mint everywhere"},
		{Question: "ward-water-beans-1", Cycle: "Autumn", Owner: "Kim"},
	})
}

// Files that are not filled workbooks are refused whole, saying why and
// naming the file.
func TestRefusesWhatIsNotAFilledWorkbook(t *testing.T) {
	site := smallSite(t, nil)
	other := wardInfo()
	other["WorkbookFramework"] = "ahps-deliver"
	noInfo := wardInfo()
	delete(noInfo, "WorkbookFramework")
	encrypted := testsite.FormPDF(wardInfo(), wardFields(typedWard()))
	encrypted = []byte(strings.Replace(string(encrypted), "/Info 4 0 R>>", "/Info 4 0 R /Encrypt <</Filter /Standard /V 2 /R 3>>>>", 1))
	whole := testsite.FormPDF(wardInfo(), wardFields(typedWard()))
	for name, tc := range map[string]struct {
		pdf  []byte
		want string
	}{
		"another framework": {testsite.FormPDF(other, wardFields(typedWard())), `the workbook was made for another framework ("ahps-deliver"), not for this site's ("kitchen-garden-framework")`},
		"not a workbook":    {testsite.FormPDF(noInfo, wardFields(typedWard())), "not a workbook made by workbook"},
		"no information":    {testsite.FormPDF(map[string]string{"Title": "Minutes"}, nil), "not a workbook made by workbook: its document information names no framework"},
		"no form":           {testsite.FormPDF(wardInfo(), nil), "the PDF has no form to fill in: it is a plain workbook"},
		"nothing typed":     {testsite.FormPDF(wardInfo(), wardFields(nil)), "the workbook holds no answers"},
		"no rating rows":    {testsite.FormPDF(wardInfo(), []testsite.FormField{{Name: "ward-soil-beans-1:answer", Value: "Mulch"}}), "the workbook has no rating rows"},
		"encrypted":         {encrypted, "the workbook is encrypted"},
		"damaged":           {whole[:len(whole)/3], "the PDF cannot be read: damaged"},
	} {
		file := filepath.Join(t.TempDir(), "filled.pdf")
		if err := os.WriteFile(file, tc.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := answers.ReadSet(file)
		if err == nil {
			err = answers.Check(s, site)
		}
		var l *diag.List
		if !errors.As(err, &l) || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), file+": ") {
			t.Errorf("%s: %v; want %q, at the file", name, err, tc.want)
		}
	}
}

// A workbook from an earlier content version is read against the site
// as it is now: a warning names the version, answers to a renamed
// question follow it, answers to a removed question are kept and listed.
func TestReconcilesAWorkbookOfEarlierContent(t *testing.T) {
	site := smallSite(t, func(root string) {
		testsite.Replace(t, root, "config.toml", `version = "0.1"`, `version = "0.2"`)
		testsite.Replace(t, root, "content/ward/questions.toml", `id = "ward-soil-beans-1"`, `id = "ward-soil-legumes-1"`+"\naliases = [\"ward-soil-beans-1\"]")
	})
	typed := typedWard()
	typed["ward-gone-1:answer"] = "Beer traps"
	fields := append(wardFields(typed), testsite.FormField{Name: "ward-gone-1:answer", Value: "Beer traps"})
	file := writeFilled(t, wardInfo(), fields)
	s := readFilled(t, site, file)
	var msgs []string
	for _, w := range answers.Reconcile(s, site) {
		if w.Severity != diag.Warning || w.Pos.File != file {
			t.Errorf("not a warning at the file: %v", w)
		}
		msgs = append(msgs, w.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`made from content version "0.1"; this site is at version "0.2"`,
		"answers to 1 question renamed since the workbook was made follow them: ward-soil-beans-1 (now ward-soil-legumes-1)",
		"answers to 1 question no longer in this site's framework are kept: ward-gone-1",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	ix := answers.NewIndex(site.Framework)
	if q := ix.Question("ward-soil-beans-1"); q == nil || q.ID != "ward-soil-legumes-1" {
		t.Error("the renamed question's answers should follow it")
	}
}
