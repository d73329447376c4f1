package html

import (
	"bytes"
	"strings"
	"testing"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/output"

	xhtml "golang.org/x/net/html"
)

func readPage(t *testing.T, out *output.Memory, name string) (dom, string) {
	t.Helper()
	b, ok := out.Get(name)
	if !ok {
		t.Fatalf("%s not written", name)
	}
	return parseDOM(t, name, b), string(b)
}

func TestHomeOffersEachLevelWithTimeAndWorkbook(t *testing.T) {
	out := renderFixture(t)
	d, _ := readPage(t, out, "index.html")
	site := fixtureSite()
	cards := d.all(func(n *xhtml.Node) bool { c, _ := attr(n, "class"); return c == "card" })
	if len(cards) != len(site.Framework.Levels) {
		t.Fatalf("%d level cards, want %d", len(cards), len(site.Framework.Levels))
	}
	for i, l := range site.Framework.Levels {
		card := dom{root: cards[i]}
		got := text(cards[i])
		for _, want := range []string{l.Title, l.Audience, l.Estimate().Text(site.Strings), l.Title + " level workbook", "PDF,"} {
			if !strings.Contains(got, want) {
				t.Errorf("card %d %q lacks %q", i, got, want)
			}
		}
		var hrefs []string
		for _, a := range card.tag("a") {
			h, _ := attr(a, "href")
			hrefs = append(hrefs, h)
		}
		if strings.Join(hrefs, " ") != "levels/"+l.ID+".html workbooks/"+l.ID+".pdf" {
			t.Errorf("card %d links to %v", i, hrefs)
		}
	}
}

func TestLevelPageHasTheGridAsATable(t *testing.T) {
	out := renderFixture(t)
	d, _ := readPage(t, out, "levels/provider.html")
	tables := d.tag("table")
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tbl := dom{root: tables[0]}
	if len(tbl.tag("caption")) != 1 {
		t.Error("grid table has no caption")
	}
	var cols, rows []string
	for _, th := range tbl.tag("th") {
		scope, _ := attr(th, "scope")
		switch scope {
		case "col":
			cols = append(cols, text(th))
		case "row":
			rows = append(rows, text(th))
		default:
			t.Errorf("th %q has no scope", text(th))
		}
	}
	if got := strings.Join(cols, "|"); got != "Enhanced foundation|People first|Social justice|Greener AHPs" {
		t.Errorf("column headers %q", got)
	}
	if got := strings.Join(rows, "|"); got != "Leadership|Digital" {
		t.Errorf("row headers %q", got)
	}
	// Each cell says how many questions and links to them; the empty one says so.
	var cells []string
	for _, td := range tbl.tag("td") {
		cells = append(cells, text(td))
	}
	want := "People first 2 questions|Social justice 2 questions|Greener AHPs 2 questions|People first 2 questions|Social justice No questions|Greener AHPs 2 questions"
	if got := strings.Join(cells, "|"); got != want {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if d.byID("digital--justice") != nil {
		t.Error("an empty cell has a section")
	}
	if h := d.byID("digital--greener"); h == nil || h.Data != "h3" {
		t.Error("the digital × greener cell has no h3 to link to")
	}
}

// The rating key explains each rating in words, in the level's own voice
// where the content gives one: the fixture's individual level says green
// in the first person, and the provider level uses the general meaning.
func TestLevelPageLinksItsWorkbookAndExplainsRatingsInWords(t *testing.T) {
	out := renderFixture(t)
	for _, l := range fixtureSite().Framework.Levels {
		d, s := readPage(t, out, "levels/"+l.ID+".html")
		if !strings.Contains(s, `href="../workbooks/`+l.ID+`.pdf"`) {
			t.Errorf("%s: no link to the level's PDF", l.ID)
		}
		key := d.all(func(n *xhtml.Node) bool { c, _ := attr(n, "class"); return c == "rating-key" })
		if len(key) != 1 {
			t.Fatalf("%s: no rating key", l.ID)
		}
		got := text(key[0])
		for _, r := range fixtureSite().Framework.Ratings {
			if !strings.Contains(got, r.Label+" "+r.MeaningFor(l)) {
				t.Errorf("%s: rating key %q lacks %q in words", l.ID, got, r.Label+" "+r.MeaningFor(l))
			}
		}
	}
	_, s := readPage(t, out, "levels/individual.html")
	if strings.Contains(s, "Well established.") || !strings.Contains(s, "This is how I routinely work.") {
		t.Error("the individual level's rating key does not use its own wording of green")
	}
}

// What good looks like sits under a question that has it, after the
// evidence hint and just before the answer form and its rating (the
// assessment's slot, on a site with a framework id and review cycles); a
// question without it has no empty panel.
func TestQuestionSaysWhatGoodLooksLikeBesideItsRating(t *testing.T) {
	site := fixtureSite()
	site.Config.ID, site.Config.Cycles = "ahps", []string{"2026/27"}
	out := renderSite(t, site)
	d, _ := readPage(t, out, "levels/provider.html")
	lv := fixtureSite().Framework.Levels[1]
	for _, q := range lv.Questions[:4] {
		n := d.byID(q.ID)
		if n == nil {
			t.Fatalf("no question %s", q.ID)
		}
		var order []string
		for _, c := range (dom{root: n}).all(func(n *xhtml.Node) bool { return n.Type == xhtml.ElementNode }) {
			if cl, _ := attr(c, "class"); cl == "question__evidence" || cl == "question__good" || cl == "assess-slot" {
				order = append(order, cl)
			}
		}
		want := "question__evidence assess-slot"
		if !q.Good.Empty() {
			want = "question__evidence question__good assess-slot"
			if got := text(n); !strings.Contains(got, "What good looks like Everyone has a say, from the start.") {
				t.Errorf("%s: %q does not say what good looks like", q.ID, got)
			}
		}
		if got := strings.Join(order, " "); got != want {
			t.Errorf("%s: parts in order %q, want %q", q.ID, got, want)
		}
	}
}

// The footer of every page names the publisher and links their contact.
func TestFooterNamesPublisherAndContact(t *testing.T) {
	out := renderFixture(t)
	for _, name := range []string{"index.html", "accessibility.html", "levels/provider.html"} {
		_, s := readPage(t, out, name)
		want := `Published by NHS England. Contact: <a class="footer__link" href="mailto:ahp.team@example.org">ahp.team@example.org</a>.`
		if !strings.Contains(s, want) {
			t.Errorf("%s: footer lacks %q", name, want)
		}
	}
}

func TestDownloadsPageGivesSizeAndPages(t *testing.T) {
	out := renderFixture(t)
	_, s := readPage(t, out, "downloads.html")
	for _, want := range []string{
		`href="workbooks/individual.pdf">Individual level workbook</a>`, "PDF, 147 KB, 12 pages",
		`href="workbooks/provider.pdf">Provider level workbook</a>`, "PDF, 148 KB, 13 pages",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("downloads.html lacks %q", want)
		}
	}
}

