// Package markdown turns the Markdown in content (question text, prompts,
// evidence hints, pages) into a Doc that every renderer can read: safe HTML
// for the site and a small tree of blocks and styled spans for the PDF.
//
// Each piece of Markdown is parsed once, at load time; renderers never parse.
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Doc is one parsed piece of Markdown.
type Doc struct {
	Source string
	// HTML is the rendered, safe HTML: raw HTML in the source is shown as
	// text and links to unsafe schemes (javascript:, data:...) keep their
	// text but lose the link.
	HTML template.HTML
	// Blocks is the document as paragraphs, list items and headings of
	// styled text, for renderers that draw text themselves (the PDF).
	Blocks []Block
}

// Empty reports whether the source has no content.
func (d Doc) Empty() bool { return strings.TrimSpace(d.Source) == "" }

// Plain returns the text with all markup removed, blocks joined by spaces.
func (d Doc) Plain() string {
	var b strings.Builder
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, s := range bl.Spans {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Words counts the words of the plain text.
func (d Doc) Words() int { return len(strings.Fields(d.Plain())) }

// BlockKind says how a block is laid out.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Bullet              // an item of an unordered list
	Numbered            // an item of an ordered list; Block.Number holds its number
	Heading             // Block.Level holds 1–6
	Quote
	Code
)

// Block is a paragraph-level piece of text.
type Block struct {
	Kind   BlockKind
	Number int // for Numbered
	Level  int // heading level, or list nesting depth (0 = top)
	Spans  []Span
}

// Span is a run of text in one style.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
	Code   bool
	Href   string // a safe link target, or ""
}

// Converter parses Markdown. It is safe for concurrent use and meant to be
// made once per build.
type Converter struct {
	md goldmark.Markdown
	// writers reuses the buffered writers goldmark's renderer needs: it
	// makes a 4 KB one per call otherwise, a tenth of a big load's time.
	writers sync.Pool
}

// sink is a reusable output buffer with the buffered writer over it.
type sink struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

// New makes a Converter with the project's settings: CommonMark plus tables,
// strikethrough and autolinks, and the safe renderers of this package.
func New() *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(
			// Alignment none: renderTableCell writes it as a class.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 100))),
	)
	c := &Converter{md: md}
	c.writers.New = func() any {
		s := &sink{}
		s.w = bufio.NewWriter(&s.buf)
		return s
	}
	return c
}

// Convert parses src once and returns its HTML and blocks.
func (c *Converter) Convert(src string) Doc {
	source := []byte(src)
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := c.md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	out := c.writers.Get().(*sink)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	// Rendering to a bytes.Buffer cannot fail.
	_ = c.md.Renderer().Render(out.w, source, root)
	_ = out.w.Flush()
	html := out.buf.String()
	c.writers.Put(out)
	return Doc{
		Source: src,
		HTML:   template.HTML(html), // #nosec: produced by the safe renderer
		Blocks: blocks(root, source),
	}
}

// ConvertInline is Convert for one-line text (a question, a prompt): the
// HTML loses its wrapping <p> so it can sit inside a heading or list item.
func (c *Converter) ConvertInline(src string) Doc {
	d := c.Convert(src)
	h := strings.TrimSpace(string(d.HTML))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		d.HTML = template.HTML(h[3 : len(h)-4])
	}
	return d
}

