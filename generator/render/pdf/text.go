package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"workbook/generator/markdown"
	"workbook/generator/render/pdf/pdfobj"
)

// textStyle is how a stretch of text is set. Bold and italic spans of
// Markdown switch face from it.
type textStyle struct {
	size   float64 // points
	face   fontStyle
	colour rgb
}

// lineHeight is the distance between baselines: 1.35 × the size leaves
// room for accents above and descenders below.
func (s textStyle) lineHeight() float64 { return s.size * mmPerPt * 1.35 }

// baseline is how far below a line's top its baseline sits: half the
// leading, then the ascent of Liberation Sans (about 0.9 em).
func (s textStyle) baseline() float64 { return s.size * mmPerPt * (0.175 + 0.905) }

// role names the text styles used across the workbook.
type role int

const (
	body     role = iota // 11 pt: the smallest a workshop reads comfortably at arm's length
	question             // a question's own text
	label                // box and table labels
	small                // 9 pt: only for hints, and the running header and footer
	hint                 // the evidence hint
	title                // the cover's framework title
	heading1
	heading2
)

// style returns the role's text style.
func (r role) style() textStyle {
	switch r {
	case question:
		return textStyle{size: 12, colour: black}
	case label:
		return textStyle{size: 10, face: bold, colour: black}
	case small:
		return textStyle{size: 9, colour: darkGrey}
	case hint:
		return textStyle{size: 9, face: italic, colour: darkGrey}
	case title:
		return textStyle{size: 26, face: bold, colour: black}
	case heading1:
		return textStyle{size: 18, face: bold, colour: black}
	case heading2:
		return textStyle{size: 14, face: bold, colour: black}
	}
	return textStyle{size: 11, colour: black}
}

// listIndent is how far each level of a list is indented; its marker sits
// in the indent.
const listIndent = 6.0

// maxListIndent is the deepest level of a list that is indented further
// than the one above it (counted from 0): deeper items sit at its
// indent, so a list nested a thousand deep stays on the page and keeps a
// readable width. Their markers still alternate, so the levels show.
const maxListIndent = 4

// listItemIndent is the indent of a list item at level (0 = top) whose
// marker is markerW wide: the level's step, or more if the marker (say
// "123456789.") needs more room, so it is never drawn left of the text
// column.
func listItemIndent(level int, markerW float64) float64 {
	return max(listIndent*float64(min(level, maxListIndent)+1), markerW+markerGap)
}

// markerGap is the space between a list marker and its item's text.
const markerGap = 2.0

// run is part of a line set in one face, with one link target.
type run struct {
	text string
	face fontStyle
	href string
	x, w float64 // from the line's left edge (after the indent)
}

// line is one laid-out line of text.
type line struct {
	runs   []run
	style  textStyle
	indent float64
	marker string // a list bullet or number, drawn in the indent
	soft   bool   // broken at a space, which the next line does not show
	// elem is the structure element the line's text belongs to, and lbl
	// its marker's (nil: whatever element is being drawn).
	elem, lbl *pdfobj.Elem
}

// para is one laid-out Markdown block.
type para struct {
	lines   []line
	before  float64 // space above, dropped at the top of a page
	heading bool
	kind    markdown.BlockKind
	level   int // the Markdown block's heading level or list depth
}

// paras lays out a Markdown document in width.
func (d *doc) paras(md markdown.Doc, width float64, st textStyle) []para {
	var out []para
	prev := markdown.Paragraph
	for i, bl := range md.Blocks {
		s, indent, marker := st, 0.0, ""
		p := para{kind: bl.Kind, level: bl.Level}
		switch bl.Kind {
		case markdown.Heading:
			s.face = bold
			s.size = st.size + max(0, 4-float64(bl.Level))*1.5
			p.heading = true
		case markdown.Bullet:
			marker = "•"
			if bl.Level%2 == 1 {
				marker = "–"
			}
			indent = listItemIndent(bl.Level, d.textWidth(s.face, s.size, marker))
		case markdown.Numbered:
			marker = strconv.Itoa(bl.Number) + "."
			indent = listItemIndent(bl.Level, d.textWidth(s.face, s.size, marker))
		case markdown.Quote:
			indent = listIndent
			s.face = italic
		}
		if i > 0 {
			listItem := bl.Kind == markdown.Bullet || bl.Kind == markdown.Numbered
			wasItem := prev == markdown.Bullet || prev == markdown.Numbered
			switch {
			case p.heading:
				p.before = 0.8 * s.lineHeight()
			case listItem && wasItem:
				p.before = 0.2 * s.lineHeight()
			default:
				p.before = 0.5 * s.lineHeight()
			}
		}
		p.lines = d.wrap(bl.Spans, width, indent, s)
		if marker != "" && len(p.lines) > 0 {
			p.lines[0].marker = marker
		}
		out = append(out, p)
		prev = bl.Kind
	}
	return out
}

