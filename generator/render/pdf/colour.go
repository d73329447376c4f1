package pdf

import (
	"strconv"
	"strings"
)

// rgb is a colour as 0xRRGGBB.
type rgb uint32

// rgb returns the channels, 0–255, in the order fpdf takes them.
func (c rgb) rgb() (r, g, b int) { return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF) }

// tint mixes c with white, keeping share of c: a light fill behind a pen
// mark that still hints at the colour.
func (c rgb) tint(share float64) rgb {
	r, g, b := c.rgb()
	mix := func(v int) rgb { return rgb(255 - int(share*float64(255-v)+0.5)) }
	return mix(r)<<16 | mix(g)<<8 | mix(b)
}

// parseColour reads the CSS colours a rating's colour is likely to be
// written as: #rgb, #rrggbb, rgb(r, g, b) and a few names. Anything else
// reports false and the tick box stays white: colour only ever helps, the
// label says what the box means.
func parseColour(s string) (rgb, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "red":
		return 0xFF0000, true
	case "green":
		return 0x008000, true
	case "amber":
		return 0xFFBF00, true
	case "orange":
		return 0xFFA500, true
	case "yellow":
		return 0xFFFF00, true
	case "blue":
		return 0x0000FF, true
	}
	if h, ok := strings.CutPrefix(s, "#"); ok {
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return 0, false
		}
		v, err := strconv.ParseUint(h, 16, 32)
		return rgb(v), err == nil
	}
	if in, ok := strings.CutPrefix(s, "rgb("); ok {
		parts := strings.Split(strings.TrimSuffix(in, ")"), ",")
		if len(parts) != 3 {
			return 0, false
		}
		var c rgb
		for _, p := range parts {
			v, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || v < 0 || v > 255 {
				return 0, false
			}
			c = c<<8 | rgb(v)
		}
		return c, true
	}
	return 0, false
}
