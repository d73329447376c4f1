package assess

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// TestRandomImports imports random export files, well made, damaged and
// hostile (built-in names as keys and ratings, huge texts, values of the
// wrong type, nesting millions deep, broken bytes), into a page that
// holds answers already, and checks that the page never throws, refuses
// with a short reason and without changing anything what its rules
// refuse, and imports whole what they accept, so that every answer of
// the file is on the device and an export, delete and import gives back
// exactly what the device held.
//
// The files are made from a seed, file number n from (seed, n), so any
// finding can be made again. It runs for WORKBOOK_IMPORT_FUZZTIME (a Go
// duration; a few seconds by default, for CI) from file
// WORKBOOK_IMPORT_FIRST (0) with seed WORKBOOK_IMPORT_SEED (1), and
// writes a file the page got wrong to the system's temporary folder:
//
//	WORKBOOK_IMPORT_FUZZTIME=5m go test ./themes/default/assess -run RandomImports -v -timeout 1h
func TestRandomImports(t *testing.T) {
	budget := envDuration(t, "WORKBOOK_IMPORT_FUZZTIME", 3*time.Second)
	seed := envUint(t, "WORKBOOK_IMPORT_SEED", 1)
	first := envUint(t, "WORKBOOK_IMPORT_FIRST", 0)
	s := newSite(t)
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	r.nameAs("Test Reader", "") // every export says whose answers it holds
	held := []saved{
		{"ward", beans, "Spring", map[string]string{"answer": "Held before any import.", "rating": "amber", "updated": "2025-01-01T10:00:00.000Z"}},
		{"ward", roots, "toString", map[string]string{"evidence": "In a cycle spelt like a built-in.", "rating": "green"}},
		{"county", "county-soil-beans-1", "Autumn", map[string]string{"action": "On the county page.", "owner": "Jo"}},
		{"ward", "ward-removed-1", "Spring", map[string]string{"answer": "To a removed question."}},
	}
	r.seed(held...)
	base := r.storage()
	known := siteQuestions()

	path := filepath.Join(t.TempDir(), "answers.json")
	counts := map[string]int{}
	start := time.Now()
	n := first
	for ; time.Since(start) < budget; n++ {
		b := file(seed, n, held)
		v, want, why := judge(b, known, "ward")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		// One import in ten meets a browser whose storage is nearly full.
		room := -1
		if n%10 == 7 {
			room = int(n/10%4) * 300
		}
		got := r.tryImport(path, base, v, want, room)
		counts[got]++
		if got == "imported" {
			r.roundTrip()
		}
		if got == "imported" || got == "too big to save" {
			// Back to what the page held before, for the next file.
			js[chromedp.Void](r, `Object.keys(localStorage).forEach(function (k) { if (k.indexOf('workbook-answers:') === 0) { localStorage.removeItem(k); } })`)
			r.seed(held...)
		}
		r.noProblems()
		if t.Failed() {
			keep := filepath.Join(os.TempDir(), fmt.Sprintf("workbook-import-%d-%d.json", seed, n))
			_ = os.WriteFile(keep, b, 0o644)
			t.Fatalf("file %d of seed %d (judged %v: %s), written to %s: run again with WORKBOOK_IMPORT_SEED=%d WORKBOOK_IMPORT_FIRST=%d",
				n, seed, v, why, keep, seed, n)
		}
	}
	t.Logf("tried %d files (seed %d, files %d to %d) in %v: %v", n-first, seed, first, n-1, time.Since(start).Round(time.Second), counts)
}

