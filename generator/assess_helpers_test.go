package generator_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/testsite"
)

// The self-assessment tests build the small fixture project with the
// real build, open its level pages from file:// in Debian's Chromium, as
// a reader opening the site from a shared drive would, and use them with
// keys and clicks. They skip, saying why, when Chromium is missing, and
// fail instead when the environment variable CI is set (apt-get install
// -y chromium; CHROMIUM names the browser if it is elsewhere).

// missing skips the test, or fails it on CI, so CI cannot pass by skipping.
func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", what)
	}
	t.Skip(what)
}

// chromium returns the browser's path.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	if exe := os.Getenv("CHROMIUM"); exe != "" {
		return exe
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "Chromium not found: apt-get install -y chromium, or set CHROMIUM to the browser's path")
	return ""
}

// site is the fixture project, copied so a test can edit its content,
// and built into a folder of its own.
type site struct {
	root, out string
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{root: testsite.Copy(t, "testdata/sites/small"), out: filepath.Join(t.TempDir(), "public")}
	s.build(t)
	return s
}

// build builds the project into the same folder again, as an editor
// publishing a new version would.
func (s *site) build(t *testing.T) {
	t.Helper()
	if res, err := generator.Build(generator.Options{Root: s.root, Out: s.out}); err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diags)
	}
}

// url is the file:// address of a page.
func (s *site) url(page string) string {
	return "file://" + filepath.ToSlash(filepath.Join(s.out, page))
}

// edit replaces old with new in a content file, which must contain it.
func (s *site) edit(t *testing.T, file, old, new string) {
	t.Helper()
	text := testsite.Read(t, s.root, file)
	if !strings.Contains(text, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	testsite.Write(t, s.root, file, strings.Replace(text, old, new, 1))
}

// reader is one person's browser: a headless Chromium with a user data
// folder of its own, so its saved answers start empty and outlive a
// reload, and a folder its downloads go to. It records what the browser
// complains about (script errors, console errors) for noProblems.
type reader struct {
	t         *testing.T
	ctx       context.Context
	downloads string
	mu        sync.Mutex
	problems  []string
}

func newReader(t *testing.T) *reader {
	t.Helper()
	exe := chromium(t)
	r := &reader{t: t, downloads: t.TempDir()}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox, // tests run as root in CI containers
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(r.record))
	t.Cleanup(func() { cancel(); cancelAlloc() })
	r.ctx = ctx
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: r.downloads, EventsEnabled: new(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *reader) record(ev any) {
	var p string
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		p = "uncaught exception: " + e.ExceptionDetails.Text
		if e.ExceptionDetails.Exception != nil {
			p += " " + e.ExceptionDetails.Exception.Description
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError {
			p = "console error"
			for _, a := range e.Args {
				p += " " + string(a.Value) + a.Description
			}
		}
	}
	if p != "" {
		r.mu.Lock()
		r.problems = append(r.problems, p)
		r.mu.Unlock()
	}
}

// noProblems fails the test if the browser reported a script error.
func (r *reader) noProblems() {
	r.t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.problems) > 0 {
		r.t.Errorf("the browser reported:\n%s", strings.Join(r.problems, "\n"))
	}
	r.problems = nil
}

// do runs browser actions in the reader's tab.
func (r *reader) do(steps ...chromedp.Action[chromedp.Void]) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(r.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		r.t.Fatal(err)
	}
}

// js runs a script in the reader's tab and decodes its result.
func js[T any](r *reader, script string) T {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(r.ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script, chromedp.EvalAwaitPromise))
	if err != nil {
		r.t.Fatalf("evaluating %.80q: %v", script, err)
	}
	return v
}

