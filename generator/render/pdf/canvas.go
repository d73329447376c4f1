package pdf

import (
	"github.com/go-pdf/fpdf"

	"workbook/generator/i18n"
	"workbook/generator/render/pdf/pdfobj"
)

// Page geometry, in millimetres. A4 portrait with at least 15 mm of white
// on every side, so nothing is lost to a printer's unprintable edge, and
// the running header and footer outside the content area.
const (
	pageW         = 210.0
	pageH         = 297.0
	marginX       = 18.0
	headerTop     = 15.0 // top of the running header's text
	contentTop    = 26.0
	contentBottom = 270.0
	footerBase    = 281.0 // baseline of the running footer
	contentW      = pageW - 2*marginX
	contentH      = contentBottom - contentTop

	mmPerPt = 25.4 / 72
)

// family is the name the embedded font is filed under in the PDF.
const family = "workbook"

// Colours. Everything that carries meaning is black or near-black so a
// black-and-white printer or photocopier keeps it; greys only for rules
// and fills that guide a pen.
const (
	black     rgb = 0x000000
	darkGrey  rgb = 0x404040
	idGrey    rgb = 0x737373
	ruleGrey  rgb = 0x969696
	fillGrey  rgb = 0xE8E8E8
	linkBlue  rgb = 0x003087
	boxBorder rgb = 0x282828
)

// drawOp is one thing drawn, as the layout golden test records it.
type drawOp struct {
	Page int
	// Kind is what was drawn: "box" (a frame to write in), "rule" (a
	// writing line), "tick" (a tick box), "line", "fill", "text", "link".
	Kind       string
	X, Y, W, H float64 // top-left and size; a line goes from (X,Y) by (W,H); text has Y at its baseline and H its size in points
	Text       string
}

// doc is one workbook being drawn: the fpdf document, the faces measured
// for layout, and the position on the current page. Every drawing call
// goes through doc so tests can record the layout.
type doc struct {
	pdf   *fpdf.Fpdf
	faces [3]*face
	rec   func(drawOp) // nil except in tests
	page  int
	y     float64
	// outline holds the level of each bookmark added, in order, for
	// fixOutline.
	outline []int
	// tags builds the structure tree; nil for an untagged document.
	tags *tagger
	// annots are the links (and, in a fillable workbook, the form
	// fields' widgets) in the order they were drawn; fields are the form
	// fields.
	annots []*pdfobj.Annot
	fields []*pdfobj.Field
	// fillable puts form fields over the boxes.
	fillable bool
	// more holds what else finish adds to the catalog, the document
	// information and the form.
	more pdfobj.Additions
	// words are the strings file's words in the site's language: every
	// word the document prints that is not content.
	words *i18n.Catalog
}

// t is the words of key with named values filled in (i18n.Catalog.T).
func (d *doc) t(key string, args ...any) string { return d.words.T(key, args...) }

// n is the form of key's words for the number n (i18n.Catalog.N).
func (d *doc) n(key string, n int, args ...any) string { return d.words.N(key, n, args...) }

// figure writes a number as the document's language does: 12,345.
func (d *doc) figure(n int) string { return d.words.Number(n) }

// list joins items as the language does: "a, b and c".
func (d *doc) list(items []string) string { return d.words.List(items) }

func (d *doc) record(op drawOp) {
	if d.rec != nil {
		op.Page = d.page
		d.rec(op)
	}
}

// newPage starts a page and puts the pen at the top of its content area.
func (d *doc) newPage() {
	d.endMarked()
	d.pdf.AddPage()
	d.page = d.pdf.PageNo()
	d.y = contentTop
}

// room is the height left on the current page.
func (d *doc) room() float64 { return contentBottom - d.y }

// atTop reports whether nothing has been drawn below the top of the page.
func (d *doc) atTop() bool { return d.y <= contentTop+0.01 }

func (d *doc) setFont(s fontStyle, size float64) { d.pdf.SetFont(family, s.fpdfStyle(), size) }

func (d *doc) setDraw(c rgb, width float64) {
	d.pdf.SetDrawColor(c.rgb())
	d.pdf.SetLineWidth(width)
}

// text draws str with its baseline at y. Text is cleaned for the face
// here too (a no-op for text laid out by wrap), so no character fpdf
// cannot draw, or would panic on, ever reaches it.
func (d *doc) text(x, y float64, s fontStyle, size float64, c rgb, str string) {
	d.textThen(x, y, s, size, c, str, "")
}

