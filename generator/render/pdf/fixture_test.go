package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

// testSite builds by hand a small framework with the awkward text a real
// one has: Markdown bold, italic, links and lists, curly quotes, dashes,
// Welsh ŵ and ŷ, an emoji (above U+FFFF) and a character the font lacks.
// Two levels, two foundations, three areas of focus, three ratings.
func testSite() *model.Site {
	md := markdown.New()
	in := md.ConvertInline
	fw := &model.Framework{
		Foundations: []*model.Foundation{
			{ID: "leadership", Title: "AHPs champion and promote diverse and inclusive leadership", Short: "Leadership",
				Description: md.Convert("Leadership at every level, with **anti-racism** and co-production at its heart.")},
			{ID: "digital", Title: "AHPs can further harness digital technology and innovation through data", Short: "Digital"},
		},
		Focuses: []*model.Focus{
			{ID: "people", Title: "People first", Short: "People first"},
			{ID: "greener", Title: "Environmental sustainability (Greener AHPs)", Short: "Greener AHPs"},
			{ID: "community", Title: "Strengthening and promoting the AHP community", Short: "AHP community"},
		},
		Ratings: []*model.Rating{
			{ID: "red", Title: "Red", Label: "Red", Meaning: "Little is in place yet, or we do not know.", Colour: "#d5281b"},
			{ID: "amber", Title: "Amber", Label: "Amber", Meaning: "Some things are in place; there is more to do.", Colour: "#ffb81c"},
			{ID: "green", Title: "Green", Label: "Green", Meaning: "This is how we work, and we can show it.", Colour: "#007f3b",
				LevelMeanings: map[string]string{"individual": "This is how I work, and I can show it."}},
		},
	}
	individual := &model.Level{ID: "individual", Title: "Individual level", Audience: "Any allied health professional, at any stage of their career."}
	provider := &model.Level{ID: "provider", Title: "Provider level",
		Audience: "People with leadership or oversight of AHP services in a health or care provider organisation.",
		Intro:    &model.Page{Title: "About the provider level", Body: md.Convert("Use this level if you **lead** or oversee AHP services.")}}
	fw.Levels = []*model.Level{individual, provider}

	type spec struct {
		level              *model.Level
		foundation, focus  int
		id, text, evidence string
		prompts            []string
		block              bool // text is block Markdown (a list)
	}
	specs := []spec{
		{individual, 0, 0, "individual-leadership-people-1", "How do you make sure **everyone** in your team has a voice in decisions about “how we work”?", "Meeting notes, *staff survey* results.", []string{"Who speaks at team meetings?", "What changed after someone raised a concern?"}, false},
		{individual, 0, 1, "individual-leadership-greener-1", "What have you done to lower the carbon cost of your own practice – travel, paper, equipment?", "Travel logs.", nil, false},
		{individual, 1, 0, "individual-digital-people-1", "How confident are you using data about the people you see to improve their care?", "", []string{"Which data do you look at?"}, false},
		{individual, 1, 2, "individual-digital-community-1", "How do you share what you learn about digital tools with other AHPs? 🙂", "Posts, talks, *case studies*.", nil, false},
		{provider, 0, 0, "provider-leadership-people-1", "How does your organisation make sure AHP leaders reflect the diversity of the communities it serves — and how do you *know*?", "Workforce race equality data, board papers.", []string{"Which groups are missing from your leadership?", "What does your **anti-racism** plan say about AHPs?"}, false},
		{provider, 0, 0, "provider-leadership-people-2", "Which of these does your organisation do for AHP leadership?\n\n- reverse mentoring with staff from minority groups\n- publishes AHP pay gap data\n- co-produces services with people who use them\n\nWhat would you add?", "Programme reports.", nil, true},
		{provider, 0, 1, "provider-leadership-greener-1", "How do AHP leaders use [the Greener AHP hub](https://www.england.nhs.uk/ahp/greener-ahp-hub/) to set goals for ‘net zero’ services?", "Green plans, action logs.", []string{"Who owns the goals?"}, false},
		{provider, 0, 2, "provider-leadership-community-1", "How do you support staff who speak Welsh (with ŵ and ŷ) or another language — 中文 included — to lead in their own words?", "Language policy.", nil, false},
		{provider, 1, 0, "provider-digital-people-1", "How do AHPs use data to find and close gaps in who gets care and who does not? 👩‍⚕️ Email [the data team](mailto:data@example.nhs.uk) or see https://example.nhs.uk/data.", "Dashboards, audit reports, equality impact assessments.", []string{"Which gaps have you found?", "What changed because of them?", "Who checked that it worked?"}, false},
		{provider, 1, 1, "provider-digital-greener-1", "How does your organisation use data to find and cut the carbon cost of AHP services?", "Dashboards, audit reports, travel data.", []string{"Which services have you measured?", "Who sees the results?"}, false},
	}
	// What good looks like, for some questions: one long enough to wrap.
	goods := map[string]string{
		"individual-leadership-people-1": "Everyone in my team, **whatever their role**, speaks at team meetings, and I can name decisions that changed because of what they said.",
		"provider-digital-greener-1":     "The board sees the carbon cost of AHP services every year.",
	}
	for _, s := range specs {
		q := &model.Question{ID: s.id, Level: s.level, Foundation: fw.Foundations[s.foundation], Focus: fw.Focuses[s.focus], Evidence: md.Convert(s.evidence)}
		if s.block {
			q.Text = md.Convert(s.text)
		} else {
			q.Text = in(s.text)
		}
		for _, p := range s.prompts {
			q.Prompts = append(q.Prompts, in(p))
		}
		if good, ok := goods[s.id]; ok {
			q.Good = in(good)
		}
		s.level.Questions = append(s.level.Questions, q)
		fw.Questions = append(fw.Questions, q)
	}
	site := &model.Site{
		Strings: testsite.English(),
		Config: withDefaults(model.Config{
			Title: "AHPs Deliver implementation framework", Author: "NHS England", Version: "1.0",
			Publisher: "Example NHS Trust", Contact: "ahp.team@example.org",
			Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), WebURL: "https://example.nhs.uk/ahps-deliver/",
			ID: "ahps-deliver",
		}),
		Framework: fw,
		Pages: []*model.Page{{Slug: "how-to-use", Title: "How to use this workbook",
			Body: md.Convert("Work through the questions **together**.\n\n1. Read the question aloud.\n2. Talk about it — write your answer.\n3. Note the *evidence*, then tick a rating.\n\nSee [the guide](https://example.nhs.uk/guide) for more.")}},
	}
	for _, lv := range fw.Levels {
		site.Workbooks = append(site.Workbooks, levelWorkbook(fw, lv))
	}
	return site
}

