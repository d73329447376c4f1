package pdf

import (
	"workbook/generator/render/pdf/pdfobj"
)

// anchor is a place in the workbook that the outline (bookmarks) and the
// contents page point to.
type anchor struct {
	title string
	note  string  // said after the title on the contents page: "questions 3 and 4"
	level int     // 0 for a top-level entry, 1 beneath it
	toc   bool    // listed on the contents page as well as in the outline
	page  int     // where it landed, once placed
	y     float64 // and how far down the page
}

// anchor makes an anchor listed in both the outline and the contents.
func (d *doc) anchor(title string, level int) *anchor {
	return &anchor{title: title, level: level, toc: true}
}

// tocText is the anchor's entry on the contents page.
func (a *anchor) tocText() string {
	if a.note == "" {
		return a.title
	}
	return a.title + " (" + a.note + ")"
}

// mark records that anchors start at the current position.
func (d *doc) mark(as []*anchor) {
	for _, a := range as {
		a.page, a.y = d.page, d.y
		d.setFont(regular, body.style().size) // the outline is encoded as UTF-16 only while a UTF-8 font is current
		d.pdf.Bookmark(plainBMP(a.title), a.level, d.y)
		d.outline = append(d.outline, a.level)
	}
}

// Contents geometry: the page number column and the indent of entries
// under a foundation.
const (
	tocNumberW = 14.0
	tocIndent  = 7.0
)

// tocRow is one laid-out contents entry.
type tocRow struct {
	a      *anchor
	lines  []line
	before float64
	h      float64
}

// tocRows lays out the entries.
func (d *doc) tocRows(entries []*anchor) []tocRow {
	rows := make([]tocRow, 0, len(entries))
	for i, a := range entries {
		st, indent := body.style(), 0.0
		before := 1.0
		if a.level == 0 {
			st.face = bold
			if i > 0 {
				before = 4
			}
		} else {
			indent = tocIndent
		}
		lines := d.plain(a.tocText(), contentW-tocNumberW-4-indent, st)
		if len(lines) == 0 {
			lines = d.plain(d.t("pdf.contents.untitled"), contentW, st)
		}
		for k := range lines {
			lines[k].indent = indent
		}
		rows = append(rows, tocRow{a: a, lines: lines, before: before, h: float64(len(lines)) * st.lineHeight()})
	}
	return rows
}

// tocHeading is the contents page's own heading.
func (d *doc) tocHeading() []line {
	return d.plain(d.t("pdf.contents.title"), contentW, heading1.style())
}

// tocPlace returns, for each row, the contents page it falls on (0 for
// the first) and its top. Reserving pages and filling them in share it,
// so they agree.
func (d *doc) tocPlace(rows []tocRow) (pages []int, tops []float64) {
	page, y := 0, contentTop+sumLines(d.tocHeading())+4
	for _, r := range rows {
		if y+r.before+r.h > contentBottom {
			page, y = page+1, contentTop
		} else {
			y += r.before
		}
		pages, tops = append(pages, page), append(tops, y)
		y += r.h
	}
	return pages, tops
}

func sumLines(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.style.lineHeight()
	}
	return h
}

// contents is the contents pages reserved: the first, and the structure
// elements of the heading and the list, which are placed in the tree
// here, where they are read, though drawn last.
type contents struct {
	first     int
	head, toc *pdfobj.Elem
}

// reserveContents adds blank pages for the contents, to be filled in by
// drawContents once every entry's page is known.
func (d *doc) reserveContents(rows []tocRow) contents {
	d.newPage()
	c := contents{first: d.page, head: d.elem("H1", nil), toc: d.elem("TOC", nil)}
	touch(c.head)
	touch(c.toc)
	d.mark([]*anchor{{title: d.t("pdf.contents.title")}})
	pages, _ := d.tocPlace(rows)
	if n := len(pages); n > 0 {
		for range pages[n-1] {
			d.newPage()
		}
	}
	return c
}

// drawContents fills in the reserved pages: each entry's title, a dotted
// leader and its page number, the whole row a link to the page.
func (d *doc) drawContents(c contents, rows []tocRow) {
	d.goTo(c.first)
	d.y = contentTop
	d.drawPieces(linePieces(tagLines(d.tocHeading(), c.head), marginX))
	pages, tops := d.tocPlace(rows)
	for i, r := range rows {
		d.goTo(c.first + pages[i])
		// Each entry is an item of the list holding a link, whose text is
		// the title and the page number.
		d.within(d.elem("Link", d.elem("TOCI", c.toc)), func() {
			y := d.drawLines(r.lines, marginX, tops[i])
			last := r.lines[len(r.lines)-1]
			st := last.style
			base := y - st.lineHeight() + st.baseline()
			num := d.figure(r.a.page)
			nw := d.textWidth(st.face, st.size, num)
			right := marginX + contentW
			d.dotted(marginX+last.width()+2, right-nw-2, base)
			d.text(right-nw, base, st.face, st.size, st.colour, num)
			d.jump(marginX, tops[i], contentW, r.h, r.a, d.t("pdf.contents.link", "entry", r.a.tocText(), "page", r.a.page))
		})
	}
}

// goTo moves to an existing page to draw on it again.
func (d *doc) goTo(page int) {
	if d.page != page {
		d.endMarked()
		d.pdf.SetPage(page)
		d.page = page
	}
}
