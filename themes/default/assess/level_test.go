package assess

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

// TestEveryExportSaysWhoseAnswersItHolds: the page asks for the reader's
// name before the first export, once for every level; the name and team
// are in the export and its file name, and shown with the answers. A
// reader's own export, imported on a new device, brings the name; a
// colleague's is flagged as someone else's, pointing to the team page.
func TestEveryExportSaysWhoseAnswersItHolds(t *testing.T) {
	b := browsertest.Start(t)
	s := newSite(t)
	r := newReader(t, b)
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Mulch."}, "Green")

	// No name yet: the export asks for it and goes to the box.
	r.do(chromedp.Click(chromedp.ID("assess-export-json")))
	if got := r.text("#assess-import-problem"); !strings.Contains(got, "Write your name at the top of the page first") {
		t.Errorf("exporting without a name says %q", got)
	}
	if got := js[string](r, `document.activeElement.id`); got != "assess-name" {
		t.Errorf("after asking for the name, focus is on %q, not the name box", got)
	}
	if got := js[string](r, `document.querySelector('label[for="assess-name"]').textContent`); got != "Your name" {
		t.Errorf("the name box is labelled %q", got)
	}

	r.nameAs("Siân O'Brien-Ng", "Ward 7 growers")
	e := r.exportJSON()
	if e.Version != 2 || e.Person.Name != "Siân O'Brien-Ng" || e.Person.Team != "Ward 7 growers" {
		t.Errorf("the export is version %d of %q, %q", e.Version, e.Person.Name, e.Person.Team)
	}
	fileRE := regexp.MustCompile(`kitchen-garden-framework-answers-siân-o-brien-ng-\d{4}-\d\d-\d\d\.json`)
	if got := r.text("#assess-transfer-message"); !fileRE.MatchString(got) {
		t.Errorf("the export's file name, as the page says it, is not named after the reader: %q", got)
	}
	if got := r.text("#assess-whose"); got != "Answers of Siân O'Brien-Ng, Ward 7 growers." {
		t.Errorf("the summary says %q of whose answers they are", got)
	}
	own := filepath.Join(t.TempDir(), "mine.json")
	raw := r.download("#assess-export-json")
	if err := os.WriteFile(own, raw, 0o644); err != nil {
		t.Fatal(err)
	}

	// Asked once: another level's page knows the name.
	r.open(s.url("levels/county.html"))
	if got := r.value0("#assess-name"); got != "Siân O'Brien-Ng" {
		t.Errorf("the county page's name box holds %q", got)
	}
	// The level page says plainly where to combine a team's answers.
	hint := r.text("#assess-import-team")
	if !strings.Contains(hint, "it is not the way to bring a team’s answers together") ||
		js[string](r, `document.querySelector('#assess-import-team a').getAttribute('href')`) != "../team.html" {
		t.Errorf("beside the import the page says %q, without a link to the team page", hint)
	}
	if js[string](r, `document.querySelector('.assess__team a').getAttribute('href')`) != "../team.html" {
		t.Error("the top of the level page does not link to the team page")
	}

	// An export of version 1, from before the page asked for names,
	// still imports: its answers land, and nobody's name comes with it.
	n := newReader(t, b)
	n.open(s.url(wardPage))
	v1 := testsite.WriteFile(t, "old.json", `{"format":"workbook-answers","version":1,"framework":"kitchen-garden-framework",
		"answers":{"`+roots+`":{"Spring":{"level":"ward","answer":"Exported last year.","rating":"amber","action":"Buy a fork","owner":"Jo"}}}}`)
	if got := n.importFile(v1); !strings.Contains(got, "holds 1 answer to 1 question") || strings.Contains(got, "answers of") {
		t.Errorf("the preview of a version 1 export says %q", got)
	}
	n.confirmImport()
	if got := n.value(roots, "answer"); got != "Exported last year." || n.value(roots, "owner") != "Jo" ||
		!js[bool](n, `document.evaluate('`+rating(roots, "Amber")+`', document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.checked`) {
		t.Errorf("after importing a version 1 export the answer box holds %q", got)
	}
	if got := n.value0("#assess-name"); got != "" {
		t.Errorf("a version 1 export, which names nobody, put %q in the name box", got)
	}

	// On a new device, importing one's own export brings the name.
	n.importFile(own)
	if got := n.text("#assess-import-panel"); !strings.Contains(got, "They are the answers of Siân O'Brien-Ng.") {
		t.Errorf("the preview of one's own export says %q", got)
	}
	n.confirmImport()
	if got := n.value0("#assess-name"); got != "Siân O'Brien-Ng" {
		t.Errorf("after importing one's own export on a new device the name box holds %q", got)
	}
	// A colleague's file is someone else's: the preview says so.
	c := newReader(t, b)
	c.open(s.url(wardPage))
	c.nameAs("Ben Okoro", "")
	if got := c.importFile(own); !strings.Contains(got, "These are the answers of Siân O'Brien-Ng, not yours (Ben Okoro)") ||
		!strings.Contains(got, "use the team page instead") {
		t.Errorf("the preview of a colleague's export says %q", got)
	}
	r.noProblems()
	n.noProblems()
	c.noProblems()
}

