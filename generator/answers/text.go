package answers

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// text turns a file's bytes into the text a browser reads from it
// (FileReader.readAsText with UTF-8, which follows the WHATWG Encoding
// standard): a byte order mark picks UTF-8, UTF-16LE or UTF-16BE and is
// dropped; anything else is read as UTF-8; bytes that are not valid in
// the encoding become U+FFFD. The import then drops one more U+FEFF at
// the start, as the web version's import does. Decoding the same way as
// the browser means the program and the page accept the same files and
// measure the same text.
func text(b []byte) []byte {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = validUTF8(b[3:])
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		b = fromUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		b = fromUTF16(b[2:], true)
	default:
		b = validUTF8(b)
	}
	return bytes.TrimPrefix(b, []byte("\uFEFF"))
}

// validUTF8 replaces each maximal ill-formed part of b with U+FFFD, as
// the WHATWG UTF-8 decoder does (an incomplete sequence is one
// replacement, a stray byte is one).
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			out = append(out, b[i:i+size]...)
			i += size
			continue
		}
		// b[i] starts no valid sequence: skip it and the continuation
		// bytes that could still have completed it.
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch c := b[i]; {
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c == 0xE0:
			need, lo = 2, 0xA0
		case c == 0xED:
			need, hi = 2, 0x9F
		case c >= 0xE1 && c <= 0xEF:
			need = 2
		case c == 0xF0:
			need, lo = 3, 0x90
		case c == 0xF4:
			need, hi = 3, 0x8F
		case c >= 0xF1 && c <= 0xF3:
			need = 3
		}
		n := 1
		for ; need > 0 && i+n < len(b) && b[i+n] >= lo && b[i+n] <= hi; need-- {
			n++
			lo, hi = 0x80, 0xBF
		}
		out = append(out, "\uFFFD"...)
		i += n
	}
	return out
}

// fromUTF16 decodes UTF-16 to UTF-8; a lone surrogate or an odd last
// byte becomes U+FFFD.
func fromUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(b)+4)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = append(out, "\uFFFD"...)
	}
	return out
}

// Length measures text as the format's limits do, and as JavaScript's
// String length does: in UTF-16 code units. Most characters count one,
// those outside the Basic Multilingual Plane (most emoji) count two. The
// limits are in these units so that the page and the program agree to
// the character, and so that an HTML maxlength, which counts the same
// way, can hold them.
func Length(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