// SafeURL returns the link target if it is safe to put in a page or PDF,
// or "" if it must be dropped. Relative links, fragments and the schemes
// http, https, mailto and tel are allowed; anything else (javascript:,
// vbscript:, data:, file:...) is not, however it is spelt.
func SafeURL(raw string) string {
	// Markdown allows entities in link targets (&#106;avascript:); judge
	// the target the browser will see, and return that.
	raw = html.UnescapeString(raw)
	// Browsers ignore ASCII tab and newline inside URLs and trim spaces
	// and control characters, so do the same before looking at the scheme.
	var b strings.Builder
	for _, r := range raw {
		if r <= 0x20 || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	u := b.String()
	colon := strings.IndexByte(u, ':')
	if colon < 0 {
		return raw
	}
	// A colon after the first slash, question mark or hash is part of a
	// relative path, not a scheme.
	if i := strings.IndexAny(u, "/?#"); i >= 0 && i < colon {
		return raw
	}
	switch strings.ToLower(u[:colon]) {
	case "http", "https", "mailto", "tel":
		return raw
	}
	return ""
}

// blocks flattens the goldmark tree into paragraph-level blocks.
func blocks(root ast.Node, src []byte) []Block {
	var out []Block
	var walk func(n ast.Node, kind BlockKind, number, depth int)
	walk = func(n ast.Node, kind BlockKind, number, depth int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				out = append(out, Block{Kind: kind, Number: number, Level: depth, Spans: spans(v, src, Span{})})
				// Later paragraphs of the same list item are plain continuations.
				if kind == Numbered || kind == Bullet {
					kind, number = Paragraph, 0
				}
			case *ast.Heading:
				out = append(out, Block{Kind: Heading, Level: v.Level, Spans: spans(v, src, Span{})})
			case *ast.List:
				n := v.Start
				if n == 0 {
					n = 1
				}
				for item := v.FirstChild(); item != nil; item = item.NextSibling() {
					k := Bullet
					if v.IsOrdered() {
						k = Numbered
					}
					walk(item, k, n, listDepth(v))
					n++
				}
			case *ast.Blockquote:
				walk(v, Quote, 0, depth)
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				var b strings.Builder
				lines := v.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
				out = append(out, Block{Kind: Code, Spans: []Span{{Text: strings.TrimRight(b.String(), "\n"), Code: true}}})
			case *ast.HTMLBlock:
				var b strings.Builder
				lines := v.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(src))
				}
				out = append(out, Block{Kind: Paragraph, Spans: []Span{{Text: strings.TrimSpace(b.String())}}})
			case *ast.ThematicBreak:
			default:
				walk(c, kind, number, depth)
			}
		}
	}
	walk(root, Paragraph, 0, 0)
	return out
}

// listDepth counts the lists that hold l: 0 for a top-level list.
func listDepth(l *ast.List) int {
	d := 0
	for p := l.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.ListItem); ok {
			d++
		}
	}
	return d
}

// spans collects the styled text runs under n, merging neighbours of the
// same style.
func spans(n ast.Node, src []byte, style Span) []Span {
	var out []Span
	// The last span's text grows in a builder, not by +=: a paragraph of
	// a hundred thousand short lines is as many pieces of one span, and
	// growing a string piece by piece copies it each time (quadratic:
	// minutes for a few hundred kilobytes).
	var last strings.Builder
	done := func() {
		if k := len(out) - 1; k >= 0 {
			out[k].Text = last.String()
		}
	}
	add := func(s Span) {
		if s.Text == "" {
			return
		}
		if k := len(out) - 1; k >= 0 {
			p := out[k]
			if p.Bold == s.Bold && p.Italic == s.Italic && p.Code == s.Code && p.Href == s.Href {
				last.WriteString(s.Text)
				return
			}
		}
		done()
		last.Reset()
		last.WriteString(s.Text)
		out = append(out, s)
	}
	var walk func(n ast.Node, st Span)
	walk = func(n ast.Node, st Span) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				s := st
				s.Text = string(v.Value(src))
				add(s)
				if v.HardLineBreak() || v.SoftLineBreak() {
					s.Text = " "
					add(s)
				}
			case *ast.String:
				s := st
				s.Text = string(v.Value)
				add(s)
			case *ast.CodeSpan:
				s := st
				s.Code = true
				s.Text = string(nodeText(v, src))
				add(s)
			case *ast.Emphasis:
				s := st
				if v.Level >= 2 {
					s.Bold = true
				} else {
					s.Italic = true
				}
				walk(v, s)
			case *ast.Link:
				s := st
				s.Href = SafeURL(string(v.Destination))
				walk(v, s)
			case *ast.AutoLink:
				s := st
				url := string(v.URL(src))
				s.Href = SafeURL(url)
				if v.AutoLinkType == ast.AutoLinkEmail && s.Href != "" {
					s.Href = "mailto:" + url
				}
				s.Text = string(v.Label(src))
				add(s)
			case *ast.Image:
				s := st
				s.Text = string(nodeText(v, src))
				add(s)
			case *ast.RawHTML:
				s := st
				segs := v.Segments
				for i := 0; i < segs.Len(); i++ {
					seg := segs.At(i)
					s.Text = string(seg.Value(src))
					add(s)
				}
			default:
				walk(c, st)
			}
		}
	}
	walk(n, style)
	done()
	return out
}

// nodeText returns the text of n's descendants.
func nodeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	writeText(&b, n, src)
	return b.Bytes()
}

// writeText writes the text of n's descendants to b: one buffer for the
// whole tree, so deep nesting is not copied once per level.
func writeText(b *bytes.Buffer, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Text:
			b.Write(v.Value(src))
		case *ast.String:
			b.Write(v.Value)
		default:
			writeText(b, c, src)
		}
	}
}
