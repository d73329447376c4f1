package assess

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/browsertest"
)

// The team page of the small site, from the site's root.
const teamPage = "team.html"

// openTeam loads the team page and waits for its script.
func (r *reader) openTeam(url string) {
	r.t.Helper()
	r.do(chromedp.Navigate(url))
	r.waitFor("the team page", `!document.getElementById('assess-team').hidden`)
}

// addFiles chooses files in "Add answer files", all at once, and waits
// until the page has taken them.
func (r *reader) addFiles(files ...string) {
	r.t.Helper()
	js[chromedp.Void](r, `document.getElementById('assess-team-added').textContent = ''`)
	r.do(chromedp.SetUploadFiles(chromedp.ID("assess-team-add"), files))
	r.waitFor("the files to be added", `/^(Added|Imported)/.test(document.getElementById('assess-team-added').textContent)`)
}

// blockOf selects a question's block on the team page.
func blockOf(q string) string { return fmt.Sprintf(`article[id=%q]`, q) }

// agreedRadio is the team page's radio button for an agreed rating.
func agreedRadio(q, label string) string {
	return fmt.Sprintf(`//article[@id=%q]//div[contains(concat(" ", @class, " "), " team-agreed ")]//label[normalize-space(.)=%q]/preceding-sibling::input`, q, label)
}

// aReader answers the ward page in a clean profile of its own as a
// person with a name, and returns their export, saved to dir.
func aReader(t *testing.T, b *browsertest.Browser, s *site, dir, name, team string, answers map[string][2]string) string {
	t.Helper()
	r := newReader(t, b)
	r.open(s.url(wardPage))
	r.nameAs(name, team)
	for _, q := range slices.Sorted(func(yield func(string) bool) {
		for q := range answers {
			if !yield(q) {
				return
			}
		}
	}) {
		a := answers[q]
		r.answer(q, map[string]string{"answer": a[1], "evidence": "Photos of the " + q + " beds."}, a[0])
	}
	raw := r.download("#assess-export-json")
	var e export
	if err := json.Unmarshal(raw, &e); err != nil {
		t.Fatal(err)
	}
	if e.Person.Name != name || e.Person.Team != team {
		t.Errorf("%s's export says it is %q of %q", name, e.Person.Name, e.Person.Team)
	}
	if got := r.text("#assess-transfer-message"); !strings.Contains(got, strings.ToLower(strings.ReplaceAll(name, " ", "-"))) {
		t.Errorf("the export's file name, as the page says it, does not hold %s's name: %q", name, got)
	}
	file := filepath.Join(dir, strings.ReplaceAll(strings.ToLower(name), " ", "-")+".json")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	r.noProblems()
	return file
}

// threeReaders are the acceptance test's team: three people, three
// clean profiles, each answering and rating the ward page.
func threeReaders(t *testing.T, b *browsertest.Browser, s *site) []string {
	dir := t.TempDir()
	return []string{
		aReader(t, b, s, dir, "Asha Patel", "Ward 7 growers", map[string][2]string{
			beans: {"Amber", "Most beds are mulched."}, roots: {"Red", "The carrots split."}, water: {"Green", "Rain butts everywhere."}}),
		aReader(t, b, s, dir, "Ben Okoro", "", map[string][2]string{
			beans: {"Amber", "Mulched in May."}, roots: {"Green", "Best roots yet."}, water: {"Red", "The butts leak."}}),
		aReader(t, b, s, dir, "Chen Li", "Ward 7 growers", map[string][2]string{
			beans: {"Amber", "All but one bed."}, roots: {"Amber", "Better than last year."}}),
	}
}

