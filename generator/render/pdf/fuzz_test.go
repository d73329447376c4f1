package pdf

import (
	"bytes"
	"io"
	"testing"

	"workbook/generator/markdown"
	"workbook/generator/render/pdf/pdfobj"
)

// FuzzMarkdownLayout lays out arbitrary Markdown in every text role, page
// after page, and writes the document: the parts of fpdf that panic on
// input they cannot handle (characters above U+FFFF, styles, widths) and
// the wrapping and page breaking around them. It is lighter than the
// generator package's whole-workbook fuzzer, so it runs many more inputs.
// Nothing may be drawn off the page or in its margins.
func FuzzMarkdownLayout(f *testing.F) {
	for _, s := range []string{
		"How do you **lead** with *care*? [Guide](https://example.org/a-very-long-address/that/wraps)",
		"Emoji 🙂👩🏽‍⚕️ and ŵ ŷ “quotes” — dashes… \u200d\ufe0f",
		"- one\n- two\n  1. nested\n\n> quote\n\n```\ncode block\n```",
		"averyveryverylongwordwithoutanyspacesthatcannotbewrappedanywhereatallreallynotatall",
		"# H1\n## H2\n\n| a | b |\n|---|---|\n| 1 | 2 |",
		"\x00\x01\t\r\n\uffff\U0010ffff",
	} {
		f.Add(s)
	}
	fonts := fonts(f)
	md := markdown.New()
	f.Fuzz(func(t *testing.T, src string) {
		d, err := newDoc(fonts, func(op drawOp) {
			if where := outsideMargins(op); where != "" {
				t.Fatalf("drawn outside the page's text area: %s", where)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		d.newPage()
		doc := md.Convert(src)
		for r := body; r <= heading2; r++ {
			d.flow(asBlocks(d.paras(doc, contentW, r.style()), marginX))
		}
		var buf bytes.Buffer
		if err := d.pdf.Output(&buf); err != nil {
			t.Fatalf("Output: %v", err)
		}
		f, err := pdfobj.Parse(buf.Bytes())
		if err != nil {
			t.Fatalf("pdfobj.Parse: %v", err)
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			t.Fatalf("WriteTo: %v", err)
		}
	})
}
