package pdf

import (
	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/render/pdf/fieldname"
	"workbook/generator/render/pdf/pdfobj"
)

// Question geometry, in millimetres. Tick boxes and the pitch of writing
// lines are sized for a pen: at least 5 mm and 8 mm.
const (
	tickSize    = 6.0
	rulePitch   = 9.0
	boxPad      = 4.0 // inside a box, left and right
	boxLabelH   = 7.5 // the label band at the top of a box
	boxFoot     = 3.0 // below a box's last writing line
	cycleRowH   = 8.5
	cycleColW   = 30.0
	ratingColW  = 34.0
	questionGap = 10.0 // between one question and the next
)

// question lays out one question as a block that stays on one page: its
// number and id, its text, the prompts, an answer box, an evidence box
// with the hint, what good looks like (what green means for this
// question), and a row of rating tick boxes per review cycle.
func (b *book) question(n int, q *model.Question, s *model.Section) block {
	ps := []piece{b.questionHead(n, q, s), gap(2)}
	ps = append(ps, flatten(b.tagParas(b.paras(q.Text, contentW, question.style()), nil, 3), marginX)...)
	if len(q.Prompts) > 0 {
		ps = append(ps, gap(3))
		ps = append(ps, linePieces(tagLines(b.plain(b.t("pdf.question.prompts"), contentW, label.style()), b.elem("P", nil)), marginX)...)
		list := b.elem("L", nil)
		for _, p := range q.Prompts {
			ps = append(ps, gap(1))
			ps = append(ps, flatten(b.listItem(list, b.bulleted(p, contentW, body.style())), marginX)...)
		}
	}
	what := b.t("pdf.field.question", "n", n, "id", q.ID)
	ps = append(ps, gap(4), b.writingBox(b.t("pdf.question.answer"), nil, b.set.answerLines,
		fieldname.Field{Box: fieldname.Answer, Question: q.ID}, b.t("pdf.field.answer", "question", what)))
	var h []line
	hintElem := b.elem("P", nil)
	for _, p := range b.paras(q.Evidence, contentW-2*boxPad, hint.style()) {
		h = append(h, tagLines(p.lines, hintElem)...)
	}
	evidence := b.writingBox(b.t("pdf.question.evidence"), h, b.set.evidenceLines,
		fieldname.Field{Box: fieldname.Evidence, Question: q.ID}, b.t("pdf.field.evidence", "question", what))
	evidence.grow = nil // the answer box takes the room at the foot of a page
	ps = append(ps, gap(3), evidence)
	ps = append(ps, gap(3), b.ratingBox(q.ID, b.t("pdf.number", "n", n), b.good(q)))
	// With many writing lines a question can be taller than a page; it
	// then breaks between boxes, and the next page says whose boxes they
	// are.
	lb := label.style()
	cont := b.clean(lb.face, b.t("pdf.continued", "n", n))
	more := piece{h: 8, draw: func(d *doc, y float64) {
		d.asArtifact(func() { d.text(marginX, y+5, lb.face, lb.size, lb.colour, cont) })
	}}
	return block{pieces: ps, before: questionGap, repeat: []piece{more}}
}

// questionHead is a rule, the question's number, its id small and grey
// (what the web version's answers call it, for whoever matches a
// printout to them; the action plans ask for numbers), and on the right
// where it sits in the framework, for a page read on its own.
func (b *book) questionHead(n int, q *model.Question, s *model.Section) piece {
	const h = 7.0
	lb, sm, ids := label.style(), small.style(), idStyle()
	num := b.clean(lb.face, b.t("pdf.number", "n", n))
	id := q.ID
	if q.Draft {
		id += " · " + b.t("pdf.question.draft") // only a preview or build --drafts draws drafts
	}
	id = b.clean(regular, id)
	where := short(s.Foundation.Short, s.Foundation.Title) + " · " + short(s.Focus.Short, s.Focus.Title)
	head := b.elem("H3", nil)
	return piece{h: h, draw: func(d *doc, y float64) {
		base := y + 5
		d.line(marginX, y, marginX+contentW, y, black, 0.6)
		d.within(head, func() {
			// Spaces after the number and the id keep them apart when
			// the heading is read out.
			d.textThen(marginX, base, lb.face, lb.size, lb.colour, num, " ")
			idX := marginX + d.textWidth(lb.face, lb.size, num) + 3
			d.textThen(idX, base, ids.face, ids.size, ids.colour, id, " ")
			room := contentW - (idX - marginX) - d.textWidth(ids.face, ids.size, id) - 6
			w := d.fit(sm, where, room)
			d.text(marginX+contentW-d.textWidth(sm.face, sm.size, w), base, sm.face, sm.size, sm.colour, w)
		})
	}}
}

// idStyle is how a question's id is printed: small and mid-grey, for
// matching a printout to the web version's answers, not for reading.
// The grey still has a contrast of 4.7:1 on white.
func idStyle() textStyle { return textStyle{size: 7.5, colour: idGrey} }

// listItem makes laid-out paragraphs one item of list: the first line's
// marker its label, all the text its body.
func (d *doc) listItem(list *pdfobj.Elem, ps []para) []para {
	if list == nil {
		return ps
	}
	li := d.elem("LI", list)
	body := d.elem("LBody", li)
	for i := range ps {
		tagLines(ps[i].lines, body)
	}
	if len(ps) > 0 && len(ps[0].lines) > 0 {
		ps[0].lines[0].lbl = d.elem("Lbl", li)
	}
	return ps
}

