package pdfobj

import (
	"bytes"
	"compress/zlib"
	"io"
	"strconv"
	"strings"
	"testing"
)

func TestTextNameAndNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"Plain (and) back\\slash": `(Plain \(and\) back\\slash)`,
		"Café":                    "<FEFF00430061006600E9>",
		"🙂":                       "<FEFFD83DDE42>", // a surrogate pair, not two broken halves
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Name("a b/c#d"); got != "/a#20b#2fc#23d" {
		t.Errorf("Name = %s", got)
	}
	for in, want := range map[float64]string{0: "0", 1.5: "1.5", 2.999: "3", -0.001: "0", 595.28: "595.28", 12.10: "12.1"} {
		if got := Num(in); got != want {
			t.Errorf("Num(%v) = %s, want %s", in, got, want)
		}
	}
}

// tiny is a PDF laid out as fpdf writes it: one page, an uncompressed
// content stream, a catalog and an information dictionary.
func tiny() []byte {
	objs := []string{
		"<</Type /Pages\n/Kids [3 0 R ]\n/Count 1\n>>",
		"<</Font <<>>>>",
		"<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 4 0 R>>",
		"<</Length 11>>\nstream\nBT (Hi) ET\n\nendstream",
		"<<\n/Producer (test)\n>>",
		"<<\n/Type /Catalog\n/Pages 1 0 R\n>>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.3\n")
	var offsets []int
	for i, o := range objs {
		offsets = append(offsets, b.Len())
		b.WriteString(strings.Join([]string{itoa(i + 1), " 0 obj\n", o, "\nendobj\n"}, ""))
	}
	at := b.Len()
	b.WriteString("xref\n0 7\n0000000000 65535 f \n")
	for _, off := range offsets {
		s := itoa(off)
		b.WriteString(strings.Repeat("0", 10-len(s)) + s + " 00000 n \n")
	}
	b.WriteString("trailer\n<<\n/Size 7\n/Root 6 0 R\n/Info 5 0 R\n>>\nstartxref\n" + itoa(at) + "\n%%EOF\n")
	return b.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }

// packed returns the text of every object stream in pdf, inflated.
func packed(t *testing.T, pdf []byte) string {
	var all strings.Builder
	for _, part := range bytes.Split(pdf, []byte("/Type /ObjStm"))[1:] {
		k := bytes.Index(part, []byte("stream\n"))
		n := NumberAfter(part, "/Length ")
		r, err := zlib.NewReader(bytes.NewReader(part[k+len("stream\n") : k+len("stream\n")+n]))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		all.Write(b)
	}
	return all.String()
}

func TestRewriteAddsToPagesAndCatalogAndRepeats(t *testing.T) {
	write := func() []byte {
		f, err := Parse(tiny())
		if err != nil {
			t.Fatal(err)
		}
		doc := NewElem("Document", nil)
		p := NewElem("P", doc)
		p.AddContent(0, 0)
		link := URI("https://example.org/", Rect{0, 0, 10, 10})
		link.Page = 0
		NewElem("Link", doc).AddAnnot(link)
		fl := &Field{Name: "q-1:answer", Tooltip: "Question 1: your answer", Type: "/FT /Tx"}
		w := fl.Widget(0, Rect{10, 10, 100, 50}, "/Subtype /Widget /F 4")
		NewElem("Form", doc).AddAnnot(w)
		if err := f.Apply(Additions{Structure: doc, Annots: []*Annot{link, w}, Fields: []*Field{fl},
			Form: "/DA (/Helv 11 Tf 0 g)", Catalog: "/Lang (cy)", Info: "/WorkbookFramework (x)"}); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if _, err := f.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Error("the same additions gave different bytes")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-1.7\n")) || !bytes.Contains(a, []byte("/Type /XRef")) || !bytes.Contains(a, []byte("/Type /ObjStm")) {
		t.Errorf("not a PDF 1.7 with an object stream and a cross-reference stream:\n%.200q", a)
	}
	objs := packed(t, a)
	for _, want := range []string{
		"/Annots [7 0 R 8 0 R] /StructParents 0 /Tabs /S>>", // the page
		"/Lang (cy) /StructTreeRoot", "/MarkInfo <</Marked true>> /AcroForm",
		"/T (q-1:answer) /TU (Question 1: your answer) /FT /Tx", "/StructParent 2>>",
		"/S /Form /P", "<</Type /OBJR /Obj 8 0 R /Pg 3 0 R>>",
		"/ParentTree", "<</Nums [0 [", "1 ", "2 ",
	} {
		if !strings.Contains(objs, want) {
			t.Errorf("the rewritten objects lack %q:\n%s", want, objs)
		}
	}
	if !bytes.Contains(a, []byte("/WorkbookFramework (x)>>")) {
		t.Error("the document information is not left readable in the file")
	}
	if _, err := Parse(a); err == nil {
		t.Error("Parse accepted its own output, which is not laid out as fpdf's")
	}
}
