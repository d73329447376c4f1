package pdf

import (
	"strings"
	"workbook/generator/answers"

	"workbook/generator/model"
)

// Answer layout: how far typed text is indented (a grey rule runs down
// its left), and the height of the line naming a cycle and its rating.
const (
	quoteIndent = 5.0
	cycleLineH  = 8.0
)

// answersPart lists every answered question, by foundation and area of
// focus as in the workbook, with its answers in each review cycle.
func (r *report) answersPart() []block {
	out := []block{r.partHeading(r.t("pdf.report.answers"))}
	return append(out, r.byFoundation(r.data.level, func(q *model.Question) bool { return len(r.data.byQuestion[q]) > 0 }, r.answeredQuestion)...)
}

// byFoundation lays out a level's questions that show says to show,
// each as question lays it out, under a heading for each foundation and
// area of focus that has any, in the framework's order; the first
// heading sits close under the part's.
func (b *book) byFoundation(l *model.Level, show func(*model.Question) bool, question func(*model.Question) block) []block {
	fw := b.site.Framework
	var out []block
	for fi, f := range fw.Foundations {
		var part []block
		for ai, a := range fw.Focuses {
			var qs []block
			for _, q := range l.Grid[fi][ai] {
				if show(q) {
					qs = append(qs, question(q))
				}
			}
			if len(qs) > 0 {
				qs[0].before = 3
				part = append(part, b.heading(3, a.Title, textStyle{size: 12, face: bold, colour: black}, 8))
				part = append(part, qs...)
			}
		}
		if len(part) > 0 {
			before := 12.0
			if len(out) == 0 {
				before = 4
			}
			out = append(out, b.heading(2, f.Title, heading2.style(), before, b.anchor(f.Title, 1)))
			out = append(out, part...)
		}
	}
	return out
}

// answeredQuestion is a question as in the workbook (number, id, where it
// sits, its text) followed by what was saved for it in each cycle. It
// stays on one page when it fits, and otherwise breaks between lines,
// the next page saying whose answers continue.
func (r *report) answeredQuestion(q *model.Question) block {
	n := r.number(q)
	ps := []piece{r.questionHead(n, q, &model.Section{Foundation: q.Foundation, Focus: q.Focus}), gap(2)}
	ps = append(ps, flatten(r.paras(q.Text, contentW, question.style()), marginX)...)
	for _, c := range r.data.cycles {
		for _, a := range r.data.byQuestion[q][c] {
			ps = append(ps, gap(4))
			ps = append(ps, r.answerPieces(a, q.ID)...)
		}
	}
	return block{pieces: ps, before: questionGap, repeat: []piece{r.continued(r.t("pdf.continued", "n", n))}}
}

// continued is the line at the top of a page that a long block continues on.
func (r *report) continued(text string) piece {
	lb := label.style()
	text = r.clean(lb.face, text)
	return piece{h: 8, draw: func(d *doc, y float64) { d.text(marginX, y+5, lb.face, lb.size, lb.colour, text) }}
}

// answerPieces lays out one cycle's answer: the cycle and its rating,
// then the answer, evidence and action as typed. id is the question's
// id, to say when an answer was saved under an earlier one.
func (r *report) answerPieces(a answers.Record, id string) []piece {
	ps := []piece{r.cycleLine(a, id)}
	for _, f := range []struct{ name, text string }{{r.t("pdf.report.answer"), a.Answer}, {r.t("pdf.report.evidence"), a.Evidence}, {r.t("pdf.report.action"), a.Action}} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		ps = append(ps, gap(1.5))
		ps = append(ps, linePieces(r.plain(f.name, contentW, label.style()), marginX)...)
		ps = append(ps, r.quoted(f.text)...)
	}
	var who []string
	if a.Owner != "" {
		who = append(who, r.t("pdf.report.owner", "owner", a.Owner))
	}
	if a.Due != "" {
		who = append(who, r.t("pdf.report.due", "due", a.Due))
	}
	if a.Done() {
		who = append(who, r.t("pdf.report.done"))
	}
	if len(who) > 0 {
		if strings.TrimSpace(a.Action) == "" {
			ps = append(ps, gap(1.5))
			ps = append(ps, linePieces(r.plain(r.t("pdf.report.action"), contentW, label.style()), marginX)...)
		}
		ps = append(ps, r.quoted(strings.Join(who, " · "))...)
	}
	return ps
}

// cycleLine names the cycle and its rating: a tick box tinted with the
// rating's colour and ticked, then its word, so it reads the same in
// black and white.
func (r *report) cycleLine(a answers.Record, id string) piece {
	st := body.style()
	cycle := r.fit(textStyle{size: st.size, face: bold}, a.Cycle, cycleColW-2)
	rating := r.t("pdf.report.rating", "rating", r.ratingName(a.Rating))
	var tint *rgb
	for _, rt := range r.site.Framework.Ratings {
		if rt.ID == a.Rating {
			c, ok := parseColour(rt.Colour)
			tint = tintOf(c, ok)
		}
	}
	note := ""
	if a.Question != id {
		note = r.t("pdf.report.earlier_id", "id", a.Question)
	}
	return piece{h: cycleLineH, draw: func(d *doc, y float64) {
		d.fill(marginX, y, contentW, cycleLineH, fillGrey)
		base := y + cycleLineH/2 + 1.4
		d.text(marginX+2, base, bold, st.size, black, cycle)
		x := marginX + cycleColW
		if a.Rating != "" {
			d.tick(x, y+(cycleLineH-4.5)/2, 4.5, tint)
			d.tickMark(x, y+(cycleLineH-4.5)/2, 4.5)
			x += 4.5 + 2
		}
		text := d.fit(st, rating, marginX+contentW-x-2)
		d.text(x, base, st.face, st.size, black, text)
		if note != "" {
			sm := small.style()
			x += d.textWidth(st.face, st.size, text) + 4
			d.text(x, base, sm.face, sm.size, sm.colour, d.fit(sm, note, marginX+contentW-x-2))
		}
	}}
}

