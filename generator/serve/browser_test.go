package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"workbook/generator/testsite"
)

// The reload script, in a real browser under the site's strict CSP: an
// edit reloads the page where the reader was, a stylesheet edit swaps
// the stylesheet without a reload, a broken file shows the banner in
// place and the fix takes it away. Skips without Chromium (fails on CI).
func TestBrowserFollowsEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe, _ = exec.LookPath("chromium")
	}
	if exe == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium not found (CI is set, so this fails instead of skipping)")
		}
		t.Skip("Chromium not found: apt-get install -y chromium, or set CHROMIUM")
	}
	root := testsite.Copy(t, "testdata/sites/small")
	copyThemes(t, root)
	p := startPreview(t, root, Options{})

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("disable-gpu", true))...)
	defer cancelAlloc()
	var mu sync.Mutex
	var problems []string
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(func(ev any) {
		var msg string
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				for _, a := range e.Args {
					msg += string(a.Value) + " "
				}
			}
		case *runtime.EventExceptionThrown:
			msg = "exception: " + e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
		}
		if msg != "" {
			mu.Lock()
			problems = append(problems, msg)
			mu.Unlock()
		}
	}))
	defer cancel()
	run := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, stop := context.WithTimeout(ctx, deadline)
		defer stop()
		if err := chromedp.Do(c, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(js string) bool {
		t.Helper()
		c, stop := context.WithTimeout(ctx, deadline)
		defer stop()
		v, err := chromedp.Run(c, chromedp.Evaluate[bool](js))
		if err != nil {
			return false // the page is reloading
		}
		return v
	}
	waitJS := func(what, js string) {
		t.Helper()
		waitFor(t, what, func() bool { return eval(js) })
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener('securitypolicyviolation', function (e) { console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });`,
	}); err != nil {
		t.Fatal(err)
	}
	run(chromedp.EmulateViewport(800, 300), chromedp.Navigate(p.url+wardPage))
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
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
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
	run(chromedp.Navigate(p.url + wardPage))
	waitJS("a link to the ward PDF", `!!document.querySelector('a[href$="ward.pdf"]')`)
	eval(`(document.querySelector('a[href$="ward.pdf"]').click(), true)`)
	waitJS("the PDF preview", `location.pathname === "/__workbook/pdf/workbooks/ward.pdf" && !!document.querySelector("iframe.workbook-pdf__frame")`)
	waitJS("a new marker", `document.readyState === "complete" && (window.marker = 3) === 3`)
	p.edit(wardFile, newText, "A third wording?")
	waitJS("the preview to reload", `document.readyState === "complete" && window.marker === undefined && location.pathname === "/__workbook/pdf/workbooks/ward.pdf"`)

	mu.Lock()
	defer mu.Unlock()
	for _, m := range problems {
		t.Errorf("browser: %s", m)
	}
}

// jsString quotes s for a script.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
