package pdf

import (
	"strconv"
	"strings"

	"workbook/generator/render/pdf/pdfobj"
)

// extraLetters are the letters the form's font adds to WinAnsiEncoding,
// in its unused codes from 1: Welsh ŵ ŷ ẁ ẃ ẅ ỳ and the commonest Central
// European letters, with their glyph names, which is how a PDF font's
// /Differences names them.
var extraLetters = [...]struct {
	glyph string
	r     rune
}{
	{"wcircumflex", 'ŵ'}, {"Wcircumflex", 'Ŵ'}, {"ycircumflex", 'ŷ'}, {"Ycircumflex", 'Ŷ'},
	{"wgrave", 'ẁ'}, {"Wgrave", 'Ẁ'}, {"wacute", 'ẃ'}, {"Wacute", 'Ẃ'}, {"wdieresis", 'ẅ'}, {"Wdieresis", 'Ẅ'},
	{"ygrave", 'ỳ'}, {"Ygrave", 'Ỳ'}, {"lslash", 'ł'}, {"Lslash", 'Ł'}, {"sacute", 'ś'}, {"Sacute", 'Ś'},
	{"cacute", 'ć'}, {"Cacute", 'Ć'}, {"nacute", 'ń'}, {"Nacute", 'Ń'}, {"zacute", 'ź'}, {"Zacute", 'Ź'},
	{"zdotaccent", 'ż'}, {"Zdotaccent", 'Ż'}, {"aogonek", 'ą'}, {"Aogonek", 'Ą'}, {"eogonek", 'ę'},
	{"Eogonek", 'Ę'}, {"ccaron", 'č'}, {"Ccaron", 'Č'}, {"rcaron", 'ř'},
}

// winAnsiHigh is what WinAnsiEncoding's codes 0x80 to 0x9F stand for (0
// where unused); its other codes are Latin-1's.
var winAnsiHigh = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// formFont is the form's font for text typed into fields: Helvetica in
// WinAnsiEncoding, with codes 1 to 31 given extraLetters so viewers can
// encode them. Its /Widths are the workbook's regular face's (Liberation
// Sans has Helvetica's metrics): a viewer whose Helvetica lacks a width
// for an added letter (poppler's) would otherwise draw it on top of the
// next. Fonts with /Widths need a font descriptor too (helveticaMetrics),
// the object descriptor.
func formFont(f *face, descriptor int) string {
	var b strings.Builder
	b.WriteString("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding <</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1")
	for _, l := range extraLetters {
		b.WriteString(" /" + l.glyph)
	}
	b.WriteString("]>> /FirstChar 1 /LastChar 255 /Widths [")
	for code := 1; code <= 255; code++ {
		r := rune(code)
		switch {
		case code <= len(extraLetters):
			r = extraLetters[code-1].r
		case code < ' ', code == 0x7F:
			r = 0
		case code >= 0x80 && code <= 0x9F:
			r = winAnsiHigh[code-0x80]
		case code == 0xA0:
			r = ' '
		}
		w := 0
		if r != 0 && f.has(r) {
			w = int(f.widths[r])
		}
		if code > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(w))
	}
	b.WriteString("] /FontDescriptor " + pdfobj.Ref(descriptor) + ">>")
	return b.String()
}

// helveticaMetrics is Helvetica's font descriptor, from its AFM file.
func helveticaMetrics() string {
	return "<</Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 1000 931]" +
		" /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /XHeight 523 /StemV 88>>"
}