// tickMark draws a tick in a tick box, as a pen would.
func (d *doc) tickMark(x, y, size float64) {
	d.line(x+size*0.2, y+size*0.55, x+size*0.42, y+size*0.78, black, 0.5)
	d.line(x+size*0.42, y+size*0.78, x+size*0.82, y+size*0.22, black, 0.5)
}

// quoted lays out typed text as given: its line breaks kept, indented
// under a grey rule so it reads as the reader's words, one piece a line
// so a long answer can break across pages.
func (r *report) quoted(text string) []piece {
	st := body.style()
	var ps []piece
	for _, para := range strings.Split(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")), "\n") {
		if strings.TrimSpace(para) == "" {
			ps = append(ps, ruled(gap(st.lineHeight()/2)))
			continue
		}
		for _, p := range linePieces(r.plain(para, contentW-quoteIndent, st), marginX+quoteIndent) {
			ps = append(ps, ruled(p))
		}
	}
	return ps
}

// ruled draws a grey rule down the left of a piece.
func ruled(p piece) piece {
	return piece{h: p.h, draw: func(d *doc, y float64) {
		d.line(marginX+1, y, marginX+1, y+p.h, ruleGrey, 0.8)
		p.draw(d, y)
	}}
}

// actionsPart gathers every action, with its owner and date, in question
// order, for the meeting to agree and follow up.
func (r *report) actionsPart() []block {
	name := r.t("pdf.report.actions")
	head := r.partHeading(name)
	cols := stretch([]column{{r.t("pdf.col_question"), 24}, {r.t("pdf.col_cycle"), 24}, {r.t("pdf.col_action"), 0}, {r.t("pdf.col_owner"), 30}, {r.t("pdf.col_due"), 24}, {r.t("pdf.col_status"), 17}})
	header := r.tableHeader(cols, label.style(), nil)
	st := textStyle{size: 10, colour: black}
	ps := []piece{header}
	row := func(question string, a answers.Record) {
		ps = append(ps, r.textRow(cols, []string{question, a.Cycle, a.Action, a.Owner, a.Due, r.statusWord(a.Done())}, st))
	}
	for _, q := range r.data.level.Questions {
		for _, c := range r.data.cycles {
			for _, a := range r.data.byQuestion[q][c] {
				if a.HasAction() {
					row(r.t("pdf.number", "n", r.number(q)), a)
				}
			}
		}
	}
	for _, id := range r.data.orphanIDs() {
		for _, a := range r.data.byCycle(r.data.orphans[id]) {
			if a.HasAction() {
				row(id, a)
			}
		}
	}
	if len(ps) == 1 {
		return []block{head, {pieces: linePieces(r.plain(r.t("pdf.report.no_actions"), contentW, body.style()), marginX), before: 3}}
	}
	intro := r.t("pdf.report.actions_intro", "level", r.data.level.Title)
	return []block{head, {pieces: linePieces(r.plain(intro, contentW, body.style()), marginX), before: 3, keepWithNext: true},
		{pieces: ps, repeat: []piece{header}, before: 4}}
}

// orphansPart keeps answers to questions since removed from the
// framework or renamed without an earlier id: the report never drops an
// answer the file holds.
func (r *report) orphansPart() []block {
	ids := r.data.orphanIDs()
	if len(ids) == 0 {
		return nil
	}
	name := r.t("pdf.report.orphans")
	head := r.partHeading(name)
	out := []block{head, {pieces: linePieces(r.plain(r.t("pdf.report.orphans_intro"), contentW, body.style()), marginX), before: 3}}
	for _, id := range ids {
		as := r.data.byCycle(r.data.orphans[id])
		lb := label.style()
		ps := []piece{{h: 7, draw: func(d *doc, y float64) {
			d.line(marginX, y, marginX+contentW, y, black, 0.6)
			d.text(marginX, y+5, lb.face, lb.size, lb.colour, d.fit(lb, d.t("pdf.number_id", "id", id), contentW))
		}}, gap(2)}
		if as[0].Text != "" {
			ps = append(ps, linePieces(r.plain(as[0].Text, contentW, textStyle{size: 12, face: italic, colour: black}), marginX)...)
		}
		for _, a := range as {
			ps = append(ps, gap(4))
			ps = append(ps, r.answerPieces(a, id)...)
		}
		out = append(out, block{pieces: ps, before: questionGap, repeat: []piece{r.continued(r.t("pdf.continued_id", "id", id))}})
	}
	return out
}
