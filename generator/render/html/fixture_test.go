package html

import (
	"testing"

	"workbook/generator/load"
	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/testsite"
	"workbook/generator/theme"
)

// fixtureSite builds a small site by hand, the way the loader would fill
// the model in: two levels, two foundations, three areas of focus (one
// cell left empty), a rating scale, and the usual content pages.
func fixtureSite() *model.Site {
	md := markdown.New()
	doc := func(s string) markdown.Doc { return md.Convert(s) }
	inline := func(s string) markdown.Doc { return md.ConvertInline(s) }
	page := func(slug, title, body string) *model.Page {
		return &model.Page{Slug: slug, Title: title, Body: doc(body)}
	}

	fw := &model.Framework{
		Foundations: []*model.Foundation{
			{ID: "leadership", Title: "AHPs champion diverse and inclusive leadership", Short: "Leadership",
				Description: doc("Leaders who reflect the people they serve.")},
			{ID: "digital", Title: "AHPs harness digital technology and data", Short: "Digital",
				Description: doc("Using **data** to improve care.")},
		},
		Focuses: []*model.Focus{
			{ID: "people", Title: "People first", Short: "People first", Description: doc("Putting people at the centre.")},
			{ID: "justice", Title: "Social justice", Short: "Social justice", Description: doc("Addressing inequalities.")},
			{ID: "greener", Title: "Environmental sustainability", Short: "Greener AHPs", Description: doc("Greener AHPs.")},
		},
		Ratings: []*model.Rating{
			{ID: "red", Title: "Red", Label: "Red", Meaning: "Not started, or a long way to go.", Colour: "#d5281b"},
			{ID: "amber", Title: "Amber", Label: "Amber", Meaning: "Started, with more to do.", Colour: "#ffb81c"},
			{ID: "green", Title: "Green", Label: "Green", Meaning: "Well established.", Colour: "#007f3b",
				LevelMeanings: map[string]string{"individual": "This is how I routinely work."}},
		},
	}
	levels := []struct{ id, title, audience string }{
		{"individual", "Individual", "Any allied health professional, in any role."},
		{"provider", "Provider", "AHPs with leadership or oversight in a health or care provider."},
	}
	for _, lv := range levels {
		l := &model.Level{ID: lv.id, Title: lv.title, Audience: lv.audience,
			Intro: page("", lv.title, "# About this level\n\nThese questions are for "+lv.id+" work.\n\n## Before you start\n\nSet aside some time.")}
		l.Grid = make([][][]*model.Question, len(fw.Foundations))
		for fi, f := range fw.Foundations {
			l.Grid[fi] = make([][]*model.Question, len(fw.Focuses))
			for ai, a := range fw.Focuses {
				if f.ID == "digital" && a.ID == "justice" {
					continue // an empty cell
				}
				for n := 1; n <= 2; n++ {
					q := &model.Question{
						ID:         lv.id + "-" + f.ID + "-" + a.ID + "-" + string(rune('0'+n)),
						Level:      l,
						Foundation: f,
						Focus:      a,
						Text:       inline("How do you make *" + a.Title + "* part of " + f.Short + " work, and how do you know?"),
						Prompts:    []markdown.Doc{inline("Who is involved?"), inline("What has changed as a result?")},
						Evidence:   inline("Meeting notes, audit reports & feedback."),
					}
					if n == 1 {
						q.Good = inline("Everyone has a say, *from the start*.")
					}
					l.Grid[fi][ai] = append(l.Grid[fi][ai], q)
					l.Questions = append(l.Questions, q)
				}
			}
		}
		// A question of two paragraphs and a list cannot sit in a heading.
		l.Questions[0].Text = inline("How do you involve people?\n\nThink of:\n\n- patients\n- carers")
		// A renamed question keeps its earlier id.
		l.Questions[1].Aliases = []string{lv.id + "-renamed-question"}
		for i, q := range l.Questions {
			q.Number = i + 1
		}
		l.Minutes = model.EstimateMinutes(l.Questions)
		l.SessionQuestions = model.SessionQuestions(l.Questions)
		fw.Levels = append(fw.Levels, l)
		fw.Questions = append(fw.Questions, l.Questions...)
	}

	site := &model.Site{
		Strings: testsite.English(),
		Config: model.Config{Title: "AHPs Deliver self-assessment", Description: "Reflective questions for allied health professionals.",
			Author: "NHS England", Publisher: "NHS England", Contact: "ahp.team@example.org", Version: "1.0"},
		Framework: fw,
		Home:      page("", "AHPs Deliver self-assessment", "The framework helps AHPs **reflect** on how they put the strategy into practice.\n\nSee [how to use it](how-to-use.html)."),
		Pages: []*model.Page{
			page("how-to-use", "How to use this framework", "## Pick a level\n\nChoose the level nearest your work.\n\n## Rate each question\n\nUse red, amber or green."),
			page("about", "About the framework", "Written with AHPs across England."),
			page("accessibility", "Accessibility statement", "We want as many people as possible to be able to use this site.\n\n"+
				"| Part | Meets | Checked |\n|:-----|:-----:|--------:|\n| Pages | AA | 2025 |\n"),
		},
	}
	for _, l := range fw.Levels {
		site.Workbooks = append(site.Workbooks, &model.Workbook{Name: l.ID, Title: l.Title + " level", Level: l,
			Foundations: fw.Foundations, Focuses: fw.Focuses, Questions: l.Questions, Minutes: l.Minutes, SessionQuestions: l.SessionQuestions})
	}
	return site
}

// fixtureDownloads describes made-up PDFs for the fixture's workbooks.
func fixtureDownloads(site *model.Site) []Download {
	var ds []Download
	for i, w := range site.Workbooks {
		ds = append(ds, Download{Workbook: w, Path: "workbooks/" + w.Name + ".pdf", Bytes: 150_000 + i*1000, Pages: 12 + i})
	}
	return ds
}

// defaultTheme opens the repository's default theme.
func defaultTheme(t testing.TB) *theme.Theme {
	t.Helper()
	th, err := theme.Open("../../..", "default")
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// renderFixture renders the fixture site into memory.
func renderFixture(t testing.TB) *output.Memory {
	t.Helper()
	return renderSite(t, fixtureSite())
}

// contentSite loads the project's real content (config.toml and content/
// at the repository root), so the checks run on the pages people read.
func contentSite(t testing.TB) *model.Site {
	t.Helper()
	site, diags := load.Site("../../..")
	if diags.HasErrors() {
		t.Fatalf("loading the repository's content:\n%v", diags)
	}
	return site
}

// testSite is a site rendered for the checks every site must pass.
type testSite struct {
	name string
	site *model.Site
	out  *output.Memory
}

// bothSites renders the hand-built fixture (small, with edge cases such as
// an empty cell) and the repository's real content.
func bothSites(t testing.TB) []testSite {
	t.Helper()
	f, c := fixtureSite(), contentSite(t)
	return []testSite{{"fixture", f, renderSite(t, f)}, {"content", c, renderSite(t, c)}}
}

// renderSite renders site into memory, with a placeholder file for each
// workbook so links to the PDFs resolve.
func renderSite(t testing.TB, site *model.Site) *output.Memory {
	t.Helper()
	r, err := New(defaultTheme(t))
	if err != nil {
		t.Fatal(err)
	}
	ds := fixtureDownloads(site)
	out := output.NewMemory()
	if _, err := r.Render(&render.Input{Site: site}, ds, out); err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if err := out.WriteFile(d.Path, []byte("%PDF-1.4\n")); err != nil {
			t.Fatal(err)
		}
	}
	return out
}
