package pdf

import (
	"strconv"
	"strings"

	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
)

// Summary grid geometry: the foundation and cycle columns, and the
// height of one cycle's line in a cell: at least enough to write a word,
// more when the page has room.
const (
	summaryFoundationW = 32.0
	summaryCycleW      = 18.0
	summaryPitchMin    = 8.0
	summaryPitchMax    = 12.0
)

// summary is the last page: the workbook's foundations down the side and
// areas of focus across the top, each cell with a line per review cycle
// to write the overall rating of that cell's questions. Cells without
// questions in this workbook are shaded.
func (b *book) summary() []block {
	name := b.t("pdf.summary.title")
	head := b.partHeading(name)
	intro := block{pieces: linePieces(tagLines(b.plain(b.summaryIntro(), contentW, body.style()), b.elem("P", nil)), marginX), before: 3, keepWithNext: true}

	cols := []column{{b.t("pdf.summary.foundation"), summaryFoundationW}, {b.t("pdf.col_cycle"), summaryCycleW}}
	for _, f := range b.wb.Focuses {
		cols = append(cols, column{short(f.Short, f.Title), 0})
	}
	cols = stretch(cols)
	table := b.elem("Table", nil)
	header := b.tableHeader(cols, textStyle{size: 9, face: bold, colour: black}, b.elem("TR", table))
	lines := float64(max(1, len(b.wb.Foundations)*len(b.set.cycles)))
	// Less a millimetre, so that rounding never pushes a page's worth
	// of rows onto a second page.
	room := contentH - head.height() - intro.before - intro.height() - 5 - header.h - 1
	pitch := min(max(room/lines, summaryPitchMin), summaryPitchMax)
	ps := []piece{header}
	for _, f := range b.wb.Foundations {
		ps = append(ps, b.summaryRow(f, cols, pitch, table))
	}
	return []block{head, intro, {pieces: ps, repeat: []piece{header}, before: 5}}
}

// summaryIntro says what to write in the cells: the ratings' initials
// when they tell the ratings apart, else their names.
func (b *book) summaryIntro() string {
	var names, keys []string
	seen := map[string]bool{}
	for _, r := range b.site.Framework.Ratings {
		n := short(r.Label, r.Title)
		names = append(names, n)
		initial := strings.ToUpper(string([]rune(n)[:1]))
		if n == "" || seen[initial] {
			keys = nil
			break
		}
		seen[initial] = true
		keys = append(keys, b.t("pdf.summary.initial", "initial", initial, "rating", n))
	}
	text := b.t("pdf.summary.intro_ratings", "ratings", b.list(names))
	if len(keys) == len(names) && len(keys) > 0 {
		text = b.t("pdf.summary.intro_initials", "initials", b.list(keys))
	}
	return text + " " + b.t("pdf.summary.shaded")
}

// summaryRow is one foundation's row of the grid. In the structure tree
// it is a row per review cycle, the foundation's header cell spanning
// them, each with the cycle's header cell and an empty cell per area of
// focus, which is what the grid means.
func (b *book) summaryRow(f *model.Foundation, cols []column, pitch float64, table *pdfobj.Elem) piece {
	name := b.plain(short(f.Short, f.Title), cols[0].w-2*cellPad, label.style())
	rows := make([]*pdfobj.Elem, len(b.set.cycles))
	cycleCells := make([]*pdfobj.Elem, len(b.set.cycles))
	cells := make([][]*pdfobj.Elem, len(b.set.cycles))
	var foundationCell *pdfobj.Elem
	for i := range rows {
		rows[i] = b.elem("TR", table)
		if i == 0 {
			foundationCell = b.headerCell(rows[0], "Row")
			if foundationCell != nil {
				foundationCell.Extra = "/A <</O /Table /Scope /Row /RowSpan " + strconv.Itoa(len(rows)) + ">>"
			}
			tagLines(name, foundationCell)
		}
		cycleCells[i] = b.headerCell(rows[i], "Row")
		for range cols[2:] {
			cells[i] = append(cells[i], b.elem("TD", rows[i]))
		}
	}
	cycle := textStyle{size: 9, colour: black}
	cycles := make([]string, len(b.set.cycles))
	for i, c := range b.set.cycles {
		cycles[i] = b.fit(cycle, c, cols[1].w-2*cellPad)
	}
	covered := make([]bool, len(b.wb.Focuses))
	for i, a := range b.wb.Focuses {
		for _, s := range b.wb.Sections {
			if s.Foundation == f && s.Focus == a && len(s.Questions) > 0 {
				covered[i] = true
			}
		}
	}
	h := max(float64(len(cycles))*pitch, sumLines(name)+2*cellPad)
	return piece{h: h, draw: func(d *doc, y float64) {
		// Cells go into the tree in reading order, row by row, before
		// the foundation's name is drawn across them.
		for i := range rows {
			touch(rows[i])
			if i == 0 {
				touch(foundationCell)
			}
			touch(cycleCells[i])
			for _, c := range cells[i] {
				touch(c)
			}
		}
		x := marginX
		d.box(x, y, cols[0].w, h)
		d.drawLines(name, x+cellPad, y+cellPad)
		x += cols[0].w
		for i, c := range cycles {
			top := y + float64(i)*pitch
			if i > 0 {
				d.line(x, top, marginX+contentW, top, ruleGrey, 0.2)
			}
			d.within(cycleCells[i], func() { d.text(x+cellPad, top+pitch/2+1.1, cycle.face, cycle.size, cycle.colour, c) })
		}
		d.box(x, y, cols[1].w, h)
		x += cols[1].w
		for i, c := range cols[2:] {
			if !covered[i] {
				d.fill(x, y, c.w, h, fillGrey)
			}
			d.box(x, y, c.w, h)
			x += c.w
		}
	}}
}
