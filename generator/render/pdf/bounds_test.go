package pdf

import (
	"fmt"
	"strings"
	"testing"

	"workbook/generator/markdown"
)

// pageMargin is the margin nothing may be drawn in (see
// TestNothingInTheMargins): every page's content, header and footer
// stay inside it.
const pageMargin = 15.0

// outsideMargins describes op if any of it lies in the margin or off the
// page, else "".
func outsideMargins(op drawOp) string {
	top, bottom, right := op.Y, op.Y+op.H, op.X+op.W
	if op.Kind == "text" {
		top, bottom = op.Y-op.H*mmPerPt, op.Y
	}
	if op.X < pageMargin-0.01 || right > pageW-pageMargin+0.01 || top < pageMargin-0.01 || bottom > pageH-pageMargin+0.01 {
		return fmt.Sprintf("page %d: %s %.40q at (%.1f, %.1f)–(%.1f, %.1f)", op.Page, op.Kind, op.Text, op.X, top, right, bottom)
	}
	return ""
}

// drawMarkdown lays src out in every text role, page after page, and
// returns what was drawn.
func drawMarkdown(t testing.TB, fonts Fonts, src string) []drawOp {
	var ops []drawOp
	d, err := newDoc(fonts, func(op drawOp) { ops = append(ops, op) })
	if err != nil {
		t.Fatal(err)
	}
	doc := markdown.New().Convert(src)
	for r := body; r <= heading2; r++ {
		d.flow(asBlocks(d.paras(doc, contentW, r.style()), marginX))
	}
	return ops
}

// Whatever the Markdown, nothing is drawn off the page or in its margins:
// lists nested as deep as the loader allows, list numbers as long as
// CommonMark allows, words longer than a line, quotes in quotes.
func TestMarkdownStaysOnThePage(t *testing.T) {
	var deep, numbered strings.Builder
	for i := 0; i < markdown.MaxNesting; i++ {
		fmt.Fprintf(&deep, "%s- level %d\n", strings.Repeat("  ", i), i)
		fmt.Fprintf(&numbered, "%s%d. level %d\n", strings.Repeat("   ", min(i, 30)), 999999999-i, i)
	}
	word := strings.Repeat("Unbreakable", 300)
	cases := map[string]string{
		"deep bullets":    deep.String(),
		"deep numbers":    numbered.String(),
		"long number":     "999999999. an item with the longest number CommonMark allows\n",
		"long word":       word + " and " + word,
		"long word deep":  strings.Repeat("  ", 50) + "- " + word,
		"long link":       "[" + word + "](https://example.org/" + word + ")",
		"quotes":          strings.Repeat("> ", markdown.MaxNesting) + word,
		"wide characters": strings.Repeat("W", 2000) + " " + strings.Repeat("—", 500),
		"long heading":    "# " + word,
	}
	fonts := fonts(t)
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			ops := drawMarkdown(t, fonts, src)
			texts := 0
			for _, op := range ops {
				if op.Kind == "text" {
					texts++
				}
				if where := outsideMargins(op); where != "" {
					t.Fatalf("drawn outside the page's text area: %s", where)
				}
			}
			if texts == 0 {
				t.Fatal("nothing drawn")
			}
		})
	}
}
