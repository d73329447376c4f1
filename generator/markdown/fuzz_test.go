package markdown

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// unsafeMarkup returns the first piece of markup in h that could run
// script or load something: a script-like element, an event handler
// attribute, or a link whose target SafeURL would refuse. "" if none.
func unsafeMarkup(h string) string {
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "img", "link", "meta", "base", "form":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					return a.Key + "=" + a.Val
				}
				if (a.Key == "href" || a.Key == "src") && SafeURL(a.Val) == "" {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}

// FuzzMarkdownHTML renders arbitrary Markdown: no panic, and nothing in
// the HTML that could run script.
func FuzzMarkdownHTML(f *testing.F) {
	for _, s := range []string{
		"**bold** _it_ [link](https://example.org) `code`",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java\tscript:x)",
		"<img src=x onerror=alert(1)>",
		"- a\n  - b\n    1. c\n",
		"> quote\n\n```\ncode\n```\n",
		"<https://example.org> <mailto:a@b.c> www.example.org",
		"![alt](data:image/png;base64,xx)",
		"[a](<javascript:alert(1)>)",
		"[a](&#106;avascript:alert(1))",
	} {
		f.Add(s)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		d := c.Convert(src)
		if m := unsafeMarkup(string(d.HTML)); m != "" {
			t.Errorf("unsafe HTML %q from %q:\n%s", m, src, d.HTML)
		}
		for _, b := range d.Blocks {
			for _, s := range b.Spans {
				if s.Href != "" && SafeURL(s.Href) == "" {
					t.Errorf("unsafe link %q kept in blocks", s.Href)
				}
			}
		}
		_ = c.ConvertInline(strings.TrimSpace(src))
	})
}
