// Package browsertest drives headless Chromium for the module's tests. It
// finds the browser (skipping with a message when it is missing, failing
// instead when CI is set), starts it with the flags every browser test
// needs, gives each test clean profiles and tabs that record what a
// reader's browser would complain about, loads axe-core and emulates
// print. It is an ordinary package, not a _test file, so tests anywhere
// in the module (cmd/ included) share one way of starting Chromium.
//
// A test starts one browser and opens tabs in it:
//
//	b := browsertest.Start(t)
//	tab := b.NewTab(t)                       // a tab with a clean profile of its own
//	tab.Do(t, chromedp.Navigate(url))
//	title := browsertest.Eval[string](t, tab, `document.title`)
//	tab.NoProblems(t)
//
// Tabs of one Profile share localStorage, as two tabs of one person's
// browser do; tabs of different profiles share nothing.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/testsite"
)

// Browser is one headless Chromium, started for one test and stopped
// when the test ends.
type Browser struct {
	ctx context.Context // the browser's first tab, left blank; profiles hang off it
}

// Start finds Chromium and starts it. Without Chromium the test skips,
// saying what to install, or fails when the environment variable CI is
// set; -short skips it too. CHROMIUM names the browser if it is not on
// PATH.
func Start(t testing.TB) *Browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	exe := chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), flags(exe)...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; it lives as long as ctx.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return &Browser{ctx: ctx}
}

// chromium returns the browser's path.
func chromium(t testing.TB) string {
	t.Helper()
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testsite.Missing(t, "Chromium not found: apt-get install -y chromium, or set CHROMIUM to the browser's path")
	return ""
}

// flags are chromedp's defaults (headless, no first-run screens, no
// background networking) and what a test machine needs besides.
func flags(exe string) []chromedp.ExecAllocatorOption {
	return append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // tests run as root in CI containers
		chromedp.Flag("disable-gpu", true),
		// Measure layout at exactly the viewport's width.
		chromedp.Flag("hide-scrollbars", true),
		// The machine may have no network: stop the browser's own calls home.
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
}

// NewTab opens a tab with a clean profile of its own: nothing saved,
// nothing shared with any other tab.
func (b *Browser) NewTab(t testing.TB, opts ...TabOption) *Tab {
	t.Helper()
	return b.NewProfile(t).NewTab(t, opts...)
}