// plain lays out a plain string (not Markdown) in width.
func (d *doc) plain(s string, width float64, st textStyle) []line {
	return d.wrap([]markdown.Span{{Text: s}}, width, 0, st)
}

// frag is a word, or part of one, in one face.
type frag struct {
	text string
	face fontStyle
	href string
}

// wrap breaks styled spans into lines of at most width (less indent),
// breaking at spaces, or inside a word only when the word alone is wider
// than the line (a long web address).
func (d *doc) wrap(spans []markdown.Span, width, indent float64, st textStyle) []line {
	width -= indent
	var lines []line
	var cur, word []frag
	curW, wordW, space := 0.0, 0.0, false
	emit := func(soft bool) {
		lines = append(lines, line{runs: d.runs(cur, st.size), style: st, indent: indent, soft: soft})
		cur, curW = nil, 0
	}
	place := func() {
		if len(word) == 0 {
			return
		}
		gap := 0.0
		if len(cur) > 0 && space {
			gap = d.textWidth(word[0].face, st.size, " ")
		}
		if len(cur) > 0 && curW+gap+wordW > width {
			emit(true)
			gap = 0
		}
		if gap > 0 {
			href := ""
			if last := cur[len(cur)-1]; last.href == word[0].href {
				href = last.href // keep a link's underline unbroken
			}
			cur = append(cur, frag{" ", word[0].face, href})
			curW += gap
		}
		if len(cur) == 0 && wordW > width {
			// Character by character; the characters that share a line
			// stay one fragment, a slice of the word, not a copy: a word
			// may be megabytes.
			for _, f := range word {
				start := -1 // where the fragment last put on cur starts in f.text
				for i := 0; i < len(f.text); {
					_, size := utf8.DecodeRuneInString(f.text[i:])
					cw := d.textWidth(f.face, st.size, f.text[i:i+size])
					if curW+cw > width && len(cur) > 0 {
						emit(false)
						start = -1
					}
					if start < 0 {
						start = i
						cur = append(cur, frag{f.text[i : i+size], f.face, f.href})
					} else {
						cur[len(cur)-1].text = f.text[start : i+size]
					}
					curW += cw
					i += size
				}
			}
		} else {
			cur = append(cur, word...)
			curW += wordW
		}
		word, wordW, space = nil, 0, false
	}
	for _, f := range d.frags(spans, st.face) {
		for i, part := range strings.Split(f.text, " ") {
			if i > 0 {
				place()
				space = true
			}
			if part != "" {
				word = append(word, frag{part, f.face, f.href})
				wordW += d.textWidth(f.face, st.size, part)
			}
		}
	}
	place()
	if len(cur) > 0 {
		emit(false)
	}
	return lines
}

// frags turns Markdown spans into clean text in the right face. A link
// to the web gets its address printed after its text, in brackets,
// because paper cannot be clicked; links inside the site (relative
// addresses) have no meaning on paper and print as plain text.
func (d *doc) frags(spans []markdown.Span, base fontStyle) []frag {
	var out []frag
	for i, sp := range spans {
		face := base
		switch {
		case sp.Bold:
			face = bold
		case sp.Italic:
			face = italic
		}
		href := webAddress(sp.Href)
		out = append(out, frag{d.clean(face, sp.Text), face, href})
		if href == "" || (i+1 < len(spans) && spans[i+1].Href == sp.Href) {
			continue
		}
		shown := strings.TrimPrefix(strings.TrimPrefix(href, "mailto:"), "tel:")
		text := strings.TrimSpace(markdown.Doc{Blocks: []markdown.Block{{Spans: linkSpans(spans, i)}}}.Plain())
		if text != shown && text != href {
			out = append(out, frag{d.clean(base, " ("+shown+")"), base, href})
		}
	}
	return out
}

// linkSpans returns the spans of the link that ends at spans[end].
func linkSpans(spans []markdown.Span, end int) []markdown.Span {
	start := end
	for start > 0 && spans[start-1].Href == spans[end].Href {
		start--
	}
	return spans[start : end+1]
}

