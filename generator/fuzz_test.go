package generator

import (
	"io"
	"testing"

	"workbook/generator/load"
	"workbook/generator/markdown"
	"workbook/generator/render/pdf"
	"workbook/generator/testsite"
	"workbook/generator/theme"
)

// FuzzMarkdownPDF draws arbitrary Markdown as a question's text, prompt
// and evidence hint in a workbook: fpdf panics on some input (runes above
// U+FFFF, a missing style), and an editor's typo must never crash a build.
func FuzzMarkdownPDF(f *testing.F) {
	for _, s := range []string{
		"How do you **lead** with *care*?",
		"Emoji 🙂 and ŵ ŷ “quotes” — dashes…",
		"- one\n- two\n  1. nested\n\n> quote",
		"`code` <b>raw</b> [link](javascript:x) https://example.org",
		"# Heading\n\n```\nblock\n```",
		"\u0000\uffff\U0010ffff",
		"a\u200bb\u00adc",
	} {
		f.Add(s)
	}
	root := testsite.Copy(f, small)
	site, l := load.Site(root)
	if l.HasErrors() {
		f.Fatal(l.Error())
	}
	th, err := theme.Open(root, "default")
	if err != nil {
		f.Fatal(err)
	}
	fonts, err := th.Fonts()
	if err != nil {
		f.Fatal(err)
	}
	md := markdown.New()
	wb := site.Workbooks[3] // the small ward-soil workbook
	q := wb.Questions[0]
	f.Fuzz(func(t *testing.T, src string) {
		q.Text = md.ConvertInline(src)
		q.Prompts = []markdown.Doc{md.ConvertInline(src)}
		q.Evidence = md.Convert(src)
		if _, err := pdf.Write(io.Discard, site, wb, fonts, pdf.Options{}); err != nil {
			t.Fatalf("Write: %v", err)
		}
	})
}
