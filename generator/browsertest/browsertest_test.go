package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// page writes a small site into a folder and returns the folder's
// file:// address, ending in /.
func page(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return "file://" + filepath.ToSlash(dir) + "/"
}

const download = `<!doctype html><title>t</title>
<style>p { color: rgb(1, 2, 3); } @media print { p { color: rgb(4, 5, 6); } }</style>
<p>Hello</p>
<button id="get" onclick="var a = document.createElement('a'); a.href = window.URL.createObjectURL(new Blob(['saved text'])); a.download = 'x.txt'; document.body.appendChild(a); a.click();">Get</button>`

// TestTabsOfAProfileShareStorageAndProfilesDoNot: two tabs of one
// profile see each other's localStorage and its storage events; a tab
// of another profile starts empty.
func TestTabsOfAProfileShareStorageAndProfilesDoNot(t *testing.T) {
	b := Start(t)
	site := page(t, map[string]string{"a.html": `<!doctype html><title>a</title>`})
	p := b.NewProfile(t)
	one, two := p.NewTab(t), p.NewTab(t)
	one.Do(t, chromedp.Navigate(site+"a.html"))
	two.Do(t, chromedp.Navigate(site+"a.html"))
	Eval[chromedp.Void](t, two, `window.heard = []; addEventListener('storage', function (e) { heard.push(e.key + '=' + e.newValue); })`)
	Eval[chromedp.Void](t, one, `localStorage.setItem('k', 'v')`)
	two.WaitFor(t, "the storage event", `heard.join() === 'k=v'`)
	if got := Eval[string](t, two, `localStorage.getItem('k')`); got != "v" {
		t.Errorf("the second tab of the profile reads %q, want v", got)
	}
	other := b.NewTab(t)
	other.Do(t, chromedp.Navigate(site+"a.html"))
	if got := Eval[int](t, other, `localStorage.length`); got != 0 {
		t.Errorf("a tab of a new profile starts with %d saved items, want none", got)
	}
	one.NoProblems(t)
	two.NoProblems(t)
}

func TestDownloadAndPrint(t *testing.T) {
	b := Start(t)
	site := page(t, map[string]string{"d.html": download})
	tab := b.NewTab(t, Within(site))
	tab.Do(t, chromedp.Navigate(site+"d.html"))
	if got := string(tab.Download(t, chromedp.Click(chromedp.ID("get")))); got != "saved text" {
		t.Errorf("downloaded %q", got)
	}
	colour := `getComputedStyle(document.querySelector('p')).color`
	if got := Eval[string](t, tab, colour); got != "rgb(1, 2, 3)" {
		t.Errorf("on screen the text is %s", got)
	}
	tab.Do(t, EmulatePrint())
	if got := Eval[string](t, tab, colour); got != "rgb(4, 5, 6)" {
		t.Errorf("printed, the text is %s, want the print stylesheet's colour", got)
	}
	tab.NoProblems(t)
}

// TestProblemsAreRecorded: what a reader's browser would complain about
// reaches the test.
func TestProblemsAreRecorded(t *testing.T) {
	b := Start(t)
	site := page(t, map[string]string{"p.html": `<!doctype html><title>p</title><img src="missing.png" alt="">
<script>console.error('oh no'); setTimeout(function () { null.x; }, 0);</script>`})
	tab := b.NewTab(t, Within(site))
	tab.Do(t, chromedp.Navigate(site+"p.html"))
	tab.WaitFor(t, "the page to load", `document.readyState === 'complete'`)
	Eval[chromedp.Void](t, tab, `new Promise(function (ok) { setTimeout(ok, 50); })`)
	Eval[chromedp.Void](t, tab, `fetch('http://127.0.0.1:9/outside').catch(function () {})`)
	got := strings.Join(tab.Problems(), "\n")
	for _, want := range []string{"console error: oh no", "uncaught exception", "failed request", "request outside the site: http://127.0.0.1:9/outside"} {
		if !strings.Contains(got, want) {
			t.Errorf("the tab recorded\n%s\nwithout %q", got, want)
		}
	}
	if p := tab.Problems(); len(p) != 0 {
		t.Errorf("Problems gave the same problems twice: %v", p)
	}
}

// TestDialogsAreRecordedAndAccepted: a page that asks "leave this page?"
// does not hold the test; the question is recorded.
func TestDialogsAreRecordedAndAccepted(t *testing.T) {
	b := Start(t)
	site := page(t, map[string]string{"l.html": `<!doctype html><title>l</title><input id="i">
<script>addEventListener('beforeunload', function (e) { e.preventDefault(); e.returnValue = 'Unsaved'; });</script>`})
	tab := b.NewTab(t)
	tab.Do(t, chromedp.Navigate(site+"l.html"), chromedp.SendKeys(chromedp.ID("i"), "x"))
	tab.Do(t, chromedp.Reload())
	got := strings.Join(tab.Problems(), "\n")
	if !strings.Contains(got, "the page opened a dialog (beforeunload)") {
		t.Errorf("the tab recorded %q, want the page's beforeunload dialog", got)
	}
}
