package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"workbook/generator/markdown"
	"workbook/generator/model"
)

// WritePack renders the facilitator pack for a workbook (a level, or a
// subset of one) to w: what it is for; what to do before the session;
// a timed plan for each session of 60 to 90 minutes, built from the
// workbook's questions (see model.PlanWorkshop); how to run it (ground
// rules that reflect co-production and anti-racism, how to reach an
// agreed rating, how to capture actions); what to do after; and a
// consolidation sheet for each session, to tally a paper workshop's
// ratings, tick the agreed one and write the action. It is a tagged PDF
// laid out like the workbooks, and, like them, the same input gives
// byte-identical output.
func WritePack(w io.Writer, site *model.Site, wb *model.Workbook, fonts Fonts, opt Options) (int, error) {
	if site == nil || site.Framework == nil || wb == nil || wb.Level == nil {
		return 0, errors.New("pdf: the facilitator pack has no site, framework or workbook")
	}
	return drawDocument(w, site, fonts, true, "facilitator pack "+wb.Name, func(d *doc) (*book, [][]block) {
		// The running header names the pack; the text names the workbook.
		own := *wb
		own.Title = d.t("pdf.pack.kicker")
		p := &pack{book: &book{doc: d, site: site, wb: &own, set: settingsOf(site.Config)}, workbook: wb,
			plan: model.PlanWorkshop(wb.Questions), md: markdown.New()}
		p.describe(d.t("pdf.pack.title", "framework", site.Config.Title, "workbook", workbookName(wb)), d.t("pdf.pack.subject", "workbook", workbookName(wb)), opt.created())
		return p.book, [][]block{p.cover(), p.howToRun(), p.plans(), p.sheets()}
	})
}

// pack is a facilitator pack being laid out.
type pack struct {
	*book
	workbook *model.Workbook // the workbook the pack is for
	plan     []model.WorkshopSession
	md       *markdown.Converter
}

// workbookName is what the pack calls its workbook: its title, or its
// level's.
func workbookName(wb *model.Workbook) string { return short(wb.Title, wb.Level.Title) }

// number is a question's number in the workbook.
func (p *pack) number(q *model.Question) int { return numberIn(p.workbook.Questions, q) }

// which names a run of questions: "question 3", "questions 3 and 4",
// "questions 3 to 9".
func (p *pack) which(qs []*model.Question) string {
	first, last := p.number(qs[0]), p.number(qs[len(qs)-1])
	switch len(qs) {
	case 1:
		return p.t("pdf.numbers.single", "n", first)
	case 2:
		return p.t("pdf.numbers.pair", "first", first, "second", last)
	}
	return p.t("pdf.numbers.run", "first", first, "last", last)
}

// prose lays out Markdown text in blocks, tagged under the document.
func (p *pack) prose(text string) []block {
	return asBlocks(p.tagParas(p.paras(p.md.Convert(text), contentW, body.style()), nil, 2), marginX)
}

// cover lays out page 1: what the pack is, for which workbook, how long
// its sessions take, and what it is for.
func (p *pack) cover() []block {
	c, wb := p.site.Config, p.workbook
	var ps []piece
	add := func(more ...piece) { ps = append(ps, more...) }
	add(gap(8))
	add(linePieces(tagLines(p.plain(c.Title, contentW, title.style()), p.elem("P", nil)), marginX)...)
	add(gap(6))
	add(linePieces(tagLines(p.plain(p.t("pdf.pack.kicker"), contentW, textStyle{size: 14, colour: darkGrey}), p.elem("P", nil)), marginX)...)
	add(gap(1))
	add(linePieces(tagLines(p.plain(workbookName(wb), contentW, heading1.style()), p.elem("H1", nil)), marginX)...)
	add(gap(10))
	facts := [][2]string{{p.t("pdf.pack.workbook"), workbookName(wb)}}
	if wb.Level.Audience != "" {
		facts = append(facts, [2]string{p.t("pdf.pack.audience"), wb.Level.Audience})
	}
	questions := p.t("pdf.pack.questions_all", "n", len(wb.Questions), "workbook", workbookName(wb))
	if n := len(wb.Questions); n < len(wb.Level.Questions) {
		questions = p.t("pdf.pack.questions_part", "n", n, "total", len(wb.Level.Questions))
	}
	facts = append(facts, [2]string{p.t("pdf.pack.questions"), questions})
	if len(p.plan) > 0 {
		facts = append(facts, [2]string{p.t("pdf.pack.sessions"), p.sessionsText()})
	}
	facts = append(facts, [2]string{p.t("pdf.pack.people"), p.t("pdf.pack.people_text")})
	if v := p.versionText(); v != "" {
		facts = append(facts, [2]string{p.t("pdf.pack.content"), v})
	}
	add(p.factList(facts, coverLabelW)...)
	add(gap(12))
	add(p.inset(p.t("pdf.pack.about_heading"), []markdown.Span{{Text: p.t("pdf.pack.about", "workbook", workbookName(wb))}}))
	return []block{{pieces: ps, newPage: true}}
}

// sessionsText says how many sessions the plan has and how long they are.
func (p *pack) sessionsText() string {
	lo, hi := p.minutesRange()
	switch {
	case len(p.plan) == 1:
		return p.t("pdf.pack.one_session", "minutes", lo)
	case lo == hi:
		return p.t("pdf.pack.sessions_same", "sessions", len(p.plan), "minutes", lo)
	}
	return p.t("pdf.pack.sessions_range", "sessions", len(p.plan), "shortest", lo, "longest", hi)
}

// howToRun is the guide: what to do before the session, the ground
// rules, how to reach an agreed rating and capture actions, and what to
// do after.
func (p *pack) howToRun() []block {
	out := []block{p.partHeading(p.t("pdf.pack.run"))}
	for i, key := range []string{"before", "rules", "agree", "actions", "after"} {
		heading := p.t("pdf.pack." + key + "_heading")
		before := 10.0
		if i == 0 {
			before = 2
		}
		out = append(out, p.heading(2, heading, heading2.style(), before, p.anchor(heading, 1)))
		out = append(out, p.prose(p.t("pdf.pack."+key))...)
	}
	return out
}

// clock writes minutes from the start as h:mm.
func clock(minutes int) string {
	return strconv.Itoa(minutes/60) + ":" + fmt.Sprintf("%02d", minutes%60)
}
