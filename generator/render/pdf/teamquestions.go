package pdf

import (
	"strings"

	"workbook/generator/answers"
	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
	"workbook/generator/workshop"
)

// Geometry of a question's table of people: the name and rating
// columns, the tick box beside a rating and the agreed panel's padding.
const (
	peopleNameW   = 38.0
	peopleRatingW = 28.0
	markSize      = 4.5
	panelPad      = 4.0
)

// questionsPart lists the questions anyone answered or the team agreed
// about, by foundation and area of focus as in the workbook.
func (t *teamReport) questionsPart() []block {
	out := []block{t.partHeading(t.t("pdf.team.questions_part"))}
	out = append(out, block{pieces: t.para(t.t("pdf.team.questions_intro", "cycle", t.ws.Cycle), body.style()), before: 2})
	return append(out, t.byFoundation(t.ws.Level, func(q *model.Question) bool {
		_, agreed := t.ws.Agreed(q, t.ws.Cycle)
		return t.said[q] || agreed
	}, t.teamQuestion)...)
}

// teamQuestion is one question: as in the workbook (number, id, where it
// sits, its text), the spread of ratings, each person's rating and
// words, and what the team agreed. It breaks between rows when it must,
// the next page saying whose rows continue.
func (t *teamReport) teamQuestion(q *model.Question) block {
	n := t.number(q)
	ps := []piece{t.questionHead(n, q, &model.Section{Foundation: q.Foundation, Focus: q.Focus}), gap(2)}
	ps = append(ps, flatten(t.tagParas(t.paras(q.Text, contentW, question.style()), nil, 3), marginX)...)
	if t.said[q] {
		ps = append(ps, gap(3), t.ratingsLine(q), gap(3))
	} else {
		ps = append(ps, gap(2))
	}
	table, header := t.peopleTable(q)
	ps = append(ps, table...)
	ps = append(ps, gap(4))
	ps = append(ps, t.agreedPanel(q)...)
	// A question continued on a new page says so, and repeats the
	// table's column headings (as artifacts: they were read once).
	repeat := []piece{t.continuedLine(t.t("pdf.continued", "n", n))}
	if header != nil {
		repeat = append(repeat, *header)
	}
	return block{pieces: ps, before: questionGap, repeat: repeat}
}

// continuedLine is the line at the top of a page a long block continues
// on: an artifact, since the heading it repeats is read once.
func (t *teamReport) continuedLine(text string) piece {
	lb := label.style()
	text = t.clean(lb.face, text)
	return piece{h: 8, draw: func(d *doc, y float64) {
		d.asArtifact(func() { d.text(marginX, y+5, lb.face, lb.size, lb.colour, text) })
	}}
}

// ratingsLine counts a question's ratings in words, each beside a swatch
// of its colour, and says how far apart they are: "Ratings: Red 1,
// Amber 2, Green 0, Not rated 0. 1 step apart."
func (t *teamReport) ratingsLine(q *model.Question) piece {
	st := textStyle{size: 10, colour: black}
	p := t.elem("P", nil)
	type part struct {
		text string
		tint *rgb
		st   textStyle
	}
	parts := []part{{t.t("pdf.team.ratings"), nil, textStyle{size: st.size, face: bold, colour: black}}}
	for k, r := range t.site.Framework.Ratings {
		c, ok := parseColour(r.Colour)
		n := t.counts[q][k]
		parts = append(parts, part{t.t("pdf.count", "rating", short(r.Label, r.Title), "n", n) + ",", tintOf(c, ok), t.countStyle(st, n, true)})
	}
	steps, _ := t.spread(q)
	parts = append(parts, part{t.t("pdf.count", "rating", t.t("pdf.not_rated"), "n", t.unrated[q]) + ".", nil, t.countStyle(st, t.unrated[q], false)},
		part{t.spreadText(steps, len(t.ws.People)-t.unrated[q]) + ".", nil, textStyle{size: st.size, face: bold, colour: black}})
	for i := range parts {
		parts[i].text = t.clean(parts[i].st.face, parts[i].text)
	}
	return piece{h: st.lineHeight(), draw: func(d *doc, y float64) {
		x := marginX
		base := y + st.baseline()
		d.within(p, func() {
			for _, pt := range parts {
				if pt.tint != nil {
					d.tick(x, y+(st.lineHeight()-swatchSize)/2, swatchSize, pt.tint)
					x += swatchSize + 1.2
				}
				d.textThen(x, base, pt.st.face, pt.st.size, pt.st.colour, pt.text, " ")
				x += d.textWidth(pt.st.face, pt.st.size, pt.text) + 3
			}
		})
	}}
}

// countStyle sets a count in the size of st: bold for a rating given,
// grey for 0.
func (t *teamReport) countStyle(st textStyle, n int, rated bool) textStyle {
	s := countStyle(n, rated)
	s.size = st.size
	return s
}