// tryImport chooses file in "Import answers", as a reader would, and
// checks what the page does against the verdict: "refused",
// "imported", "nothing new" (every answer already held) or "too big to
// save" (the browser's storage is full). base is the storage before.
// With room 0 or more, the browser's storage has room for only that many
// more characters when the reader confirms the import.
func (r *reader) tryImport(file string, base map[string]string, v verdict, want []answer, room int) string {
	r.t.Helper()
	// What the previous file left on screen goes first, so the wait
	// below sees only what this file brings.
	js[chromedp.Void](r, `document.getElementById('assess-import-problem').textContent = ''; document.getElementById('assess-import-panel').hidden = true`)
	r.do(chromedp.SetUploadFiles(chromedp.ID("assess-import"), []string{file}))
	r.waitFor("the page to refuse the file or show what it would import",
		`document.getElementById('assess-import-problem').textContent !== '' || !document.getElementById('assess-import-panel').hidden`)
	if p := r.tab.Problems(); len(p) > 0 {
		r.t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
	}
	if why := r.text("#assess-import-problem"); why != "" {
		r.refused(why, base)
		if v == accept {
			r.t.Errorf("the page refused a file its rules accept: %.300s", why)
		}
		return "refused"
	}
	if v == refuse {
		r.t.Errorf("the page offers to import a file its rules refuse: %.300s", r.text("#assess-import-panel"))
	}
	if !js[bool](r, `!!document.evaluate('//div[@id="assess-import-panel"]//button[normalize-space(.)="Import answers"]', document, null, 9, null).singleNodeValue`) {
		r.do(chromedp.Click(chromedp.Search(`//div[@id="assess-import-panel"]//button[normalize-space(.)="Close"]`)))
		if got := r.storage(); !maps.Equal(got, base) {
			r.t.Error("a file with nothing new changed what is saved")
		}
		return "nothing new"
	}
	if room >= 0 {
		js[chromedp.Void](r, fmt.Sprintf(nearlyFull, room))
	}
	r.do(chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Import answers"]`)))
	r.waitFor("the import to finish", `document.getElementById('assess-transfer-message').textContent.indexOf('Imported ') === 0 || document.getElementById('assess-import-problem').textContent !== ''`)
	if p := r.tab.Problems(); len(p) > 0 {
		r.t.Errorf("the browser reported:\n%s", strings.Join(p, "\n"))
	}
	if room >= 0 {
		js[chromedp.Void](r, `Storage.prototype.setItem = Storage.prototype.realSetItem`)
	}
	if why := r.text("#assess-import-problem"); why != "" {
		if room < 0 || !strings.Contains(why, "full") {
			r.t.Errorf("the import failed: %s", why)
		}
		r.refused(why, base)
		// Nor does the page keep the file's answers in memory, as if
		// typed here: an export holds what the device held before.
		var got []string
		e := r.exportJSON()
		for q, byCycle := range e.Answers {
			for c, rec := range byCycle {
				got = append(got, storageKey(rec["level"], q, c))
			}
		}
		for _, k := range e.Kept {
			got = append(got, storageKey(k["level"], k["id"], k["cycle"]))
		}
		if want := slices.Sorted(maps.Keys(answerKeys(base))); !slices.Equal(slices.Sorted(slices.Values(got)), want) {
			r.t.Errorf("after the failed import the export holds\n%q\nwant what the device held\n%q", got, want)
		}
		return "too big to save"
	}
	r.holds(base, want)
	return "imported"
}

// nearlyFull makes the storage refuse, as a full one does, any write
// that would take it more than %d characters past what it holds now.
const nearlyFull = `(function (room) {
	var s = Storage.prototype;
	s.realSetItem = s.realSetItem || s.setItem;
	function size() {
		var n = 0;
		for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); n += k.length + localStorage.getItem(k).length; }
		return n;
	}
	var limit = size() + room;
	s.setItem = function (k, v) {
		var old = this.getItem(k);
		if (size() - (old === null ? 0 : k.length + old.length) + k.length + String(v).length > limit) {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}
		return s.realSetItem.call(this, k, v);
	};
})(%d)`

// refused checks a refusal: a short reason, nothing offered, nothing
// changed.
func (r *reader) refused(why string, base map[string]string) {
	r.t.Helper()
	if !strings.HasPrefix(why, "Nothing was imported: ") || len(why) > 400 {
		r.t.Errorf("the page refused with %d characters: %.300q; want a short reason after \"Nothing was imported: \"", len(why), why)
	}
	if r.visible("#assess-import-panel") {
		r.t.Error("the page refused the file and still offers to import it")
	}
	if got := r.storage(); !maps.Equal(got, base) {
		r.t.Errorf("refusing the file changed what is saved:\n%v\nwant\n%v", got, base)
	}
}

// holds checks the device after an import: every answer of the file is
// there (on its level, or moved to its question's page), and every answer
// held before that the file did not replace is there as it was.
func (r *reader) holds(base map[string]string, want []answer) {
	r.t.Helper()
	now := answersSaved(r.t, r.storage())
	replaced := map[string]bool{}
	for _, a := range want {
		replaced[storageKey(a.level, a.q, a.cycle)] = true
		found := false
		for k, rec := range now {
			var key []string
			if err := decodeKey(k, &key); err != nil || key[2] != a.q || key[3] != a.cycle {
				continue
			}
			same := true
			for f, v := range a.fields {
				same = same && rec[f] == v
			}
			found = found || same
		}
		if !found {
			r.t.Errorf("after the import the device has no answer to %s in %.40q as the file has it (%.200v)", a.q, a.cycle, a.fields)
		}
	}
	for k := range answerKeys(base) {
		if !replaced[k] {
			if _, ok := now[k]; !ok {
				r.t.Errorf("the import lost %s, which the file did not hold", k)
			}
		}
	}
}

func envDuration(t *testing.T, name string, def time.Duration) time.Duration {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func envUint(t *testing.T, name string, def uint64) uint64 {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return n
}
