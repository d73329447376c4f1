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
//
// (A literal string may hold any byte but an unbalanced bracket, a
// backslash or a line end, which are escaped.)
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
		f.SetStream(n, tidyPage(data, names))
	}
	for _, nm := range names {
		dict = bytes.ReplaceAll(dict, append(nm[0], ' '), append(nm[1], ' '))
	}
	f.Set(res, dict)
}

// tidyPage rewrites one page's content in one pass: each "BT /name"
// that sets a font gets the font's short name, and each hexadecimal
// string shown by Tj, "Td <0041…> Tj", becomes a literal string of the
// same bytes, escaping what a literal string cannot hold as it is.
func tidyPage(data []byte, names [][2][]byte) []byte {
	out := make([]byte, 0, len(data)*2/3)
	for {
		k := bytes.Index(data, []byte("BT "))
		if k < 0 {
			return append(out, data...)
		}
		out = append(out, data[:k+3]...)
		data = data[k+3:]
		if len(data) > 0 && data[0] == '/' {
			for _, nm := range names {
				if bytes.HasPrefix(data, nm[0]) && len(data) > len(nm[0]) && data[len(nm[0])] == ' ' {
					out = append(out, nm[1]...)
					data = data[len(nm[0]):]
					break
				}
			}
			continue
		}
		// A text object: "x y Td <hex> Tj", the position short.
		td := bytes.Index(data[:min(len(data), 40)], []byte(" Td <"))
		if td < 0 {
			continue
		}
		start := td + len(" Td <")
		end := bytes.Index(data[start:], []byte("> Tj"))
		if end < 0 || end%2 != 0 {
			continue
		}
		out = append(out, data[:td+len(" Td ")]...)
		out = append(out, '(')
		hex := data[start : start+end]
		for i := 0; i+1 < len(hex); i += 2 {
			c := hexValue[hex[i]]<<4 | hexValue[hex[i+1]]
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

// hexValue is the value of each hexadecimal digit.
var hexValue = func() (v [256]byte) {
	for i := range 10 {
		v['0'+i] = byte(i)
	}
	for i := range 6 {
		v['a'+i], v['A'+i] = byte(10+i), byte(10+i)
	}
	return v
}()
