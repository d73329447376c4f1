package pdf

import (
	"strings"

	"workbook/generator/render/pdf/fieldname"
	"workbook/generator/render/pdf/pdfobj"
)

// A fillable workbook has a form field over every box to write in and
// radio buttons over the rating tick boxes, so it can be filled in on
// screen and sent back. The printed page does not change: a widget's
// appearance when empty or off draws nothing, so the printed box, its
// writing lines and the tick box's tint show through, and a filled
// widget draws only the text or the tick. Widgets carry the print flag,
// so what was typed prints.
//
// Text typed into a field is drawn by the viewer in the form's font,
// Helvetica in WinAnsiEncoding with the letters WinAnsi lacks that
// Welsh and other languages of the UK and Europe need added in its
// /Differences (see formFont). Helvetica is one of the 14 fonts every
// PDF viewer has, so it costs no bytes; a copy of the workbook's own
// TrueType face would have to carry every glyph a user might type, and
// the subset fpdf embeds has only the glyphs printed (its ToUnicode map
// claims every character, so viewers would draw the rest as blanks).

// Placeholders in widget dictionaries for the shared appearance streams,
// which exist only once the file is being finished.
const (
	apEmpty = "%EMPTY%" // a transparent, empty appearance
	apTick  = "%TICK%"  // a tick in a tick box
)

// formFontName is the form font's resource name, which /DA refers to.
const formFontName = "Helv"

// firstLineDrop is how far above the first writing line a multi-line
// field starts: viewers put typed text's first baseline about 4 mm below
// a field's top (pdf.js 11.7 points at 11 points), so it sits on the
// first line, like handwriting, not in the air above it.
const firstLineDrop = 5.2

// typedSize is the size, in points, of text typed into a field: the
// printed body text's size, so typed answers read like the rest.
const typedSize = 11

// textField puts a text field over a rectangle of the current page (in
// millimetres from the top left), in a Form element under parent.
func (d *doc) textField(x, y, w, h float64, f fieldname.Field, tip string, multiline bool, parent *pdfobj.Elem) {
	if !d.fillable {
		return
	}
	typ := "/FT /Tx /DA (/" + formFontName + " " + pdfobj.Num(typedSize) + " Tf 0 g)"
	if multiline {
		typ += " /Ff 4096"
	}
	fl := &pdfobj.Field{Name: f.Name(), Tooltip: tip, Type: typ}
	d.fields = append(d.fields, fl)
	d.widget(fl.Widget(d.page-1, pageRect(x, y, w, h), "/Subtype /Widget /F 4 /AP <</N "+apEmpty+">>"), parent)
}

// radioGroup starts a group of radio buttons: one rating of a question
// in one review cycle.
func (d *doc) radioGroup(f fieldname.Field, tip string) *pdfobj.Field {
	if !d.fillable {
		return nil
	}
	// Radio (bit 16), and no way back to none once one is picked (bit 15)
	// except by picking another, as on paper.
	fl := &pdfobj.Field{Name: f.Name(), Tooltip: tip, Type: "/FT /Btn /Ff 49152 /V /Off", Group: true}
	d.fields = append(d.fields, fl)
	return fl
}

// radio puts a radio button of group over a tick box of side size on the
// current page, with value its export value (a rating's id) and tip
// what a screen reader says for it.
func (d *doc) radio(group *pdfobj.Field, x, y, size float64, value, tip string, parent *pdfobj.Elem) {
	if group == nil {
		return
	}
	name := pdfobj.Name(value)
	ap := "<</N <<" + name + " " + apTick + " /Off " + apEmpty + ">>>>"
	a := group.Widget(d.page-1, pageRect(x, y, size, size), "/Subtype /Widget /F 4 /TU "+pdfobj.Text(tip)+" /AS /Off /AP "+ap)
	d.widget(a, parent)
}

// widget records a widget and puts it in a Form element of its own.
func (d *doc) widget(a *pdfobj.Annot, parent *pdfobj.Elem) {
	d.annots = append(d.annots, a)
	if e := d.elem("Form", parent); e != nil {
		e.AddAnnot(a)
	}
}

// finishForm adds the shared appearances and the form's font to f, fills
// them into the widgets, and returns the form dictionary's own entries.
func (d *doc) finishForm(f *pdfobj.File) string {
	if len(d.fields) == 0 {
		return ""
	}
	empty := f.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 1 1]", nil)
	side := tickSize / mmPerPt
	// A tick drawn with lines, so it needs no font: a short stroke down
	// and a long one up, with round ends, inside the box's border.
	tick := "q 0 g 0 G 1.6 w 1 J 1 j " + pdfobj.Num(side*0.22) + " " + pdfobj.Num(side*0.52) + " m " +
		pdfobj.Num(side*0.42) + " " + pdfobj.Num(side*0.28) + " l " + pdfobj.Num(side*0.8) + " " + pdfobj.Num(side*0.78) + " l S Q"
	on := f.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 "+pdfobj.Num(side)+" "+pdfobj.Num(side)+"]", []byte(tick))
	r := strings.NewReplacer(apEmpty, pdfobj.Ref(empty), apTick, pdfobj.Ref(on))
	for _, a := range d.annots {
		a.Body = r.Replace(a.Body)
	}
	font := f.Add([]byte(formFont(d.faces[regular], f.Add([]byte(helveticaMetrics())))))
	return "/DA (/" + formFontName + " " + pdfobj.Num(typedSize) + " Tf 0 g) /DR <</Font <</" + formFontName + " " + pdfobj.Ref(font) + ">>>>"
}
