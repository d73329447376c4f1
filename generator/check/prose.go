package check

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"workbook/generator/diag"
)

// prose is a piece of reader-facing text to check, with where it is
// written. Text from a Markdown page keeps its exact line and column:
// exact is true and pos is where src starts. Text from a TOML string
// (a question, a description) is reported at its key: exact is false.
type prose struct {
	text  string // what to check, with any markup blanked out
	src   string // the text as written, for columns; same length as text
	pos   diag.Pos
	exact bool
}

// posOf is where the byte at off of p.text is written.
func (p prose) posOf(off int) diag.Pos {
	if !p.exact {
		return p.pos
	}
	before := p.src[:off]
	line := strings.Count(before, "\n")
	if line == 0 {
		return diag.Pos{File: p.pos.File, Line: p.pos.Line, Col: p.pos.Col + utf8.RuneCountInString(before)}
	}
	start := strings.LastIndexByte(before, '\n') + 1
	return diag.Pos{File: p.pos.File, Line: p.pos.Line + line, Col: 1 + utf8.RuneCountInString(before[start:])}
}

// Markdown that is not prose: fenced code, inline code, link targets,
// autolinks, HTML comments and tags. blankMarkup replaces each with spaces
// (keeping line breaks), so offsets into the result are offsets into the
// source.
var (
	fence      = regexp.MustCompile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}(```|~~~)[^\n]*$")
	notProse   = regexp.MustCompile("`[^`\n]*`|\\]\\([^)\n]*\\)|<[a-zA-Z/!][^>\n]*>|(?:https?://|mailto:|www\\.)[^\\s)>\\]]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]+")
	blockStart = regexp.MustCompile(`(?m)^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|[0-9]+[.)][ \t]+|>[ \t]?)`)
)

func blankMarkup(src string) string {
	out := []byte(src)
	for _, re := range []*regexp.Regexp{fence, notProse} {
		for _, m := range re.FindAllIndex(out, -1) {
			for i := m[0]; i < m[1]; i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
		}
	}
	return string(out)
}

// markdownProse returns a page's body as prose with markup blanked out.
func markdownProse(src string, pos diag.Pos) prose {
	return prose{text: blankMarkup(src), src: src, pos: pos, exact: true}
}

// plainProse is text from a TOML string, reported at its key.
func plainProse(text string, pos diag.Pos) prose {
	return prose{text: text, src: text, pos: pos}
}