// peopleTable is a row for each person who said anything about q: their
// name, their rating (a ticked box tinted with its colour, and its
// word) and what they wrote; then who said nothing. It returns the
// table's header row too, nil when there is no table.
func (t *teamReport) peopleTable(q *model.Question) ([]piece, *piece) {
	cols := stretch([]column{{t.t("pdf.team.col_person"), peopleNameW}, {t.t("pdf.team.col_rating"), peopleRatingW}, {t.t("pdf.team.col_words"), 0}})
	table := t.elem("Table", nil)
	header := t.tableHeader(cols, label.style(), t.elem("TR", table))
	ps := []piece{header}
	var silent []string
	for _, p := range t.ws.People {
		r, ok := t.ws.Answer(p, q)
		if !ok {
			silent = append(silent, p.Name)
			continue
		}
		ps = append(ps, t.personRow(table, cols, p, r)...)
	}
	switch {
	case len(ps) == 1 && len(t.ws.People) > 0:
		return t.para(t.t("pdf.team.nobody_answered", "cycle", t.ws.Cycle), small.style()), nil
	case len(ps) == 1:
		return nil, nil // a team record alone: nobody's answers were given
	}
	if len(silent) > 0 {
		ps = append(ps, gap(1.5))
		ps = append(ps, t.para(t.t("pdf.team.not_answered", "names", t.list(silent)), small.style())...)
	}
	return ps, &header
}

// personRow is one person's row of a question's table.
func (t *teamReport) personRow(table *pdfobj.Elem, cols []column, p *workshop.Person, r answers.Record) []piece {
	st := textStyle{size: 10, colour: black}
	k := t.ratingIndex(r.Rating)
	return t.tableRow(table, cols, 1, func(i int, e *pdfobj.Elem, w float64) cell {
		switch i {
		case 0:
			return cell{lines: t.plain(p.Name, w, textStyle{size: 10, face: bold, colour: black})}
		case 1:
			if k < 0 {
				return cell{lines: t.plain(t.ratingName(r.Rating), w, textStyle{size: 10, colour: darkGrey})}
			}
			c, ok := parseColour(t.site.Framework.Ratings[k].Colour)
			tint := tintOf(c, ok)
			return cell{lines: t.plain(t.ratingName(r.Rating), w-markSize-1.5, textStyle{size: 10, face: bold, colour: black}), lead: markSize + 1.5,
				mark: func(d *doc, x, y, _, _ float64) {
					my := y + cellPad + (st.lineHeight()-markSize)/2
					d.tick(x+cellPad, my, markSize, tint)
					d.tickMark(x+cellPad, my, markSize)
				}}
		}
		return cell{lines: t.wordsLines(r, w, e)}
	})
}

// wordsLines lays out what a person wrote: answer, evidence and action,
// each labelled, their line breaks kept, each a paragraph of cell e.
func (t *teamReport) wordsLines(r answers.Record, w float64, e *pdfobj.Elem) []line {
	st := textStyle{size: 10, colour: black}
	var out []line
	add := func(label, text string) {
		text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
		if text == "" {
			return
		}
		p := t.elem("P", e)
		for i, para := range strings.Split(text, "\n") {
			spans := []markdown.Span{{Text: para}}
			if i == 0 {
				spans = append([]markdown.Span{{Text: label, Bold: true}}, spans...)
			}
			out = append(out, tagLines(t.wrap(spans, w, 0, st), p)...)
		}
	}
	add(t.t("pdf.team.words_answer")+" ", r.Answer)
	add(t.t("pdf.team.words_evidence")+" ", r.Evidence)
	if r.HasAction() {
		add(t.t("pdf.team.words_action")+" ", t.actionText(r.Action, r.Owner, r.Due, r.Done()))
	}
	return out
}

// actionText is an action in one line: "Buy compost (Sam, by May;
// open)".
func (t *teamReport) actionText(action, owner, due string, done bool) string {
	var who []string
	if owner != "" {
		who = append(who, owner)
	}
	if due != "" {
		who = append(who, t.t("pdf.team.action_by", "due", due))
	}
	status := t.t("pdf.team.action_open")
	if done {
		status = t.t("pdf.team.action_done")
	}
	s := strings.TrimSpace(action)
	detail := strings.Join(who, ", ")
	if detail != "" {
		detail += "; "
	}
	return strings.TrimSpace(s + " (" + detail + status + ")")
}

