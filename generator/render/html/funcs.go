package html

import (
	"html/template"
	"strings"

	"workbook/generator/markdown"
)

// funcs are the presentation helpers templates may call. They format; they
// never decide content.
func funcs() template.FuncMap {
	return template.FuncMap{
		"body":   body,
		"inline": inline,
	}
}

// body returns a Markdown body's HTML for a page whose layout already
// gives the page its only h1: an editor's "# Heading" becomes an h2, so
// the outline stays valid whatever the editor wrote. Raw HTML in content
// is escaped by the markdown package, so "<h1" can only be a real heading.
func body(d markdown.Doc) template.HTML {
	h := string(d.HTML)
	h = strings.ReplaceAll(h, "<h1", "<h2")
	h = strings.ReplaceAll(h, "</h1>", "</h2>")
	return template.HTML(h) // #nosec: the markdown package's safe HTML, with tags renamed
}

// inline reports whether d's HTML is phrasing content (no paragraphs,
// lists, headings...), so it can sit inside a heading. Question text
// normally is; a multi-paragraph question has to go in a div instead.
func inline(d markdown.Doc) bool {
	h := string(d.HTML)
	for _, tag := range []string{"<p>", "<p ", "<ul", "<ol", "<h", "<blockquote", "<pre", "<table", "<div", "<hr"} {
		if strings.Contains(h, tag) {
			return false
		}
	}
	return true
}
