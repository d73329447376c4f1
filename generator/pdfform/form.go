// Package pdfform reads what a filled-in PDF form holds: its form
// fields' names and values (ISO 32000-1, 12.7) and its document
// information dictionary. It reads whatever a PDF reader may have saved
// a form as: cross-reference tables and streams, incremental updates (a
// later section's object overriding an earlier one), compressed object
// streams, literal and hex strings in any of the text encodings; and a
// file whose cross-reference is missing or wrong, by scanning for its
// objects, as viewers do. It refuses encrypted files.
//
// It is its own package, not part of the workbook renderer's pdfobj,
// because that one rewrites only what fpdf writes (one cross-reference
// table, every object plain) and relies on its exact layout; a filled
// workbook comes back from pdf.js, pdfcpu, poppler and whatever else
// saved it, so reading it needs a real parser. It needs nothing outside
// Go's standard library.
package pdfform

import (
	"errors"
	"fmt"
	"strings"
)

// Form is what a PDF's form and document information hold.
type Form struct {
	// Info is the document information dictionary's text entries
	// (Title, Author, and any a writer added), decoded.
	Info map[string]string
	// Fields are the form's terminal fields, in the order of the form's
	// /Fields array and their /Kids: the order the writer made them in.
	Fields []Field
	// HasForm reports whether the document has an interactive form at
	// all (an /AcroForm with a /Fields array).
	HasForm bool
}

// Field is one terminal field: a field with a value of its own.
type Field struct {
	// Name is the fully qualified name: the partial names (/T) of the
	// field and its ancestors, joined by periods.
	Name string
	// Type is the field type, inherited if need be: "Tx" (text), "Btn"
	// (check box, radio buttons, push button), "Ch" (choice), "Sig", or
	// "" when the file does not say.
	Type string
	// Value is the field's value (/V, inherited if need be): the text of
	// a text field or choice (several chosen options one a line), or
	// the name of the state a button is in ("" for Off or no value).
	// When a button group has no /V, the state of the first widget that
	// is on.
	Value string
	// Tooltip is the field's alternate name (/TU), if any.
	Tooltip string
}

// ErrEncrypted is returned for an encrypted file.
var ErrEncrypted = errors.New("the file is encrypted")

// maxFields is the most fields read from one form: a workbook of the
// largest framework the project builds has some tens of thousands.
const maxFields = 1_000_000

// Read reads the form fields and document information of a PDF file.
// A file that is not a PDF, or too damaged to read, gives an error that
// says why (wrapping ErrEncrypted for an encrypted file).
func Read(b []byte) (form *Form, err error) {
	if !startsPDF(b) {
		return nil, errors.New("not a PDF file (it does not start with %PDF-)")
	}
	f, err := open(b)
	if err != nil {
		return nil, fmt.Errorf("damaged: %w", err)
	}
	if f.trailer["Encrypt"] != nil {
		return nil, ErrEncrypted
	}
	form = &Form{Info: map[string]string{}}
	if info, _ := f.resolve(f.trailer["Info"]); info != nil {
		if d, ok := info.(Dict); ok {
			for k, v := range d {
				if v, _ := f.resolve(v); v != nil {
					if s, ok := v.(String); ok {
						form.Info[string(k)] = Text(s)
					}
				}
			}
		}
	}
	root, err := f.resolve(f.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("damaged: %w", err)
	}
	catalog, ok := root.(Dict)
	if !ok {
		return nil, errors.New("damaged: it has no document catalog")
	}
	af, err := f.resolve(catalog["AcroForm"])
	if err != nil {
		return nil, fmt.Errorf("damaged: %w", err)
	}
	acro, _ := af.(Dict)
	fv, err := f.resolve(acro["Fields"])
	if err != nil {
		return nil, fmt.Errorf("damaged: %w", err)
	}
	fields, ok := fv.(Array)
	if !ok {
		return form, nil
	}
	form.HasForm = true
	w := &walker{f: f, seen: map[int]bool{}}
	for _, kid := range fields {
		if err := w.field(kid, "", inherited{}, 0); err != nil {
			return nil, fmt.Errorf("damaged: %w", err)
		}
	}
	form.Fields = w.out
	return form, nil
}

