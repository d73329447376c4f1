package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

// The reload script, in a real browser under the site's strict CSP: an
// edit reloads the page where the reader was, a stylesheet edit swaps
// the stylesheet without a reload, a broken file shows the banner in
// place and the fix takes it away. Skips without Chromium (fails on CI).
// The tab reports every console error, uncaught exception, failed
// request and CSP violation.
func TestBrowserFollowsEdits(t *testing.T) {
	b := browsertest.Start(t)
	root := testsite.Copy(t, "testdata/sites/small")
	copyThemes(t, root)
	p := startPreview(t, root, Options{})

	tab := b.NewTab(t, browsertest.Within(p.url))
	eval := func(js string) bool {
		v, err := browsertest.Try[bool](tab, js)
		return err == nil && v // an error: the page is reloading
	}
	waitJS := func(what, js string) {
		t.Helper()
		waitFor(t, what, func() bool { return eval(js) })
	}
	tab.Do(t, chromedp.EmulateViewport(800, 300), chromedp.Navigate(p.url+wardPage))
	waitJS("the page to load", `document.readyState === "complete"`)

	// A marker that a reload would lose, and a scroll position it keeps.
	waitJS("the page to scroll", `(window.scrollTo(0, 200), window.marker = 1, window.pageYOffset === 200)`)
	// Whether or not the event stream has connected yet: a page that
	// connects after a rebuild learns from the hello that it is stale.
	p.edit(wardFile, oldText, newText)
	waitJS("the page to reload with the edit", `document.body.innerText.indexOf(`+jsString(newText)+`) >= 0 && window.marker === undefined`)
	waitJS("the scroll position to come back", `window.pageYOffset === 200`)

	// A stylesheet edit: swapped in place, no reload.
	waitJS("a new marker", `(window.marker = 2) === 2`)
	css := "themes/default/static/assets/site.css"
	testsite.Write(t, root, css, testsite.Read(t, root, css)+"\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
	waitJS("the new stylesheet to apply", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if !eval(`window.marker === 2`) {
		t.Error("a stylesheet edit reloaded the page")
	}

	// Break the file while scrolled to the foot of the page: the banner
	// comes, without a reload, and in view, where the editor is looking.
	waitJS("the page to scroll to its foot", `(window.scrollTo(0, document.body.scrollHeight), window.pageYOffset > 0)`)
	broke := time.Now()
	p.edit(wardFile, `foundation = "soil"`, `foundation = "soyl"`)
	waitJS("the banner", `!!document.getElementById("workbook-banner") && document.getElementById("workbook-banner").innerText.indexOf("content/ward/questions.toml:3") >= 0`)
	t.Logf("the banner showed %v after the broken save", time.Since(broke).Round(time.Millisecond))
	inView := `(function () { var r = document.getElementById("workbook-banner").getBoundingClientRect();
		return r.height > 0 && r.top >= 0 && r.top < window.innerHeight && window.pageYOffset > 0; })()`
	if !eval(inView) {
		t.Error("the banner is not in view for an editor scrolled to the foot of the page")
	}
	if !eval(`document.getElementById("workbook-banner").getAttribute("role") === "alert" && !!document.querySelector('#workbook-banner a[href="/__workbook/source/content/ward/questions.toml#L3"]')`) {
		t.Error("the banner is not an alert, or does not link to the file and line")
	}
	if dir := os.Getenv("WORKBOOK_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(tab.Context(), chromedp.CaptureScreenshot())
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dir, "serve-banner.png"), png, 0o644))
	}
	if !eval(`window.marker === 2 && document.body.innerText.indexOf(` + jsString(newText) + `) >= 0`) {
		t.Error("the banner reloaded the page or lost the last good build")
	}
	if !eval(`getComputedStyle(document.getElementById("workbook-banner")).borderLeftStyle === "solid"`) {
		t.Error("the banner's stylesheet does not apply")
	}
	// Fix it: the banner goes.
	p.edit(wardFile, `foundation = "soyl"`, `foundation = "soil"`)
	waitJS("the banner to go", `!document.getElementById("workbook-banner")`)

	// A PDF link opens the PDF preview, which reloads when the PDF changes.
	tab.Do(t, chromedp.Navigate(p.url+wardPage))
	waitJS("a link to the ward PDF", `!!document.querySelector('a[href$="ward.pdf"]')`)
	eval(`(document.querySelector('a[href$="ward.pdf"]').click(), true)`)
	waitJS("the PDF preview", `location.pathname === "/__workbook/pdf/workbooks/ward.pdf" && !!document.querySelector("iframe.workbook-pdf__frame")`)
	waitJS("a new marker", `document.readyState === "complete" && (window.marker = 3) === 3`)
	p.edit(wardFile, newText, "A third wording?")
	waitJS("the preview to reload", `document.readyState === "complete" && window.marker === undefined && location.pathname === "/__workbook/pdf/workbooks/ward.pdf"`)

	// The PDF preview page has no icon, so the browser asks for
	// /favicon.ico, which the fixture site does not have: that one is
	// the browser's own request, not the page's.
	for _, m := range tab.Problems() {
		if !strings.Contains(m, "/favicon.ico") {
			t.Errorf("browser: %s", m)
		}
	}
}

// jsString quotes s for a script.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
