package markdown

import (
	"strconv"
	"strings"
)

// Headings lists the plain text of the document's headings, in order:
// the names by which settings pick out a section.
func (d Doc) Headings() []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == Heading {
			out = append(out, b.plain())
		}
	}
	return out
}

// Without returns the document's blocks without the sections whose
// headings drop says to leave out: a heading and everything under it, up
// to the next heading of the same level or above. Headings numbered in
// their text ("2. Plan your time") that follow a section left out are
// numbered again, so that a printed copy's steps count 1, 2, 3. The
// result keeps Source but has no HTML: it is for renderers that draw
// blocks (the workbook's how-to page).
func (d Doc) Without(drop func(heading string) bool) Doc {
	out := Doc{Source: d.Source}
	skip := 0               // the level of the heading being left out, or 0
	number := map[int]int{} // the next number of numbered headings, by level
	renumber := false
	for _, b := range d.Blocks {
		if b.Kind == Heading {
			if skip > 0 && b.Level > skip {
				continue
			}
			skip = 0
			n, rest, numbered := headingNumber(b.plain())
			if drop(b.plain()) {
				skip = b.Level
				if numbered {
					renumber = true
					if number[b.Level] == 0 {
						number[b.Level] = n // the next numbered heading takes its number
					}
				}
				continue
			}
			if numbered {
				if number[b.Level] == 0 {
					number[b.Level] = n
				}
				if renumber && n != number[b.Level] {
					b = Block{Kind: Heading, Level: b.Level, Spans: []Span{{Text: strconv.Itoa(number[b.Level]) + ". " + rest}}}
				}
				number[b.Level]++
			}
		} else if skip > 0 {
			continue
		}
		out.Blocks = append(out.Blocks, b)
	}
	return out
}

// headingNumber splits "2. Plan your time" into 2 and "Plan your time".
func headingNumber(s string) (n int, rest string, ok bool) {
	digits, after, found := strings.Cut(s, ". ")
	if !found || digits == "" || len(digits) > 3 {
		return 0, s, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 {
		return 0, s, false
	}
	return n, after, true
}

// plain is the block's text without markup.
func (b Block) plain() string {
	var s strings.Builder
	for _, sp := range b.Spans {
		s.WriteString(sp.Text)
	}
	return s.String()
}