func TestOldLinksToARenamedQuestionStillLeadToIt(t *testing.T) {
	out := renderFixture(t)
	d, _ := readPage(t, out, "levels/provider.html")
	q := fixtureSite().Framework.Levels[1].Questions[1]
	old := d.byID(q.Aliases[0])
	if old == nil {
		t.Fatalf("no anchor for the earlier id %s", q.Aliases[0])
	}
	if id, _ := attr(old.Parent, "id"); id != q.ID {
		t.Errorf("#%s is inside #%s, want the question #%s", q.Aliases[0], id, q.ID)
	}
}

func TestEditorsH1BecomesH2(t *testing.T) {
	out := renderFixture(t)
	d, _ := readPage(t, out, "levels/provider.html")
	if h := d.byID(markdown.HeadingIDPrefix + "about-this-level"); h == nil || h.Data != "h2" {
		t.Errorf("the intro's \"# About this level\" should be an h2 under the page's h1")
	}
}

func TestRatingColoursGoInAStylesheet(t *testing.T) {
	rs := []*model.Rating{
		{ID: "red", Colour: "#d5281b"},
		{ID: "amber", Colour: "rgb(255, 184, 28)"},
		{ID: "green", Colour: "green; } body { display: none"},
	}
	css := string(ratingsCSS(rs))
	for _, want := range []string{".rating--red { --rating-colour: #d5281b; }", ".rating--amber { --rating-colour: rgb(255, 184, 28); }"} {
		if !strings.Contains(css, want) {
			t.Errorf("ratings.css lacks %q:\n%s", want, css)
		}
	}
	if strings.Contains(css, "display") || strings.Contains(css, "rating--green") {
		t.Errorf("a colour that is not a colour got into ratings.css:\n%s", css)
	}
}

func TestLinksAreRelativeToEachPagesDepth(t *testing.T) {
	out := renderFixture(t)
	for name, want := range map[string]string{
		"index.html":               `href="assets/site.css"`,
		"about.html":               `href="assets/site.css"`,
		"levels/provider.html":     `href="../assets/site.css"`,
		"foundations/digital.html": `href="../index.html"`,
		"focus/greener.html":       `src="../assets/site.js"`,
	} {
		b, _ := out.Get(name)
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
}

// A Markdown table's column alignment reaches the page as classes the
// theme's stylesheet styles, never as a style attribute (which a strict
// Content-Security-Policy blocks; TestStrictCSPHolds checks every page).
func TestTableAlignmentUsesClassesTheThemeStyles(t *testing.T) {
	out := renderFixture(t)
	d, _ := readPage(t, out, "accessibility.html")
	want := map[string]string{"Part": "align-left", "Meets": "align-center", "Checked": "align-right", "Pages": "align-left", "AA": "align-center", "2025": "align-right"}
	for _, cell := range append(d.tag("th"), d.tag("td")...) {
		if class, ok := want[text(cell)]; ok {
			if got, _ := attr(cell, "class"); got != class {
				t.Errorf("cell %q has class %q, want %q", text(cell), got, class)
			}
			delete(want, text(cell))
		}
	}
	if len(want) > 0 {
		t.Errorf("cells not found: %v", want)
	}
	css, err := defaultTheme(t).ReadFile("static", "assets/site.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, class := range markdown.AlignClasses() {
		if !strings.Contains(string(css), "."+class+" ") && !strings.Contains(string(css), "."+class+",") {
			t.Errorf("site.css does not style .%s", class)
		}
	}
}
