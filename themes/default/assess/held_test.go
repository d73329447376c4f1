package assess

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// saved is one answer as the page keeps it on the device.
type saved struct {
	level, q, cycle string
	rec             map[string]string
}

// seed writes answers straight into the page's storage, as pages of an
// earlier version of the site, other levels' pages or other tabs leave
// them, and reloads the page so it reads them.
func (r *reader) seed(answers ...saved) {
	r.t.Helper()
	var b strings.Builder
	for _, a := range answers {
		v, _ := json.Marshal(a.rec)
		k, _ := json.Marshal(storageKey(a.level, a.q, a.cycle))
		fmt.Fprintf(&b, "localStorage.setItem(%s, %s);\n", k, jsString(string(v)))
	}
	js[chromedp.Void](r, b.String())
	r.do(chromedp.Reload())
	r.ready()
}

// answersSaved decodes the saved answers of a storage dump: key → fields,
// every field there, empty or not.
func answersSaved(t *testing.T, m map[string]string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for k, v := range answerKeys(m) {
		rec := map[string]string{}
		for _, f := range []string{"answer", "evidence", "rating", "action", "owner", "due", "status", "question", "updated"} {
			rec[f] = "" // a field left out is an empty one
		}
		if err := json.Unmarshal([]byte(v), &rec); err != nil {
			t.Fatalf("saved answer %s is not an object of text: %v", k, err)
		}
		out[k] = rec
	}
	return out
}

// importFile chooses a file in "Import answers" and returns the preview
// it shows, or fails if the page refuses the file.
func (r *reader) importFile(file string) string {
	r.t.Helper()
	r.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{file}))
	r.waitFor("the import preview or a refusal", `!document.getElementById('assess-import-panel').hidden || document.getElementById('assess-import-problem').textContent !== ''`)
	if why := r.text("#assess-import-problem"); why != "" {
		r.t.Fatalf("importing %s: %s", filepath.Base(file), why)
	}
	return r.text("#assess-import-panel")
}

// confirmImport presses "Import answers" and waits for the import.
func (r *reader) confirmImport() {
	r.t.Helper()
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Import answers"]`)))
	r.waitFor("the import to finish", `document.getElementById('assess-transfer-message').textContent.indexOf('Imported ') === 0`)
}

