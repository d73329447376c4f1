package load

import (
	"fmt"
	"slices"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// page reads a Markdown file with TOML front matter between +++ lines.
func (ld *loader) page(abs, slug string) *model.Page {
	rel := ld.rel(abs)
	src, ok := ld.readText(abs, true)
	if !ok {
		return nil
	}
	fm, body, bodyLine, ok := splitFrontMatter(src, rel, ld.l)
	if !ok {
		return nil
	}
	p := &model.Page{Slug: slug, Pos: diag.Pos{File: rel, Line: 1, Col: 1}, BodyLine: bodyLine}
	doc := parseTOML(fm, rel, 1, ld.l)
	if doc == nil {
		return nil
	}
	t := doc.root("the front matter", ld.l)
	p.Title = t.str("title", true)
	p.Weight = t.integer("weight", 0, -1000000, 1000000)
	p.Draft = t.boolean("draft", false)
	webOnly, levelOnly := t.strs("web_only"), t.strs("level_only")
	t.unknown()
	p.Body = ld.pageMarkdown(ld.settings(body, rel, bodyLine), rel, bodyLine)
	p.WebOnly = sectionNames(p.Body.Headings(), webOnly, t.keyPos("web_only"), "web_only", ld.l)
	p.LevelOnly = sectionNames(p.Body.Headings(), levelOnly, t.keyPos("level_only"), "level_only", ld.l)
	return p
}

// sectionNames checks that each name (of a key's list, key) is the text
// of one of the page's headings, and returns those that are.
func sectionNames(headings, names []string, pos diag.Pos, key string, l *diag.List) []string {
	var out []string
	for _, n := range names {
		if slices.Contains(headings, n) {
			out = append(out, n)
			continue
		}
		hint := "write a heading of this page exactly, without its #s"
		if near := diag.Nearest(n, headings); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		l.Errorf(pos, hint, "%s: the page has no heading %q", key, n)
	}
	return out
}

// splitFrontMatter separates "+++\nTOML\n+++\nbody" and says on which
// line of the file the body starts. Missing or unclosed front matter is
// an error naming the line to fix.
func splitFrontMatter(src, rel string, l *diag.List) (fm, body string, bodyLine int, ok bool) {
	lines := strings.SplitAfter(src, "\n")
	isFence := func(s string) bool { return strings.TrimRight(s, " \t\r\n") == "+++" }
	if len(lines) == 0 || !isFence(lines[0]) {
		l.Errorf(diag.Pos{File: rel, Line: 1, Col: 1}, `start the file with a line +++, then title = "…", then another +++`, "no front matter")
		return "", "", 0, false
	}
	for i := 1; i < len(lines); i++ {
		if isFence(lines[i]) {
			return strings.Join(lines[1:i], ""), strings.Join(lines[i+1:], ""), i + 2, true
		}
	}
	l.Errorf(diag.Pos{File: rel, Line: 1, Col: 1}, "add a line +++ after the front matter, before the page text", "the front matter that starts here is never closed")
	return "", "", 0, false
}
