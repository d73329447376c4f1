package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/generator/markdown"
	"workbook/generator/model"
)

// questionWords is what a reader should find of a question in the PDF:
// its text's words, with the characters the font cannot draw dropped.
func questionWords(t *testing.T, q *model.Question) []string {
	f, err := parseFace(fonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	return words(f.clean(q.Text.Plain()))
}

func TestEveryQuestionInOrderEachOnOnePage(t *testing.T) {
	site, big := bigSite(30)
	for _, wb := range []*model.Workbook{site.Workbooks[0], big} {
		t.Run(wb.Name, func(t *testing.T) {
			_, path := writeTemp(t, site, wb)
			pages := pageTexts(t, path, false)
			pageWords := make([][]string, len(pages))
			for i, p := range pages {
				pageWords[i] = words(p)
			}
			page, pos := 0, 0
			for n, q := range wb.Questions {
				head, id := words(fmt.Sprintf("Question %d", n+1)), words(q.ID)
				want := questionWords(t, q)
				found := false
				for p := page; p < len(pages) && !found; p++ {
					from := 0
					if p == page {
						from = pos
					}
					// The question's number, its id (small, so pdftotext may
					// read it after the framework place on the right) and
					// its text, close together.
					idStart, idEnd, ok := find(pageWords[p], from, id, 0)
					if !ok {
						continue
					}
					near := pageWords[p][:min(len(pageWords[p]), idEnd+12)]
					_, headEnd, ok := find(near, max(from, idStart-12), head, 0)
					if !ok {
						t.Fatalf("page %d: question %d's id %s is not beside its number", p+1, n+1, q.ID)
					}
					start, end, ok := find(pageWords[p], min(headEnd, idEnd), want, 12)
					if !ok || start-max(headEnd, idEnd) > 10 {
						t.Fatalf("page %d: the text of question %d (%s) is not whole under its heading: %q", p+1, n+1, q.ID, strings.Join(want, " "))
					}
					page, pos, found = p, end, true
				}
				if !found {
					t.Fatalf("question %d (%s) not found after page %d", n+1, q.ID, page+1)
				}
			}
		})
	}
}

func TestCoverSaysWhatWhoHowLongAndWhere(t *testing.T) {
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	cover := strings.Join(strings.Fields(pageTexts(t, path, false)[0]), " ")
	for _, want := range []string{
		site.Config.Title, wb.Title, wb.Level.Audience,
		wb.Estimate().Text(site.Strings),
		"Content version 1.0, 1 March 2025",
		"Name", "Team", "Organisation", "Date",
		site.Config.WebURL, "accessible version",
		"Published by Example NHS Trust",
		"To ask for another format, contact Example NHS Trust at ahp.team@example.org.",
	} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q:\n%s", want, cover)
		}
	}

	site.Config.WebURL = ""
	_, path = writeTemp(t, site, wb)
	cover = strings.Join(strings.Fields(pageTexts(t, path, false)[0]), " ")
	if !strings.Contains(cover, "web pages are the accessible version") || strings.Contains(cover, "http") ||
		!strings.Contains(cover, "To find them, or to ask for another format, contact Example NHS Trust at ahp.team@example.org.") {
		t.Errorf("without a web address the cover should still name the web pages as the accessible version, print no address and say whom to ask:\n%s", cover)
	}

	site.Config.Contact, site.Config.Publisher = "", ""
	_, path = writeTemp(t, site, wb)
	cover = strings.Join(strings.Fields(pageTexts(t, path, false)[0]), " ")
	if !strings.Contains(cover, "Ask whoever gave you this workbook where to find them.") || strings.Contains(cover, "Published by") {
		t.Errorf("with no web address, publisher or contact the cover should say to ask whoever gave out the workbook:\n%s", cover)
	}
}

