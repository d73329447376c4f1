package pdf

import (
	"slices"

	"workbook/generator/markdown"
	"workbook/generator/model"
)

// howToSlug is the content page whose text opens the workbook.
const howToSlug = "how-to-use"

// howTo lays out the pages before the questions: the content's how-to
// page (or a short built-in text when the content has none), what each
// rating means, the review cycles, and the level's own introduction.
func (b *book) howTo() []block {
	var pg *model.Page
	for _, p := range b.site.Pages {
		if p.Slug == howToSlug {
			pg = p
		}
	}
	name := b.t("pdf.howto.title")
	var text markdown.Doc
	if pg != nil && pg.Title != "" {
		name = pg.Title
	}
	if pg != nil && !pg.Body.Empty() {
		text = b.printedSections(pg)
	} else {
		text = markdown.New().Convert(b.t("pdf.howto.text"))
	}
	top := b.partHeading(name)
	out := []block{top}
	out = append(out, asBlocks(b.tagParas(b.paras(text, contentW, body.style()), nil, 1), marginX)...)
	out = append(out, b.ratingKey()...)
	if in := b.wb.Level.Intro; in != nil && !in.Body.Empty() {
		name := short(in.Title, b.wb.Level.Title)
		out = append(out, b.heading(1, name, heading1.style(), 12, b.anchor(name, 0)))
		out = append(out, asBlocks(b.tagParas(b.paras(in.Body, contentW, body.style()), nil, 1), marginX)...)
	}
	return out
}

// printedSections is the how-to page without the sections that are
// only for the website, and, in a workbook of part of a level, without
// those only a whole level's workbook needs (choosing a level): the
// content's web_only and level_only.
func (b *book) printedSections(pg *model.Page) markdown.Doc {
	part := len(b.wb.Questions) < len(b.wb.Level.Questions)
	return pg.Body.Without(func(heading string) bool {
		return slices.Contains(pg.WebOnly, heading) || part && slices.Contains(pg.LevelOnly, heading)
	})
}

// Rating key geometry: the tick box, then the label, then its meaning.
const (
	keyLabelX   = 10.0
	keyMeaningX = 36.0
)

// ratingKey says in words what each rating means, in the voice of the
// workbook's level, beside a tick box like the ones under each question,
// and names the review cycles: one block, so the scale is never split
// across pages.
func (b *book) ratingKey() []block {
	st := body.style()
	ps := linePieces(tagLines(b.plain(b.t("pdf.howto.tick"), contentW, st), b.elem("P", nil)), marginX)
	list := b.elem("L", nil)
	for _, r := range b.site.Framework.Ratings {
		li := b.elem("LI", list)
		lbl := tagLines(b.plain(short(r.Label, r.Title), keyMeaningX-keyLabelX-2, textStyle{size: st.size, face: bold, colour: st.colour}), b.elem("Lbl", li))
		text := sideBySide(lbl, marginX+keyLabelX, tagLines(b.plain(r.MeaningFor(b.wb.Level), contentW-keyMeaningX, st), b.elem("LBody", li)), marginX+keyMeaningX)
		colour, ok := parseColour(r.Colour)
		off := max(0, (tickSize-st.lineHeight())/2)
		ps = append(ps, gap(3), piece{h: max(text.h+off, tickSize), draw: func(d *doc, y float64) {
			d.tick(marginX, y, tickSize, tintOf(colour, ok))
			text.draw(d, y+off)
		}})
	}
	cycles := b.t("pdf.howto.cycle", "cycles", b.list(b.set.cycles))
	if len(b.set.cycles) > 1 {
		cycles = b.t("pdf.howto.cycles", "cycles", b.list(b.set.cycles))
	}
	ps = append(ps, gap(4))
	ps = append(ps, linePieces(tagLines(b.plain(cycles, contentW, st), b.elem("P", nil)), marginX)...)
	return []block{b.heading(2, b.t("pdf.ratings_heading"), heading2.style(), 8), {pieces: ps}}
}

// partHeading opens a part of the document on a new page: a top-level
// heading with its own entry in the contents and the outline.
func (b *book) partHeading(title string) block {
	h := b.heading(1, title, heading1.style(), 0, b.anchor(title, 0))
	h.newPage = true
	return h
}

// heading is a heading of level (1 for H1) that stays with what follows
// it. A little space under it, in proportion to its size, ties it to the
// text it heads.
func (b *book) heading(level int, text string, st textStyle, before float64, anchors ...*anchor) block {
	ps := append(linePieces(tagLines(b.plain(text, contentW, st), b.elem(headingRole(level), nil)), marginX), gap(st.size*0.15))
	return block{pieces: ps, before: before, keepWithNext: true, anchors: anchors}
}

// tintOf returns the colour to tint a tick box with, or nil for none.
func tintOf(c rgb, ok bool) *rgb {
	if !ok {
		return nil
	}
	return &c
}
