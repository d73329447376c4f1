package html

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// TestScreenshots is a tool, not a check: with WORKBOOK_SCREENSHOTS set to
// a folder, it writes full-page screenshots of every page of the fixture
// and the real content at 1280 and 320 pixels wide, and the rendered sites
// themselves, for a person to look at after changing the theme:
//
//	WORKBOOK_SCREENSHOTS=/tmp/shots go test ./generator/render/html -run Screenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("WORKBOOK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set WORKBOOK_SCREENSHOTS to a folder to write screenshots")
	}
	b := browsertest.Start(t)
	for _, ts := range bothSites(t) {
		site := filepath.Join(dir, ts.name, "site")
		disk := writeSite(t, ts.out)
		if err := os.CopyFS(site, os.DirFS(disk)); err != nil && !os.IsExist(err) {
			t.Fatal(err)
		}
		for _, name := range htmlPages(ts.out) {
			tb := b.NewTab(t, browsertest.Within(fileURL(site, "")+"/"))
			for _, width := range []int64{1280, 320} {
				tb.Do(t, chromedp.EmulateViewport(width, 900), chromedp.Navigate(fileURL(site, name)))
				png, err := chromedp.Run(tb.Context(), chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				base := strings.TrimSuffix(strings.ReplaceAll(name, "/", "_"), ".html")
				out := filepath.Join(dir, ts.name, fmt.Sprintf("%s-%d.png", base, width))
				if err := os.WriteFile(out, png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
