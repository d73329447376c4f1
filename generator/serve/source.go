package serve

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/sources"
)

// sourcePrefix is where the preview shows a project's source files, so
// each problem in the banner links to its file at its line.
const sourcePrefix = "source/"

// maxSourceBytes bounds the file the source view shows; content files
// are a few kilobytes.
const maxSourceBytes = 2 << 20

// sourceURL links to pos in the source view: the file, scrolled to the
// line.
func sourceURL(pos diag.Pos) string {
	u := (&url.URL{Path: "/" + ownPrefix + sourcePrefix + pos.File}).EscapedPath()
	if pos.Line > 0 {
		u += "#L" + strconv.Itoa(pos.Line)
	}
	return u
}

// serveSource shows one source file of the project (only a file the
// site is built from: the config file, content, theme and overrides),
// with line numbers, each line with a problem marked and its message
// beneath it. An editor who follows a banner link sees the line in
// context, whichever editor they use. The file is read through an
// os.Root, so no link or spelling reaches outside the project.
func (s *Server) serveSource(w http.ResponseWriter, r *http.Request, rel string) {
	config := filepath.Base(s.builder.opt.ConfigFile)
	if !sources.Watched(rel, config) {
		http.NotFound(w, r)
		return
	}
	root, err := os.OpenRoot(s.root)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(rel))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	text, err := io.ReadAll(io.LimitReader(f, maxSourceBytes+1))
	if err != nil || len(text) > maxSourceBytes {
		http.Error(w, "the file is too large to show", http.StatusRequestEntityTooLarge)
		return
	}
	st := s.state.Load()
	marks := map[int][]problem{}
	for _, p := range st.problems {
		if p.Pos.File == rel {
			marks[max(p.Pos.Line, 1)] = append(marks[max(p.Pos.Line, 1)], p)
		}
	}
	var b strings.Builder
	words := st.words
	b.WriteString(`<!doctype html><html lang="` + html.EscapeString(words.Lang()) + `"><head><meta charset="utf-8">`)
	b.WriteString(`<title>` + html.EscapeString(words.T("preview.source_title", "file", rel)) + `</title></head><body class="workbook-source">`)
	b.WriteString(`<main><h1 class="workbook-source__title">` + html.EscapeString(rel) + `</h1>`)
	b.WriteString(`<p>` + html.EscapeString(words.T("preview.source_intro")) + ` <a href="/">` + html.EscapeString(words.T("preview.back")) + `</a></p>`)
	b.WriteString(`<ol class="workbook-source__lines">`)
	for i, line := range strings.Split(strings.TrimSuffix(string(text), "\n"), "\n") {
		n := i + 1
		ps := marks[n]
		class := ""
		if len(ps) > 0 {
			class = ` class="workbook-source__problem"`
		}
		fmt.Fprintf(&b, `<li id="L%d"%s><code>%s</code>`, n, class, html.EscapeString(strings.TrimSuffix(line, "\r")))
		for _, p := range ps {
			b.WriteString(`<p class="workbook-source__message"><strong>` + html.EscapeString(p.Pos.String()) + `:</strong> ` + html.EscapeString(p.Msg))
			if p.Hint != "" {
				b.WriteString(hintHTML(words, p.Hint))
			}
			b.WriteString(`</p>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol></main></body></html>`)
	s.servePage(w, r, st, "", []byte(b.String()), http.StatusOK)
}
