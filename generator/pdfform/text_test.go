package pdfform

import (
	"reflect"
	"testing"
)

// Strings as writers write them: escapes, octal codes, line breaks in
// every spelling, and hex strings with spaces and an odd last digit.
func TestStringsAndNames(t *testing.T) {
	for src, want := range map[string]any{
		`(a\(b\)c\\d)`:             String(`a(b)c\d`),
		`(nested (parens) ok)`:     String("nested (parens) ok"),
		`(tab\tnl\nq\101\0612)`:    String("tab\tnl\nqA12"),
		"(line\\\r\njoined)":       String("linejoined"),
		"(cr\rcrlf\r\nlf\n)":       String("cr\ncrlf\nlf\n"),
		`(\q unknown)`:             String("q unknown"),
		`<48 65 6C6C 6F>`:          String("Hello"),
		`<4142 4>`:                 String("AB@"),
		`/A#20name#2Fwith`:         Name("A name/with"),
		`[1 -2 3.5 .5 true null]`:  Array{int64(1), int64(-2), 3.5, 0.5, true, nil},
		`<</K 12 0 R /L [4 0 R]>>`: Dict{"K": Ref{12, 0}, "L": Array{Ref{4, 0}}},
		`12 0`:                     int64(12),
	} {
		l := &lexer{b: []byte(src)}
		got, err := l.object(0)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", src, got, want)
		}
	}
	for _, bad := range []string{"(open", "<4G>", "[1 2", "<</K>>", "<<1 2>>", ")"} {
		l := &lexer{b: []byte(bad)}
		if v, err := l.object(0); err == nil {
			t.Errorf("%s read as %#v", bad, v)
		}
	}
}

// Text strings in each encoding a PDF writer uses for typed text.
func TestTextEncodings(t *testing.T) {
	for name, tc := range map[string]struct {
		in   []byte
		want string
	}{
		"PDFDocEncoding":         {[]byte("Caf\xe9 \x8d\xa3\x8e \x84 \x80 \xa0"), "Café “£” — • €"},
		"UTF-16BE with a pair":   {[]byte("\xfe\xff\x00d\x01\x75\x00r\xd8\x3c\xdf\x31"), "dŵr🌱"},
		"UTF-16LE":               {[]byte("\xff\xfet\x00\x77\x01"), "tŷ"},
		"UTF-8 (PDF 2.0)":        {[]byte("\xef\xbb\xbfSi\xc3\xa2n"), "Siân"},
		"bad UTF-8":              {[]byte("\xef\xbb\xbfa\xffb"), "a\ufffdb"},
		"language escape":        {[]byte("\xfe\xff\x00\x1b\x00e\x00n\x00\x1b\x00H\x00i"), "Hi"},
		"PDFDoc language escape": {[]byte("\x1ben\x1bHi"), "Hi"},
		"odd UTF-16 byte":        {[]byte("\xfe\xff\x00A\x00"), "A"},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
}