// bulleted lays out a Markdown document as one bullet point.
func (b *book) bulleted(md markdown.Doc, width float64, st textStyle) []para {
	ps := b.paras(md, width-listIndent, st)
	for i := range ps {
		for k := range ps[i].lines {
			ps[i].lines[k].indent += listIndent
		}
	}
	if len(ps) > 0 && len(ps[0].lines) > 0 && ps[0].lines[0].marker == "" {
		ps[0].lines[0].marker = "•"
	}
	return ps
}

// writingBox is a framed box with a label, optional hint lines and ruled
// lines to write on, and a text field over the lines named f. It can
// grow by whole lines to fill the foot of its page.
func (b *book) writingBox(name string, hint []line, rules int, f fieldname.Field, tip string) piece {
	lb := label.style()
	name = b.clean(lb.face, name)
	hintH := sumLines(hint)
	caption := b.elem("P", nil)
	var box func(rules int) piece
	box = func(rules int) piece {
		h := boxLabelH + hintH + float64(rules)*rulePitch + boxFoot
		return piece{h: h, draw: func(d *doc, y float64) {
			d.box(marginX, y, contentW, h)
			d.within(caption, func() { d.text(marginX+boxPad, y+5.5, lb.face, lb.size, lb.colour, name) })
			top := d.drawLines(hint, marginX+boxPad, y+boxLabelH-0.5) + 0.5
			for k := 1; k <= rules; k++ {
				d.rule(marginX+boxPad, marginX+contentW-boxPad, top+float64(k)*rulePitch)
			}
			fieldTop := top + rulePitch - firstLineDrop
			d.textField(marginX+boxPad-1.5, fieldTop, contentW-2*boxPad+3, y+h-fieldTop-1, f, tip, true, nil)
		}, grow: func(extra float64) piece {
			return box(rules + int(extra/rulePitch))
		}}
	}
	return box(rules)
}

// good lays out what good looks like for q, to sit in its rating box:
// the picture of green that the ticks are measured against. None if the
// question does not say.
func (b *book) good(q *model.Question) []line {
	if q.Good.Empty() {
		return nil
	}
	text := append([]markdown.Span{{Text: b.t("pdf.question.good") + " ", Bold: true}}, spansOf(q.Good)...)
	return b.wrap(text, contentW-2*boxPad, 0, textStyle{size: 10, colour: black})
}

// ratingBox is a framed box with one row per review cycle, each a tick
// box for every rating, under what good looks like (good, if any). The
// rating's word is printed beside each box, so a black-and-white copy
// keeps the meaning; the tint only helps. Each row is a group of radio
// buttons, named for the question id and cycle; what names the question
// for screen readers.
func (b *book) ratingBox(id, what string, good []line) piece {
	lb, st := label.style(), body.style()
	ratings := b.site.Framework.Ratings
	cycles := b.set.cycles
	colW := ratingColW
	if n := float64(len(ratings)); n > 0 {
		colW = min(ratingColW, (contentW-cycleColW-boxPad)/n)
	}
	type option struct {
		label string
		tint  *rgb
		id    string
	}
	options := make([]option, len(ratings))
	for i, r := range ratings {
		c, ok := parseColour(r.Colour)
		options[i] = option{b.fit(st, short(r.Label, r.Title), colW-tickSize-4), tintOf(c, ok), r.ID}
	}
	heading := b.clean(lb.face, b.t("pdf.question.rating"))
	goodH := sumLines(good)
	h := boxLabelH + goodH + float64(len(cycles))*cycleRowH + 2
	caption := b.elem("P", nil)
	good = tagLines(good, b.elem("P", nil))
	table := b.elem("Table", nil)
	return piece{h: h, draw: func(d *doc, y float64) {
		d.box(marginX, y, contentW, h)
		d.within(caption, func() { d.text(marginX+boxPad, y+5.5, lb.face, lb.size, lb.colour, heading) })
		d.drawLines(good, marginX+boxPad, y+boxLabelH-0.5)
		for i, cycle := range cycles {
			top := y + boxLabelH + goodH + float64(i)*cycleRowH
			if i > 0 {
				d.line(marginX+boxPad, top, marginX+contentW-boxPad, top, ruleGrey, 0.1)
			}
			row := d.elem("TR", table)
			base := top + cycleRowH/2 + 1.4
			d.within(d.headerCell(row, "Row"), func() {
				d.text(marginX+boxPad, base, bold, st.size, st.colour, d.fit(textStyle{size: st.size, face: bold}, cycle, cycleColW-boxPad-2))
			})
			// The row's one data cell holds the cycle's rating: a radio
			// button and its label for each rating.
			group := d.radioGroup(fieldname.Field{Box: fieldname.Rating, Question: id, Cycle: cycle}, d.t("pdf.field.rating", "question", what, "cycle", cycle))
			cell := d.elem("TD", row)
			for j, o := range options {
				x, ty := marginX+cycleColW+float64(j)*colW, top+(cycleRowH-tickSize)/2
				d.tick(x, ty, tickSize, o.tint)
				d.radio(group, x, ty, tickSize, o.id, d.t("pdf.field.rating_option", "question", what, "cycle", cycle, "rating", o.label), cell)
				d.within(cell, func() { d.text(x+tickSize+2, base, st.face, st.size, st.colour, o.label) })
			}
		}
	}}
}

// spansOf runs the paragraphs of a short Markdown text together, for a
// panel that sets one paragraph.
func spansOf(d markdown.Doc) []markdown.Span {
	var out []markdown.Span
	for i, bl := range d.Blocks {
		if i > 0 {
			out = append(out, markdown.Span{Text: " "})
		}
		out = append(out, bl.Spans...)
	}
	return out
}
