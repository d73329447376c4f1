package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Tab is one browser tab. It records what a reader's browser would
// complain about: uncaught exceptions, console errors, the browser's own
// error messages, failed requests and error responses,
// Content-Security-Policy violations and, with Within, any request for
// something outside the site. It also records, and accepts, any dialog
// the page opens (an alert, or "leave this page?"), which would
// otherwise hold the test until it timed out.
type Tab struct {
	ctx       context.Context
	downloads string
	site      string // with Within: every request must start with it

	mu       sync.Mutex
	problems []string
}

// TabOption sets up a tab.
type TabOption func(*Tab)

// Within makes a request for anything outside site (a file:// folder or
// an http:// base address, ending in /) a problem: the site must never
// reach outside itself.
func Within(site string) TabOption { return func(tb *Tab) { tb.site = site } }

// cspReporter turns the page's securitypolicyviolation events into
// console errors, which the tab records: the browser's own message for
// them varies between versions. Scripts added this way run before the
// page's own and are not subject to its policy.
const cspReporter = `document.addEventListener('securitypolicyviolation', function (e) {
	console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI);
});`

// NewTab opens a tab in the profile, 1280 by 900 pixels. It closes when
// the test ends.
func (p *Profile) NewTab(t testing.TB, opts ...TabOption) *Tab {
	t.Helper()
	tb := &Tab{downloads: p.downloads}
	for _, o := range opts {
		o(tb)
	}
	ctx, cancel := chromedp.NewContext(p.ctx, chromedp.WithListener(tb.record))
	t.Cleanup(cancel)
	tb.ctx = ctx
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspReporter}); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb.Do(t, chromedp.EmulateViewport(1280, 900))
	return tb
}

// Context is the tab's chromedp context, for actions and protocol calls
// the methods here do not cover.
func (tb *Tab) Context() context.Context { return tb.ctx }

func (tb *Tab) record(ev any) {
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
		if u := e.Request.URL; tb.site != "" && !strings.HasPrefix(u, tb.site) && !browserOwn(u) {
			p = "request outside the site: " + u
		}
	case *network.EventLoadingFailed:
		// A request the page itself gave up (a reload ending an event
		// stream, a download handed to the browser) is not a failure.
		if !e.Canceled {
			p = "failed request: " + e.ErrorText
		}
	case *network.EventResponseReceived:
		if e.Response.Status >= 400 {
			p = fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL)
		}
	case *cdppage.EventJavascriptDialogOpening:
		p = fmt.Sprintf("the page opened a dialog (%s): %s", e.Type, e.Message)
		go func() { // not on the goroutine that reads the browser's messages
			_, _ = chromedp.Call(tb.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}()
	}
	if p != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, p)
		tb.mu.Unlock()
	}
}

// browserOwn reports whether a request is for something the browser
// holds itself rather than fetches: inline data, a blob the page made,
// the browser's own PDF viewer.
func browserOwn(u string) bool {
	for _, scheme := range []string{"data:", "blob:", "chrome-extension:", "chrome:", "about:"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	return false
}

// Problems returns what the tab recorded since the last call.
func (tb *Tab) Problems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// NoProblems fails the test if the tab recorded anything since the last
// call.
func (tb *Tab) NoProblems(t testing.TB) {
	t.Helper()
	if p := tb.Problems(); len(p) > 0 {
		t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
	}
}

// timeout bounds one step, so a page that never answers fails the test
// rather than hanging it. It is no assertion about speed.
const timeout = time.Minute

// Do runs browser actions in the tab, failing the test on an error.
func (tb *Tab) Do(t testing.TB, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Eval runs a script in the tab, waits for it if it returns a promise,
// and decodes its result into T.
func Eval[T any](t testing.TB, tb *Tab, script string) T {
	t.Helper()
	v, err := Try[T](tb, script)
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", script, err)
	}
	return v
}

// Try is Eval returning the error, for a page that may be reloading.
func Try[T any](tb *Tab, script string) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
}

// WaitFor waits until a script's result is true, failing the test with
// what it was waiting for.
func (tb *Tab) WaitFor(t testing.TB, what, script string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](script, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// Download runs trigger (a click on a download button, say), waits for
// the file it downloads and returns the file's bytes.
func (tb *Tab) Download(t testing.TB, trigger chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout)
	defer cancel()
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	tb.Do(t, trigger)
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for a download: %v", err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			b, err := os.ReadFile(filepath.Join(tb.downloads, ev.GUID))
			if err != nil {
				t.Fatal(err)
			}
			return b
		case browser.DownloadProgressStateCanceled:
			t.Fatal("the download was cancelled")
		}
	}
	t.Fatal("no download came")
	return nil
}

// EmulatePrint makes the tab use its print stylesheet.
func EmulatePrint() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})
}