// TestActionsAreTrackedNotPiledUp: an action can be marked done, under
// its question or in the action list; copying answers into a new cycle
// moves open actions into it once and leaves done ones where they were
// done; the export says which is which.
func TestActionsAreTrackedNotPiledUp(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Half mulched.", "action": "Mulch the rest", "owner": "Sam", "due": "May"}, "Amber")
	r.answer(roots, map[string]string{"answer": "Fork broken.", "action": "Buy a fork", "owner": "Jo"}, "Red")
	r.do(chromedp.Click(chromedp.ID(field(roots, "status")[1:])))
	r.waitFor("the done action to be saved", `/"status":"done"/.test(localStorage.getItem('`+jsKey("ward", roots, "Spring")+`') || '')`)
	if got := squash(r.text(".assess-actions tbody")); !strings.Contains(got, "Mulch the rest Sam May") || !strings.Contains(got, "Buy a fork Jo") {
		t.Errorf("the action list says %q", got)
	}
	if !js[bool](r, `Array.prototype.some.call(document.querySelectorAll('.assess-actions tbody tr'), function (tr) { return tr.textContent.indexOf('Buy a fork') >= 0 && tr.querySelector('input[type=checkbox]').checked; })`) {
		t.Error("the action list does not show the fork as done")
	}

	r.chooseCycle("Autumn")
	r.do(chromedp.Click(chromedp.ID("assess-carry")))
	if got := r.text("#assess-carry-panel"); !strings.Contains(got, "1 open action moves from Spring into Autumn") || !strings.Contains(got, "done actions stay in the cycle where they were done") {
		t.Errorf("the copy panel says %q", got)
	}
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Copy answers"]`)))
	if got := r.value(beans, "action"); got != "Mulch the rest" {
		t.Errorf("in Autumn the open action is %q", got)
	}
	if got := r.value(roots, "action"); got != "" {
		t.Errorf("in Autumn the done action was copied: %q", got)
	}
	if got := r.value(roots, "answer"); got != "Fork broken." {
		t.Errorf("in Autumn the answer beside the done action is %q, want it copied", got)
	}
	rows := js[[]string](r, `Array.prototype.map.call(document.querySelectorAll('.assess-actions tbody tr'), function (tr) { return tr.innerText.replace(/\s+/g, ' '); })`)
	if len(rows) != 2 || !strings.Contains(rows[0], "Autumn Mulch the rest") || !strings.Contains(rows[1], "Spring Buy a fork") {
		t.Errorf("after copying, the action list is %q: want the fork in Spring (done) and the mulch once, in Autumn", rows)
	}
	// Done from the action list, in another cycle than the chosen one.
	r.chooseCycle("Spring")
	r.do(chromedp.Click(chromedp.Search(`//table[contains(@class,"assess-actions")]//tr[contains(., "Mulch the rest")]//label`)))
	r.waitFor("the action to be marked done", `/"status":"done"/.test(localStorage.getItem('`+jsKey("ward", beans, "Autumn")+`') || '')`)

	e := r.exportJSON()
	for _, c := range []struct{ q, cycle, action, status string }{
		{beans, "Spring", "", ""}, {beans, "Autumn", "Mulch the rest", "done"}, {roots, "Spring", "Buy a fork", "done"},
	} {
		if got := e.Answers[c.q][c.cycle]; got["action"] != c.action || got["status"] != c.status {
			t.Errorf("the export holds action %q, status %q for %s in %s; want %q, %q", got["action"], got["status"], c.q, c.cycle, c.action, c.status)
		}
	}
	r.noProblems()
}

