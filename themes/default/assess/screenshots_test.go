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
	shoot := shooter(t, r.tab, dir)
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

// TestTeamScreenshots is a tool, not a check: with WORKBOOK_SCREENSHOTS
// set to a folder, it has three readers answer the real content's
// provider page, adds their exports to the team page, agrees a rating
// and an action, and writes screenshots of the team page at 1280, 375
// and 320 pixels wide, on screen and printed (team-print.pdf), for a
// person to look at as a facilitator would:
//
//	WORKBOOK_SCREENSHOTS=/tmp/shots go test ./themes/default/assess -run TeamScreenshots
func TestTeamScreenshots(t *testing.T) {
	dir := os.Getenv("WORKBOOK_SCREENSHOTS")
	if dir == "" {
		t.Skip("set WORKBOOK_SCREENSHOTS to a folder to write screenshots")
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(generator.Options{Root: testsite.RepoRoot(), Out: out}); err != nil {
		t.Fatal(err)
	}
	b := browsertest.Start(t)
	page := "file://" + filepath.Join(out, "levels/provider.html")
	var files []string
	for i, p := range []struct {
		name, team string
		ratings    []string
	}{
		{"Asha Patel", "Therapies", []string{"Red", "Amber", "Green", "Amber", "Red"}},
		{"Ben Okoro", "Therapies", []string{"Amber", "Amber", "Red", "Green", ""}},
		{"Chen Li", "Therapies", []string{"Green", "Amber", "Amber", "Amber", "Red"}},
	} {
		r := newReader(t, b)
		r.open(page)
		r.chooseCycle("2025/26")
		r.nameAs(p.name, p.team)
		qs := js[[]string](r, `Array.prototype.map.call(document.querySelectorAll('.assess-slot'), function (s) { return s.getAttribute('data-question'); })`)
		for k, rating := range p.ratings {
			r.answer(qs[k], map[string]string{"answer": fmt.Sprintf("%s's answer to question %d: what we do now, and what we have seen change.", p.name, k+1),
				"evidence": "Minutes of the March board meeting."}, rating)
		}
		file := filepath.Join(t.TempDir(), fmt.Sprintf("%d.json", i))
		if err := os.WriteFile(file, r.download("#assess-export-json"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
	}
	f := newReader(t, b)
	f.openTeam("file://" + filepath.Join(out, "team.html"))
	bad := filepath.Join(t.TempDir(), "notes.csv")
	if err := os.WriteFile(bad, []byte("a,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.addFiles(append(files, bad)...)
	first := js[string](f, `document.querySelector('#assess-team-questions article').id`)
	f.do(chromedp.Click(chromedp.Search(agreedRadio(first, "Amber"))))
	f.do(chromedp.SendKeys(chromedp.CSS(`#assess-team--`+first+`--note`), "Two of three saw it in the board minutes."), chromedp.KeyEvent("\t"))
	f.do(chromedp.Click(chromedp.Search(`//article[@id="` + first + `"]//button[starts-with(normalize-space(.), "Add an action for this question")]`)))
	f.do(chromedp.SendKeys(chromedp.ID("assess-team-new-"+first+"-action"), "Put AHP leadership on the board agenda"),
		chromedp.SendKeys(chromedp.ID("assess-team-new-"+first+"-owner"), "Chief AHP"),
		chromedp.SendKeys(chromedp.ID("assess-team-new-"+first+"-due"), "June 2026"),
		chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Add action"]`)))
	f.do(chromedp.SetValue(chromedp.ID("assess-team-sort"), "mixed"))
	js[chromedp.Void](f, `document.getElementById('assess-team-sort').dispatchEvent(new Event('change'))`)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shoot := shooter(t, f.tab, dir)
	parts := map[string]string{"top": "main > h1", "files": ".team-files", "who": ".team-who", "grid": "#assess-team-grid",
		"question": "#" + first, "actions": "#assess-team-actions", "progress": "#assess-team-progress", "record": ".team-record"}
	for _, w := range []int64{1280, 375, 320} {
		f.do(chromedp.EmulateViewport(w, 900))
		shoot(fmt.Sprintf("team-%d.jpg", w), chromedp.FullScreenshot(70))
		for name, sel := range parts {
			if name == "top" {
				js[chromedp.Void](f, `window.scrollTo(0, 0)`)
				shoot(fmt.Sprintf("team-top-%d.png", w), chromedp.CaptureScreenshot())
				continue
			}
			shoot(fmt.Sprintf("team-%s-%d.png", name, w), chromedp.Screenshot(chromedp.CSS(sel)))
		}
	}
	f.do(chromedp.EmulateViewport(1280, 900), browsertest.EmulatePrint())
	shoot("team-print-question.png", chromedp.Screenshot(chromedp.ID(first)))
	shoot("team-print-actions.png", chromedp.Screenshot(chromedp.ID("assess-team-actions")))
	shoot("team-print.pdf", chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
}

// shooter returns a function that runs a screenshot action in tab and
// writes the image to dir under its name.
func shooter(t *testing.T, tab *browsertest.Tab, dir string) func(name string, a chromedp.Action[[]byte]) {
	return func(name string, a chromedp.Action[[]byte]) {
		t.Helper()
		png, err := chromedp.Run(tab.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
