package html

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"workbook/generator/output"
)

// The browser tests open the rendered site in Debian's Chromium, driven by
// chromedp. They skip, saying why, when Chromium or axe-core is missing,
// and fail instead when the environment variable CI is set, so CI cannot
// pass by skipping them. Install what they need with:
//
//	apt-get install -y chromium
//	npm --prefix /opt/axe install axe-core@4
//
// AXE_CORE_JS names axe.min.js if it is elsewhere; CHROMIUM names the
// browser if it is not on PATH as chromium.

// defaultAxePath is where the install line above puts axe-core.
const defaultAxePath = "/opt/axe/node_modules/axe-core/axe.min.js"

// missing skips the test, or fails it on CI.
func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", what)
	}
	t.Skip(what)
}

// browser starts one headless Chromium for the test and returns a context
// from which each page gets its own tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				exe = p
				break
			}
		}
	}
	if exe == "" {
		missing(t, "Chromium not found: apt-get install -y chromium, or set CHROMIUM to the browser's path")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,                     // tests run as root in CI containers
		chromedp.Flag("hide-scrollbars", true), // measure layout at exactly the viewport's width
		chromedp.Flag("disable-gpu", true),
		// The machine has no network: stop the browser's own calls home.
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; it lives as long as ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// axeSource returns axe-core's script, to inject into pages.
func axeSource(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = defaultAxePath
	}
	b, err := os.ReadFile(p)
	if err != nil {
		missing(t, fmt.Sprintf("axe-core not found at %s: npm --prefix /opt/axe install axe-core@4, or set AXE_CORE_JS (%v)", p, err))
	}
	return string(b)
}

// writeSite copies a rendered site to a new temporary folder.
func writeSite(t *testing.T, out *output.Memory) string {
	t.Helper()
	dir := t.TempDir()
	disk := output.NewDir(dir)
	for _, n := range out.Names() {
		b, _ := out.Get(n)
		if err := disk.WriteFile(n, b); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fileURL is the file:// address of a page of a site written to dir.
func fileURL(dir, name string) string {
	return "file://" + filepath.ToSlash(filepath.Join(dir, name))
}

// strictCSP is the policy a trust's web team can send with the site.
const strictCSP = "default-src 'self'"

// serve serves dir under a sub-path, as an intranet might, with the strict
// Content-Security-Policy, and returns the site's base address.
func serve(t *testing.T, dir, prefix string) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

// cspReporter turns the page's securitypolicyviolation events into
// console errors, which the tab records.
const cspReporter = `document.addEventListener('securitypolicyviolation', function (e) {
	console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
});`

// tab is one browser tab that records what a reader's browser would
// complain about: console errors, uncaught exceptions, failed requests and
// error responses, Content-Security-Policy violations, and any request for
// something outside the site.
type tab struct {
	ctx      context.Context
	site     string // the site's address; every request must start with it
	mu       sync.Mutex
	problems []string
}

// newTab opens a tab of b for the site at address site (a file:// folder
// or an http:// base). It closes when the test ends.
func newTab(t *testing.T, b context.Context, site string) *tab {
	t.Helper()
	tb := &tab{site: site}
	ctx, cancel := chromedp.NewContext(b, chromedp.WithListener(tb.record))
	t.Cleanup(cancel)
	tb.ctx = ctx
	// Report CSP violations from inside the page as well: the browser's own
	// console message for them varies between versions. Scripts added this
	// way run before the page's own and are not subject to its CSP.
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspReporter}); err != nil {
		t.Fatal(err)
	}
	return tb
}

func (tb *tab) record(ev any) {
	var p string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range e.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			p = "console error: " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		p = "uncaught exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			p += " " + e.ExceptionDetails.Exception.Description
		}
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			p = "browser error: " + e.Entry.Text + " " + e.Entry.URL
		}
	case *network.EventRequestWillBeSent:
		if u := e.Request.URL; !strings.HasPrefix(u, tb.site) && !strings.HasPrefix(u, "data:") {
			p = "request outside the site: " + u
		}
	case *network.EventLoadingFailed:
		p = "failed request: " + e.ErrorText
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			p = fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL)
		}
	}
	if p != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, p)
		tb.mu.Unlock()
	}
}

// takeProblems returns what the tab recorded since the last call.
func (tb *tab) takeProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// emulatePrint makes the tab use its print stylesheet.
func emulatePrint(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return err
}
