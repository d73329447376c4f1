package pdf

import (
	"bytes"
	"strconv"

	"workbook/generator/render/pdf/pdfobj"
)

// tidyContent makes fpdf's page contents smaller before they are
// compressed, without changing what they draw. fpdf names each font by
// a 40-character digest and sets it again before nearly every piece of
// text, and writes text in its TrueType fonts as hexadecimal, four
// digits a character. Here the fonts are renamed /F1, /F2… and text
// strings are written as literal strings, two bytes a character. That
// takes about a third off the pages before compression, which makes
// compressing them faster and the file smaller.
//
// Anything not as expected is left as it is.
func tidyContent(f *pdfobj.File, pages []int) {
	res := pdfobj.NumberAfter(f.Value(pages[0]), "/Resources ")
	dict := f.Value(res)
	k := bytes.Index(dict, []byte("/Font <<"))
	if k < 0 {
		return
	}
	var names [][2][]byte
	fonts := dict[k+len("/Font <<"):]
	fonts = fonts[:bytes.Index(fonts, []byte(">>"))]
	for _, l := range bytes.Split(fonts, []byte("\n")) {
		fs := bytes.Fields(l)
		if len(fs) == 4 && fs[0][0] == '/' {
			names = append(names, [2][]byte{fs[0], []byte("/F" + strconv.Itoa(len(names)+1))})
		}
	}
	for _, p := range pages {
		n := pdfobj.NumberAfter(f.Value(p), "/Contents ")
		data := f.Stream(n)
		if data == nil || pdfobj.NumberAfter(f.Value(p), "/Resources ") != res {
			continue
		}
		for _, nm := range names {
			data = bytes.ReplaceAll(data, append(nm[0], ' '), append(nm[1], ' '))
		}
		f.SetStream(n, literalText(data))
	}
	for _, nm := range names {
		dict = bytes.ReplaceAll(dict, append(nm[0], ' '), append(nm[1], ' '))
	}
	f.Set(res, dict)
}

// literalText rewrites each hexadecimal string shown by Tj, "<0041…> Tj",
// as a literal string of the same bytes, escaping what a literal string
// cannot hold as it is.
func literalText(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for {
		k := bytes.Index(data, []byte(" Td <"))
		if k < 0 {
			return append(out, data...)
		}
		start := k + len(" Td <")
		end := bytes.Index(data[start:], []byte("> Tj"))
		if end < 0 || end%2 != 0 {
			return append(out, data...)
		}
		hex := data[start : start+end]
		out = append(out, data[:k+len(" Td ")]...)
		out = append(out, '(')
		for i := 0; i+1 < len(hex); i += 2 {
			c := unhex(hex[i])<<4 | unhex(hex[i+1])
			switch c {
			case '(', ')', '\\':
				out = append(out, '\\', c)
			case '\r':
				out = append(out, '\\', 'r')
			case '\n':
				out = append(out, '\\', 'n')
			default:
				out = append(out, c)
			}
		}
		out = append(out, ')')
		data = data[start+end+1:]
	}
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
