package html

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// eval runs a script in the tab and decodes its result.
func eval[T any](t *testing.T, tb *tab, script string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, opts...))
	if err != nil {
		t.Fatalf("evaluating %.60q: %v", script, err)
	}
	return v
}

// do runs browser actions in the tab.
func do(t *testing.T, tb *tab, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// axeViolation is the part of an axe-core result a failure message needs.
type axeViolation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

// axeRun checks the page against WCAG 2.2 A and AA, the level the NHS and
// public sector accessibility regulations ask for. preload is off because
// axe would otherwise fetch the stylesheets again with XMLHttpRequest,
// which file:// pages may not do, and the tab would record its own
// requests as failures; the one rule that needs it (css-orientation-lock)
// has nothing to find in a theme that never locks orientation.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
	resultTypes: ['violations'],
	preload: false
}).then(function (r) {
	return r.violations.map(function (v) {
		return {id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
			return n.target.join(' ') + ': ' + n.html.slice(0, 150);
		})};
	});
})`

// overflow measures, at the current viewport, whether the page is wider
// than the window (WCAG 1.4.10 Reflow), and names what sticks out.
const overflow = `(function () {
	var w = document.documentElement.clientWidth, over = [];
	if (document.documentElement.scrollWidth > w) {
		document.querySelectorAll('body *').forEach(function (el) {
			var r = el.getBoundingClientRect();
			if (r.right > w + 0.5 && over.length < 5) {
				over.push(el.tagName.toLowerCase() + '.' + el.className + ' reaches ' + Math.round(r.right) + 'px');
			}
		});
	}
	return {width: w, scrollWidth: document.documentElement.scrollWidth, over: over};
})()`

type overflowResult struct {
	Width       int      `json:"width"`
	ScrollWidth int      `json:"scrollWidth"`
	Over        []string `json:"over"`
}

// TestPagesInBrowserFromDisk opens every page of the fixture and of the
// real content from file://, as a reader opening the site from a shared
// drive would, and checks that the browser reports nothing wrong, that
// axe-core finds no WCAG 2.2 A or AA violation, and that at any width down
// to 320 CSS pixels (400% zoom on a 1280 px screen) nothing scrolls
// sideways.
func TestPagesInBrowserFromDisk(t *testing.T) {
	b := browser(t)
	axe := axeSource(t)
	for _, ts := range bothSites(t) {
		dir := writeSite(t, ts.out)
		for _, name := range htmlPages(ts.out) {
			t.Run(ts.name+"/"+name, func(t *testing.T) {
				tb := newTab(t, b, fileURL(dir, "")+"/")
				do(t, tb, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(dir, name)))
				if p := tb.takeProblems(); len(p) > 0 {
					t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
				}

				eval[chromedp.Void](t, tb, axe)
				for _, v := range eval[[]axeViolation](t, tb, axeRun, chromedp.EvalAwaitPromise) {
					t.Errorf("axe %s: %s\n\t%s", v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
				}

				// Every width a tablet or zoomed window might have, down to
				// 320px, ending at 320px for the second axe run.
				for _, w := range []int64{1024, 800, 641, 640, 480, 320} {
					do(t, tb, chromedp.EmulateViewport(w, 640))
					if o := eval[overflowResult](t, tb, overflow); o.ScrollWidth > o.Width {
						t.Errorf("at %dpx the page is %dpx wide: %v", w, o.ScrollWidth, o.Over)
					}
				}
				// The narrow layout is a different page for axe too: the
				// grid becomes cards, the navigation wraps.
				for _, v := range eval[[]axeViolation](t, tb, axeRun, chromedp.EvalAwaitPromise) {
					t.Errorf("axe at 320px %s: %s\n\t%s", v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
				if p := tb.takeProblems(); len(p) > 0 {
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
	b := browser(t)
	ts := bothSites(t)[1]
	base := serve(t, writeSite(t, ts.out), "/intranet/ahps-deliver/")
	tb := newTab(t, b, base)
	for _, name := range htmlPages(ts.out) {
		do(t, tb, chromedp.Navigate(base+name))
		if p := tb.takeProblems(); len(p) > 0 {
			t.Errorf("%s: the browser reported:\n%s", name, strings.Join(p, "\n"))
		}
		// The stylesheet must have applied: the header is NHS blue.
		if bg := eval[string](t, tb, `getComputedStyle(document.querySelector('.header')).backgroundColor`); bg != "rgb(0, 94, 184)" {
			t.Errorf("%s: header background %s: the stylesheet did not load", name, bg)
		}
	}
}

// TestCopyLinkButtonCopiesTheQuestionsAddress checks the one thing the
// site's script adds: a "Copy link" button that puts the question's full
// address on the clipboard and says so. The clipboard is replaced by a
// recorder, since a headless browser has no real one to read back.
func TestCopyLinkButtonCopiesTheQuestionsAddress(t *testing.T) {
	b := browser(t)
	site := fixtureSite()
	out := renderSite(t, site)
	base := serve(t, writeSite(t, out), "/site/")
	tb := newTab(t, b, base)
	do(t, tb, chromedp.Navigate(base+"levels/provider.html"))
	eval[chromedp.Void](t, tb, `window.copied = [];
		Object.defineProperty(navigator, 'clipboard', {value: {writeText: function (s) { window.copied.push(s); return Promise.resolve(); }}});`)
	q := site.Framework.Levels[1].Questions[0]
	sel := fmt.Sprintf(`[id=%q] .button-small`, q.ID)
	do(t, tb, chromedp.Click(chromedp.CSS(sel)))
	status := eval[string](t, tb, fmt.Sprintf(`document.querySelector('[id=%q] [role=status]').textContent`, q.ID))
	copied := eval[[]string](t, tb, `window.copied`)
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
	b := browser(t)
	dir := writeSite(t, renderFixture(t))
	tb := newTab(t, b, fileURL(dir, "")+"/")
	do(t, tb, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(fileURL(dir, "levels/provider.html")), chromedp.KeyEvent("\t"))
	type focused struct {
		Class string  `json:"class"`
		Left  float64 `json:"left"`
		Top   float64 `json:"top"`
		BG    string  `json:"bg"`
	}
	f := eval[focused](t, tb, `(function () {
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
	do(t, tb, chromedp.KeyEvent("\r"))
	if h := eval[string](t, tb, `location.hash`); h != "#maincontent" {
		t.Errorf("after the skip link the address ends %q", h)
	}
}

// TestPrintingALevelPage checks the print stylesheet: navigation gone,
// questions kept whole where possible, their links kept as text.
func TestPrintingALevelPage(t *testing.T) {
	b := browser(t)
	dir := writeSite(t, renderFixture(t))
	tb := newTab(t, b, fileURL(dir, "")+"/")
	do(t, tb, chromedp.Navigate(fileURL(dir, "levels/provider.html")), chromedp.Func(emulatePrint))
	var got map[string]string
	raw := eval[[]byte](t, tb, `(function () {
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
