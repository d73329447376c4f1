package pdfform

import (
	"strings"
	"testing"
)

// FuzzRead feeds the reader broken and hostile files: it must return an
// error or a form, never panic or hang.
func FuzzRead(f *testing.F) {
	p := newPDF()
	p.table(p.objects(formObjects("(x)")), "/Root 1 0 R /Info 10 0 R /Size 11")
	f.Add(p.b.Bytes())
	p = newPDF()
	objs := formObjects("<FEFF0041>")
	at := p.objects(map[int]string{10: objs[10]})
	delete(objs, 10)
	p.packed(objs, 11, at, 12, " /Root 1 0 R /Info 10 0 R")
	f.Add(p.b.Bytes())
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<</Type /Catalog /AcroForm <</Fields [2 0 R]>>>>\nendobj\n2 0 obj\n<</T (a) /V 2 0 R>>\nendobj\ntrailer\n<</Root 1 0 R>>\n"))
	f.Add([]byte("%PDF-1.7\n" + strings.Repeat("<<", 100) + "\nstartxref\n9\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		form, err := Read(b)
		if err == nil && form == nil {
			t.Fatal("no form and no error")
		}
	})
}