// withDefaults fills in the settings the loader gives every site.
func withDefaults(c model.Config) model.Config {
	d := model.DefaultConfig()
	c.Theme, c.Cycles, c.PDF, c.Language = d.Theme, d.Cycles, d.PDF, d.Language
	return c
}

// levelWorkbook fills in a level's grid, minutes and workbook as the
// loader does.
func levelWorkbook(fw *model.Framework, lv *model.Level) *model.Workbook {
	wb := &model.Workbook{Name: lv.ID, Title: lv.Title, Level: lv, Foundations: fw.Foundations, Focuses: fw.Focuses, Questions: lv.Questions}
	lv.Grid = make([][][]*model.Question, len(fw.Foundations))
	for f, fo := range fw.Foundations {
		lv.Grid[f] = make([][]*model.Question, len(fw.Focuses))
		for a, fc := range fw.Focuses {
			var qs []*model.Question
			for _, q := range lv.Questions {
				if q.Foundation == fo && q.Focus == fc {
					qs = append(qs, q)
				}
			}
			lv.Grid[f][a] = qs
			if len(qs) > 0 {
				wb.Sections = append(wb.Sections, &model.Section{Foundation: fo, Focus: fc, Questions: qs})
			}
		}
	}
	lv.Minutes = model.EstimateMinutes(lv.Questions)
	lv.SessionQuestions = model.SessionQuestions(lv.Questions)
	wb.Minutes, wb.SessionQuestions = lv.Minutes, lv.SessionQuestions
	return wb
}

// bigSite is testSite with its provider level grown to n questions, the
// size of a real level, for the size limit and the benchmark.
func bigSite(n int) (*model.Site, *model.Workbook) {
	site := testSite()
	fw := site.Framework
	lv := fw.Levels[1]
	md := markdown.New()
	for i := len(lv.Questions); i < n; i++ {
		f, a := i%len(fw.Foundations), (i/2)%len(fw.Focuses)
		q := &model.Question{
			ID: fmt.Sprintf("provider-extra-%d", i), Level: lv, Foundation: fw.Foundations[f], Focus: fw.Focuses[a],
			Text:     md.ConvertInline(fmt.Sprintf("(Extra %d) How do AHP leaders in your organisation check that the *changes* they make to services reach the people who need them **most**?", i)),
			Evidence: md.Convert("Service reviews, feedback from people who use services, equality data."),
		}
		for _, p := range []string{"What did you measure?", "Who told you it worked?"} {
			q.Prompts = append(q.Prompts, md.ConvertInline(p))
		}
		lv.Questions = append(lv.Questions, q)
	}
	// Keep the model's order: foundation, then area of focus.
	var ordered []*model.Question
	for _, fo := range fw.Foundations {
		for _, fc := range fw.Focuses {
			for _, q := range lv.Questions {
				if q.Foundation == fo && q.Focus == fc {
					ordered = append(ordered, q)
				}
			}
		}
	}
	lv.Questions = ordered
	wb := levelWorkbook(fw, lv)
	site.Workbooks[1] = wb
	return site, wb
}

// testFonts reads the default theme's fonts once per test binary.
var testFonts = sync.OnceValues(func() (Fonts, error) {
	dir := filepath.Join("..", "..", "..", "themes", "default", "fonts")
	var f [3][]byte
	for s := regular; s <= italic; s++ {
		b, err := os.ReadFile(filepath.Join(dir, s.file()))
		if err != nil {
			return Fonts{}, err
		}
		f[s] = b
	}
	return Fonts{Regular: f[0], Bold: f[1], Italic: f[2]}, nil
})

func fonts(t testing.TB) Fonts {
	t.Helper()
	f, err := testFonts()
	if err != nil {
		t.Fatalf("reading the default theme's fonts: %v", err)
	}
	return f
}
