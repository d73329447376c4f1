package pdf

import (
	"workbook/generator/markdown"
	"workbook/generator/render/pdf/fieldname"
)

// Cover geometry: the width of the label column of the facts and the
// sign-in lines, and the pitch of the sign-in lines (room for a
// signature-sized hand).
const (
	coverLabelW = 40.0
	signPitch   = 13.0
)

// cover lays out page 1: what the workbook is and who it is for, how long
// it takes, which content it prints, lines to write who filled it in, and
// where the accessible web version is.
func (b *book) cover() []block {
	c, lv, wb := b.site.Config, b.wb.Level, b.wb
	var ps []piece
	add := func(more ...piece) { ps = append(ps, more...) }

	add(gap(8))
	add(linePieces(tagLines(b.plain(c.Title, contentW, title.style()), b.elem("P", nil)), marginX)...)
	add(gap(6))
	add(linePieces(tagLines(b.plain(b.t("pdf.workbook.kicker"), contentW, textStyle{size: 14, colour: darkGrey}), b.elem("P", nil)), marginX)...)
	add(gap(1))
	add(linePieces(tagLines(b.plain(b.workbookTitle(), contentW, heading1.style()), b.elem("H1", nil)), marginX)...)
	add(gap(10))

	var facts [][2]string
	if b.workbookTitle() != lv.Title {
		facts = append(facts, [2]string{b.t("pdf.cover.level"), lv.Title})
	}
	if lv.Audience != "" {
		facts = append(facts, [2]string{b.t("pdf.cover.audience"), lv.Audience})
	}
	if wb.Minutes > 0 {
		facts = append(facts, [2]string{b.t("pdf.cover.time"), wb.Estimate().Text(b.words)})
	}
	facts = append(facts, [2]string{b.t("pdf.cover.questions"), b.figure(len(wb.Questions))})
	if v := b.versionText(); v != "" {
		facts = append(facts, [2]string{b.t("pdf.cover.content"), v})
	}
	if len(b.set.cycles) > 0 {
		facts = append(facts, [2]string{b.t("pdf.cover.cycles"), b.list(b.set.cycles)})
	}
	if c.Publisher != "" {
		facts = append(facts, [2]string{b.t("pdf.cover.publisher"), c.Publisher})
	}
	add(b.factList(facts, coverLabelW)...)

	add(gap(12))
	add(linePieces(tagLines(b.plain(b.t("pdf.cover.completed_by"), contentW, heading2.style()), b.elem("H2", nil)), marginX)...)
	for _, line := range []string{"name", "team", "organisation", "date"} {
		add(b.signLine(b.t("pdf.cover."+line), b.t("pdf.field.cover_"+line), fieldname.Field{Box: fieldname.Cover, Line: line}))
	}

	add(gap(14))
	add(b.inset(b.t("pdf.cover.accessible"), b.webText()))
	return []block{{pieces: ps, newPage: true}}
}

// signLine is a label and a line to write on, with a text field over it
// (whose tooltip is tip).
func (b *book) signLine(name, tip string, f fieldname.Field) piece {
	st := body.style()
	p := b.elem("P", nil)
	return piece{h: signPitch, draw: func(d *doc, y float64) {
		base := y + signPitch - 3
		d.within(p, func() { d.text(marginX, base, st.face, st.size, st.colour, d.clean(st.face, name)) })
		d.rule(marginX+coverLabelW, marginX+contentW, base+0.5)
		d.textField(marginX+coverLabelW, base-6.5, contentW-coverLabelW, 7.5, f, tip, false, nil)
	}}
}

// webText says where the web version lives: the accessible alternative
// to a printout, for screen readers and larger text; and whom to ask for
// another format.
func (b *book) webText() []markdown.Span {
	c := b.site.Config
	links := map[string]markdown.Span{"url": {Text: c.WebURL, Href: c.WebURL}, "contact": {Text: c.Contact, Href: c.ContactHref()}}
	key := "pdf.cover.web_at"
	if c.WebURL == "" {
		key = "pdf.cover.web_none"
	}
	out := b.linked(key, links)
	who := c.Publisher
	if who == "" {
		who = b.t("pdf.cover.publisher_none")
	}
	ask := "pdf.cover.contact"
	if c.WebURL == "" {
		ask = "pdf.cover.contact_find"
	}
	switch {
	case c.Contact != "":
		out = append(out, markdown.Span{Text: " "})
		out = append(out, b.linked(ask, links, "who", who)...)
	case c.WebURL == "":
		out = append(out, markdown.Span{Text: " " + b.t("pdf.cover.no_contact")})
	}
	return out
}

// linked is key's words as spans, each value named in links printed as
// its link (i18n.Catalog.Segments), args filled in between.
func (b *book) linked(key string, links map[string]markdown.Span, args ...any) []markdown.Span {
	names := make([]string, 0, len(links))
	for n := range links {
		names = append(names, n)
	}
	var out []markdown.Span
	for _, s := range b.words.Segments(key, names, args...) {
		if s.Name != "" {
			out = append(out, links[s.Name])
		} else {
			out = append(out, markdown.Span{Text: s.Text})
		}
	}
	return out
}

// inset is a shaded panel with a bold heading: text a reader should not
// miss.
func (b *book) inset(heading string, text []markdown.Span) piece {
	const pad = 4.0
	w := contentW - 2*pad
	lines := tagLines(b.plain(heading, w, textStyle{size: 11, face: bold, colour: black}), b.elem("H2", nil))
	lines = append(lines, tagLines(b.wrap(text, w, 0, body.style()), b.elem("P", nil))...)
	h := sumLines(lines) + 2*pad
	return piece{h: h, draw: func(d *doc, y float64) {
		d.fill(marginX, y, contentW, h, fillGrey)
		d.line(marginX, y, marginX, y+h, black, 1.2)
		d.drawLines(lines, marginX+pad, y+pad)
	}}
}

// sideBySide puts two columns of lines next to each other as one piece.
func sideBySide(left []line, leftX float64, right []line, rightX float64) piece {
	h := max(sumLines(left), sumLines(right))
	return piece{h: h, draw: func(d *doc, y float64) {
		for _, col := range []struct {
			lines []line
			x     float64
		}{{left, leftX}, {right, rightX}} {
			d.drawLines(col.lines, col.x, y)
		}
	}}
}

// factList lays out labelled facts, a label (in a column labelW wide)
// beside its value, one under another: the cover's and the report's
// "what this is" list, tagged as a table of row headers and cells.
func (b *book) factList(facts [][2]string, labelW float64) []piece {
	var ps []piece
	table := b.elem("Table", nil)
	for i, f := range facts {
		if i > 0 {
			ps = append(ps, gap(2))
		}
		row := b.elem("TR", table)
		lbl := tagLines(b.plain(f[0], labelW-4, textStyle{size: 11, face: bold, colour: black}), b.headerCell(row, "Row"))
		ps = append(ps, sideBySide(lbl, marginX, tagLines(b.plain(f[1], contentW-labelW, body.style()), b.elem("TD", row)), marginX+labelW))
	}
	return ps
}
