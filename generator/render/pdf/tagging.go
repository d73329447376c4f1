package pdf

import (
	"strconv"

	"workbook/generator/markdown"
	"workbook/generator/render/pdf/pdfobj"
)

// tagger makes the workbook a tagged PDF while it is drawn: every piece
// of text goes into marked content that belongs to a structure element
// (a heading, a paragraph, a list item, a table cell), and everything
// else drawn (box outlines, writing lines, tick boxes, tints, running
// headers and footers) is marked as an artifact, which screen readers
// skip. The marks go straight into fpdf's page streams, around fpdf's
// own drawing operators.
type tagger struct {
	root *pdfobj.Elem // the Document element
	// cur is the element that text drawn now belongs to.
	cur *pdfobj.Elem
	// artifacts counts nested requests to draw text as an artifact (a
	// table header repeated on a new page, the running header).
	artifacts int
	next      []int        // the next MCID of each page, from page 1
	open      *pdfobj.Elem // the element whose marked content is open, if any
	openArt   bool         // an artifact is open
}

func newTagger() *tagger {
	return &tagger{root: pdfobj.NewElem("Document", nil)}
}

// elem makes a structure element under parent (the document when nil),
// or returns nil when the document is not tagged (reports).
func (d *doc) elem(role string, parent *pdfobj.Elem) *pdfobj.Elem {
	if d.tags == nil {
		return nil
	}
	if parent == nil {
		parent = d.tags.root
	}
	return pdfobj.NewElem(role, parent)
}

// touch puts e in the structure tree now, before its content is drawn:
// for parts drawn later than they are read (the contents) and for
// elements with no content (an empty table cell).
func touch(e *pdfobj.Elem) {
	if e != nil {
		e.Touch()
	}
}

// within runs draw with text going into e (when e is set).
func (d *doc) within(e *pdfobj.Elem, draw func()) {
	if d.tags == nil || e == nil {
		draw()
		return
	}
	prev := d.tags.cur
	d.tags.cur = e
	draw()
	d.tags.cur = prev
}

// asArtifact runs draw with all it draws marked as an artifact.
func (d *doc) asArtifact(draw func()) {
	if d.tags == nil {
		draw()
		return
	}
	d.tags.artifacts++
	draw()
	d.tags.artifacts--
}

// markText opens marked content for the text about to be drawn: the
// current element's, or an artifact's. Text drawn with no element set
// goes into a paragraph of its own, so nothing is ever left out.
func (d *doc) markText() {
	t := d.tags
	if t == nil {
		return
	}
	if t.artifacts > 0 {
		d.markArtifact()
		return
	}
	e := t.cur
	if e == nil {
		e = pdfobj.NewElem("P", t.root)
		t.cur = e
	}
	if t.open == e {
		return
	}
	d.endMarked()
	for len(t.next) < d.page {
		t.next = append(t.next, 0)
	}
	mcid := t.next[d.page-1]
	t.next[d.page-1]++
	d.pdf.RawWriteStr("/" + e.Role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	e.AddContent(d.page-1, mcid)
	t.open = e
}

// markArtifact opens an artifact for drawing that is not content.
func (d *doc) markArtifact() {
	t := d.tags
	if t == nil || t.openArt {
		return
	}
	d.endMarked()
	d.pdf.RawWriteStr("/Artifact BMC")
	t.openArt = true
}

// endMarked closes the open marked content, if any: before a page ends
// or another page is drawn on.
func (d *doc) endMarked() {
	t := d.tags
	if t == nil || (t.open == nil && !t.openArt) {
		return
	}
	d.pdf.RawWriteStr("EMC")
	t.open, t.openArt = nil, false
}

// tagLines makes lines draw their text into e.
func tagLines(ls []line, e *pdfobj.Elem) []line {
	for i := range ls {
		ls[i].elem = e
	}
	return ls
}

// tagParas gives laid-out Markdown its structure under parent: a
// paragraph each, headings one level below level, quotes, and lists
// (L, LI, Lbl for the marker, LBody for the text), nested as written.
//
// A list passed as parent gets the items of a Markdown list that starts
// at the top level, so items laid out one by one make one list.
func (d *doc) tagParas(ps []para, parent *pdfobj.Elem, level int) []para {
	if d.tags == nil {
		return ps
	}
	var given *pdfobj.Elem
	if parent != nil && parent.Role == "L" {
		given, parent = parent, parent.Parent()
	}
	type open struct {
		list, item *pdfobj.Elem
		kind       markdown.BlockKind
	}
	var lists []open
	// The document's biggest headings go one level below level.
	top := 6
	for _, p := range ps {
		if p.kind == markdown.Heading {
			top = min(top, p.level)
		}
	}
	for i := range ps {
		p := &ps[i]
		switch p.kind {
		case markdown.Bullet, markdown.Numbered:
			depth := p.level
			if depth > len(lists) {
				depth = len(lists)
			}
			lists = lists[:min(len(lists), depth+1)]
			if len(lists) == depth+1 && lists[depth].kind != p.kind {
				lists = lists[:depth]
			}
			if len(lists) == depth {
				under := parent
				if depth > 0 {
					under = lists[depth-1].item
				}
				l := given
				if depth > 0 || l == nil {
					l = d.elem("L", under)
				}
				if p.kind == markdown.Numbered {
					l.Extra = "/A <</O /List /ListNumbering /Decimal>>"
				}
				lists = append(lists, open{list: l, kind: p.kind})
			}
			li := d.elem("LI", lists[depth].list)
			lists[depth].item = li
			body := d.elem("LBody", li)
			tagLines(p.lines, body)
			if len(p.lines) > 0 {
				p.lines[0].lbl = d.elem("Lbl", li)
			}
			continue
		case markdown.Heading:
			tagLines(p.lines, d.elem(headingRole(level+1+p.level-top), parent))
		case markdown.Quote:
			tagLines(p.lines, d.elem("BlockQuote", parent))
		default:
			tagLines(p.lines, d.elem("P", parent))
		}
		lists = nil
	}
	return ps
}

// headingRole is H1 to H6 for a heading level.
func headingRole(level int) string { return "H" + strconv.Itoa(min(max(level, 1), 6)) }
