package markdown

import "strings"

// MaxNesting is the deepest that lists and block quotes may nest. Writing
// needs a few levels; the PDF indents five at most. goldmark's parsing
// time grows with the cube of the depth (each line is checked against
// every open list, column by column): a list a thousand deep takes
// seconds, ten thousand did not finish. So content is checked with
// TooDeep before it is parsed.
const MaxNesting = 100

// TooDeep returns where src first nests lists and block quotes deeper
// than MaxNesting, as a line and column counted from 1, or 0, 0 if it
// never does. It reads only the start of each line, once: the
// indentation (a nested list's items sit at least two columns further in
// per level, a tab counting to the next multiple of four) and the markers
// that open lists and quotes there ("> - 1. "). So it may overcount (an
// indented line of prose counts as deep), never undercount, and it costs
// linear time.
func TooDeep(src string) (line, col int) {
	for n := 1; len(src) > 0; n++ {
		l := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		if at := lineTooDeep(l); at > 0 {
			return n, at
		}
	}
	return 0, 0
}

// lineTooDeep returns the column where line goes deeper than MaxNesting,
// or 0.
func lineTooDeep(line string) int {
	i, width := 0, 0
	for ; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		if width/2 >= MaxNesting {
			return i + 1
		}
		if line[i] == '\t' {
			width += 4 - width%4
		} else {
			width++
		}
	}
	depth := width / 2
	if depth > MaxNesting {
		return i + 1
	}
	if strings.Trim(line[i:], "-*_ \t") == "" {
		return 0 // a thematic break (- - -), not lists
	}
	for i < len(line) {
		next := markerEnd(line, i)
		if next == i {
			return 0
		}
		if depth++; depth > MaxNesting {
			return i + 1
		}
		for i = next; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		}
	}
	return 0
}

// markerEnd returns the index past the block quote or list marker at
// line[i] ("> ", "- ", "12. ", "3) "), or i if there is none.
func markerEnd(line string, i int) int {
	switch c := line[i]; {
	case c == '>':
		return i + 1
	case c == '-' || c == '*' || c == '+':
		if i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' {
			return i + 1
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
			return j + 1
		}
	}
	return i
}