// deleteAll deletes every answer on the device, as the reader would.
func (r *reader) deleteAll() {
	r.t.Helper()
	r.do(chromedp.Click(chromedp.ID("assess-clear")), chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Delete all answers"]`)))
	if got := answerKeys(r.storage()); len(got) != 0 {
		r.t.Fatalf("after deleting, %d answers are still saved", len(got))
	}
}

// roundTrip exports the answers as JSON, deletes them all and imports
// the export, and checks that the device holds what it held before.
func (r *reader) roundTrip() {
	r.t.Helper()
	before := answersSaved(r.t, r.storage())
	file := filepath.Join(r.t.TempDir(), "answers.json")
	if err := os.WriteFile(file, r.download("#assess-export-json"), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.deleteAll()
	preview := r.importFile(file)
	if want := fmt.Sprintf("holds %d answers", len(before)); !strings.Contains(preview, want) {
		r.t.Errorf("the import preview of the export says %q, want %q", preview, want)
	}
	r.confirmImport()
	if got := answersSaved(r.t, r.storage()); !maps.EqualFunc(got, before, maps.Equal) {
		r.t.Errorf("after export, delete and import the device holds\n%v\nwant what it held before\n%v", got, before)
	}
}

// exported finds an answer in an export, in "answers" or in "kept".
func (e export) find(level, q, cycle string) map[string]string {
	if rec := e.Answers[q][cycle]; rec != nil && rec["level"] == level {
		return rec
	}
	for _, k := range e.Kept {
		if k["id"] == q && k["cycle"] == cycle && k["level"] == level {
			return k
		}
	}
	return nil
}

// csvRows downloads the CSV export and returns its rows after the
// header, each cell under its column's name.
func (r *reader) csvRows() []map[string]string {
	r.t.Helper()
	b := r.download("#assess-export-csv")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		r.t.Fatalf("the CSV does not parse: %v\n%s", err, b)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, name := range rows[0] {
			m[name] = row[i]
		}
		out = append(out, m)
	}
	return out
}

// TestEveryAnswerOnTheDeviceIsInEveryExport: whatever the device holds
// (an answer saved when the question was on another level beside the
// answer on its level now, answers to a removed question, on a level
// that is gone, in a cycle the site no longer has) is in the JSON and the
// CSV export, and comes back whole after export, delete and import.
func TestEveryAnswerOnTheDeviceIsInEveryExport(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	held := []saved{
		{"ward", beans, "Spring", map[string]string{"answer": "On the ward page, where the question is now.", "rating": "green", "updated": "2025-01-01T10:00:00.000Z"}},
		{"county", beans, "Spring", map[string]string{"answer": "Saved when the question was on the county page.", "rating": "red", "updated": "2025-06-01T10:00:00.000Z"}},
		{"ward", "ward-removed-1", "Autumn", map[string]string{"answer": "To a question since removed.", "question": "How did the ward use to do it?"}},
		{"orchard", "orchard-trees-1", "Spring", map[string]string{"evidence": "On a level that is gone."}},
		{"ward", roots, "Winter", map[string]string{"action": "In a cycle the site no longer has.", "owner": "Jo"}},
		{"county", "county-soil-beans-1", "Autumn", map[string]string{"answer": "On the county page.", "rating": "amber"}},
	}
	r.seed(held...)

	e := r.exportJSON()
	for _, h := range held {
		got := e.find(h.level, h.q, h.cycle)
		for k, v := range h.rec {
			if got[k] != v {
				t.Errorf("the JSON export holds %v for %s on %s in %s, want %s %q", got, h.q, h.level, h.cycle, k, v)
			}
		}
	}
	if got := e.Answers[beans]["Spring"]["level"]; got != "ward" {
		t.Errorf(`"answers" holds the %s answer to %s, want the one on its own level (ward); the other goes in "kept"`, got, beans)
	}
	rows := r.csvRows()
	if len(rows) != len(held) {
		t.Errorf("the CSV has %d rows, want one per answer held (%d):\n%q", len(rows), len(held), rows)
	}
	for _, h := range held {
		if !slices.ContainsFunc(rows, func(row map[string]string) bool {
			return row["Level"] == h.level && row["Question ID"] == h.q && row["Review cycle"] == h.cycle
		}) {
			t.Errorf("the CSV has no row for %s on %s in %s", h.q, h.level, h.cycle)
		}
	}
	r.roundTrip()
	r.noProblems()
}

// TestCSVGuardsEveryFormula: a spreadsheet runs a cell as a formula when
// its first character other than spaces and line breaks is = + - @, in
// any of their forms, so each such cell gets a ' in front; other text is
// left as typed.
func TestCSVGuardsEveryFormula(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	guarded := []string{"=1+1", "  =1+1", "\n=SUM(A1:A9)", "\r\n@SUM(A1)", " \t-2+3", "\u3000=1", "\u00a0+1",
		"＝1+1", "＋1", "－1", "＠SUM(A1)", "﹦1", "\tx", "\rx", "\ufeff=1", "⁼1"}
	plain := []string{"Plain words.", "a=b", "sam@example.org", "1-2", "(=1)", "'=1"}
	var held []saved
	for i, v := range append(slices.Clone(guarded), plain...) {
		held = append(held, saved{"ward", beans, fmt.Sprintf("Cycle %02d", i), map[string]string{"answer": v}})
	}
	r.seed(held...)
	got := map[string]string{}
	for _, row := range r.csvRows() {
		got[row["Review cycle"]] = row["Answer"]
	}
	for i, v := range append(slices.Clone(guarded), plain...) {
		want := strings.ReplaceAll(v, "\r\n", "\n") // as Go's CSV reader reads a quoted line break
		if i < len(guarded) {
			want = "'" + want
		}
		if c := got[fmt.Sprintf("Cycle %02d", i)]; c != want {
			t.Errorf("the CSV cell for %q is %q, want %q", v, c, want)
		}
	}
	r.noProblems()
}

// TestAFailedImportLeavesNothingBehind: an import the browser's full
// storage refuses says so and leaves the device, the export and the page
// as they were: nothing of the file is kept as if typed here, and
// leaving the page asks nothing.
func TestAFailedImportLeavesNothingBehind(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Typed before the import."}, "Green")
	before := r.storage()
	file := filepath.Join(t.TempDir(), "one.json")
	one := `{"format":"workbook-answers","version":1,"framework":"kitchen-garden-framework","answers":{"` + roots + `":{"Spring":{"answer":"From the file."}}}}`
	if err := os.WriteFile(file, []byte(one), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := r.importFile(file); !strings.Contains(got, "1 new answer will be added") {
		t.Errorf("the import preview says %q", got)
	}
	js[chromedp.Void](r, fmt.Sprintf(nearlyFull, 0))
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Import answers"]`)))
	r.waitFor("the refusal", `document.getElementById('assess-import-problem').textContent !== ''`)
	if got := r.text("#assess-import-problem"); !strings.Contains(got, "Nothing was imported: the space this browser gives the site is full") {
		t.Errorf("the failed import says %q", got)
	}
	js[chromedp.Void](r, `Storage.prototype.setItem = Storage.prototype.realSetItem`)
	if got := r.storage(); !maps.Equal(got, before) {
		t.Errorf("the failed import changed what is saved:\n%v\nwant\n%v", got, before)
	}
	if e := r.exportJSON(); e.Answers[roots] != nil {
		t.Errorf("the export holds the answer of the failed import: %v", e.Answers[roots])
	}
	if got := r.value(roots, "answer"); got != "" {
		t.Errorf("the answer box shows %q from the failed import", got)
	}
	r.do(chromedp.Reload())
	r.ready()
	r.noProblems() // no "leave this page?" either
}