// TestTeamWorkshop is the workshop from start to end: three readers in
// three clean profiles answer and export; the team page takes the three
// files at once, shows who is in, the counts per question and per cell,
// and sorts by most mixed; the facilitator agrees a rating, a note and
// an action, which survive a reload, and an export and import into
// another browser.
func TestTeamWorkshop(t *testing.T) {
	b := browsertest.Start(t)
	s := newSite(t)
	files := threeReaders(t, b, s)

	f := newReader(t, b)
	f.openTeam(s.url(teamPage))
	f.addFiles(files...)
	if got := f.text("#assess-team-added"); got != "Added the answers of 3 people." {
		t.Errorf("after adding the files the page says %q", got)
	}
	who := squash(f.text("#assess-team-people"))
	for _, name := range []string{"Asha Patel", "Ben Okoro", "Chen Li"} {
		if !strings.Contains(who, name) {
			t.Errorf("who is in lists %q, without %s", who, name)
		}
	}
	if got := f.text("#assess-team-who"); !strings.Contains(got, "3 people have answers at the Ward level for Spring") {
		t.Errorf("the page says %q of who is in", got)
	}

	// Counts per question, in numbers and words, and the spread.
	for q, want := range map[string]string{beans: "3 Amber", roots: "1 Red 1 Amber 1 Green", water: "1 Red 1 Green 1 Not rated"} {
		if got := squash(f.text(blockOf(q) + " .team-spread__counts")); got != want {
			t.Errorf("the counts of %s say %q, want %q", q, got, want)
		}
	}
	if got := f.text(blockOf(roots) + " .team-spread__text"); got != "Ratings range from Red to Green: talk about why." {
		t.Errorf("the spread of %s says %q", roots, got)
	}
	if got := f.text(blockOf(beans) + " .team-spread__text"); got != "All 3 people who rated it chose Amber." {
		t.Errorf("the spread of %s says %q", beans, got)
	}
	// Each person's words side by side.
	table := squash(f.text(blockOf(roots) + " .team-people-table"))
	for _, want := range []string{"Asha Patel Red The carrots split. Photos of the " + roots + " beds.", "Ben Okoro Green Best roots yet.", "Chen Li Amber Better than last year."} {
		if !strings.Contains(table, want) {
			t.Errorf("what each person said about %s lacks %q:\n%s", roots, want, table)
		}
	}
	// Counts per cell of the grid.
	for cellName, want := range map[string]string{"Beans and peas": "3 Amber", "Root crops": "1 Red 1 Amber 1 Green"} {
		got := squash(js[string](f, fmt.Sprintf(`(function () {
			var row = document.querySelector('#assess-team-grid tbody tr');
			var i = Array.prototype.map.call(document.querySelectorAll('#assess-team-grid thead th'), function (th) { return th.textContent; }).indexOf(%q);
			return row.children[i].innerText;
		})()`, cellName)))
		if !strings.HasSuffix(got, want) {
			t.Errorf("the grid's soil × %s cell says %q, want %q", cellName, got, want)
		}
	}

	// Most mixed first: roots (red, amber and green), then water (red
	// and green), and beans (all amber) after them.
	order := func() []string {
		return js[[]string](f, `Array.prototype.map.call(document.querySelectorAll('#assess-team-questions article'), function (a) { return a.id; })`)
	}
	if got := order(); got[0] != beans || got[1] != roots {
		t.Errorf("in the workbook's order the questions are %v", got)
	}
	f.do(chromedp.SetValue(chromedp.ID("assess-team-sort"), "mixed"))
	js[chromedp.Void](f, `document.getElementById('assess-team-sort').dispatchEvent(new Event('change'))`)
	if got := order(); got[0] != roots || got[1] != water || slices.Index(got, beans) < 2 {
		t.Errorf("most mixed first, the questions are %v: want %s, %s, then the others", got, roots, water)
	}
	if got := f.text(blockOf(roots) + " .question__number"); got != "Question 2Mixed ratings" && squash(got) != "Question 2 Mixed ratings" {
		t.Errorf("the most mixed question is headed %q", got)
	}
	f.do(chromedp.SetValue(chromedp.ID("assess-team-sort"), "most"))
	js[chromedp.Void](f, `document.getElementById('assess-team-sort').dispatchEvent(new Event('change'))`)
	if got := order(); got[0] != roots || got[1] != water {
		t.Errorf("most red first, the questions are %v", got)
	}

	// On a shared screen the names can be hidden: Person 1, 2 and 3, in
	// the order the files were added, everywhere on the page.
	f.do(chromedp.Click(chromedp.ID("assess-team-hide")))
	if got := squash(f.text("#assess-team-people")); got != "Person 1 Person 2 Person 3" {
		t.Errorf("with names hidden, who is in: %q", got)
	}
	if got := squash(f.text(blockOf(roots) + " .team-people-table tbody")); !strings.HasPrefix(got, "Person 1 Red The carrots split.") || !strings.Contains(got, "Person 3 Amber Better than last year.") {
		t.Errorf("with names hidden, what each person said about %s: %q", roots, got)
	}
	for _, where := range []string{"#assess-team-people", "#assess-team-questions", "#assess-team-file-list", "#assess-team-grid"} {
		for _, name := range []string{"Asha", "Ben", "Chen"} {
			if got := f.text(where); strings.Contains(got, name) {
				t.Errorf("with names hidden, %s shows %s: %q", where, name, got)
			}
		}
	}
	f.do(chromedp.Click(chromedp.ID("assess-team-hide")))
	if got := squash(f.text("#assess-team-people")); !strings.Contains(got, "Asha Patel") {
		t.Errorf("with names shown again, who is in: %q", got)
	}

	// The facilitator records what the team agreed.
	f.do(chromedp.Click(chromedp.Search(agreedRadio(beans, "Amber"))))
	f.do(chromedp.SendKeys(chromedp.CSS(`#assess-team--`+beans+`--note`), "Most beds are mulched; the diary will show it."), chromedp.KeyEvent("\t"))
	f.do(chromedp.Click(chromedp.Search(`//article[@id="` + beans + `"]//button[starts-with(normalize-space(.), "Add an action for this question")]`)))
	f.do(chromedp.SendKeys(chromedp.ID("assess-team-new-"+beans+"-action"), "Keep a mulch diary"),
		chromedp.SendKeys(chromedp.ID("assess-team-new-"+beans+"-owner"), "Dee"),
		chromedp.SendKeys(chromedp.ID("assess-team-new-"+beans+"-due"), "June"),
		chromedp.Click(chromedp.Search(`//button[normalize-space(.)="Add action"]`)))
	f.waitFor("the action to be listed", `document.getElementById('assess-team-actions').textContent.indexOf('Keep a mulch diary') >= 0`)

	check := func(r *reader, when string) {
		r.t.Helper()
		if !js[bool](r, `document.querySelector('#assess-team--`+beans+`--agreed-1').checked`) {
			r.t.Errorf("%s the agreed rating of %s is not Amber", when, beans)
		}
		if got := js[string](r, `document.getElementById('assess-team--`+beans+`--note').value`); got != "Most beds are mulched; the diary will show it." {
			r.t.Errorf("%s the note of %s is %q", when, beans, got)
		}
		if got := squash(r.text("#assess-team-actions tbody")); !strings.Contains(got, "Keep a mulch diary Dee June Question 1 Spring") {
			r.t.Errorf("%s the actions say %q", when, got)
		}
		if got := squash(r.text(blockOf(beans) + " .team-actions-here")); got != "Keep a mulch diary (owner Dee, by June)" {
			r.t.Errorf("%s the actions under %s say %q", when, beans, got)
		}
	}
	check(f, "before any reload")
	// With people, an agreed rating and an action on show, the page
	// meets WCAG 2.2 AA and reflows to 320 CSS pixels.
	f.accessible()
	f.do(chromedp.Reload())
	f.waitFor("the team page", `!document.getElementById('assess-team').hidden`)
	check(f, "after a reload")
	if got := squash(f.text("#assess-team-who")); !strings.Contains(got, "The team record says 3 people took part: Asha Patel, Ben Okoro and Chen Li") {
		t.Errorf("after a reload, without the files, the page says %q of who took part", got)
	}

	// Export, then import in another browser.
	raw := f.tab.Download(t, chromedp.Click(chromedp.ID("assess-team-export")))
	var rec teamRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatalf("the team record is not JSON: %v\n%s", err, raw)
	}
	if rec.Format != "workbook-team" || rec.Version != 1 || rec.Level != "ward" || rec.Exported == "" ||
		rec.Agreed[beans]["Spring"]["rating"] != "amber" || len(rec.Actions) != 1 || rec.Actions[0]["status"] != "open" ||
		!slices.Equal(rec.Participants["Spring"], []string{"Asha Patel", "Ben Okoro", "Chen Li"}) {
		t.Errorf("the exported team record:\n%s", raw)
	}
	file := filepath.Join(t.TempDir(), "team.json")
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	g := newReader(t, b)
	g.openTeam(s.url(teamPage))
	g.do(chromedp.SetUploadFiles(chromedp.ID("assess-team-import"), []string{file}))
	g.waitFor("the import", `document.getElementById('assess-team-message').textContent.indexOf('Imported the team record') === 0`)
	check(g, "imported in another browser,")

	// Marked done, it stays in Spring and leaves Autumn's list.
	f.do(chromedp.Click(chromedp.Search(`//table[contains(@class,"team-actions")]//label[normalize-space(.)="Done"]`)))
	f.do(chromedp.SetValue(chromedp.ID("assess-team-cycle"), "Autumn"))
	js[chromedp.Void](f, `document.getElementById('assess-team-cycle').dispatchEvent(new Event('change'))`)
	if got := f.text("#assess-team-actions"); strings.Contains(got, "Keep a mulch diary") {
		t.Errorf("in Autumn the done action from Spring is still listed: %q", got)
	}
	if got := f.text(blockOf(beans) + " .team-agreed__before"); got != "Agreed before: Amber in Spring." {
		t.Errorf("in Autumn, beside this year's agreed rating: %q, want last cycle's", got)
	}
	f.noProblems()
	g.noProblems()
}

