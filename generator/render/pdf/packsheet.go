package pdf

import (
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
)

// Consolidation sheet geometry: the number, question and agreed
// columns, the most room the tally columns take together, the pitch of
// the agreed column's tick boxes, and the space around a tally box.
const (
	sheetNumberW   = 13.0
	sheetQuestionW = 46.0
	sheetAgreedW   = 23.0
	sheetTalliesW  = 51.0
	sheetTickPitch = 6.5
	sheetTallyPad  = 1.5
	sheetFieldH    = 11.0
	sheetRowMax    = 34.0 // a row's height when the page has room
	sheetAbove     = 62.0 // the sheet's heading, lines to write on, intro and table header
)

// sheets lays out a consolidation sheet for each session: lines for the
// team, date, facilitator and number of people, then a row for each
// question with a tally box for each rating, tick boxes for the agreed
// rating and room to write the action.
func (p *pack) sheets() []block {
	var out []block
	for i, s := range p.plan {
		name := p.t("pdf.pack.sheet")
		if len(p.plan) > 1 {
			name = p.t("pdf.pack.sheet_session", "n", i+1, "sessions", len(p.plan))
		}
		out = append(out, p.partHeading(name))
		out = append(out, block{pieces: []piece{p.sheetFields(p.t("pdf.pack.sheet_team"), p.t("pdf.pack.sheet_date")), p.sheetFields(p.t("pdf.pack.sheet_facilitator"), p.t("pdf.pack.sheet_people"))}, before: 1})
		out = append(out, block{pieces: p.para(p.t("pdf.pack.sheet_intro")), before: 4, keepWithNext: true})
		out = append(out, p.sheetTable(s))
	}
	return out
}

// sheetFields is a line with two labels, each followed by a rule to
// write on.
func (p *pack) sheetFields(left, right string) piece {
	st := body.style()
	lp, rp := p.elem("P", nil), p.elem("P", nil)
	half := contentW / 2
	return piece{h: sheetFieldH, draw: func(d *doc, y float64) {
		base := y + sheetFieldH - 3
		for _, f := range []struct {
			text string
			x    float64
			e    *pdfobj.Elem
		}{{left, marginX, lp}, {right, marginX + half + 4, rp}} {
			text := d.clean(bold, f.text)
			d.within(f.e, func() { d.text(f.x, base, bold, st.size, black, text) })
			start := f.x + d.textWidth(bold, st.size, text) + 2
			end := f.x + half - 4
			if f.x > marginX {
				end = marginX + contentW
			}
			d.rule(start, end, base+0.5)
		}
	}}
}

// sheetTable is the table of a session's questions.
func (p *pack) sheetTable(s model.WorkshopSession) block {
	ratings := p.site.Framework.Ratings
	tallyW := min(17.0, sheetTalliesW/float64(max(1, len(ratings))))
	cols := []column{{p.t("pdf.pack.col_number"), sheetNumberW}, {p.t("pdf.col_question"), sheetQuestionW}}
	for _, r := range ratings {
		cols = append(cols, column{short(r.Label, r.Title), tallyW})
	}
	cols = stretch(append(cols, column{p.t("pdf.pack.col_agreed"), sheetAgreedW}, column{p.t("pdf.pack.col_action"), 0}))
	table := p.elem("Table", nil)
	header := p.tableHeader(cols, textStyle{size: 9, face: bold, colour: black}, p.elem("TR", table))
	ps := []piece{header}
	// Rows share the page's room, for bigger tally boxes, between the
	// least a row needs and sheetRowMax.
	least := max(float64(len(ratings))*sheetTickPitch, 2*rulePitch+boxFoot) + 2*cellPad
	rowH := min(max((contentH-sheetAbove)/float64(len(s.Questions)), least), sheetRowMax)
	for _, q := range s.Questions {
		ps = append(ps, p.sheetRow(table, cols, q, rowH-2*cellPad)...)
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}

// sheetRow is one question's row: its number, its text, a tinted box to
// tally each rating in, a tick box for each rating to agree one, and
// writing lines for the action; rowMin is the least height of its
// content.
func (p *pack) sheetRow(table *pdfobj.Elem, cols []column, q *model.Question, rowMin float64) []piece {
	ratings := p.site.Framework.Ratings
	n := len(ratings)
	agreedAt, actionAt := 2+n, 3+n
	small9 := textStyle{size: 9, colour: black}
	return p.tableRow(table, cols, 1, func(i int, e *pdfobj.Elem, w float64) cell {
		switch {
		case i == 0:
			return cell{lines: p.plain(p.figure(p.number(q)), w, textStyle{size: 11, face: bold, colour: black})}
		case i == 1:
			return cell{lines: p.plain(q.Text.Plain(), w, small9)}
		case i < agreedAt:
			c, ok := parseColour(ratings[i-2].Colour)
			tint := tintOf(c, ok)
			// An empty cell, a box drawn to the row's least height to
			// tally in.
			return cell{lines: spacer(rowMin), mark: func(d *doc, x, y, w, h float64) {
				if tint != nil {
					d.fill(x+sheetTallyPad, y+sheetTallyPad, w-2*sheetTallyPad, h-2*sheetTallyPad, tint.tint(0.18))
				}
			}}
		case i == agreedAt:
			var lines []line
			for _, r := range ratings {
				l := p.plain(short(r.Label, r.Title), w-tickSize, small9)
				for k := range l {
					l[k].indent = 5.5
				}
				lines = append(lines, l...)
				lines = append(lines, spacer(sheetTickPitch-small9.lineHeight())...)
			}
			return cell{lines: lines, mark: func(d *doc, x, y, _, _ float64) {
				for k, r := range ratings {
					c, ok := parseColour(r.Colour)
					d.tick(x+cellPad, y+cellPad+float64(k)*sheetTickPitch+(small9.lineHeight()-4)/2, 4, tintOf(c, ok))
				}
			}}
		case i == actionAt:
			return cell{lines: spacer(rowMin), mark: func(d *doc, x, y, w, h float64) {
				d.cellRules(x, y, w, h)
			}}
		}
		return cell{}
	})
}

// spacer is an empty line h high: room in a cell with nothing to read.
func spacer(h float64) []line {
	return []line{{style: textStyle{size: h / (mmPerPt * 1.35)}}}
}
