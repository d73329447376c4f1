package pdfobj

import "strings"

// Field is an interactive form field (ISO 32000-1, 12.7): a text field
// with one widget, whose dictionary is the widget's too, or a group of
// radio buttons, a field of its own whose widgets are its kids.
type Field struct {
	Name    string // the partial name, /T: never with a period, which would make it two names
	Tooltip string // /TU: what a screen reader says the field is for
	// Type is the field's other entries: /FT, /Ff, /DA, /V and so on.
	Type string
	// Group makes the field an object of its own with its widgets as
	// kids, as radio buttons need.
	Group   bool
	Widgets []*Annot
	num     int
}

// Widget adds a widget annotation to the field; body is the widget's own
// entries (/Subtype /Widget, /F, /MK, /AP, /AS).
func (fl *Field) Widget(page int, r Rect, body string) *Annot {
	a := &Annot{Page: page, Rect: r, Body: body, field: fl}
	fl.Widgets = append(fl.Widgets, a)
	return a
}

// entries are the field's dictionary entries.
func (fl *Field) entries() string {
	return "/T " + Text(fl.Name) + " /TU " + Text(fl.Tooltip) + " " + fl.Type
}

// write sets a group field's object.
func (fl *Field) write(f *File) {
	var b strings.Builder
	b.WriteString("<<" + fl.entries() + " /Kids [")
	for i, w := range fl.Widgets {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(Ref(w.num))
	}
	b.WriteString("]>>")
	f.Set(fl.num, []byte(b.String()))
}
