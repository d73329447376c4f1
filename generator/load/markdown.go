package load

import (
	"fmt"

	"workbook/generator/diag"
	"workbook/generator/markdown"
)

// Markdown is converted through these two, which first refuse nesting
// too deep to parse in reasonable time (see markdown.TooDeep) with where
// it happens, instead of leaving the build to grind through it.

// pageMarkdown converts a page's body, whose first line is line first of
// file rel.
func (ld *loader) pageMarkdown(body, rel string, first int) markdown.Doc {
	if line, col := markdown.TooDeep(body); line > 0 {
		ld.tooDeep(diag.Pos{File: rel, Line: first + line - 1, Col: col}, "")
		return markdown.Doc{}
	}
	return ld.md.Convert(body)
}

// valueMarkdown converts Markdown held in a TOML value written at key;
// inline for one-line text (a question, a prompt).
func (ld *loader) valueMarkdown(src string, key diag.Pos, inline bool) markdown.Doc {
	if line, _ := markdown.TooDeep(src); line > 0 {
		ld.tooDeep(key, fmt.Sprintf(" (line %d of the text)", line))
		return markdown.Doc{}
	}
	if inline {
		return ld.md.ConvertInline(src)
	}
	return ld.md.Convert(src)
}

func (ld *loader) tooDeep(at diag.Pos, where string) {
	ld.l.Errorf(at, "nest lists and quotes a few levels at most: the workbook indents no more than five",
		"lists or quotes nested more than %d deep%s", markdown.MaxNesting, where)
}
