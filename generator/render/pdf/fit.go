package pdf

import "unicode/utf8"

// fit returns s cleaned and, if wider than width, shortened with "…".
func (d *doc) fit(st textStyle, s string, width float64) string {
	s = d.clean(st.face, s)
	return shorten(s, func(units int) bool { return unitsToMM(units, st.size) <= width }, d.faces[st.face].units)
}

// ellipsis ends a shortened text.
const ellipsis = "…"

// shorten returns s if fits says its width does, else the longest start
// of s, trailing spaces trimmed, that fits with the ellipsis after it, or
// "" if not even the ellipsis fits. units gives a character's width; fits
// must hold for every width below one it holds for.
//
// It measures each character at most twice, so text of any length costs
// linear time: widths add up exactly, so each start's width is the one
// before plus one character. (Taking off one character at a time and
// measuring the rest again was quadratic: a 1 MB cycle name took
// minutes.)
func shorten(s string, fits func(units int) bool, units func(rune) int) string {
	total := 0
	for _, c := range s {
		total += units(c)
	}
	if fits(total) {
		return s
	}
	ell := 0
	for _, c := range ellipsis {
		ell += units(c)
	}
	// Try each start s[:i] in turn, widest last; its width without
	// trailing spaces is kept, the width up to its last other character.
	best, kept, prefix, keptEnd := -1, 0, 0, 0
	for i := 0; i < len(s); {
		if !fits(kept + ell) {
			break
		}
		best = keptEnd
		c, size := utf8.DecodeRuneInString(s[i:])
		i += size
		prefix += units(c)
		if c != ' ' {
			kept, keptEnd = prefix, i
		}
	}
	if best < 0 {
		return ""
	}
	return s[:best] + ellipsis
}