// TestTeamPageTakesGoodFilesAndSaysWhyOfEachBadOne adds, in one go, the
// three readers' files and files the page must refuse or flag: the same
// person twice, another framework, a file that is not JSON, answers at
// another level, the spreadsheet export and an answers file of version
// 1, which says no name. Each says why, and the good ones load.
func TestTeamPageTakesGoodFilesAndSaysWhyOfEachBadOne(t *testing.T) {
	b := browsertest.Start(t)
	s := newSite(t)
	good := threeReaders(t, b, s)
	dir := t.TempDir()
	asha, err := os.ReadFile(good[0])
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	again := write("asha-again.json", strings.Replace(string(asha), `"Asha Patel"`, `"  asha   PATEL "`, 1))
	other := write("other.json", strings.Replace(string(asha), `"kitchen-garden-framework"`, `"ahps-deliver"`, 1))
	broken := write("broken.json", `{"format": "workbook-answers",`)
	county := write("county.json", `{"format":"workbook-answers","version":2,"framework":"kitchen-garden-framework","person":{"name":"Dee Evans"},
		"answers":{"county-soil-beans-1":{"Spring":{"rating":"green"}}}}`)
	csv := write("answers.csv", "\uFEFF\"Name\",\"Team\"\r\n")
	old := write("old.json", `{"format":"workbook-answers","version":1,"framework":"kitchen-garden-framework",
		"answers":{"`+beans+`":{"Spring":{"rating":"green","answer":"From an old export."}}}}`)

	f := newReader(t, b)
	f.openTeam(s.url(teamPage))
	f.addFiles(append(good, again, other, broken, county, csv, old)...)
	if got := f.text("#assess-team-added"); got != "Added the answers of 5 people. 4 files were not added: see why below." {
		t.Errorf("after adding the files the page says %q", got)
	}
	items := js[[]string](f, `Array.prototype.map.call(document.querySelectorAll('#assess-team-file-list li'), function (li) { return li.textContent; })`)
	for i, want := range []string{
		"asha-patel.json Added: Asha Patel (Ward 7 growers): 3 answers at the Ward level for Spring.",
		"ben-okoro.json Added: Ben Okoro: 3 answers",
		"chen-li.json Added: Chen Li (Ward 7 growers): 2 answers",
		"asha-again.json Not added: the answers of asha PATEL are already here, from asha-patel.json",
		"other.json Not added: the file holds answers to another framework (\"ahps-deliver\")",
		"broken.json Not added: the file is not valid JSON",
		"county.json Check: Dee Evans: no answers at the Ward level; the answers in this file are at the County level.",
		"answers.csv Not added: this is a spreadsheet (CSV) file",
		"old.json Check: old.json (no name in the file): 1 answer at the Ward level for Spring. The file does not say whose answers they are",
	} {
		if i >= len(items) || !strings.Contains(squash(items[i]), want) {
			t.Errorf("file %d of the list says\n%q\nwant it to say\n%q", i+1, items, want)
			break
		}
	}
	if got := squash(f.text("#assess-team-people")); got != "Asha Patel (Ward 7 growers) Ben Okoro Chen Li (Ward 7 growers) old.json (no name in the file)" {
		t.Errorf("who is in: %q", got)
	}

	// Names hidden: Person 1, 2… in the list, the tables and the record.
	f.do(chromedp.Click(chromedp.ID("assess-team-hide")))
	if got := squash(f.text("#assess-team-people")); got != "Person 1 Person 2 Person 3 Person 4" {
		t.Errorf("with names hidden, who is in: %q", got)
	}
	for _, where := range []string{"#assess-team-people", "#assess-team-questions", "#assess-team-file-list"} {
		for _, name := range []string{"Asha", "Ben", "Chen"} {
			if got := f.text(where); strings.Contains(got, name) {
				t.Errorf("with names hidden, %s shows %s: %q", where, name, got)
			}
		}
	}
	f.do(chromedp.Click(chromedp.Search(agreedRadio(beans, "Green"))))
	for _, rec := range teamRecords(f) {
		if !rec.Hidden || !slices.Equal(rec.Participants["Spring"], []string{"Person 1", "Person 2", "Person 3", "Person 4"}) {
			t.Errorf("with names hidden the team record says hidden %v, participants %v", rec.Hidden, rec.Participants)
		}
	}

	// Choosing the county level, Dee's file is the one in.
	f.do(chromedp.SetValue(chromedp.ID("assess-team-level"), "county"))
	js[chromedp.Void](f, `document.getElementById('assess-team-level').dispatchEvent(new Event('change'))`)
	if got := squash(f.text("#assess-team-who")); !strings.HasPrefix(got, "1 person has answers at the County level for Spring") {
		t.Errorf("at the county level the page says %q", got)
	}
	f.noProblems()
}
