package pdf

import (
	"fmt"
	"io"
	"strings"
	"workbook/generator/answers"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/wording"
)

// WriteReport renders a filled-in report of one level's answers to w, for
// a board or team meeting: what the answers are, when they were exported
// and what they cover; a summary of the ratings by foundation and area
// of focus and across review cycles; every answered question with its
// answers, evidence, rating and action in each cycle; the action list;
// and answers to questions no longer in the framework. It looks like the
// workbooks (same page, fonts and running header and footer) and, like
// them, the same input gives byte-identical output.
func WriteReport(w io.Writer, site *model.Site, l *model.Level, ans *answers.Set, fonts Fonts, opt Options) (pages int, err error) {
	if site == nil || site.Framework == nil || l == nil || ans == nil {
		return 0, fmt.Errorf("pdf: a report needs a site, a level and answers")
	}
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("pdf: report on %s: %v", l.ID, r)
		}
	}()
	rd := gather(site, l, ans)
	if rd.empty() {
		return 0, fmt.Errorf("pdf: there are no answers to the %s level's questions", l.Title)
	}
	d, err := newDoc(fonts, nil)
	if err != nil {
		return 0, err
	}
	wb := &model.Workbook{Name: "report-" + l.ID, Title: "Self-assessment report", Level: l,
		Foundations: site.Framework.Foundations, Focuses: site.Framework.Focuses, Questions: l.Questions}
	r := &report{book: &book{doc: d, site: site, wb: wb, set: settingsOf(site.Config)}, data: rd, ans: ans}
	r.metadata(opt.created())
	title := plainBMP(site.Config.Title + ": self-assessment report, " + l.Title)
	r.pdf.SetTitle(title, true)
	r.more.Metadata = xmp(title, plainBMP(site.Config.Author), language(site.Config), opt.created())
	r.pdf.SetSubject(plainBMP("Answers, ratings and actions for the "+l.Title+" level"), true)

	for _, part := range [][]block{r.opening(), r.summaryPart(), r.answersPart(), r.actionsPart(), r.orphansPart()} {
		d.flow(part)
	}
	r.running()
	if pages, err = d.finish(w); err != nil {
		return 0, fmt.Errorf("pdf: report on %s: %w", l.ID, err)
	}
	return pages, nil
}

// report is a level's report being laid out.
type report struct {
	*book
	data *reportData
	ans  *answers.Set
}

// number is a question's number in its level's workbook, so the report
// and a printed workbook agree on "question 7".
func (r *report) number(q *model.Question) int { return q.Number }

// answered counts the level's questions with any answer.
func (r *report) answered() int {
	n := 0
	for _, q := range r.data.level.Questions {
		if len(r.data.byQuestion[q]) > 0 {
			n++
		}
	}
	return n
}

// opening lays out page 1: what the report is, whose framework and level,
// when the answers were exported, what they cover, and how to read it.
func (r *report) opening() []block {
	c, l := r.site.Config, r.data.level
	var ps []piece
	add := func(more ...piece) { ps = append(ps, more...) }
	add(linePieces(r.plain("Self-assessment report", contentW, textStyle{size: 14, colour: darkGrey}), marginX)...)
	add(gap(2))
	add(linePieces(r.plain(c.Title, contentW, title.style()), marginX)...)
	add(gap(4))
	add(linePieces(r.plain(l.Title, contentW, heading1.style()), marginX)...)
	add(gap(8))

	facts := [][2]string{}
	if l.Audience != "" {
		facts = append(facts, [2]string{"Who the level is for", l.Audience})
	}
	if !r.ans.Exported.IsZero() {
		facts = append(facts, [2]string{"Answers exported", r.dateText(r.ans.Exported.UTC())})
	}
	if len(r.data.cycles) > 0 {
		facts = append(facts, [2]string{"Review cycles", joinList(r.data.cycles)})
	}
	facts = append(facts, [2]string{"Questions answered", fmt.Sprintf("%d of %d", r.answered(), len(l.Questions))})
	if n := len(r.data.orphans); n > 0 {
		facts = append(facts, [2]string{"Removed questions", wording.Plural(n, "question", "questions") + " no longer in the framework, with answers kept at the end"})
	}
	if v := r.versionText(); v != "" {
		facts = append(facts, [2]string{"Content", v})
	}
	add(r.factList(facts, reportLabelW)...)
	add(gap(10))
	add(linePieces(r.plain("What the ratings mean", contentW, heading2.style()), marginX)...)
	add(r.ratingMeanings()...)
	add(gap(10))
	add(r.inset("About this report", []markdown.Span{{Text: "It was made from answers saved in the web version of the framework and exported from it. " +
		"The answers, evidence and actions are the words of whoever wrote them. Questions without answers are left out; the summary counts them as not rated. " +
		"Question numbers are those of the " + l.Title + " workbook."}}))
	return []block{{pieces: ps, newPage: true}}
}

// reportLabelW is the width of the label column of the opening's facts.
const reportLabelW = 46.0

// ratingMeanings says what each rating means, its word beside a tinted
// box like those in the report.
func (r *report) ratingMeanings() []piece {
	st := body.style()
	var ps []piece
	for _, rt := range r.site.Framework.Ratings {
		name := r.plain(short(rt.Label, rt.Title), reportLabelW-12, textStyle{size: st.size, face: bold, colour: black})
		text := sideBySide(name, marginX+8, r.plain(rt.Meaning, contentW-reportLabelW, st), marginX+reportLabelW)
		c, ok := parseColour(rt.Colour)
		ps = append(ps, gap(2), piece{h: text.h, draw: func(d *doc, y float64) {
			d.tick(marginX, y+(st.lineHeight()-4.5)/2, 4.5, tintOf(c, ok))
			text.draw(d, y)
		}})
	}
	return ps
}

// ratingName is a rating's word, or "Not rated".
func (r *report) ratingName(id string) string {
	for _, x := range r.site.Framework.Ratings {
		if x.ID == id {
			return short(x.Label, x.Title)
		}
	}
	if id == "" {
		return "Not rated"
	}
	return strings.TrimSpace(id) + " (no longer on the rating scale)"
}
