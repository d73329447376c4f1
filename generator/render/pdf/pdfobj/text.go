package pdfobj

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// Text writes s as a PDF text string: a literal string when it is plain
// ASCII, else UTF-16BE with a byte order mark in hex, which every reader
// decodes (ISO 32000-1, 7.9.2.2). Characters above U+FFFF become
// surrogate pairs, which fpdf's own encoder gets wrong.
func Text(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E {
			ascii = false
			break
		}
	}
	var b strings.Builder
	if ascii {
		b.Grow(len(s) + 2)
		b.WriteByte('(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		b.WriteByte(')')
		return b.String()
	}
	const hex = "0123456789ABCDEF"
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(hex[u>>12])
		b.WriteByte(hex[u>>8&0xF])
		b.WriteByte(hex[u>>4&0xF])
		b.WriteByte(hex[u&0xF])
	}
	b.WriteByte('>')
	return b.String()
}

// Name writes s as a PDF name, escaping what a name cannot hold as #xx.
func Name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x21 || c > 0x7E || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			b.WriteString("#" + strconv.FormatUint(uint64(c)>>4, 16) + strconv.FormatUint(uint64(c)&0xF, 16))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Num writes a number with at most two decimals, as fpdf does.
func Num(f float64) string { return string(AppendNum(nil, f)) }

// AppendNum appends Num(f) to b.
func AppendNum(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', 2, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if s := string(b[start:]); s == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// Ref writes a reference to object n.
func Ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// Rect is a rectangle in PDF points from the page's lower left corner.
type Rect struct{ X1, Y1, X2, Y2 float64 }

func (r Rect) String() string {
	b := make([]byte, 0, 32)
	b = append(b, '[')
	for i, v := range [4]float64{r.X1, r.Y1, r.X2, r.Y2} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = AppendNum(b, v)
	}
	return string(append(b, ']'))
}

// W and H are the rectangle's width and height.
func (r Rect) W() float64 { return r.X2 - r.X1 }
func (r Rect) H() float64 { return r.Y2 - r.Y1 }
