package assess

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

// TestAssessScreenshots is a tool, not a check: with WORKBOOK_SCREENSHOTS
// set to a folder, it answers a few questions of the real content's
// provider page and writes screenshots of the page and of its parts at
// 1280, 375 and 320 pixels wide, on screen and as printed, for a person to
// look at after changing the self-assessment, and the answers as
// exported (answers.json) and the page printed to A4 (print.pdf):
//
//	WORKBOOK_SCREENSHOTS=/tmp/shots go test ./themes/default/assess -run AssessScreenshots
func TestAssessScreenshots(t *testing.T) {
	dir := os.Getenv("WORKBOOK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set WORKBOOK_SCREENSHOTS to a folder to write screenshots")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: testsite.RepoRoot(), Out: out}); err != nil {
		t.Fatal(err)
	}
	p := browsertest.Start(t).NewProfile(t)
	r := &reader{t: t, tab: p.NewTab(t)}
	r.open("file://" + filepath.Join(out, "levels/provider.html"))
	qs := js[[]string](r, `Array.prototype.map.call(document.querySelectorAll('.assess-slot'), function (s) { return s.getAttribute('data-question'); })`)
	r.chooseCycle("2025/26")
	r.answer(qs[0], map[string]string{"answer": "No AHP on the board yet."}, "Red")
	r.answer(qs[3], map[string]string{"answer": "Started a network."}, "Amber")
	r.chooseCycle("2026/27")
	r.answer(qs[0], map[string]string{"answer": "Our board has two AHP members.\nBoth joined this year.", "evidence": "Board minutes, March.",
		"action": "Write the AHP leadership plan", "owner": "Chief AHP", "due": "June 2026"}, "Amber")
	r.answer(qs[1], map[string]string{"answer": "Not yet looked at."}, "Red")
	r.answer(qs[2], map[string]string{"answer": "Well established."}, "Green")
	// The same question written in a second tab before this one saved:
	// the status says so, then keeps both.
	other := &reader{t: t, tab: p.NewTab(t)}
	other.open("file://" + filepath.Join(out, "levels/provider.html"))
	js[chromedp.Void](r, `document.querySelector('`+field(qs[3], "answer")+`').value = 'Written in this tab.'`)
	other.answer(qs[3], map[string]string{"evidence": "Written in the other tab."}, "")
	other.typeInto(qs[3], "answer", " And more from the other tab.")
	other.do(chromedp.KeyEvent("\t"))
	r.waitFor("the conflict note", statusOf(qs[3])+`.indexOf('Another tab changed') === 0`)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shoot := func(name string, a chromedp.Action[[]byte]) {
		png, err := chromedp.Run(r.tab.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, w := range []int64{1280, 375, 320} {
		r.do(chromedp.EmulateViewport(w, 900))
		shoot(fmt.Sprintf("page-%d.png", w), chromedp.FullScreenshot(80))
		shoot(fmt.Sprintf("panel-%d.png", w), chromedp.Screenshot(chromedp.ID("assess")))
		shoot(fmt.Sprintf("question-%d.png", w), chromedp.Screenshot(chromedp.ID(qs[0])))
		shoot(fmt.Sprintf("summary-%d.png", w), chromedp.Screenshot(chromedp.ID("assess-summary")))
		shoot(fmt.Sprintf("conflict-%d.png", w), chromedp.Screenshot(chromedp.ID(qs[3])))
	}
	js[chromedp.Void](r, `document.querySelector('`+field(qs[3], "answer")+`').dispatchEvent(new Event('change', {bubbles: true}))`)
	shoot("conflict-saved.png", chromedp.Screenshot(chromedp.ID(qs[3])))
	// The confirmations, open.
	r.do(chromedp.Click(chromedp.ID("assess-carry")))
	shoot("carry-320.png", chromedp.Screenshot(chromedp.ID("assess")))
	r.do(chromedp.Click(chromedp.ID("assess-clear")))
	shoot("clear-320.png", chromedp.Screenshot(chromedp.CSS(".assess-transfer")))
	// The answers too, for a look at "workbook report --answers".
	if err := os.WriteFile(filepath.Join(dir, "answers.json"), r.download("#assess-export-json"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.do(chromedp.EmulateViewport(1280, 900), browsertest.EmulatePrint())
	shoot("print-question.png", chromedp.Screenshot(chromedp.ID(qs[0])))
	shoot("print-summary.png", chromedp.Screenshot(chromedp.ID("assess-summary")))
	shoot("print.pdf", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
}
