package assess

import (
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// waterHerbs is the last question of the fixture's ward level, as its
// file has it.
const waterHerbs = `
[[question]]
id = "ward-water-herbs-1"
foundation = "water"
focus = "herbs"
text = "How does your ward look after water for herbs?"
prompts = ["Who helps?", "What has changed since last year?"]
evidence = "Notes, photos and *diaries*."
`

func TestAnswersToARemovedQuestionAreKeptAndListed(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(water, map[string]string{"answer": "We collect rain.", "action": "Fix the butt"}, "Green")
	if r.visible(".assess-orphans") {
		t.Fatal("answers to questions no longer in the framework are listed before any question was removed")
	}

	s.edit(t, "content/ward/questions.toml", waterHerbs, "")
	s.build(t)
	r.do(chromedp.Reload())
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null`)
	if js[bool](r, `document.querySelector('[data-question="`+water+`"]') !== null`) {
		t.Fatal("the removed question is still on the page")
	}
	if !r.visible(".assess-orphans") {
		t.Fatal("the answers to the removed question are not listed")
	}
	listed := r.text(".assess-orphans")
	for _, want := range []string{"Answers to questions no longer in this framework", "Question " + water,
		"How does your ward look after water for herbs?", "Spring", "Rating: Green", "Answer: We collect rain.", "Action: Fix the butt"} {
		if !strings.Contains(listed, want) {
			t.Errorf("the list of answers to removed questions lacks %q:\n%s", want, listed)
		}
	}
	if got := r.exportJSON().Answers[water]["Spring"]["answer"]; got != "We collect rain." {
		t.Errorf("the export holds %q for the removed question, want its answer", got)
	}
	// Other levels' pages do not claim it.
	r.open(s.url("levels/county.html"))
	if r.visible(".assess-orphans") {
		t.Error("the county page lists the ward's removed question")
	}
	r.noProblems()
}

func TestARenamedQuestionKeepsItsAnswers(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Beans love mulch.", "due": "June"}, "Red")

	renamed := "ward-soil-legumes-1"
	s.edit(t, "content/ward/questions.toml", `id = "`+beans+`"`, `id = "`+renamed+`"`+"\naliases = [\""+beans+"\"]")
	s.build(t)
	r.do(chromedp.Reload())
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null`)
	if got := js[string](r, `document.querySelector('`+field(renamed, "answer")+`').value`); got != "Beans love mulch." {
		t.Errorf("the renamed question's answer box holds %q, want the answer saved under its earlier id", got)
	}
	if got := js[string](r, `document.querySelector('[data-question="`+renamed+`"] input[type=radio]:checked').value`); got != "red" {
		t.Errorf("the renamed question is rated %q, want red", got)
	}
	if r.visible(".assess-orphans") {
		t.Errorf("answers to the renamed question are listed as belonging to no question:\n%s", r.text(".assess-orphans"))
	}
	var oldKeys, newKeys int
	for k := range r.storage() {
		switch {
		case strings.Contains(k, `"`+beans+`"`):
			oldKeys++
		case strings.Contains(k, `"`+renamed+`"`):
			newKeys++
		}
	}
	if oldKeys != 0 || newKeys != 1 {
		t.Errorf("after loading the page, %d answers are saved under the old id and %d under the new, want 0 and 1", oldKeys, newKeys)
	}
	r.noProblems()
}

