// Package assess tests the theme's self-assessment script
// (static/assets/assess.js) and its part of the level page
// (layouts/partials/assess-*.html) in Chromium, as readers use them. The
// tests live beside the theme because they test the theme: another theme
// brings its own script, or none.
//
// Each test builds the small fixture project (testdata/sites/small) with
// the real build, opens its level pages from file://, as a reader opening
// the site from a shared drive would, and uses them with keys and clicks,
// through the shared harness generator/browsertest. They skip, saying
// why, when Chromium is missing, and fail instead when CI is set.
package assess

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

// The fixture's ward level (testdata/sites/small): six questions, two
// foundations × three areas, review cycles Spring and Autumn.
const (
	wardPage = "levels/ward.html"
	beans    = "ward-soil-beans-1"
	roots    = "ward-soil-roots-1"
	water    = "ward-water-herbs-1"
)

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

// reader is one tab of a person's browser. A reader from newReader has a
// clean profile of its own, so its saved answers start empty and outlive
// a reload; readers from one profile's tabs share saved answers, as two
// tabs of one browser do.
type reader struct {
	t   *testing.T
	tab *browsertest.Tab
}

func newReader(t *testing.T, b *browsertest.Browser) *reader {
	t.Helper()
	return &reader{t: t, tab: b.NewTab(t)}
}

// as is the same tab used by another (sub)test.
func (r *reader) as(t *testing.T) *reader { return &reader{t: t, tab: r.tab} }

// noProblems fails the test if the browser reported a script error, a
// failed request or anything else since the last look.
func (r *reader) noProblems() {
	r.t.Helper()
	r.tab.NoProblems(r.t)
}

// do runs browser actions in the reader's tab.
func (r *reader) do(steps ...chromedp.Action[chromedp.Void]) {
	r.t.Helper()
	r.tab.Do(r.t, steps...)
}

// js runs a script in the reader's tab and decodes its result.
func js[T any](r *reader, script string) T {
	r.t.Helper()
	return browsertest.Eval[T](r.t, r.tab, script)
}

// waitFor waits until a script's result is true.
func (r *reader) waitFor(what, script string) {
	r.t.Helper()
	r.tab.WaitFor(r.t, what, script)
}

// open loads a page and waits for the self-assessment to be ready.
func (r *reader) open(url string) {
	r.t.Helper()
	r.do(chromedp.Navigate(url))
	r.ready()
}

// ready waits for the self-assessment to be ready after a reload.
func (r *reader) ready() {
	r.t.Helper()
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null && !document.getElementById('assess').hidden`)
}

// download clicks a button that downloads a file and returns the file.
// Every export says whose answers it holds, so a reader who has not
// given a name yet gives one first ("Test Reader").
func (r *reader) download(button string) []byte {
	r.t.Helper()
	if strings.HasPrefix(button, "#assess-export") && r.value0("#assess-name") == "" {
		r.nameAs("Test Reader", "")
	}
	return r.tab.Download(r.t, chromedp.Click(chromedp.CSS(button)))
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

// answerKeys keeps the saved answers of a storage dump, without the
// settings (the chosen cycle differs between readers).
func answerKeys(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		if strings.HasPrefix(k, "workbook-answers:") {
			out[k] = v
		}
	}
	return out
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

// value is what a question's box holds on screen.
func (r *reader) value(q, name string) string {
	r.t.Helper()
	return js[string](r, `document.querySelector('`+field(q, name)+`').value`)
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

// export is the JSON export's shape (see the top of assets/assess.js).
type export struct {
	Format    string                                  `json:"format"`
	Version   int                                     `json:"version"`
	Framework string                                  `json:"framework"`
	Person    struct{ Name, Team string }             `json:"person"`
	Exported  string                                  `json:"exported"`
	Cycles    []string                                `json:"cycles"`
	Answers   map[string]map[string]map[string]string `json:"answers"`
	Kept      []map[string]string                     `json:"kept"`
}

// exportJSON clicks "Export answers" and decodes the file. Every export
// says whose answers it holds, so a reader who has not given a name yet
// gives one first ("Test Reader").
func (r *reader) exportJSON() export {
	r.t.Helper()
	b := r.download("#assess-export-json")
	var e export
	if err := json.Unmarshal(b, &e); err != nil {
		r.t.Fatalf("the export is not JSON: %v\n%s", err, b)
	}
	return e
}

// nameAs types the reader's name and team into "Your name" and "Your
// team", as a reader would, and waits until the page has saved them.
func (r *reader) nameAs(name, team string) {
	r.t.Helper()
	js[chromedp.Void](r, `document.getElementById('assess-name').value = ''; document.getElementById('assess-team').value = ''; document.getElementById('assess-person-status').textContent = ''`)
	r.do(chromedp.SendKeys(chromedp.ID("assess-name"), name))
	if team != "" {
		r.do(chromedp.SendKeys(chromedp.ID("assess-team"), team))
	}
	r.do(chromedp.KeyEvent("\t"))
	r.waitFor("the page to take the name", `document.getElementById('assess-person-status').textContent !== ''`)
}

// value0 is the value of the first element matching a CSS selector.
func (r *reader) value0(sel string) string {
	r.t.Helper()
	return js[string](r, fmt.Sprintf(`(function () { var el = document.querySelector(%q); return el ? el.value : ''; })()`, sel))
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
