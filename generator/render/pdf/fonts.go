package pdf

import (
	"strings"

	"workbook/generator/theme"
)

// Fonts is the theme's font family, which every workbook draws with.
type Fonts = theme.Fonts

// fontStyle is one of the three faces of the family.
type fontStyle int

const (
	regular fontStyle = iota
	bold
	italic
)

// fpdfStyle is the style string fpdf files each face under.
func (s fontStyle) fpdfStyle() string { return [...]string{"", "B", "I"}[s] }

// file is the face's file name in a theme's fonts/ folder.
func (s fontStyle) file() string { return theme.FontFiles()[s] }

// faceBytes returns the font file of style s.
func faceBytes(f Fonts, s fontStyle) []byte { return [...][]byte{f.Regular, f.Bold, f.Italic}[s] }

// missing is what a character the font cannot draw prints as: visible, so
// an editor notices, and in every font.
const missing = '?'

// clean returns s as the face can draw it: white space becomes a plain
// space, invisible joiners and variation selectors go, and any other
// character the face lacks (all emoji among them) becomes one "?". An
// emoji built from several characters joined by U+200D or followed by a
// skin-tone modifier gives a single "?", not one per part.
func (f *face) clean(s string) string {
	ok := true
	for _, c := range s {
		if !f.has(c) || c < ' ' || invisible(c) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	replaced, joining := false, false
	for _, c := range s {
		switch {
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			b.WriteByte(' ')
			replaced = false
		case c == 0x200D: // zero-width joiner: glues emoji together
			joining = true
			continue
		case invisible(c):
			continue
		case c >= 0x1F3FB && c <= 0x1F3FF && replaced: // skin tone of the emoji just replaced
		case f.has(c) && c >= ' ':
			b.WriteRune(c)
			replaced = false
		case replaced && joining:
		default:
			b.WriteRune(missing)
			replaced = true
		}
		joining = false
	}
	return b.String()
}

// invisible reports characters that draw nothing and are safe to drop:
// other control characters, zero-width spaces, soft hyphens and variation
// selectors.
func invisible(c rune) bool {
	switch {
	case c < ' ', c == 0x7F, c == 0xAD, c >= 0x200B && c <= 0x200F, c == 0x2060, c == 0xFEFF:
		return true
	case c >= 0xFE00 && c <= 0xFE0F, c >= 0xE0100 && c <= 0xE01EF:
		return true
	}
	return false
}

// plainBMP prepares text that a PDF viewer, not the embedded font, draws
// (document information, bookmarks): fpdf's UTF-16 encoder mangles
// characters above U+FFFF, so they become U+FFFD.
func plainBMP(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c > 0xFFFF:
			return 0xFFFD
		case c < ' ':
			return ' '
		}
		return c
	}, s)
}
