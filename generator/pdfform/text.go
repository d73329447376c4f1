package pdfform

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
)

// pdfDoc maps the bytes of PDFDocEncoding that are not Latin-1 to their
// characters (ISO 32000-1, Annex D.2); every other byte is the Latin-1
// character of its value, as pdf.js reads them.
var pdfDoc = map[byte]rune{
	0x18: '˘', 0x19: 'ˇ', 0x1A: 'ˆ', 0x1B: '˙', 0x1C: '˝', 0x1D: '˛', 0x1E: '˚', 0x1F: '˜',
	0x80: '•', 0x81: '†', 0x82: '‡', 0x83: '…', 0x84: '—', 0x85: '–', 0x86: 'ƒ', 0x87: '⁄',
	0x88: '‹', 0x89: '›', 0x8A: '−', 0x8B: '‰', 0x8C: '„', 0x8D: '“', 0x8E: '”', 0x8F: '‘',
	0x90: '’', 0x91: '‚', 0x92: '™', 0x93: 'ﬁ', 0x94: 'ﬂ', 0x95: 'Ł', 0x96: 'Œ', 0x97: 'Š',
	0x98: 'Ÿ', 0x99: 'Ž', 0x9A: 'ı', 0x9B: 'ł', 0x9C: 'œ', 0x9D: 'š', 0x9E: 'ž', 0xA0: '€',
}

// Text decodes a PDF text string (7.9.2.2): UTF-16BE after a byte order
// mark FE FF, UTF-8 after EF BB BF (PDF 2.0), UTF-16LE after FF FE
// (which some writers use, and viewers read), and PDFDocEncoding
// otherwise. Language escapes (ESC code ESC) are dropped, as viewers
// drop them, and bytes that are not valid in the encoding read as
// U+FFFD.
func Text(b []byte) string {
	var s string
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		s = utf16Text(b[2:], true)
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		s = utf16Text(b[2:], false)
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		s = strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	default:
		var out strings.Builder
		out.Grow(len(b))
		for i := 0; i < len(b); i++ {
			if b[i] == 0x1B { // a language escape runs to the next ESC
				for i++; i < len(b) && b[i] != 0x1B; i++ {
				}
				continue
			}
			if r, ok := pdfDoc[b[i]]; ok {
				out.WriteRune(r)
			} else {
				out.WriteRune(rune(b[i]))
			}
		}
		return out.String()
	}
	return dropEscapes(s)
}

// utf16Text decodes UTF-16; an odd last byte is dropped, and a lone
// surrogate reads as U+FFFD.
func utf16Text(b []byte, bigEndian bool) string {
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, order.Uint16(b[i:]))
	}
	return string(utf16.Decode(units))
}

// dropEscapes removes language escapes: ESC, a language code, ESC.
func dropEscapes(s string) string {
	if !strings.ContainsRune(s, 0x1B) {
		return s
	}
	var out strings.Builder
	for {
		i := strings.IndexByte(s, 0x1B)
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		out.WriteString(s[:i])
		j := strings.IndexByte(s[i+1:], 0x1B)
		if j < 0 {
			return out.String()
		}
		s = s[i+1+j+1:]
	}
}
