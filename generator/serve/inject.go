package serve

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"workbook/generator/i18n"
)

// The preview's own files, under a prefix no site page can have (the
// loader only makes names of lower-case letters, digits and hyphens).
const (
	ownPrefix  = "__workbook/"
	reloadJS   = "/" + ownPrefix + "reload.js"
	bannerCSS  = "/" + ownPrefix + "banner.css"
	eventsPath = "/" + ownPrefix + "events"
	pdfPrefix  = "/" + ownPrefix + "pdf/"
)

// headTags are what every served page gets before </head>: its version,
// status and file name (read by reload.js), the banner's stylesheet and
// the reload script. Files, not inline code, so that the site's strict
// Content-Security-Policy (default-src 'self') holds in the preview too.
func headTags(st *state, page string) string {
	return fmt.Sprintf(`<meta name="workbook-version" content="%s">`+
		`<meta name="workbook-status" content="%s">`+
		`<meta name="workbook-page" content="%s">`+
		`<link rel="stylesheet" href="%s">`+
		`<script src="%s" defer></script>`,
		html.EscapeString(st.build.version(page)), html.EscapeString(st.status), html.EscapeString(page), bannerCSS, reloadJS)
}

// inject returns a copy of page with head added before </head> and
// banner right after the <body…> start tag. The built site is not
// touched: this happens to each response, so `workbook build` output
// never carries preview code.
func inject(page []byte, head, banner string) []byte {
	lower := asciiLower(page)
	out := make([]byte, 0, len(page)+len(head)+len(banner))
	headAt := bytes.Index(lower, []byte("</head"))
	bodyAt := bodyStartEnd(lower)
	switch {
	case headAt >= 0 && bodyAt >= headAt:
		out = append(out, page[:headAt]...)
		out = append(out, head...)
		out = append(out, page[headAt:bodyAt]...)
		out = append(out, banner...)
		out = append(out, page[bodyAt:]...)
	case bodyAt >= 0:
		out = append(out, page[:bodyAt]...)
		out = append(out, head...)
		out = append(out, banner...)
		out = append(out, page[bodyAt:]...)
	default:
		out = append(out, head...)
		out = append(out, banner...)
		out = append(out, page...)
	}
	return out
}

// bodyStartEnd returns the offset just past the <body…> start tag in an
// ASCII-lowercased page, or -1. Attribute values may hold ">", so quotes
// are skipped.
func bodyStartEnd(lower []byte) int {
	for i := 0; ; {
		j := bytes.Index(lower[i:], []byte("<body"))
		if j < 0 {
			return -1
		}
		i += j + len("<body")
		if i < len(lower) && !isSpace(lower[i]) && lower[i] != '>' && lower[i] != '/' {
			continue // <bodyish>
		}
		var quote byte
		for ; i < len(lower); i++ {
			c := lower[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i + 1
			}
		}
		return -1
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// asciiLower lower-cases A–Z only, keeping every byte where it was (a
// Unicode-aware lower-casing may change lengths and so offsets).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// bannerHTML is the banner shown while the latest rebuild has failed: a
// plain statement of what happened and one item per problem naming the
// file and line, so an editor can go straight there. Empty when there are
// no problems. It is escaped here; content never reaches it unescaped.
func bannerHTML(st *state) string {
	if len(st.problems) == 0 {
		return ""
	}
	var b strings.Builder
	w := st.words
	b.WriteString(`<div id="workbook-banner" class="workbook-banner" role="alert">`)
	b.WriteString(`<p class="workbook-banner__title"><strong>` + html.EscapeString(w.N("preview.not_built", len(st.problems))) + `</strong> `)
	if st.build != nil {
		b.WriteString(html.EscapeString(w.T("preview.last_good")))
	} else {
		b.WriteString(html.EscapeString(w.T("preview.nothing_yet")))
	}
	b.WriteString(`</p><ul class="workbook-banner__list">`)
	for _, p := range st.problems {
		b.WriteString(`<li>`)
		if p.Pos.File != "" {
			// A link to the file as the preview shows it, at the line.
			b.WriteString(`<a class="workbook-banner__where" href="` + html.EscapeString(sourceURL(p.Pos)) + `">` + html.EscapeString(p.Pos.String()) + `</a> `)
		}
		b.WriteString(html.EscapeString(p.Msg))
		if p.Hint != "" {
			b.WriteString(hintHTML(w, p.Hint))
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

// hintHTML is a problem's hint as the banner and the source view show
// it: on a line of its own, after "What to do:".
func hintHTML(w *i18n.Catalog, hint string) string {
	return `<span class="workbook-banner__hint"><strong>` + html.EscapeString(w.T("preview.what_to_do")) + `</strong> ` + html.EscapeString(hint) + `</span>`
}