// startsPDF reports whether the file has a PDF header in its first
// kilobyte, where readers look for it.
func startsPDF(b []byte) bool {
	head := b[:min(len(b), 1024)]
	return strings.Contains(string(head), "%PDF-")
}

// inherited are the entries a field takes from its ancestors (12.7.3.1).
type inherited struct {
	typ   any
	value any
	set   bool // value was given by an ancestor
}

// walker walks the field tree.
type walker struct {
	f    *file
	seen map[int]bool // field objects already walked: a tree that loops is read once
	out  []Field
}

func (w *walker) field(v any, parent string, in inherited, depth int) error {
	if depth > maxDepth {
		return errors.New("form fields nested too deep")
	}
	if r, ok := v.(Ref); ok {
		if w.seen[r.Num] {
			return nil
		}
		w.seen[r.Num] = true
	}
	v, err := w.f.resolve(v)
	if err != nil {
		return err
	}
	d, ok := v.(Dict)
	if !ok {
		return nil // not a field: skipped, as viewers skip it
	}
	name := parent
	if t, _ := w.f.resolve(d["T"]); t != nil {
		if s, ok := t.(String); ok {
			if name != "" {
				name += "."
			}
			name += Text(s)
		}
	}
	if ft := d["FT"]; ft != nil {
		in.typ = ft
	}
	if val, ok := d["V"]; ok {
		in.value, in.set = val, true
	}
	kidsV, err := w.f.resolve(d["Kids"])
	if err != nil {
		return err
	}
	kids, _ := kidsV.(Array)
	// Kids with a name of their own are fields; kids without are the
	// field's widgets.
	var fields, widgets []Dict
	var fieldRefs []any
	for _, k := range kids {
		kd, err := w.f.resolve(k)
		if err != nil {
			return err
		}
		kdict, ok := kd.(Dict)
		if !ok {
			continue
		}
		if kdict["T"] != nil {
			fields, fieldRefs = append(fields, kdict), append(fieldRefs, k)
		} else {
			widgets = append(widgets, kdict)
		}
	}
	if len(fields) > 0 {
		for _, k := range fieldRefs {
			if err := w.field(k, name, in, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if len(w.out) >= maxFields {
		return fmt.Errorf("more than %d form fields", maxFields)
	}
	fl := Field{Name: name}
	if t, _ := w.f.resolve(in.typ); t != nil {
		if n, ok := t.(Name); ok {
			fl.Type = string(n)
		}
	}
	if tu, _ := w.f.resolve(d["TU"]); tu != nil {
		if s, ok := tu.(String); ok {
			fl.Tooltip = Text(s)
		}
	}
	value, err := w.value(in.value, 0)
	if err != nil {
		return err
	}
	fl.Value = value
	if fl.Type == "Btn" && !in.set {
		// No value: the first widget shown as on says what was chosen.
		for _, wd := range append([]Dict{d}, widgets...) {
			if as, _ := w.f.resolve(wd["AS"]); as != nil {
				if n, ok := as.(Name); ok && n != "Off" && n != "" {
					fl.Value = string(n)
					break
				}
			}
		}
	}
	w.out = append(w.out, fl)
	return nil
}

// value reads a field value: a text string, a text stream, a name (a
// button's state; Off is none), or an array of them (choices).
func (w *walker) value(v any, depth int) (string, error) {
	if depth > maxDepth {
		return "", errors.New("a field's value is nested too deep")
	}
	v, err := w.f.resolve(v)
	if err != nil {
		return "", err
	}
	switch x := v.(type) {
	case String:
		return Text(x), nil
	case Name:
		if x == "Off" {
			return "", nil
		}
		return string(x), nil
	case *Stream:
		data, err := w.f.streamData(x)
		if err != nil {
			return "", err
		}
		return Text(data), nil
	case Array:
		var parts []string
		for _, e := range x {
			s, err := w.value(e, depth+1)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, "\n"), nil
	}
	return "", nil
}
