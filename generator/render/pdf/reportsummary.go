package pdf

import (
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
)

// Report summary geometry: the foundation column of the grid, the cycle
// column of the progress table, and the swatch beside each rating's word.
const (
	reportFoundationW = 34.0
	reportCycleW      = 40.0
	swatchSize        = 3.0
)

// summaryPart is the page a meeting reads first: for the latest review
// cycle, how many questions in each foundation and area of focus have
// each rating, then the same counts for the whole level in every cycle.
// Counts are always words and numbers; a rating's colour only tints the
// swatch beside its word.
func (r *report) summaryPart() []block {
	name := r.t("pdf.report.summary")
	head := r.partHeading(name)
	out := []block{head}
	if len(r.data.cycles) == 0 {
		return out
	}
	latest := r.data.cycles[len(r.data.cycles)-1]
	out = append(out, r.heading(2, r.t("pdf.report.ratings_in", "cycle", latest), heading2.style(), 4))
	intro := r.t("pdf.report.grid_intro", "cycle", latest)
	out = append(out, block{pieces: linePieces(r.plain(intro, contentW, body.style()), marginX), keepWithNext: true})
	out = append(out, r.ratingGrid(latest))
	out = append(out, r.heading(2, r.t("pdf.report.progress"), heading2.style(), 10))
	out = append(out, r.progressTable())
	return out
}

// ratingGrid is the foundation × area table of counts for one cycle.
// Cells without questions at this level are shaded and say so.
func (r *report) ratingGrid(cycle string) block {
	return r.countGrid(r.data.level, func(qs []*model.Question) ([]int, int) {
		return r.data.tally(r.site.Framework.Ratings, qs, cycle)
	})
}

// countGrid is a table of the level's foundations down the side and
// areas of focus across the top, each cell counting the ratings tally
// gives for its questions. Cells without questions are shaded and say
// so. It is tagged as a table: a header row, and a row per foundation
// headed by its name.
func (b *book) countGrid(l *model.Level, tally func([]*model.Question) (counts []int, unrated int)) block {
	fw := b.site.Framework
	cols := []column{{b.t("pdf.col_foundation"), reportFoundationW}}
	for _, a := range fw.Focuses {
		cols = append(cols, column{short(a.Short, a.Title), 0})
	}
	cols = stretch(cols)
	table := b.elem("Table", nil)
	header := b.tableHeader(cols, textStyle{size: 9, face: bold, colour: black}, b.elem("TR", table))
	ps := []piece{header}
	for fi, f := range fw.Foundations {
		ps = append(ps, b.gridRow(f, l.Grid[fi], cols, tally, b.elem("TR", table)))
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}

// countLine is one line of a grid cell: a swatch and "Amber 2". A rating
// given is in bold, so what there is stands out; a count of 0 is grey.
type countLine struct {
	text string
	tint *rgb
	st   textStyle
}

// countStyle is how a count is set: bold for a rating given, grey for 0.
func countStyle(n int, rated bool) textStyle {
	switch {
	case n == 0:
		return textStyle{size: 9, colour: darkGrey}
	case rated:
		return textStyle{size: 9, face: bold, colour: black}
	}
	return textStyle{size: 9, colour: black}
}

// gridRow is one foundation's row of the grid: row is its structure
// element (nil untagged).
func (b *book) gridRow(f *model.Foundation, cells [][]*model.Question, cols []column, tally func([]*model.Question) ([]int, int), row *pdfobj.Elem) piece {
	st := textStyle{size: 9, colour: black}
	head := b.headerCell(row, "Row")
	name := tagLines(b.plain(short(f.Short, f.Title), cols[0].w-2*cellPad, label.style()), head)
	ratings := b.site.Framework.Ratings
	lines := make([][]countLine, len(cells))
	tds := make([]*pdfobj.Elem, len(cells))
	for i, qs := range cells {
		tds[i] = b.elem("TD", row)
		if len(qs) == 0 {
			continue
		}
		counts, unrated := tally(qs)
		for k, rt := range ratings {
			c, ok := parseColour(rt.Colour)
			lines[i] = append(lines[i], countLine{b.t("pdf.count", "rating", short(rt.Label, rt.Title), "n", counts[k]), tintOf(c, ok), countStyle(counts[k], true)})
		}
		lines[i] = append(lines[i], countLine{b.t("pdf.count", "rating", b.t("pdf.not_rated"), "n", unrated), nil, countStyle(unrated, false)})
	}
	none := b.clean(st.face, b.t("pdf.no_questions"))
	h := max(sumLines(name), float64(len(ratings)+1)*st.lineHeight()) + 2*cellPad
	return piece{h: h, draw: func(d *doc, y float64) {
		x := marginX
		d.box(x, y, cols[0].w, h)
		d.drawLines(name, x+cellPad, y+cellPad)
		x += cols[0].w
		for i, c := range cols[1:] {
			touch(tds[i])
			if len(cells[i]) == 0 {
				d.fill(x, y, c.w, h, fillGrey)
				d.within(tds[i], func() { d.text(x+cellPad, y+cellPad+st.baseline(), st.face, st.size, darkGrey, none) })
			}
			for k, cl := range lines[i] {
				top := y + cellPad + float64(k)*st.lineHeight()
				tx := x + cellPad
				if cl.tint != nil {
					d.tick(tx, top+(st.lineHeight()-swatchSize)/2, swatchSize, cl.tint)
				}
				tx += swatchSize + 1.5
				cs := cl.st
				// A space after each count keeps the words apart when
				// the cell is read out.
				d.within(tds[i], func() {
					d.textThen(tx, top+cs.baseline(), cs.face, cs.size, cs.colour, d.fit(cs, cl.text, c.w-2*cellPad-swatchSize-1.5), " ")
				})
			}
			d.box(x, y, c.w, h)
			x += c.w
		}
	}}
}

// progressTable counts the level's ratings in every cycle with answers.
func (r *report) progressTable() block {
	ratings := r.site.Framework.Ratings
	cols := []column{{r.t("pdf.col_cycle"), reportCycleW}}
	for _, rt := range ratings {
		cols = append(cols, column{short(rt.Label, rt.Title), 0})
	}
	cols = stretch(append(cols, column{r.t("pdf.not_rated"), 0}))
	st := body.style()
	header := r.tableHeader(cols, label.style(), nil)
	ps := []piece{header}
	for _, c := range r.data.cycles {
		counts, unrated := r.data.tally(ratings, r.data.level.Questions, c)
		cells := []string{c}
		for _, n := range counts {
			cells = append(cells, r.figure(n))
		}
		ps = append(ps, r.textRow(cols, append(cells, r.figure(unrated)), st))
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}

// textRow is a table row of wrapped text, as tall as its tallest cell.
func (r *report) textRow(cols []column, cells []string, st textStyle) piece {
	lines := make([][]line, len(cols))
	h := st.lineHeight()
	for i, c := range cols {
		lines[i] = r.plain(cells[i], c.w-2*cellPad, st)
		h = max(h, sumLines(lines[i]))
	}
	h += 2 * cellPad
	return piece{h: h, draw: func(d *doc, y float64) {
		x := marginX
		for i, c := range cols {
			d.box(x, y, c.w, h)
			d.drawLines(lines[i], x+cellPad, y+cellPad)
			x += c.w
		}
	}}
}
