package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// face is what the layout needs to know about one TrueType font: which
// characters it has and how wide they are. fpdf keeps the same facts but
// only for the font currently selected, and asking it means switching
// fonts, which writes to the page; reading them here lets the layout
// measure any style at any time and replace characters the font lacks
// before fpdf sees them (fpdf draws an invisible box for a missing glyph
// and panics on characters above U+FFFF).
type face struct {
	// widths holds, for every character of the Basic Multilingual Plane,
	// its advance in thousandths of an em, rounded the way fpdf rounds
	// them so that measured and drawn text agree; -1 means no glyph.
	widths []int16
	// ascent is the height above the baseline, in ems.
	ascent float64
}

// parseFace reads the cmap, head, hhea and hmtx tables of a TrueType font.
// It accepts exactly what fpdf's UTF-8 font loader accepts (TrueType
// outlines with a format 4 Unicode cmap) so a font that passes here does
// not fail later inside fpdf, where failures are printed rather than
// returned.
func parseFace(b []byte) (*face, error) {
	r := ttf(b)
	switch r.u32(0) {
	case 0x00010000, 0x74727565: // TrueType outlines
	case 0x4F54544F:
		return nil, errors.New("an OpenType font with CFF outlines: use a TrueType (.ttf) font")
	default:
		return nil, errors.New("not a TrueType font")
	}
	tables := map[string]int{}
	n := r.u16(4)
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		tables[string(r.bytes(rec, 4))] = r.u32(rec + 8)
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap"} {
		if _, ok := tables[t]; !ok {
			return nil, fmt.Errorf("the font has no %q table", t)
		}
	}
	unitsPerEm := r.u16(tables["head"] + 18)
	ascender := int16(r.u16(tables["hhea"] + 4))
	numHMetrics := r.u16(tables["hhea"] + 34)
	if unitsPerEm == 0 || numHMetrics == 0 {
		return nil, errors.New("the font's head or hhea table is damaged")
	}
	sub := unicodeCmap(r, tables["cmap"])
	if sub < 0 {
		return nil, errors.New("the font has no Unicode character map (format 4)")
	}
	f := &face{widths: make([]int16, 0x10000), ascent: float64(ascender) / float64(unitsPerEm)}
	for i := range f.widths {
		f.widths[i] = -1
	}
	scale := 1000 / float64(unitsPerEm)
	advance := func(glyph int) int16 {
		if glyph >= numHMetrics {
			glyph = numHMetrics - 1
		}
		return int16(round(scale * float64(r.u16(tables["hmtx"]+4*glyph))))
	}
	segs := r.u16(sub+6) / 2
	ends, starts, deltas, offsets := sub+14, sub+16+2*segs, sub+16+4*segs, sub+16+6*segs
	for s := 0; s < segs; s++ {
		end, start := r.u16(ends+2*s), r.u16(starts+2*s)
		delta, offset := r.u16(deltas+2*s), r.u16(offsets+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if offset != 0 {
				g = r.u16(offsets + 2*s + offset + 2*(c-start))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				f.widths[c] = advance(g)
			}
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	return f, nil
}

// unicodeCmap returns the offset of the first format 4 subtable for
// Windows Unicode (3,1) or any Unicode platform (0,x), the one fpdf uses,
// or -1.
func unicodeCmap(r *ttfReader, cmap int) int {
	n := r.u16(cmap + 2)
	for i := 0; i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding := r.u16(rec), r.u16(rec+2)
		if (platform == 3 && encoding == 1) || platform == 0 {
			sub := cmap + r.u32(rec+4)
			if r.u16(sub) == 4 {
				return sub
			}
		}
	}
	return -1
}

// has reports whether the font can draw c.
func (f *face) has(c rune) bool {
	return c >= 0 && c < 0x10000 && f.widths[c] >= 0
}

// width returns the width of s in millimetres at size points. Characters
// the font lacks count as nothing: callers clean text first.
func (f *face) width(s string, size float64) float64 {
	w := 0
	for _, c := range s {
		w += f.units(c)
	}
	return unitsToMM(w, size)
}

// units returns the advance of c in thousandths of an em; nothing for a
// character the font lacks. A text's width is the sum of its
// characters', exactly (whole numbers), so a prefix can be measured by
// adding one character to the one before.
func (f *face) units(c rune) int {
	if f.has(c) {
		return int(f.widths[c])
	}
	return 0
}

// unitsToMM converts thousandths of an em at size points to millimetres.
func unitsToMM(units int, size float64) float64 { return float64(units) / 1000 * size * mmPerPt }

// ttfReader reads big-endian numbers from a font file and remembers the
// first read outside it, so a damaged font gives an error, not a panic.
type ttfReader struct {
	b   []byte
	err error
}

func ttf(b []byte) *ttfReader { return &ttfReader{b: b} }

func (r *ttfReader) bytes(at, n int) []byte {
	if at < 0 || n < 0 || at+n > len(r.b) {
		if r.err == nil {
			r.err = errors.New("the font file is cut short or damaged")
		}
		return make([]byte, n)
	}
	return r.b[at : at+n]
}

func (r *ttfReader) u16(at int) int { return int(binary.BigEndian.Uint16(r.bytes(at, 2))) }
func (r *ttfReader) u32(at int) int { return int(binary.BigEndian.Uint32(r.bytes(at, 4))) }

// round rounds half away from zero, as fpdf does for glyph widths.
func round(f float64) float64 {
	if f < 0 {
		return -round(-f)
	}
	return float64(int(f + 0.5))
}
