package assess

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// twoTabs opens the ward page in two tabs of one browser profile, which
// share the saved answers as two tabs of a reader's browser do.
func twoTabs(t *testing.T, s *site) (a, b *reader) {
	t.Helper()
	p := browsertest.Start(t).NewProfile(t)
	a = &reader{t: t, tab: p.NewTab(t)}
	b = &reader{t: t, tab: p.NewTab(t)}
	a.open(s.url(wardPage))
	b.open(s.url(wardPage))
	return a, b
}

// storageKey is where the page saves a question's answers for a cycle
// (see STORAGE at the top of assets/assess.js).
func storageKey(level, q, cycle string) string {
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false) // as JSON.stringify writes it
	_ = e.Encode([]string{"kitchen-garden-framework", level, q, cycle})
	return "workbook-answers:" + strings.TrimSuffix(b.String(), "\n")
}

// decodeKey reads the framework, level, question and cycle of a key.
func decodeKey(k string, key *[]string) error {
	if err := json.Unmarshal([]byte(strings.TrimPrefix(k, "workbook-answers:")), key); err != nil {
		return err
	}
	if len(*key) != 4 {
		return fmt.Errorf("%s does not name a framework, level, question and cycle", k)
	}
	return nil
}

// savedField is a script giving one saved field of the ward's answer
// to q in Spring, or "" if nothing is saved.
func savedField(q, name string) string {
	return fmt.Sprintf(`(JSON.parse(localStorage.getItem(%q) || '{}')[%q] || '')`, storageKey("ward", q, "Spring"), name)
}

// typeInto types at the end of a box, as a reader who clicks into a box
// and carries on writing would. The box keeps the focus afterwards.
func (r *reader) typeInto(q, name, text string) {
	r.t.Helper()
	js[chromedp.Void](r, fmt.Sprintf(`(function () { var el = document.querySelector(%q); el.focus(); el.setSelectionRange(el.value.length, el.value.length); })()`, field(q, name)))
	r.do(chromedp.KeyEvent(text))
}

// waitSaved waits until a field of q's Spring answer is saved as want.
func (r *reader) waitSaved(q, name, want string) {
	r.t.Helper()
	r.waitFor(fmt.Sprintf("%s of %s to be saved as %q", name, q, want), fmt.Sprintf(`%s === %s`, savedField(q, name), jsString(want)))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestTwoTabsTypingInTurnKeepEveryText: a reader with the ward page open
// in two tabs writes the answer in one and the evidence in the other,
// in turn, each box keeping the focus in its tab. Every text typed is
// saved, and each tab ends up showing what the other wrote.
func TestTwoTabsTypingInTurnKeepEveryText(t *testing.T) {
	s := newSite(t)
	a, b := twoTabs(t, s)
	a.typeInto(beans, "answer", "Written in tab A.")
	a.waitSaved(beans, "answer", "Written in tab A.")
	b.typeInto(beans, "evidence", "Evidence from tab B.")
	b.waitSaved(beans, "evidence", "Evidence from tab B.")
	a.typeInto(beans, "answer", " More from A.")
	a.waitSaved(beans, "answer", "Written in tab A. More from A.")
	b.typeInto(beans, "evidence", " More from B.")
	b.waitSaved(beans, "evidence", "Evidence from tab B. More from B.")
	a.do(chromedp.Click(chromedp.Search(rating(beans, "Amber"))))
	a.waitSaved(beans, "rating", "amber")

	for name, want := range map[string]string{"answer": "Written in tab A. More from A.", "evidence": "Evidence from tab B. More from B.", "rating": "amber"} {
		if got := js[string](a, savedField(beans, name)); got != want {
			t.Errorf("saved %s: %q, want %q", name, got, want)
		}
	}
	// Each tab shows the other's text, though its own box has the focus.
	a.waitFor("tab A to show tab B's evidence", `document.querySelector('`+field(beans, "evidence")+`').value === 'Evidence from tab B. More from B.'`)
	b.waitFor("tab B to show tab A's answer", `document.querySelector('`+field(beans, "answer")+`').value === 'Written in tab A. More from A.'`)
	b.waitFor("tab B to show tab A's rating", `document.querySelector('[data-question="`+beans+`"] input[type=radio]:checked').value === 'amber'`)
	if got := b.exportJSON().Answers[beans]["Spring"]; got["answer"] != "Written in tab A. More from A." || got["evidence"] != "Evidence from tab B. More from B." {
		t.Errorf("the export from tab B holds %v", got)
	}
	a.noProblems()
	b.noProblems()
}

// TestTwoTabsChangingTheSameBoxKeepBothAndSaySo: the same box written in
// two tabs before either saves keeps both texts, the later tab's first,
// and the later tab says so, both when the other tab's save arrives and
// when its own save keeps both. A rating chosen in both takes the later
// tab's, and that tab says which rating it replaced.
func TestTwoTabsChangingTheSameBoxKeepBothAndSaySo(t *testing.T) {
	s := newSite(t)
	a, b := twoTabs(t, s)
	// Tab B has written an answer and chosen a rating; its save has not
	// come yet (it waits half a second after the last key).
	js[chromedp.Void](b, `document.querySelector('`+field(beans, "answer")+`').value = 'Written in tab B.';
		document.querySelector('[data-question="`+beans+`"] input[type=radio][value=red]').checked = true`)
	a.typeInto(beans, "answer", "Written in tab A.")
	a.do(chromedp.Click(chromedp.Search(rating(beans, "Green"))))
	a.waitSaved(beans, "rating", "green")
	a.waitSaved(beans, "answer", "Written in tab A.")

	b.waitFor("tab B to say another tab changed the same answer", statusOf(beans)+`.indexOf('Another tab changed your answer and the rating') === 0`)
	if got := b.value(beans, "answer"); got != "Written in tab B." {
		t.Errorf("tab B's answer box holds %q before it saves, want what was typed there", got)
	}
	// Tab B saves.
	js[chromedp.Void](b, `document.querySelector('`+field(beans, "answer")+`').dispatchEvent(new Event('change', {bubbles: true}))`)
	both := "Written in tab B.\n\n(From another tab:)\nWritten in tab A."
	b.waitSaved(beans, "answer", both)
	if got := js[string](b, savedField(beans, "rating")); got != "red" {
		t.Errorf("saved rating %q, want red, chosen last", got)
	}
	status := js[string](b, statusOf(beans))
	for _, want := range []string{"Saved on this device.", "Another tab changed your answer of this question too: both texts are kept", "Another tab rated it Green: your rating replaced that."} {
		if !strings.Contains(status, want) {
			t.Errorf("tab B says %q, without %q", status, want)
		}
	}
	if got := b.value(beans, "answer"); got != both {
		t.Errorf("tab B's answer box holds %q, want both texts", got)
	}
	a.waitFor("tab A to show both texts", `document.querySelector('`+field(beans, "answer")+`').value === `+jsString(both))
	a.noProblems()
	b.noProblems()
}
