package pdf

import "workbook/generator/render/pdf/pdfobj"

// cell is the content of one table cell: its lines, set lead to the
// right of the cell's left edge (room for a mark drawn before them, such
// as a rating's tick box), and mark, drawn once in the cell's first
// part, given the part's box (x, y its top left, w and h its size).
type cell struct {
	lines []line
	lead  float64
	mark  func(d *doc, x, y, w, h float64)
}

// maxRowPart is the tallest part of a table row: a row with more text
// (a long answer) breaks between lines into parts this tall, so that it
// can start low on a page and run on over the next.
const maxRowPart = 30.0

// tableRow lays out one table row as tall as its tallest cell, tagged as
// a TR of table: its first heads cells head the row (TH, scope Row), the
// others are TD. fill builds each cell's content inside its element,
// given the width for text. A row too tall for maxRowPart breaks into
// parts, each a piece: the cells' borders run down the parts, closed at
// the top of the first and the foot of the last.
func (b *book) tableRow(table *pdfobj.Elem, cols []column, heads int, fill func(i int, e *pdfobj.Elem, w float64) cell) []piece {
	tr := b.elem("TR", table)
	cells := make([]cell, len(cols))
	elems := make([]*pdfobj.Elem, len(cols))
	for i, c := range cols {
		if i < heads {
			elems[i] = b.headerCell(tr, "Row")
		} else {
			elems[i] = b.elem("TD", tr)
		}
		cells[i] = fill(i, elems[i], c.w-2*cellPad)
		cells[i].lines = tagUntagged(cells[i].lines, elems[i])
	}
	// Each part takes the lines whose tops fall in its stretch of the
	// row: part[i][n] is the part of cell i's line n, never decreasing.
	limit := maxRowPart - 2*cellPad
	parts := 1
	partOf := make([][]int, len(cells))
	for i, c := range cells {
		top := 0.0
		for _, l := range c.lines {
			p := int(top / limit)
			partOf[i] = append(partOf[i], p)
			parts = max(parts, p+1)
			top += l.style.lineHeight()
		}
	}
	// lines returns cell i's lines in part k.
	lines := func(i, k int) []line {
		from, to := len(partOf[i]), len(partOf[i])
		for n, p := range partOf[i] {
			if p >= k && from == len(partOf[i]) {
				from = n
			}
			if p > k {
				to = n
				break
			}
		}
		return cells[i].lines[from:to]
	}
	out := make([]piece, 0, parts)
	page := 0 // where the last part was drawn
	for k := range parts {
		// Padding above the first part and below the last only, so the
		// parts of a row read as one.
		top, foot := 0.0, 0.0
		if k == 0 {
			top = cellPad
		}
		if k == parts-1 {
			foot = cellPad
		}
		h := 0.0
		for i := range cells {
			h = max(h, sumLines(lines(i, k)))
		}
		if parts == 1 {
			h = max(h, body.style().lineHeight())
		}
		h += top + foot
		out = append(out, piece{h: h, draw: func(d *doc, y float64) {
			x := marginX
			for i, c := range cols {
				touch(elems[i])
				if k == 0 && cells[i].mark != nil {
					cells[i].mark(d, x, y, c.w, h)
				}
				d.drawLines(lines(i, k), x+cellPad+cells[i].lead, y+top)
				d.line(x, y, x, y+h, boxBorder, 0.3)
				x += c.w
			}
			d.line(x, y, x, y+h, boxBorder, 0.3)
			if k == 0 || d.page != page {
				d.line(marginX, y, x, y, boxBorder, 0.3) // the row's top, or its top on a new page
			}
			page = d.page
			if k == parts-1 {
				d.line(marginX, y+h, x, y+h, boxBorder, 0.3)
			}
		}})
	}
	return out
}

// tagUntagged puts the lines that belong to no element into e.
func tagUntagged(ls []line, e *pdfobj.Elem) []line {
	for i := range ls {
		if ls[i].elem == nil {
			ls[i].elem = e
		}
	}
	return ls
}