func TestCarryAnswersForwardIntoANewCycle(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.chooseCycle("Spring")
	r.answer(beans, map[string]string{"answer": "Spring beans.", "action": "Sow early"}, "Red")
	r.answer(roots, map[string]string{"answer": "Spring roots."}, "Green")
	r.chooseCycle("Autumn")
	if got := r.text(`[data-question="` + beans + `"] .assess-form__earlier`); got != "Earlier ratings: Red in Spring." {
		t.Errorf("beside the question in Autumn: %q, want the Spring rating in words", got)
	}
	r.answer(roots, map[string]string{"answer": "Autumn roots, already written."}, "")

	r.do(chromedp.Click(chromedp.ID("assess-carry")))
	r.waitFor("the copy panel", `!document.getElementById('assess-carry-panel').hidden`)
	panel := r.text("#assess-carry-panel")
	for _, want := range []string{"copies the answers and evidence of 1 question from Spring into Autumn",
		"1 open action moves from Spring into Autumn", "1 question already has something written for Autumn", "Ratings are not copied"} {
		if !strings.Contains(panel, want) {
			t.Errorf("copy panel %q lacks %q", panel, want)
		}
	}
	if js[bool](r, `document.getElementById('assess-carry-replace').checked`) {
		t.Error("replacing what is already written is ticked without asking")
	}
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Copy answers"]`)))
	value := func(q, name string) string {
		return js[string](r, `document.querySelector('`+field(q, name)+`').value`)
	}
	if got := value(beans, "answer"); got != "Spring beans." {
		t.Errorf("after copying, the Autumn answer is %q", got)
	}
	if got := value(beans, "action"); got != "Sow early" {
		t.Errorf("after copying, the Autumn action is %q", got)
	}
	// The open action moved: it is listed once, in Autumn.
	if got := squash(r.text(".assess-actions tbody")); strings.Count(got, "Sow early") != 1 || !strings.Contains(got, "Autumn Sow early") {
		t.Errorf("after copying, the action list says %q, want Sow early once, in Autumn", got)
	}
	if got := js[string](r, `document.querySelector('[data-question="`+beans+`"] input[type=radio]:checked').value`); got != "" {
		t.Errorf("the rating was copied (%q): it must be given again", got)
	}
	if got := value(roots, "answer"); got != "Autumn roots, already written." {
		t.Errorf("copying overwrote an answer without asking: %q", got)
	}

	// Asked, it replaces.
	r.do(chromedp.Click(chromedp.ID("assess-carry")), chromedp.Click(chromedp.ID("assess-carry-replace")),
		chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Copy answers"]`)))
	if got := value(roots, "answer"); got != "Spring roots." {
		t.Errorf("with replacing ticked, the Autumn answer is %q", got)
	}
	progress := r.text(".assess-progress tbody")
	for _, want := range []string{"Spring", "Autumn (chosen)"} {
		if !strings.Contains(progress, want) {
			t.Errorf("progress across cycles %q lacks %q", progress, want)
		}
	}
	r.noProblems()
}

// TestStorageProblemsAreSaidNeverHidden makes the browser refuse every
// write, as it does when its storage for the site is full, or refuse
// the page its storage at all, as a locked-down browser may: the page
// must say so and never claim to have saved, and an export must still
// hold what was typed.
func TestStorageProblemsAreSaidNeverHidden(t *testing.T) {
	b := browsertest.Start(t)
	s := newSite(t)
	for _, tc := range []struct{ name, script, why string }{
		{"full", `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
			"the space this browser gives the site is full"},
		{"blocked", `Object.defineProperty(window, 'localStorage', {get: function () { throw new DOMException('Access is denied.', 'SecurityError'); }});`,
			"this browser is not letting the page save anything"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newReader(t, b)
			if _, err := chromedp.Call(r.tab.Context(), cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: tc.script}); err != nil {
				t.Fatal(err)
			}
			r.open(s.url(wardPage))
			if got := r.text("#assess .assess__problem"); !strings.Contains(got, "not being saved") || !strings.Contains(got, tc.why) {
				t.Errorf("the top of the page says %q, want that answers are not being saved because %s", got, tc.why)
			}
			r.do(chromedp.SendKeys(chromedp.CSS(field(beans, "answer")), "Precious words."), chromedp.Click(chromedp.Search(rating(beans, "Green"))))
			r.waitFor("the status of "+beans, statusOf(beans)+` !== ''`)
			if got := js[string](r, statusOf(beans)); !strings.HasPrefix(got, "Not saved: "+tc.why) {
				t.Errorf("the question's status is %q, want it to say it is not saved because %s", got, tc.why)
			}
			if got := r.exportJSON().Answers[beans]["Spring"]["answer"]; got != "Precious words." {
				t.Errorf("the export holds %q, want the unsaved answer, so it can be rescued", got)
			}
			r.noProblems()
		})
	}
}
