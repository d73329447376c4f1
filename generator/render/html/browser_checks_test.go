package html

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// TestPagesInBrowserFromDisk opens every page of the fixture and of the
// real content from file://, as a reader opening the site from a shared
// drive would, and checks that the browser reports nothing wrong, that
// axe-core finds no WCAG 2.2 A or AA violation, and that at any width down
// to 320 CSS pixels (400% zoom on a 1280 px screen) nothing scrolls
// sideways.
func TestPagesInBrowserFromDisk(t *testing.T) {
	b := browsertest.Start(t)
	for _, ts := range bothSites(t) {
		dir := writeSite(t, ts.out)
		for _, name := range htmlPages(ts.out) {
			t.Run(ts.name+"/"+name, func(t *testing.T) {
				tb := b.NewTab(t, browsertest.Within(fileURL(dir, "")+"/"))
				tb.Do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(dir, name)))
				if p := tb.Problems(); len(p) > 0 {
					t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
				}

				for _, v := range tb.Axe(t) {
					t.Errorf("axe %s", v)
				}

				// Every width a tablet or zoomed window might have, down to
				// 320px, ending at 320px for the second axe run.
				for _, w := range []int64{1024, 800, 641, 640, 480, 320} {
					tb.Do(t, chromedp.EmulateViewport(w, 640))
					if o := tb.Overflow(t); o.ScrollWidth > o.Width {
						t.Errorf("at %dpx the page is %dpx wide: %v", w, o.ScrollWidth, o.Over)
					}
				}
				// The narrow layout is a different page for axe too: the
				// grid becomes cards, the navigation wraps.
				for _, v := range tb.Axe(t) {
					t.Errorf("axe at 320px %s", v)
				}
				if p := tb.Problems(); len(p) > 0 {
					t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
				}
			})
		}
	}
}

// TestSiteUnderSubPathWithStrictCSP serves the real content under a
// sub-path with "Content-Security-Policy: default-src 'self'", as a
// trust's web team might, and opens every page: nothing may be blocked,
// missing or reported as an error.
func TestSiteUnderSubPathWithStrictCSP(t *testing.T) {
	b := browsertest.Start(t)
	ts := bothSites(t)[1]
	base := browsertest.Serve(t, writeSite(t, ts.out), "/intranet/ahps-deliver/")
	tb := b.NewTab(t, browsertest.Within(base))
	for _, name := range htmlPages(ts.out) {
		tb.Do(t, chromedp.Navigate(base+name))
		if p := tb.Problems(); len(p) > 0 {
			t.Errorf("%s: the browser reported:\n%s", name, strings.Join(p, "\n"))
		}
		// The stylesheet must have applied: the header is NHS blue.
		if bg := browsertest.Eval[string](t, tb, `getComputedStyle(document.querySelector('.header')).backgroundColor`); bg != "rgb(0, 94, 184)" {
			t.Errorf("%s: header background %s: the stylesheet did not load", name, bg)
		}
	}
}

// TestCopyLinkButtonCopiesTheQuestionsAddress checks the one thing the
// site's script adds: a "Copy link" button that puts the question's full
// address on the clipboard and says so. The clipboard is replaced by a
// recorder, since a headless browser has no real one to read back.
func TestCopyLinkButtonCopiesTheQuestionsAddress(t *testing.T) {
	b := browsertest.Start(t)
	site := fixtureSite()
	out := renderSite(t, site)
	base := browsertest.Serve(t, writeSite(t, out), "/site/")
	tb := b.NewTab(t, browsertest.Within(base))
	tb.Do(t, chromedp.Navigate(base+"levels/provider.html"))
	browsertest.Eval[chromedp.Void](t, tb, `window.copied = [];
		Object.defineProperty(navigator, 'clipboard', {value: {writeText: function (s) { window.copied.push(s); return Promise.resolve(); }}});`)
	q := site.Framework.Levels[1].Questions[0]
	sel := fmt.Sprintf(`[id=%q] .button-small`, q.ID)
	tb.Do(t, chromedp.Click(chromedp.CSS(sel)))
	status := browsertest.Eval[string](t, tb, fmt.Sprintf(`document.querySelector('[id=%q] [role=status]').textContent`, q.ID))
	copied := browsertest.Eval[[]string](t, tb, `window.copied`)
	want := base + "levels/provider.html#" + q.ID
	if len(copied) != 1 || copied[0] != want {
		t.Errorf("copied %v, want [%s]", copied, want)
	}
	if status != "Link copied" {
		t.Errorf("status after copying: %q, want \"Link copied\"", status)
	}
}

// TestSkipLinkShowsOnFirstTab checks the skip link a keyboard user meets
// first: the first Tab focuses it, it comes into view with the yellow
// focus style, and following it lands on the main content.
func TestSkipLinkShowsOnFirstTab(t *testing.T) {
	b := browsertest.Start(t)
	dir := writeSite(t, renderFixture(t))
	tb := b.NewTab(t, browsertest.Within(fileURL(dir, "")+"/"))
	tb.Do(t, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(dir, "levels/provider.html")), chromedp.KeyEvent("\t"))
	type focused struct {
		Class string  `json:"class"`
		Left  float64 `json:"left"`
		Top   float64 `json:"top"`
		BG    string  `json:"bg"`
	}
	f := browsertest.Eval[focused](t, tb, `(function () {
		var el = document.activeElement, r = el.getBoundingClientRect();
		return {class: el.className, left: r.left, top: r.top, bg: getComputedStyle(el).backgroundColor};
	})()`)
	if f.Class != "skip-link" {
		t.Fatalf("first Tab focused %q, want the skip link", f.Class)
	}
	if f.Left < 0 || f.Top < 0 {
		t.Errorf("focused skip link is off screen at (%v, %v)", f.Left, f.Top)
	}
	if f.BG != "rgb(255, 235, 59)" {
		t.Errorf("focused skip link background %s, want the yellow focus colour", f.BG)
	}
	tb.Do(t, chromedp.KeyEvent("\r"))
	if h := browsertest.Eval[string](t, tb, `location.hash`); h != "#maincontent" {
		t.Errorf("after the skip link the address ends %q", h)
	}
}

// TestPrintingALevelPage checks the print stylesheet: navigation gone,
// questions kept whole where possible, their links kept as text.
func TestPrintingALevelPage(t *testing.T) {
	b := browsertest.Start(t)
	dir := writeSite(t, renderFixture(t))
	tb := b.NewTab(t, browsertest.Within(fileURL(dir, "")+"/"))
	tb.Do(t, chromedp.Navigate(fileURL(dir, "levels/provider.html")), browsertest.EmulatePrint())
	var got map[string]string
	raw := browsertest.Eval[[]byte](t, tb, `(function () {
		function d(sel) { return getComputedStyle(document.querySelector(sel)).display; }
		return {
			header: d('.header'), breadcrumb: d('.breadcrumb'), footer: d('.footer'),
			questionLink: d('.question__link'),
			question: d('.question'), questionText: d('.question__text'),
			breakInside: getComputedStyle(document.querySelector('.question')).breakInside,
			linkColour: getComputedStyle(document.querySelector('.part__heading + p a, .main a')).color
		};
	})()`)
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"header": "none", "breadcrumb": "none", "footer": "none", "questionLink": "none",
		"question": "block", "breakInside": "avoid", "linkColour": "rgb(0, 0, 0)",
	} {
		if got[k] != want {
			t.Errorf("printed %s: %q, want %q", k, got[k], want)
		}
	}
	if got["questionText"] == "none" {
		t.Error("printing hides the question text")
	}
}
