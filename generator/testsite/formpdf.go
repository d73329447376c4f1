package testsite

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
)

// FormField is a field of a PDF made by FormPDF: a text field with a
// value, or, when Radio is set, a group of radio buttons (one per
// option) with Value the option chosen ("" for none).
type FormField struct {
	Name, Value string
	Radio       bool
	Options     []string
}

// FormPDF makes a small PDF with an interactive form of fields, in that
// order (no form when there are none), and a document information
// dictionary of info: a stand-in for a filled workbook that needs no PDF
// reader to fill it. Text is
// written as UTF-16BE when it is not ASCII, as readers save it.
func FormPDF(info map[string]string, fields []FormField) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int
	obj := func(text string) int {
		offsets = append(offsets, b.Len())
		n := len(offsets)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, text)
		return n
	}
	// 1 catalog, 2 pages, 3 page, 4 information; fields from 5.
	next := 5
	var refs, annots []string
	var objs []string
	for _, f := range fields {
		num := next
		next++
		refs = append(refs, fmt.Sprintf("%d 0 R", num))
		if !f.Radio {
			objs = append(objs, fmt.Sprintf("<</FT /Tx /T %s /V %s /Subtype /Widget /P 3 0 R /Rect [0 0 100 20]>>", pdfText(f.Name), pdfText(f.Value)))
			annots = append(annots, fmt.Sprintf("%d 0 R", num))
			continue
		}
		var kids []string
		for range f.Options {
			kids = append(kids, fmt.Sprintf("%d 0 R", next))
			next++
		}
		v := "/Off"
		if f.Value != "" {
			v = "/" + f.Value
		}
		objs = append(objs, fmt.Sprintf("<</FT /Btn /Ff 49152 /T %s /V %s /Kids [%s]>>", pdfText(f.Name), v, strings.Join(kids, " ")))
		for _, o := range f.Options {
			as := "/Off"
			if o == f.Value {
				as = "/" + o
			}
			objs = append(objs, fmt.Sprintf("<</Subtype /Widget /Parent %d 0 R /P 3 0 R /AS %s /AP <</N <</%s 0 0 R>>>> /Rect [0 0 10 10]>>", num, as, o))
		}
		annots = append(annots, kids...)
	}
	if len(fields) == 0 {
		obj("<</Type /Catalog /Pages 2 0 R>>") // no form at all
	} else {
		obj("<</Type /Catalog /Pages 2 0 R /AcroForm <</Fields [" + strings.Join(refs, " ") + "]>>>>")
	}
	obj("<</Type /Pages /Kids [3 0 R] /Count 1>>")
	obj("<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [" + strings.Join(annots, " ") + "]>>")
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var in strings.Builder
	for _, k := range keys {
		in.WriteString("/" + k + " " + pdfText(info[k]) + " ")
	}
	obj("<<" + in.String() + ">>")
	for _, o := range objs {
		obj(o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R /Info 4 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// pdfText writes a PDF text string: a literal string for ASCII, else
// UTF-16BE with a byte order mark in hex.
func pdfText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 && s[i] != '\n' || s[i] > 0x7E {
			ascii = false
		}
	}
	if ascii {
		return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\n", `\n`).Replace(s) + ")"
	}
	var h strings.Builder
	h.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&h, "%04X", u)
	}
	return h.String() + ">"
}