// textThen is text followed by more, which is drawn but not measured or
// recorded: the space at a line break, so that text extracted from the
// page, or read out from the structure tree, does not run the last word
// of a line into the first of the next.
func (d *doc) textThen(x, y float64, s fontStyle, size float64, c rgb, str, more string) {
	str = d.faces[s].clean(str)
	if str == "" {
		return
	}
	d.setFont(s, size)
	d.pdf.SetTextColor(c.rgb())
	d.markText()
	d.pdf.Text(x, y, str+more)
	d.record(drawOp{Kind: "text", X: x, Y: y, W: d.faces[s].width(str, size), H: size, Text: str})
}

// textWidth measures clean text.
func (d *doc) textWidth(s fontStyle, size float64, str string) float64 {
	return d.faces[s].width(str, size)
}

// clean prepares text for a face (see face.clean).
func (d *doc) clean(s fontStyle, str string) string { return d.faces[s].clean(str) }

// box draws a frame to write in.
func (d *doc) box(x, y, w, h float64) {
	d.markArtifact()
	d.setDraw(boxBorder, 0.3)
	d.pdf.Rect(x, y, w, h, "D")
	d.record(drawOp{Kind: "box", X: x, Y: y, W: w, H: h})
}

// fill paints a rectangle without a border.
func (d *doc) fill(x, y, w, h float64, c rgb) {
	d.markArtifact()
	d.pdf.SetFillColor(c.rgb())
	d.pdf.Rect(x, y, w, h, "F")
	d.record(drawOp{Kind: "fill", X: x, Y: y, W: w, H: h})
}

// rule draws a writing line.
func (d *doc) rule(x1, x2, y float64) {
	d.markArtifact()
	d.setDraw(ruleGrey, 0.2)
	d.pdf.Line(x1, y, x2, y)
	d.record(drawOp{Kind: "rule", X: x1, Y: y, W: x2 - x1})
}

// line draws a structural line (table borders, separators).
func (d *doc) line(x1, y1, x2, y2 float64, c rgb, width float64) {
	d.markArtifact()
	d.setDraw(c, width)
	d.pdf.Line(x1, y1, x2, y2)
	d.record(drawOp{Kind: "line", X: x1, Y: y1, W: x2 - x1, H: y2 - y1})
}

// dotted draws a dotted leader, as between a contents entry and its page.
func (d *doc) dotted(x1, x2, y float64) {
	if x2-x1 < 2 {
		return
	}
	d.markArtifact()
	d.setDraw(darkGrey, 0.3)
	d.pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
	d.pdf.Line(x1, y, x2, y)
	d.pdf.SetDashPattern(nil, 0)
	d.record(drawOp{Kind: "line", X: x1, Y: y, W: x2 - x1})
}

// tick draws a tick box of side size, tinted with c when c is set. The
// tint is light enough that a pen mark shows on it in black and white.
func (d *doc) tick(x, y, size float64, c *rgb) {
	if c != nil {
		d.pdf.SetFillColor(c.tint(0.25).rgb())
	}
	d.markArtifact()
	d.setDraw(black, 0.35)
	style := "D"
	if c != nil {
		style = "FD"
	}
	d.pdf.Rect(x, y, size, size, style)
	d.record(drawOp{Kind: "tick", X: x, Y: y, W: size, H: size})
}

// link makes a rectangle a link to a web address; what says where it
// goes, for a screen reader.
func (d *doc) link(x, y, w, h float64, href, what string) {
	d.addLink(pdfobj.URI(href, pageRect(x, y, w, h)), what)
	d.record(drawOp{Kind: "link", X: x, Y: y, W: w, H: h, Text: href})
}

// jump makes a rectangle a link to an anchor in the document.
func (d *doc) jump(x, y, w, h float64, to *anchor, what string) {
	d.addLink(pdfobj.GoTo(to.page-1, (pageH-to.y)/mmPerPt, pageRect(x, y, w, h)), what)
	d.record(drawOp{Kind: "link", X: x, Y: y, W: w, H: h})
}

// addLink puts a link annotation on the current page, with its
// description, in the structure element being drawn (a Link).
func (d *doc) addLink(a *pdfobj.Annot, what string) {
	a.Page = d.page - 1
	a.Body += " /Contents " + pdfobj.Text(plainBMP(what))
	d.annots = append(d.annots, a)
	if d.tags != nil && d.tags.cur != nil && d.tags.artifacts == 0 {
		d.tags.cur.AddAnnot(a)
	}
}

// pageRect turns a rectangle in millimetres from the top left of the
// page into PDF points from the bottom left.
func pageRect(x, y, w, h float64) pdfobj.Rect {
	return pdfobj.Rect{X1: x / mmPerPt, Y1: (pageH - y - h) / mmPerPt, X2: (x + w) / mmPerPt, Y2: (pageH - y) / mmPerPt}
}
