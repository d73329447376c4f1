package pdfform

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strings"
)

// pdfFile writes PDFs by hand for the tests, in the shapes readers save
// filled forms in: a cross-reference table, a cross-reference stream
// with compressed object streams, and incremental updates of either
// kind appended to what is there.
type pdfFile struct {
	b bytes.Buffer
	// lastXref is where the newest cross-reference section starts.
	lastXref int
}

func newPDF() *pdfFile {
	f := &pdfFile{lastXref: -1}
	f.b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// objects writes objects (by number: their text, "<<…>>" or
// "<<…>>\nstream\n…\nendstream") and returns their offsets.
func (f *pdfFile) objects(objs map[int]string) map[int]int {
	at := map[int]int{}
	for _, n := range sortedKeys(objs) {
		at[n] = f.b.Len()
		fmt.Fprintf(&f.b, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	return at
}

// table writes a cross-reference table for the objects and a trailer
// with the entries given (and /Prev, for an update).
func (f *pdfFile) table(at map[int]int, trailer string) {
	xref := f.b.Len()
	f.b.WriteString("xref\n")
	if f.lastXref < 0 {
		f.b.WriteString("0 1\n0000000000 65535 f \n")
	}
	for _, n := range sortedKeys(at) {
		fmt.Fprintf(&f.b, "%d 1\n%010d 00000 n \n", n, at[n])
	}
	prev := ""
	if f.lastXref >= 0 {
		prev = fmt.Sprintf(" /Prev %d", f.lastXref)
	}
	fmt.Fprintf(&f.b, "trailer\n<<%s%s>>\nstartxref\n%d\n%%%%EOF\n", trailer, prev, xref)
	f.lastXref = xref
}

// packed writes the objects in packed into one compressed object stream
// numbered streamNum, then a cross-reference stream (numbered xrefNum,
// its rows compressed with the PNG Up predictor, as qpdf and this
// project write them) for them and the plain objects at.
func (f *pdfFile) packed(packed map[int]string, streamNum int, at map[int]int, xrefNum int, trailer string) {
	var head, body bytes.Buffer
	index := map[int]int{}
	for i, n := range sortedKeys(packed) {
		fmt.Fprintf(&head, "%d %d ", n, body.Len())
		body.WriteString(packed[n] + "\n")
		index[n] = i
	}
	data := deflate(append(head.Bytes(), body.Bytes()...))
	at[streamNum] = f.b.Len()
	fmt.Fprintf(&f.b, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", streamNum, len(packed), head.Len(), len(data))
	f.b.Write(data)
	f.b.WriteString("\nendstream\nendobj\n")

	type row struct{ num, typ, a, b int }
	var rows []row
	for n, off := range at {
		rows = append(rows, row{n, 1, off, 0})
	}
	for n, i := range index {
		rows = append(rows, row{n, 2, streamNum, i})
	}
	xref := f.b.Len()
	rows = append(rows, row{xrefNum, 1, xref, 0})
	sort.Slice(rows, func(i, j int) bool { return rows[i].num < rows[j].num })
	var table []byte
	var prev [6]byte
	var index2 []string
	for _, r := range rows {
		e := [6]byte{byte(r.typ), byte(r.a >> 24), byte(r.a >> 16), byte(r.a >> 8), byte(r.a), byte(r.b)}
		table = append(table, 2)
		for i := range e {
			table = append(table, e[i]-prev[i])
		}
		prev = e
		index2 = append(index2, fmt.Sprintf("%d 1", r.num))
	}
	z := deflate(table)
	p := ""
	if f.lastXref >= 0 {
		p = fmt.Sprintf(" /Prev %d", f.lastXref)
	}
	fmt.Fprintf(&f.b, "%d 0 obj\n<</Type /XRef /Size %d /Index [%s] /W [1 4 1] /Filter /FlateDecode /DecodeParms <</Predictor 12 /Columns 6>>%s%s /Length %d>>\nstream\n",
		xrefNum, rows[len(rows)-1].num+1, strings.Join(index2, " "), trailer, p, len(z))
	f.b.Write(z)
	fmt.Fprintf(&f.b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	f.lastXref = xref
}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	w := zlib.NewWriter(&out)
	_, _ = w.Write(b)
	_ = w.Close()
	return out.Bytes()
}

func sortedKeys[V any](m map[int]V) []int {
	var ks []int
	for k := range m {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	return ks
}

// formObjects are a small filled form: a catalog, the information
// dictionary naming a workbook, a text field, a radio group of two
// widgets, and a parent field whose kids inherit its type.
func formObjects(answer string) map[int]string {
	return map[int]string{
		1:  "<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [4 0 R 5 0 R 8 0 R]>>>>",
		2:  "<</Type /Pages /Kids [3 0 R] /Count 1>>",
		3:  "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R 6 0 R 7 0 R]>>",
		4:  "<</FT /Tx /T (q-1:answer) /TU (Question 1) /V " + answer + " /Subtype /Widget /Rect [0 0 10 10]>>",
		5:  "<</FT /Btn /Ff 49152 /T (q-1:rating:2025/26) /V /amber /Kids [6 0 R 7 0 R]>>",
		6:  "<</Parent 5 0 R /Subtype /Widget /AS /Off /Rect [0 0 5 5]>>",
		7:  "<</Parent 5 0 R /Subtype /Widget /AS /amber /Rect [5 0 10 5]>>",
		8:  "<</T (cover) /FT /Tx /Kids [9 0 R]>>",
		9:  "<</T (name) /V (Sam) /Parent 8 0 R /Subtype /Widget /Rect [0 0 1 1]>>",
		10: "<</WorkbookFramework (kitchen) /Title <FEFF00540069007400bf> /Producer (A\\216B)>>",
	}
}
