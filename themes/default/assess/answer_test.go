package assess

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"workbook/generator/browsertest"
)

func TestAnswersStayAfterAReload(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "We mulch every bed.", "evidence": "Photos in the shed diary.",
		"action": "Buy more compost", "owner": "Sam", "due": "May"}, "Amber")

	r.do(chromedp.Reload())
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null`)
	for name, want := range map[string]string{"answer": "We mulch every bed.", "evidence": "Photos in the shed diary.", "action": "Buy more compost", "owner": "Sam", "due": "May"} {
		if got := js[string](r, `document.querySelector('`+field(beans, name)+`').value`); got != want {
			t.Errorf("after a reload, %s is %q, want %q", name, got, want)
		}
	}
	if got := js[string](r, `document.querySelector('[data-question="`+beans+`"] input[type=radio]:checked').nextElementSibling.textContent`); got != "Amber" {
		t.Errorf("after a reload the rating is %q, want Amber", got)
	}
	// The summary counts it, in words and numbers, and leaves out the
	// ratings no one gave.
	cell := squash(js[string](r, `document.querySelector('[data-cell="soil--beans"]').textContent`))
	if cell != "1 Amber" {
		t.Errorf("summary cell soil × beans says %q, want just 1 Amber", cell)
	}
	actions := js[string](r, `document.querySelector('.assess-actions tbody').textContent`)
	for _, want := range []string{"Buy more compost", "Sam", "May", "Spring"} {
		if !strings.Contains(actions, want) {
			t.Errorf("action list %q lacks %q", actions, want)
		}
	}
	r.noProblems()
}

// TestOneQuestionByKeyboardAlone answers a question with the keys a
// keyboard user has: Tab to reach each control, typing, the arrow keys
// to choose a rating and Space to confirm it. Nothing is clicked.
func TestOneQuestionByKeyboardAlone(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	target := field(beans, "answer")[1:]
	for i := 0; js[string](r, `document.activeElement.id`) != target; i++ {
		if i == 200 {
			t.Fatalf("200 presses of Tab never reached the answer box of %s", beans)
		}
		r.do(chromedp.KeyEvent("\t"))
	}
	if got := js[string](r, `getComputedStyle(document.activeElement).outlineColor`); got != "rgb(255, 235, 59)" {
		t.Errorf("the focused answer box's outline is %s, want the yellow focus colour", got)
	}
	tab := chromedp.KeyEvent("\t")
	r.do(chromedp.KeyEvent("Typed, not clicked."), tab, chromedp.KeyEvent("Seen at the allotment."), tab)
	// Tab lands on the checked choice, "Not rated yet"; the left arrow
	// moves to Green and chooses it; Space keeps it chosen.
	if got := js[string](r, `document.activeElement.parentNode.textContent`); got != "Not rated yet" {
		t.Errorf("Tab into the rating landed on %q, want the chosen \"Not rated yet\"", got)
	}
	r.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(" "), tab,
		chromedp.KeyEvent("Water daily"), tab, chromedp.KeyEvent("Ali"), tab, chromedp.KeyEvent("July"), tab)
	r.waitFor("the saved status", statusOf(beans)+` === 'Saved on this device'`)
	got := r.exportJSON().Answers[beans]["Spring"]
	want := map[string]string{"answer": "Typed, not clicked.", "evidence": "Seen at the allotment.", "rating": "green", "action": "Water daily", "owner": "Ali", "due": "July"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("saved %s = %q, want %q", k, got[k], v)
		}
	}
	r.noProblems()
}

// TestPrintingShowsAnswersNotControls prints a level page with answers:
// the answers are on paper, the boxes, buttons and panels are not.
func TestPrintingShowsAnswersNotControls(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "Printed answer.", "evidence": "Printed evidence.", "action": "Printed action", "owner": "Jo"}, "Amber")
	r.do(browsertest.EmulatePrint())
	printed := r.text(`[data-question="` + beans + `"]`)
	for _, want := range []string{"Answers for Spring", "Rating: Amber", "Answer: Printed answer.", "Evidence: Printed evidence.", "Action: Printed action (owner Jo)"} {
		if !strings.Contains(printed, want) {
			t.Errorf("the printed question lacks %q:\n%s", want, printed)
		}
	}
	for _, sel := range []string{"#assess", ".assess-form__fields", ".assess-transfer", "#" + field(beans, "answer")[1:], ".assess-form__status"} {
		if r.visible(sel) {
			t.Errorf("%s is printed", sel)
		}
	}
	if !r.visible("#assess-summary") || !strings.Contains(r.text(".assess-grid"), "1 Amber") {
		t.Error("the summary of the answers is not printed")
	}
	// On A4 (about 720 CSS pixels between the margins) the grid prints
	// as a table, whose column headings name the areas of focus.
	r.do(chromedp.EmulateViewport(720, 1000))
	if got := js[float64](r, `document.querySelector('.assess-grid thead').getBoundingClientRect().height`); got < 10 {
		t.Errorf("printed on A4, the grid's column headings are %vpx high: the areas of focus are not printed", got)
	}
	// A question without answers prints as it would without the script.
	if got := r.text(`[data-question="` + roots + `"]`); got != "" {
		t.Errorf("an unanswered question prints %q under it", got)
	}
}

// TestWithoutJavaScriptNothingHalfWorks opens a level page with scripts
// off: the questions read as before and no control that needs the script
// shows.
func TestWithoutJavaScriptNothingHalfWorks(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	if _, err := chromedp.Call(r.tab.Context(), emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	r.do(chromedp.Navigate(s.url(wardPage)))
	for _, sel := range []string{"#assess", "#assess-summary", ".assess-form", "button", "textarea", "input", "select"} {
		if r.visible(sel) {
			t.Errorf("without JavaScript, %s shows", sel)
		}
	}
	if !r.visible("#" + beans) {
		t.Error("without JavaScript, the questions do not show")
	}
}
