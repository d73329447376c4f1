package pdf

import (
	"fmt"
	"io"
	"strings"
	"workbook/generator/answers"

	"workbook/generator/markdown"
	"workbook/generator/model"
)

// WriteReport renders a filled-in report of one level's answers to w, for
// a board or team meeting: what the answers are, when they were exported
// and what they cover; a summary of the ratings by foundation and area
// of focus and across review cycles; every answered question with its
// answers, evidence, rating and action in each cycle; the action list;
// and answers to questions no longer in the framework. It looks like the
// workbooks (same page, fonts and running header and footer) and, like
// them, the same input gives byte-identical output.
func WriteReport(w io.Writer, site *model.Site, l *model.Level, ans *answers.Set, fonts Fonts, opt Options) (int, error) {
	if site == nil || site.Framework == nil || l == nil || ans == nil {
		return 0, fmt.Errorf("pdf: a report needs a site, a level and answers")
	}
	rd := gather(site, l, ans)
	if rd.empty() {
		return 0, fmt.Errorf("pdf: there are no answers to the %s level's questions", l.Title)
	}
	return drawDocument(w, site, fonts, false, "report on "+l.ID, func(d *doc) (*book, [][]block) {
		r := &report{book: levelBook(d, site, l, "report-"+l.ID, d.t("pdf.report.kicker")), data: rd, ans: ans}
		r.describe(d.t("pdf.report.title", "framework", site.Config.Title, "level", l.Title), d.t("pdf.report.subject", "level", l.Title), opt.created())
		return r.book, [][]block{r.opening(), r.summaryPart(), r.answersPart(), r.actionsPart(), r.orphansPart()}
	})
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
	add(linePieces(r.plain(r.t("pdf.report.kicker"), contentW, textStyle{size: 14, colour: darkGrey}), marginX)...)
	add(gap(2))
	add(linePieces(r.plain(c.Title, contentW, title.style()), marginX)...)
	add(gap(4))
	add(linePieces(r.plain(l.Title, contentW, heading1.style()), marginX)...)
	add(gap(8))

	facts := [][2]string{}
	if p := r.ans.Person; p.Named() {
		who := strings.Join(strings.Fields(p.Name), " ")
		if team := strings.TrimSpace(p.Team); team != "" {
			who += ", " + team
		}
		facts = append(facts, [2]string{r.t("pdf.report.by"), who})
	}
	if l.Audience != "" {
		facts = append(facts, [2]string{r.t("pdf.report.audience"), l.Audience})
	}
	facts = append(facts, r.sourceFacts()...)
	if len(r.data.cycles) > 0 {
		facts = append(facts, [2]string{r.t("pdf.report.cycles"), r.list(r.data.cycles)})
	}
	facts = append(facts, [2]string{r.t("pdf.report.answered"), r.t("pdf.of", "n", r.answered(), "total", len(l.Questions))})
	if n := len(r.data.orphans); n > 0 {
		facts = append(facts, [2]string{r.t("pdf.report.removed"), r.n("pdf.report.removed_text", n)})
	}
	if v := r.versionText(); v != "" {
		facts = append(facts, [2]string{r.t("pdf.report.content"), v})
	}
	add(r.factList(facts, reportLabelW)...)
	add(gap(10))
	add(linePieces(r.plain(r.t("pdf.ratings_heading"), contentW, heading2.style()), marginX)...)
	add(r.ratingMeanings()...)
	add(gap(10))
	add(r.inset(r.t("pdf.about_report"), []markdown.Span{{Text: r.sourceText() + " " + r.t("pdf.report.about", "level", l.Title)}}))
	return []block{{pieces: ps, newPage: true}}
}

// reportLabelW is the width of the label column of the opening's facts.
const reportLabelW = 46.0

// ratingMeanings says what each rating means, its word beside a tinted
// box like those in the report: a list, each rating's word its label.
func (b *book) ratingMeanings() []piece {
	st := body.style()
	var ps []piece
	list := b.elem("L", nil)
	for _, rt := range b.site.Framework.Ratings {
		li := b.elem("LI", list)
		name := tagLines(b.plain(short(rt.Label, rt.Title), reportLabelW-12, textStyle{size: st.size, face: bold, colour: black}), b.elem("Lbl", li))
		text := sideBySide(name, marginX+8, tagLines(b.plain(rt.MeaningFor(b.wb.Level), contentW-reportLabelW, st), b.elem("LBody", li)), marginX+reportLabelW)
		c, ok := parseColour(rt.Colour)
		ps = append(ps, gap(2), piece{h: text.h, draw: func(d *doc, y float64) {
			d.tick(marginX, y+(st.lineHeight()-4.5)/2, 4.5, tintOf(c, ok))
			text.draw(d, y)
		}})
	}
	return ps
}

// ratingName is a rating's word, or "Not rated".
func (b *book) ratingName(id string) string {
	for _, x := range b.site.Framework.Ratings {
		if x.ID == id {
			return short(x.Label, x.Title)
		}
	}
	if id == "" {
		return b.t("pdf.not_rated")
	}
	return b.t("pdf.report.rating_gone", "rating", strings.TrimSpace(id))
}