// agreedPanel is what the team agreed about q in the cycle, shaded: the
// agreed rating (or boxes to tick one on paper), the note, the rating
// agreed in the cycle before, and the actions agreed for q.
func (t *teamReport) agreedPanel(q *model.Question) []piece {
	st := body.style()
	bold10 := textStyle{size: st.size, face: bold, colour: black}
	a, _ := t.ws.Agreed(q, t.ws.Cycle)
	w := contentW - 2*panelPad
	var ps []piece
	heading := t.elem("P", nil)
	k := t.ratingIndex(a.Rating)
	if k >= 0 {
		word := t.ratingName(a.Rating)
		c, ok := parseColour(t.site.Framework.Ratings[k].Colour)
		tint := tintOf(c, ok)
		lbl := t.clean(bold10.face, t.t("pdf.team.agreed_heading"))
		ps = append(ps, piece{h: st.lineHeight() + 1, draw: func(d *doc, y float64) {
			base := y + 0.5 + st.baseline()
			x := marginX + panelPad
			d.within(heading, func() {
				d.textThen(x, base, bold10.face, bold10.size, black, lbl, " ")
				x += d.textWidth(bold10.face, bold10.size, lbl) + 3
				my := y + 0.5 + (st.lineHeight()-markSize)/2
				d.tick(x, my, markSize, tint)
				d.tickMark(x, my, markSize)
				d.text(x+markSize+1.5, base, bold10.face, bold10.size, black, d.clean(bold10.face, word))
			})
		}})
	} else {
		ps = append(ps, t.tickToAgree(heading))
	}
	if note := strings.TrimSpace(a.Note); note != "" {
		p := t.elem("P", nil)
		for i, para := range strings.Split(strings.ReplaceAll(note, "\r\n", "\n"), "\n") {
			spans := []markdown.Span{{Text: para}}
			if i == 0 {
				spans = append([]markdown.Span{{Text: t.t("pdf.team.agreed_note") + " ", Bold: true}}, spans...)
			}
			ps = append(ps, linePieces(tagLines(t.wrap(spans, w, 0, st), p), marginX+panelPad)...)
		}
	}
	if c, before, ok := t.ws.Earlier(q); ok {
		ps = append(ps, linePieces(tagLines(t.plain(t.t("pdf.team.agreed_before", "cycle", c, "rating", t.ratingName(before.Rating)), w, small.style()), t.elem("P", nil)), marginX+panelPad)...)
	}
	var acts []string
	for _, x := range t.ws.Actions() {
		if x.Question != "" && t.ws.Question(x.Question) == q {
			acts = append(acts, t.actionText(x.Action, x.Owner, x.Due, x.Done()))
		}
	}
	if len(acts) > 0 {
		spans := []markdown.Span{{Text: t.t("pdf.team.agreed_actions") + " ", Bold: true}, {Text: strings.Join(acts, "; ")}}
		ps = append(ps, linePieces(tagLines(t.wrap(spans, w, 0, st), t.elem("P", nil)), marginX+panelPad)...)
	}
	// Shade each piece, with a little room above the first and below the
	// last, so the panel reads as one even when it breaks.
	ps = append([]piece{gap(panelPad / 2)}, append(ps, gap(panelPad/2))...)
	for i := range ps {
		ps[i] = shaded(ps[i])
	}
	return ps
}

// tickToAgree is a line to agree a rating on paper: a tick box and the
// word of each rating, tinted as in the workbook.
func (t *teamReport) tickToAgree(p *pdfobj.Elem) piece {
	st := body.style()
	lbl := textStyle{size: st.size, face: bold, colour: black}
	text := t.clean(lbl.face, t.t("pdf.team.agreed_heading")+" "+t.t("pdf.team.agreed_none"))
	type box struct {
		word string
		tint *rgb
	}
	var boxes []box
	for _, r := range t.site.Framework.Ratings {
		c, ok := parseColour(r.Colour)
		boxes = append(boxes, box{t.clean(st.face, short(r.Label, r.Title)), tintOf(c, ok)})
	}
	h := max(st.lineHeight(), tickSize) + 2
	return piece{h: h, draw: func(d *doc, y float64) {
		base := y + (h-st.lineHeight())/2 + st.baseline()
		x := marginX + panelPad
		d.within(p, func() {
			d.textThen(x, base, lbl.face, lbl.size, lbl.colour, text, " ")
			x += d.textWidth(lbl.face, lbl.size, text) + 5
			for _, b := range boxes {
				d.tick(x, y+(h-tickSize)/2, tickSize, b.tint)
				x += tickSize + 1.5
				d.textThen(x, base, st.face, st.size, st.colour, b.word, " ")
				x += d.textWidth(st.face, st.size, b.word) + 6
			}
		})
	}}
}

// shaded draws a piece over a grey band with a black rule down its left,
// like the report's insets.
func shaded(p piece) piece {
	return piece{h: p.h, draw: func(d *doc, y float64) {
		d.fill(marginX, y, contentW, p.h, fillGrey)
		d.line(marginX, y, marginX, y+p.h, black, 1.2)
		p.draw(d, y)
	}}
}
