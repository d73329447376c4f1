package pdfobj

import (
	"strconv"
	"strings"
)

// Annot is an annotation to put on a page: a link, or the widget of a
// form field. fpdf writes its links inline in the page, where a
// structure element cannot point at them, so the workbook's links are
// made here too, as objects of their own.
type Annot struct {
	Page int  // from 0
	Rect Rect // in points from the page's lower left corner
	// Body is the rest of the annotation's dictionary, for example
	// "/Subtype /Link /Border [0 0 0] /A <</S /URI /URI (…)>>".
	Body string
	// DestPage, for a link within the document, is the page it goes to
	// (from 0): Body then ends with the rest of the destination array,
	// which is written after the page's reference.
	DestPage int
	dest     bool
	field    *Field
	elem     *Elem
	num, key int
}

// GoTo makes a link annotation to a place on a page (from 0), y points
// from its bottom.
func GoTo(page int, y float64, r Rect) *Annot {
	return &Annot{Rect: r, DestPage: page, dest: true,
		Body: "/Subtype /Link /Border [0 0 0] /Dest [%PAGE% /XYZ 0 " + Num(y) + " null]"}
}

// URI makes a link annotation to a web address.
func URI(uri string, r Rect) *Annot {
	return &Annot{Rect: r, Body: "/Subtype /Link /Border [0 0 0] /A <</S /URI /URI " + Text(uri) + ">>"}
}

// write sets the annotation's object.
func (a *Annot) write(f *File, pages []int) {
	var b strings.Builder
	b.WriteString("<<")
	body := a.Body
	if a.dest {
		body = strings.Replace(body, "%PAGE%", Ref(pages[a.DestPage]), 1)
	}
	b.WriteString(body)
	if a.field != nil {
		if !a.field.Group {
			b.WriteString(" " + a.field.entries())
		} else {
			b.WriteString(" /Parent " + Ref(a.field.num))
		}
	}
	b.WriteString(" /Rect " + a.Rect.String() + " /P " + Ref(pages[a.Page]))
	if a.elem != nil {
		b.WriteString(" /StructParent " + strconv.Itoa(a.key))
	}
	b.WriteString(">>")
	f.Set(a.num, []byte(b.String()))
}