func TestHowToUseExplainsTheRatings(t *testing.T) {
	site := testSite()
	_, path := writeTemp(t, site, site.Workbooks[0])
	pages := pageTexts(t, path, false)
	howTo := strings.Join(strings.Fields(pages[2]), " ")
	for _, want := range []string{"How to use this workbook", "Read the question aloud", "the guide (https://example.nhs.uk/guide)"} {
		if !strings.Contains(howTo, want) {
			t.Errorf("how-to page lacks %q (from content/how-to-use.md):\n%s", want, howTo)
		}
	}
	for _, r := range site.Framework.Ratings {
		meaning := r.MeaningFor(site.Workbooks[0].Level)
		if !strings.Contains(howTo, r.Label) || !strings.Contains(howTo, meaning) {
			t.Errorf("how-to page does not say what %s means (%q):\n%s", r.Label, meaning, howTo)
		}
	}
	if !strings.Contains(howTo, "This is how I work, and I can show it.") || strings.Contains(howTo, "This is how we work") {
		t.Errorf("the individual workbook should explain green in the individual's own words:\n%s", howTo)
	}

	site.Pages = nil
	_, path = writeTemp(t, site, site.Workbooks[0])
	if p := pageTexts(t, path, false)[2]; !strings.Contains(p, "How to use this workbook") || !strings.Contains(p, "Green") {
		t.Errorf("without a how-to page the workbook should still explain itself:\n%s", p)
	}
}

// The printed how-to leaves out what only the website needs, and a
// workbook of part of a level also what only a whole level needs (which
// level to pick), numbering the steps again.
func TestHowToLeavesOutWebAndLevelSections(t *testing.T) {
	site := testSite()
	site.Pages[0].Body = markdown.New().Convert("Start here.\n\n## 1. Pick a level\n\nThere are two levels.\n\n## 2. Rate each question\n\nTick a box.\n\n## Answering on the website\n\nExport your answers.")
	site.Pages[0].WebOnly = []string{"Answering on the website"}
	site.Pages[0].LevelOnly = []string{"1. Pick a level"}
	part := levelWorkbook(site.Framework, site.Framework.Levels[1])
	part.Name, part.Title = "part", "Leadership only"
	part.Foundations, part.Sections = part.Foundations[:1], part.Sections[:2]
	part.Questions = nil
	for _, s := range part.Sections {
		part.Questions = append(part.Questions, s.Questions...)
	}
	for _, tc := range []struct {
		wb        *model.Workbook
		want, not []string
	}{
		{site.Workbooks[1], []string{"Start here.", "1. Pick a level", "There are two levels.", "2. Rate each question"}, []string{"Answering on the website", "Export your answers"}},
		{part, []string{"Start here.", "1. Rate each question", "Tick a box."}, []string{"Pick a level", "There are two levels", "2. Rate", "Answering on the website", "Export your answers"}},
	} {
		_, path := writeTemp(t, site, tc.wb)
		text := strings.Join(strings.Fields(strings.Join(pageTexts(t, path, false), " ")), " ")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the how-to lacks %q", tc.wb.Name, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(text, w) {
				t.Errorf("%s: the how-to prints %q, which it should leave out", tc.wb.Name, w)
			}
		}
	}
}

