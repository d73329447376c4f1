package pdfform

import (
	"errors"
	"strings"
	"testing"
)

// values reads a PDF's fields into name → value.
func values(t *testing.T, b []byte) (map[string]string, *Form) {
	t.Helper()
	form, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range form.Fields {
		out[f.Name] = f.Value
	}
	return out, form
}

func TestReadsATableFileWithItsInformation(t *testing.T) {
	f := newPDF()
	f.table(f.objects(formObjects("(We mulch \\(twice\\))")), "/Root 1 0 R /Info 10 0 R /Size 11")
	got, form := values(t, f.b.Bytes())
	want := map[string]string{"q-1:answer": "We mulch (twice)", "q-1:rating:2025/26": "amber", "cover.name": "Sam"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	if form.Info["WorkbookFramework"] != "kitchen" || form.Info["Title"] != "Tit¿" || form.Info["Producer"] != "A”B" {
		t.Errorf("information: %q", form.Info)
	}
	if form.Fields[0].Type != "Tx" || form.Fields[0].Tooltip != "Question 1" || form.Fields[1].Type != "Btn" || form.Fields[2].Type != "Tx" {
		t.Errorf("types and tooltips: %+v", form.Fields)
	}
}

// A reader that saves by appending (pdf.js, poppler, Okular) writes the
// changed objects again and a cross-reference section that points at
// them: the newest wins, whatever kind of section each one is.
func TestIncrementalUpdatesOverrideObjects(t *testing.T) {
	objs := formObjects("()")
	for name, build := range map[string]func() []byte{
		"table then table": func() []byte {
			f := newPDF()
			f.table(f.objects(objs), "/Root 1 0 R /Info 10 0 R /Size 11")
			f.table(f.objects(map[int]string{4: strings.Replace(objs[4], "/V ()", "/V (Second save)", 1)}), "/Root 1 0 R /Info 10 0 R /Size 11")
			return f.b.Bytes()
		},
		"streams then table": func() []byte {
			f := newPDF()
			plain := map[int]string{}
			for _, n := range []int{10} {
				plain[n] = objs[n]
			}
			at := f.objects(plain)
			packed := map[int]string{}
			for n, o := range objs {
				if n != 10 {
					packed[n] = o
				}
			}
			f.packed(packed, 11, at, 12, " /Root 1 0 R /Info 10 0 R")
			f.table(f.objects(map[int]string{4: strings.Replace(objs[4], "/V ()", "/V (Second save)", 1)}), "/Root 1 0 R /Info 10 0 R /Size 13")
			return f.b.Bytes()
		},
		"table then streams": func() []byte {
			f := newPDF()
			f.table(f.objects(objs), "/Root 1 0 R /Info 10 0 R /Size 11")
			f.packed(map[int]string{4: strings.Replace(objs[4], "/V ()", "/V <FEFF005300650063006F006E0064002000730061007600650020D83CDF31>", 1)}, 11, map[int]int{}, 12, " /Root 1 0 R /Info 10 0 R")
			return f.b.Bytes()
		},
	} {
		t.Run(name, func(t *testing.T) {
			got, form := values(t, build())
			want := "Second save"
			if name == "table then streams" {
				want = "Second save 🌱"
			}
			if got["q-1:answer"] != want || got["cover.name"] != "Sam" || form.Info["WorkbookFramework"] != "kitchen" {
				t.Errorf("fields %q, information %q", got, form.Info)
			}
		})
	}
}

// A file whose cross-reference is wrong is read by scanning for its
// objects, the last definition of each winning, as viewers read it.
func TestReadsAFileWithABrokenCrossReference(t *testing.T) {
	f := newPDF()
	f.table(f.objects(formObjects("(first)")), "/Root 1 0 R /Info 10 0 R /Size 11")
	f.objects(map[int]string{4: formObjects("(second)")[4]}) // appended with no cross-reference
	f.b.WriteString("startxref\n99999999\n%%EOF\n")
	got, _ := values(t, f.b.Bytes())
	if got["q-1:answer"] != "second" || got["q-1:rating:2025/26"] != "amber" {
		t.Errorf("fields %q", got)
	}
}

func TestRefusesEncryptedAndWhatIsNotAPDF(t *testing.T) {
	f := newPDF()
	f.table(f.objects(formObjects("(x)")), "/Root 1 0 R /Encrypt <</Filter /Standard /V 2>> /Size 11")
	if _, err := Read(f.b.Bytes()); !errors.Is(err, ErrEncrypted) {
		t.Errorf("encrypted: %v", err)
	}
	for name, b := range map[string]string{
		"not a PDF":   `{"format": "workbook-answers"}`,
		"cut short":   "%PDF-1.7\n1 0 obj\n<</Type /Catalog",
		"no catalog":  "%PDF-1.7\n1 0 obj\n(hello)\nendobj\n",
		"empty":       "",
		"header only": "%PDF-1.4\n",
	} {
		_, err := Read([]byte(b))
		if err == nil {
			t.Errorf("%s: read without an error", name)
			continue
		}
		notPDF := name == "not a PDF" || name == "empty"
		if notPDF && !strings.Contains(err.Error(), "not a PDF") || !notPDF && !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Objects that refer to themselves, or nest without end, are refused
// or cut off, never followed for ever.
func TestHostileStructuresEnd(t *testing.T) {
	objs := formObjects("11 0 R")
	objs[11] = "12 0 R"
	objs[12] = "11 0 R"
	objs[8] = "<</T (cover) /FT /Tx /Kids [8 0 R 9 0 R]>>"
	f := newPDF()
	f.table(f.objects(objs), "/Root 1 0 R /Info 10 0 R /Size 13")
	if _, err := Read(f.b.Bytes()); err == nil || !strings.Contains(err.Error(), "itself") && !strings.Contains(err.Error(), "loop") {
		t.Errorf("a value defined by way of itself: %v", err)
	}
	objs = formObjects("(x)")
	objs[4] = "<</FT /Tx /T (deep) /V " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + ">>"
	f = newPDF()
	f.table(f.objects(objs), "/Root 1 0 R /Info 10 0 R /Size 11")
	if _, err := Read(f.b.Bytes()); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("arrays 10,000 deep: %v", err)
	}
}

// A value that holds itself is refused, not followed down for ever.
func TestValueThatHoldsItself(t *testing.T) {
	objs := formObjects("11 0 R")
	objs[11] = "[(a) 11 0 R]"
	f := newPDF()
	f.table(f.objects(objs), "/Root 1 0 R /Info 10 0 R /Size 12")
	if _, err := Read(f.b.Bytes()); err == nil || !strings.Contains(err.Error(), "nested too deep") {
		t.Errorf("an array holding itself: %v", err)
	}
}
