package assess

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// TestSelfAssessmentPassesAxe runs axe-core on a level page with the
// script running and everything it adds on show: filled-in forms, earlier
// ratings, the summary and action list, answers to a removed question and
// an open confirmation, at 1280 and 320 pixels wide, and checks that at
// 320 nothing scrolls sideways.
func TestSelfAssessmentPassesAxe(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.answer(water, map[string]string{"answer": "Soon to be removed."}, "Red")
	r.answer(beans, map[string]string{"answer": "Spring.", "action": "Mulch", "owner": "Sam", "due": "May"}, "Amber")
	r.chooseCycle("Autumn")
	r.answer(beans, map[string]string{"answer": "Autumn."}, "Green")
	s.edit(t, "content/ward/questions.toml", waterHerbs, "")
	s.build(t)
	r.open(s.url(wardPage))
	r.do(chromedp.Click(chromedp.ID("assess-clear")))
	if !r.visible(".assess-orphans") || !r.visible("#assess-clear-panel") || !r.visible(".assess-actions") || !r.visible(".assess-form__earlier") {
		t.Fatal("not everything the script adds is on show")
	}
	r.accessible()
	r.noProblems()
}

// accessible runs axe-core on the page as it is, at 1280 and 320 CSS
// pixels wide, and checks that at 320 nothing scrolls sideways (WCAG
// 1.4.10 Reflow); it leaves the tab at 1280.
func (r *reader) accessible() {
	r.t.Helper()
	for _, w := range []int64{1280, 320} {
		r.do(chromedp.EmulateViewport(w, 800))
		for _, v := range r.tab.Axe(r.t) {
			r.t.Errorf("axe at %dpx: %s", w, v)
		}
	}
	if o := r.tab.Overflow(r.t); o.ScrollWidth > o.Width {
		r.t.Errorf("at 320px the page scrolls sideways: %v", o.Over)
	}
	r.do(chromedp.EmulateViewport(1280, 900))
}

// TestSelfAssessmentUnderStrictCSP serves the site with
// "Content-Security-Policy: default-src 'self'", as a trust's web team
// may: the script must load, run and save without any violation.
func TestSelfAssessmentUnderStrictCSP(t *testing.T) {
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(browsertest.Serve(t, s.out, "/") + wardPage)
	r.answer(beans, map[string]string{"answer": "Served."}, "Green")
	if got := r.text(`[data-cell="soil--beans"]`); !strings.Contains(got, "1 Green") {
		t.Errorf("under the strict policy the summary says %q", got)
	}
	r.noProblems()
}