func TestContentsPageNumbersAndLinksAreRight(t *testing.T) {
	// A line of the contents page as pdftotext lays it out: the title,
	// then the page number at the right.
	contentsEntry := regexp.MustCompile(`^\s*(\S.*?\S)\s{2,}(\d+)\s*$`)
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	pages := pageTexts(t, path, true)
	if !strings.Contains(pages[1], "Contents") {
		t.Fatalf("page 2 is not the contents:\n%s", pages[1])
	}
	var numbers []int
	for _, l := range strings.Split(pages[1], "\n") {
		m := contentsEntry.FindStringSubmatch(l)
		if m == nil || strings.HasPrefix(strings.TrimSpace(l), "Content version") {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		numbers = append(numbers, n)
		if n < 1 || n > len(pages) {
			t.Errorf("contents: %q points at page %d of %d", m[1], n, len(pages))
			continue
		}
		// An area of focus says which questions it has: "People first
		// (questions 1 and 2)"; the page has its title.
		title, _, _ := strings.Cut(m[1], " (question")
		if !strings.Contains(strings.Join(words(pages[n-1]), " "), strings.Join(words(title), " ")) {
			t.Errorf("contents says %q is on page %d, but it is not there", m[1], n)
		}
	}
	// How to use, about the level and the summary; each foundation, its
	// areas and its action plan.
	want := 3 + 2*len(wb.Foundations) + len(wb.Sections)
	if len(numbers) != want {
		t.Errorf("contents has %d entries, want %d (one per foundation, area, action plan, and the front and back matter)", len(numbers), want)
	}

	// Each entry links to the page it names.
	var doc struct {
		Pages []struct {
			Object string `json:"object"`
			Pos    int    `json:"pageposfrom1"`
		} `json:"pages"`
	}
	qpdfJSON(t, path, "pages", &doc)
	objects := qpdfObjects(t, path)
	pageOf := map[string]int{}
	for _, p := range doc.Pages {
		pageOf[p.Object] = p.Pos
	}
	var links []int
	annots, _ := objects["obj:"+doc.Pages[1].Object].(map[string]any)["/Annots"].([]any)
	for _, ref := range annots {
		a, _ := objects["obj:"+fmt.Sprint(ref)].(map[string]any)
		if dest, ok := a["/Dest"].([]any); ok && len(dest) > 0 {
			links = append(links, pageOf[fmt.Sprint(dest[0])])
		}
	}
	if fmt.Sprint(links) != fmt.Sprint(numbers) {
		t.Errorf("contents links go to pages %v, its page numbers say %v", links, numbers)
	}
}

func TestOutlineIsFoundationThenArea(t *testing.T) {
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	type item struct {
		Title string `json:"title"`
		Page  int    `json:"destpageposfrom1"`
		Kids  []item `json:"kids"`
	}
	var doc struct {
		Outlines []item `json:"outlines"`
	}
	qpdfJSON(t, path, "outlines", &doc)
	var got []string
	for _, o := range doc.Outlines {
		s := o.Title
		for _, k := range o.Kids {
			s += " › " + k.Title
		}
		got = append(got, s)
	}
	want := []string{"Contents", "How to use this workbook", "About the provider level"}
	for _, f := range wb.Foundations {
		s := f.Title
		for _, sec := range wb.Sections {
			if sec.Foundation == f {
				s += " › " + sec.Focus.Title
			}
		}
		want = append(want, s+" › Action plan")
	}
	want = append(want, "Summary sheet")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// An item with children counts them, so viewers show them open
	// (fpdf writes /Count 0 everywhere; fixOutline corrects it).
	var raw struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var objects map[string]struct {
		Value struct {
			Title string `json:"/Title"`
			Count *int   `json:"/Count"`
		} `json:"value"`
	}
	qpdfJSON(t, path, "qpdf", &raw)
	if len(raw.QPDF) < 2 || json.Unmarshal(raw.QPDF[1], &objects) != nil {
		t.Fatal("qpdf --json: no objects")
	}
	counts := map[string]int{}
	for _, o := range objects {
		if o.Value.Count != nil && o.Value.Title != "" {
			counts[strings.TrimPrefix(o.Value.Title, "u:")] = *o.Value.Count
		}
	}
	for _, o := range doc.Outlines {
		if counts[o.Title] != len(o.Kids) {
			t.Errorf("bookmark %q has /Count %d, want %d", o.Title, counts[o.Title], len(o.Kids))
		}
	}

	pages := pageTexts(t, path, false)
	for _, o := range doc.Outlines {
		for _, k := range append([]item{o}, o.Kids...) {
			if k.Page < 1 || !strings.Contains(strings.Join(words(pages[k.Page-1]), " "), strings.Join(words(k.Title), " ")) {
				t.Errorf("bookmark %q goes to page %d, which does not show it", k.Title, k.Page)
			}
		}
	}
}

func TestValidPDFWithEmbeddedFonts(t *testing.T) {
	site, big := bigSite(34)
	out, path := writeTemp(t, site, big)
	if len(out) > 250_000 {
		t.Errorf("a %d-question workbook is %d bytes; the limit is 250 KB", len(big.Questions), len(out))
	}
	if check := string(runTool(t, qpdfTool(t), "--check", path)); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	fonts := strings.Split(strings.TrimSpace(string(runTool(t, popplerTool(t, "pdffonts"), path))), "\n")[2:]
	if len(fonts) != 3 {
		t.Errorf("want the one family's three faces, pdffonts lists:\n%s", strings.Join(fonts, "\n"))
	}
	for _, f := range fonts {
		if fields := strings.Fields(f); len(fields) < 7 || fields[len(fields)-5] != "yes" {
			t.Errorf("font not embedded: %s", f)
		}
	}
	info := string(runTool(t, popplerTool(t, "pdfinfo"), path))
	if !strings.Contains(info, "(A4)") {
		t.Errorf("pages are not A4:\n%s", info)
	}
	pdfcpu := tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0")
	runTool(t, pdfcpu, "validate", path)
}

func TestMetadata(t *testing.T) {
	site := testSite()
	wb := site.Workbooks[1]
	var buf bytes.Buffer
	at := time.Date(2025, 4, 2, 10, 30, 0, 0, time.UTC)
	if _, err := Write(&buf, site, wb, fonts(t), Options{Created: at}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	info := string(runTool(t, popplerTool(t, "pdfinfo"), "-isodates", path))
	for _, want := range []string{
		"Title:           AHPs Deliver implementation framework: Provider level",
		"Author:          NHS England",
		"Subject:         Self-assessment workbook for the Provider level: People with leadership",
		"Keywords:        AHPs Deliver implementation framework, Provider level, self-assessment, workbook, Leadership, Digital",
		"CreationDate:    2025-04-02T10:30:00",
		"ModDate:         2025-04-02T10:30:00",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if lang := catalog(t, path)["/Lang"]; lang != "u:en-GB" {
		t.Errorf("the document language is %v, want en-GB", lang)
	}
	// The XMP metadata says the same, where PDF/UA looks for the title.
	if meta := string(runTool(t, popplerTool(t, "pdfinfo"), "-meta", path)); !strings.Contains(meta, ">AHPs Deliver implementation framework: Provider level</rdf:li>") ||
		!strings.Contains(meta, "<xmp:CreateDate>2025-04-02T10:30:00Z</xmp:CreateDate>") || !strings.Contains(meta, "<rdf:li>en-GB</rdf:li>") {
		t.Errorf("XMP metadata lacks the title, date or language:\n%s", meta)
	}
	site.Config.Language = "cy"
	if _, path = writeTemp(t, site, wb); catalog(t, path)["/Lang"] != "u:cy" {
		t.Errorf("the document language is %v, want cy from config.toml", catalog(t, path)["/Lang"])
	}
}

func TestSameInputSameBytesEvenConcurrently(t *testing.T) {
	site := testSite()
	first := make([][]byte, len(site.Workbooks))
	for i, wb := range site.Workbooks {
		var buf bytes.Buffer
		if _, err := Write(&buf, site, wb, fonts(t), Options{}); err != nil {
			t.Fatal(err)
		}
		first[i] = buf.Bytes()
	}
	var wg sync.WaitGroup
	again := make([][]byte, 4*len(site.Workbooks))
	for i := range again {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := Write(&buf, site, site.Workbooks[i%len(site.Workbooks)], fonts(t), Options{}); err != nil {
				t.Error(err)
			}
			again[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, b := range again {
		if !bytes.Equal(b, first[i%len(first)]) {
			t.Errorf("run %d of workbook %s differs from the first run", i, site.Workbooks[i%len(first)].Name)
		}
	}
	if bytes.Equal(first[0], first[1]) {
		t.Error("different workbooks gave the same bytes")
	}
}

func TestUnusualTextNeverCrashes(t *testing.T) {
	site := testSite()
	odd := "Emoji 🙂👩‍⚕️👍🏽 math 𝔸 CJK 中文 RTL עברית control\x00\x07 zero\u200bwidth tab\tend " + strings.Repeat("x", 300)
	site.Config.Title += " " + odd
	site.Config.Author = odd
	site.Framework.Foundations[0].Title += " 🙂"
	site.Framework.Focuses[0].Title += " 𝔸"
	site.Framework.Ratings[0].Label = "Red 🔴"
	site.Framework.Ratings[1].Colour = "not a colour"
	wb := site.Workbooks[1]
	wb.Level.Audience = odd
	wb.Questions[0].Text.Blocks[0].Spans[0].Text = odd
	out, path := writeTemp(t, site, wb)
	if len(out) == 0 {
		t.Fatal("no output")
	}
	runTool(t, qpdfTool(t), "--check", path)
	text := strings.Join(pageTexts(t, path, false), "")
	if !strings.Contains(text, "Emoji ??? math ? CJK ?? RTL") {
		t.Errorf("characters the font lacks should print as ?:\n%.400s", text)
	}
	if strings.ContainsRune(text, 0xFFFD) {
		t.Error("the printed text has U+FFFD, which the font cannot draw")
	}
}

func TestSparseModelsStillMakeAWorkbook(t *testing.T) {
	for name, edit := range map[string]func(*model.Site, *model.Workbook){
		"no questions": func(_ *model.Site, wb *model.Workbook) { wb.Questions, wb.Sections = nil, nil },
		"no ratings":   func(s *model.Site, _ *model.Workbook) { s.Framework.Ratings = nil },
		"no focuses":   func(_ *model.Site, wb *model.Workbook) { wb.Focuses = nil },
		"empty titles": func(s *model.Site, wb *model.Workbook) {
			s.Config.Title, s.Config.Author, s.Config.Version, s.Config.Date, s.Config.WebURL = "", "", "", time.Time{}, ""
			wb.Title, wb.Level.Title, wb.Level.Audience = "", "", ""
			for _, f := range s.Framework.Foundations {
				f.Title, f.Short = "", ""
			}
			for _, f := range s.Framework.Focuses {
				f.Title, f.Short = "", ""
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			site := testSite()
			wb := site.Workbooks[1]
			edit(site, wb)
			_, path := writeTemp(t, site, wb)
			runTool(t, qpdfTool(t), "--check", path)
		})
	}
}

func TestBrokenFontsAreErrors(t *testing.T) {
	site := testSite()
	good := fonts(t)
	for name, f := range map[string]Fonts{
		"empty":      {},
		"truncated":  {Regular: good.Regular[:2000], Bold: good.Bold, Italic: good.Italic},
		"not a font": {Regular: good.Regular, Bold: []byte(strings.Repeat("not a font ", 100)), Italic: good.Italic},
	} {
		var buf bytes.Buffer
		if _, err := Write(&buf, site, site.Workbooks[0], f, Options{}); err == nil || !strings.Contains(err.Error(), ".ttf") {
			t.Errorf("%s: want an error naming the font file, got %v", name, err)
		}
	}
}

// What good looks like is printed in a question's rating box, between its
// heading and the tick boxes, so a team rates against it; a question that
// does not say has no such line.
func TestRatingBoxSaysWhatGoodLooksLike(t *testing.T) {
	site := testSite()
	for _, wb := range site.Workbooks {
		_, path := writeTemp(t, site, wb)
		text := strings.Join(strings.Fields(strings.Join(pageTexts(t, path, false), " ")), " ")
		for _, q := range wb.Questions {
			at := strings.Index(text, q.ID)
			if at < 0 {
				t.Fatalf("%s: question %s not found", wb.Name, q.ID)
			}
			rest := text[at:]
			box := strings.Index(rest, "Rating: tick one box for each review cycle")
			if box < 0 {
				t.Fatalf("%s: %s has no rating box", wb.Name, q.ID)
			}
			next := strings.Index(rest[box:], site.Config.PDF.Cycles[0])
			if next < 0 {
				t.Fatalf("%s: the rating box of %s has no review cycles", wb.Name, q.ID)
			}
			inBox := rest[box : box+next]
			if q.Good.Empty() {
				if strings.Contains(inBox, "What good looks like") {
					t.Errorf("%s: %s says what good looks like but has no good: %q", wb.Name, q.ID, inBox)
				}
				continue
			}
			if want := "What good looks like: " + q.Good.Plain(); !strings.Contains(inBox, want) {
				t.Errorf("%s: rating box of %s lacks %q:\n%q", wb.Name, q.ID, want, inBox)
			}
		}
	}
}