// waitFor waits until a script's result is true, failing with what the
// test was waiting for.
func (r *reader) waitFor(what, script string) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(r.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](script, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		r.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// open loads a page and waits for the self-assessment to be ready.
func (r *reader) open(url string) {
	r.t.Helper()
	r.do(chromedp.Navigate(url))
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null && !document.getElementById('assess').hidden`)
}

// download clicks a button that downloads a file and returns the file.
func (r *reader) download(button string) []byte {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(r.ctx, 20*time.Second)
	defer cancel()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	r.do(chromedp.Click(chromedp.CSS(button)))
	for ev, err := range progress {
		if err != nil {
			r.t.Fatalf("waiting for the download from %s: %v", button, err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			b, err := os.ReadFile(filepath.Join(r.downloads, ev.GUID))
			if err != nil {
				r.t.Fatal(err)
			}
			return b
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			r.t.Fatalf("the download from %s was cancelled", button)
		}
	}
	r.t.Fatalf("no download from %s", button)
	return nil
}

// storage returns everything the page saved, key by key.
func (r *reader) storage() map[string]string {
	r.t.Helper()
	return js[map[string]string](r, `(function () {
		var out = {};
		for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); out[k] = localStorage.getItem(k); }
		return out;
	})()`)
}

// Selectors and scripts for one question's form.

func field(q, name string) string { return fmt.Sprintf("#assess--%s--%s", q, name) }

// rating is the radio button of the rating with that label.
func rating(q, label string) string {
	return fmt.Sprintf(`//div[@data-question=%q]//label[normalize-space(.)=%q]/preceding-sibling::input`, q, label)
}

func statusOf(q string) string {
	return fmt.Sprintf(`document.querySelector('[data-question=%q] .assess-form__status').textContent`, q)
}

// answer types into a question's boxes and picks its rating, as a reader
// would with the mouse and keyboard, and waits until it says it saved.
func (r *reader) answer(q string, fields map[string]string, ratingLabel string) {
	r.t.Helper()
	for _, name := range []string{"answer", "evidence", "action", "owner", "due"} {
		if v, ok := fields[name]; ok {
			r.do(chromedp.SendKeys(chromedp.CSS(field(q, name)), v))
		}
	}
	if ratingLabel != "" {
		r.do(chromedp.Click(chromedp.Search(rating(q, ratingLabel))))
	}
	r.waitFor("the saved status of "+q, statusOf(q)+` === 'Saved on this device'`)
}

// emulatePrint makes the tab use its print stylesheet.
func emulatePrint(ctx context.Context, tg *chromedp.Target) error {
	_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	return err
}

// export is the JSON export's shape (see the top of assets/assess.js).
type export struct {
	Format    string                                  `json:"format"`
	Version   int                                     `json:"version"`
	Framework string                                  `json:"framework"`
	Exported  string                                  `json:"exported"`
	Cycles    []string                                `json:"cycles"`
	Answers   map[string]map[string]map[string]string `json:"answers"`
}

// exportJSON clicks "Export answers" and decodes the file.
func (r *reader) exportJSON() export {
	r.t.Helper()
	b := r.download("#assess-export-json")
	var e export
	if err := json.Unmarshal(b, &e); err != nil {
		r.t.Fatalf("the export is not JSON: %v\n%s", err, b)
	}
	return e
}

// chooseCycle picks a review cycle in the page's cycle list.
func (r *reader) chooseCycle(c string) {
	r.t.Helper()
	r.do(chromedp.SetValue(chromedp.ID("assess-cycle"), c))
	js[chromedp.Void](r, `document.getElementById('assess-cycle').dispatchEvent(new Event('change'))`)
}

// text returns the visible text of the first element matching a CSS
// selector, or "" if there is none.
func (r *reader) text(sel string) string {
	r.t.Helper()
	return js[string](r, fmt.Sprintf(`(function () { var el = document.querySelector(%q); return el ? el.innerText : ''; })()`, sel))
}

// visible reports whether the first element matching sel is displayed.
func (r *reader) visible(sel string) bool {
	r.t.Helper()
	return js[bool](r, fmt.Sprintf(`(function () { var el = document.querySelector(%q); return !!el && el.getClientRects().length > 0; })()`, sel))
}