// jsKey is a storage key for a JavaScript string in single quotes (the
// fixture's ids and cycles hold no quote or backslash of their own).
func jsKey(level, q, cycle string) string { return storageKey(level, q, cycle) }

// TestProgressAndTheNextUnansweredQuestion: the page counts the answered
// questions and takes the reader to the next unanswered one, from the
// top and from under a question, round to the start.
func TestProgressAndTheNextUnansweredQuestion(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	if got := r.text("#assess-answered"); got != "0 of 6 questions answered for Spring" {
		t.Errorf("before any answer the page says %q", got)
	}
	r.answer(beans, map[string]string{"answer": "Mulch."}, "")
	r.answer("ward-soil-herbs-1", nil, "Red")
	if got := r.text("#assess-answered"); got != "2 of 6 questions answered for Spring" {
		t.Errorf("after two answers the page says %q", got)
	}
	if got := js[int](r, `document.getElementById('assess-answered-bar').value`); got != 2 {
		t.Errorf("the progress bar stands at %d", got)
	}
	focused := func() string { return js[string](r, `document.activeElement.id`) }
	r.do(chromedp.Click(chromedp.ID("assess-next")))
	if got := focused(); got != field(roots, "answer")[1:] {
		t.Errorf("from the top, the next unanswered question is %q, want %s", got, roots)
	}
	r.do(chromedp.Click(chromedp.Search(`//div[@data-question="ward-soil-herbs-1"]//button[normalize-space(.)="Next unanswered question"]`)))
	if got := focused(); got != field("ward-water-beans-1", "answer")[1:] {
		t.Errorf("from question 3, the next unanswered question is %q", got)
	}
	for _, q := range []string{roots, "ward-water-beans-1", "ward-water-roots-1", water} {
		r.answer(q, nil, "Green")
	}
	r.do(chromedp.Click(chromedp.ID("assess-next")))
	if got := r.text("#assess-next-message"); got != "Every question on this page has an answer for Spring." {
		t.Errorf("with every question answered the page says %q", got)
	}
	r.noProblems()
}

// TestQuestionsAreNumberedAsTheWorkbookNumbersThem: each question on the
// level page carries the number its level's workbook prints beside its
// id, so a workshop can say "question 5" to people holding either.
func TestQuestionsAreNumberedAsTheWorkbookNumbersThem(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	type numbered struct{ ID, Number string }
	qs := js[[]numbered](r, `Array.prototype.map.call(document.querySelectorAll('.question'), function (q) {
		return {ID: q.id, Number: q.querySelector('.question__number').textContent};
	})`)
	if len(qs) != 6 {
		t.Fatalf("the ward page has %d numbered questions, want 6", len(qs))
	}
	pdf := squash(testsite.PDFText(t, filepath.Join(s.out, "workbooks", "ward.pdf")))
	for i, q := range qs {
		if want := fmt.Sprintf("Question %d", i+1); q.Number != want {
			t.Errorf("%s is numbered %q on the page, want %q", q.ID, q.Number, want)
		}
		if !strings.Contains(pdf, q.Number+" "+q.ID) {
			t.Errorf("the ward workbook does not print %q", q.Number+" "+q.ID)
		}
	}
	// Under the number and text, the answer boxes are named by both.
	if got := js[string](r, `document.querySelector('[data-question="`+roots+`"] .assess-form').getAttribute('aria-labelledby')`); got != "assess--"+roots+"--number assess--"+roots+"--text" {
		t.Errorf("the answer form of %s is labelled by %q", roots, got)
	}
	r.noProblems()
}
