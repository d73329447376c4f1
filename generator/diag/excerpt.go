package diag

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// excerptWidth is the most of a line an excerpt shows: a long line is
// cut around the column, so the caret stays on screen.
const excerptWidth = 100

// Excerpt is the line of text that p points into, with a caret under
// p's column, to print under a diagnostic so an editor sees the very
// place:
//
//	5 | text = How do you
//	  |        ^
//
// It is "" when p has no line or text has no such line. The line is
// escaped like the diagnostic (Escape) and its tabs become spaces, so
// the caret lines up.
func Excerpt(text []byte, p Pos) string {
	if p.Line < 1 {
		return ""
	}
	lines := strings.Split(string(text), "\n")
	if p.Line > len(lines) || !utf8.Valid(text) {
		return ""
	}
	line := strings.TrimSuffix(lines[p.Line-1], "\r")
	col := max(p.Col, 1)
	runes := []rune(line)
	col = min(col, len(runes)+1)
	before, after := show(string(runes[:col-1])), show(string(runes[col-1:]))
	// Keep the caret on screen: cut the line to excerptWidth around it.
	if n := utf8.RuneCountInString(before); n > excerptWidth/2 {
		r := []rune(before)
		before = "…" + string(r[n-excerptWidth/2:])
	}
	if r := []rune(after); len(r) > excerptWidth/2 {
		after = string(r[:excerptWidth/2]) + "…"
	}
	gutter := fmt.Sprintf("%5d | ", p.Line)
	pad := strings.Repeat(" ", utf8.RuneCountInString(before))
	return gutter + before + after + "\n" + strings.Repeat(" ", len(gutter)-2) + "| " + pad + "^"
}

// Excerpts returns a function that gives the Excerpt of a position in
// the project at root, reading each file once. A file that cannot be
// read, or is larger than any content file should be, has none.
func Excerpts(root string) func(Pos) string {
	cache := map[string][]byte{}
	return func(p Pos) string {
		if p.File == "" || p.Line < 1 || filepath.IsAbs(p.File) {
			return ""
		}
		b, ok := cache[p.File]
		if !ok {
			path := filepath.Join(root, filepath.FromSlash(p.File))
			if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() < 4<<20 {
				b, _ = os.ReadFile(path)
			}
			cache[p.File] = b
		}
		return Excerpt(b, p)
	}
}

// show is text as an excerpt prints it: escaped, tabs as four spaces.
func show(s string) string {
	return Escape(strings.ReplaceAll(s, "\t", "    "))
}
