package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Profile is one person's browser profile: a browser context with its
// own storage, cookies and download folder, as clean as a new profile.
// Its tabs share localStorage, so a test can open the same page twice
// as a reader with two tabs would.
type Profile struct {
	ctx       context.Context // a blank tab that holds the browser context open
	downloads string
}

// NewProfile makes a clean profile. It goes when the test ends.
func (b *Browser) NewProfile(t testing.TB) *Profile {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a browser profile: %v", err)
	}
	p := &Profile{ctx: ctx, downloads: t.TempDir()}
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
		BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		DownloadPath:     p.downloads,
		EventsEnabled:    new(true),
	})
	if err != nil {
		t.Fatalf("letting the profile download: %v", err)
	}
	return p
}