// webAddress returns href if a reader of the printout can use it (a web,
// email or phone address), else "".
func webAddress(href string) string {
	lower := strings.ToLower(href)
	for _, scheme := range []string{"http://", "https://", "mailto:", "tel:"} {
		if strings.HasPrefix(lower, scheme) {
			return href
		}
	}
	return ""
}

// runs merges a line's fragments into runs of one face and link and
// places them. A line may hold any number of fragments (a long word of
// characters with no width is one per character), so each run's text is
// joined once, not grown a fragment at a time.
func (d *doc) runs(fs []frag, size float64) []run {
	var out []run
	var texts []string // the current run's fragments
	x := 0.0
	for _, f := range fs {
		w := d.textWidth(f.face, size, f.text)
		if k := len(out) - 1; k >= 0 && out[k].face == f.face && out[k].href == f.href {
			texts = append(texts, f.text)
			out[k].w += w
		} else {
			if k >= 0 {
				out[k].text = strings.Join(texts, "")
			}
			texts = append(texts[:0], f.text)
			out = append(out, run{face: f.face, href: f.href, x: x, w: w})
		}
		x += w
	}
	if k := len(out) - 1; k >= 0 {
		out[k].text = strings.Join(texts, "")
	}
	// A trailing space is invisible but would extend a link's underline.
	if k := len(out) - 1; k >= 0 && strings.HasSuffix(out[k].text, " ") {
		out[k].text = strings.TrimRight(out[k].text, " ")
		out[k].w = d.textWidth(out[k].face, size, out[k].text)
	}
	return out
}

// width returns the width the line's text takes, indent included.
func (l line) width() float64 {
	if len(l.runs) == 0 {
		return l.indent
	}
	last := l.runs[len(l.runs)-1]
	return l.indent + last.x + last.w
}

// drawLine draws a line whose top is at top. Links are underlined and
// coloured, so they show on screen and, by the underline, in print.
func (d *doc) drawLine(l line, x, top float64) {
	base := top + l.style.baseline()
	if l.marker != "" {
		w := d.textWidth(l.style.face, l.style.size, l.marker)
		d.within(l.lbl, func() { d.text(x+l.indent-w-markerGap, base, l.style.face, l.style.size, l.style.colour, l.marker) })
	}
	d.within(l.elem, func() {
		for i, r := range l.runs {
			rx := x + l.indent + r.x
			if r.href == "" {
				more := ""
				if l.soft && i == len(l.runs)-1 {
					more = " "
				}
				d.textThen(rx, base, r.face, l.style.size, l.style.colour, r.text, more)
				continue
			}
			d.within(d.linkElem(), func() {
				d.text(rx, base, r.face, l.style.size, linkBlue, r.text)
				d.line(rx, base+0.7, rx+r.w, base+0.7, linkBlue, 0.2)
				d.link(rx, top, r.w, l.style.lineHeight(), r.href, r.text+" ("+r.href+")")
			})
		}
	})
}

// linkElem is a Link element under the element being drawn.
func (d *doc) linkElem() *pdfobj.Elem {
	if d.tags == nil {
		return nil
	}
	return d.elem("Link", d.tags.cur)
}

// drawLines draws lines one under another from top and returns the
// position below the last.
func (d *doc) drawLines(ls []line, x, top float64) float64 {
	for _, l := range ls {
		d.drawLine(l, x, top)
		top += l.style.lineHeight()
	}
	return top
}

// linePieces makes each line a piece of its own, so long text can break
// between lines when it must.
func linePieces(lines []line, x float64) []piece {
	out := make([]piece, 0, len(lines))
	for _, l := range lines {
		out = append(out, piece{h: l.style.lineHeight(), draw: func(d *doc, y float64) { d.drawLine(l, x, y) }})
	}
	return out
}

// flatten turns paragraphs into pieces, their spacing kept as gaps (but
// not before the first).
func flatten(ps []para, x float64) []piece {
	var out []piece
	for i, p := range ps {
		if i > 0 && p.before > 0 {
			out = append(out, gap(p.before))
		}
		out = append(out, linePieces(p.lines, x)...)
	}
	return out
}

// asBlocks makes each paragraph a block, so a long page of prose breaks
// between paragraphs and headings stay with what follows them.
func asBlocks(ps []para, x float64) []block {
	out := make([]block, 0, len(ps))
	for _, p := range ps {
		out = append(out, block{pieces: linePieces(p.lines, x), before: p.before, keepWithNext: p.heading})
	}
	return out
}
