package pdf

import "workbook/generator/render/pdf/pdfobj"

// column is a table column: its heading and width.
type column struct {
	title string
	w     float64
}

// cellPad is the space between a cell's border and its text.
const cellPad = 2.0

// tableHeader is a shaded row of bold column headings, drawn again at the
// top of each page a table continues on: row is its structure element,
// each heading a column header cell in it.
func (b *book) tableHeader(cols []column, st textStyle, row *pdfobj.Elem) piece {
	titles := make([][]line, len(cols))
	h := 0.0
	for i, c := range cols {
		titles[i] = tagLines(b.plain(c.title, c.w-2*cellPad, st), b.headerCell(row, "Column"))
		h = max(h, sumLines(titles[i]))
	}
	h += 2 * cellPad
	return piece{h: h, draw: func(d *doc, y float64) {
		d.fill(marginX, y, contentW, h, fillGrey)
		x := marginX
		for i, c := range cols {
			d.box(x, y, c.w, h)
			d.drawLines(titles[i], x+cellPad, y+cellPad)
			x += c.w
		}
	}}
}

// headerCell is a TH element in row, heading its row or column (scope).
func (d *doc) headerCell(row *pdfobj.Elem, scope string) *pdfobj.Elem {
	if row == nil {
		return nil
	}
	th := d.elem("TH", row)
	th.Extra = "/A <</O /Table /Scope /" + scope + ">>"
	return th
}

// cellRules draws writing lines across a cell, rulePitch apart, leaving
// room below the last.
func (d *doc) cellRules(x, y, w, h float64) {
	for ry := y + rulePitch; ry <= y+h-boxFoot; ry += rulePitch {
		d.rule(x+cellPad, x+w-cellPad, ry)
	}
}

// stretch gives the columns of width 0 equal shares of the content width
// the others leave.
func stretch(cols []column) []column {
	used, free := 0.0, 0
	for _, c := range cols {
		used += c.w
		if c.w == 0 {
			free++
		}
	}
	for i := range cols {
		if cols[i].w == 0 {
			cols[i].w = (contentW - used) / float64(free)
		}
	}
	return cols
}
