package pdf

import (
	"fmt"

	"workbook/generator/markdown"
	"workbook/generator/model"
)

// foundations lays out the body of the workbook: for each foundation a
// heading page, its areas of focus with their questions, and an action
// plan. Questions are numbered through the workbook, in the model's order.
func (b *book) foundations() []block {
	var out []block
	n := 0
	for i, f := range b.wb.Foundations {
		var sections []*model.Section
		for _, s := range b.wb.Sections {
			if s.Foundation == f && len(s.Questions) > 0 {
				sections = append(sections, s)
			}
		}
		if len(sections) == 0 {
			continue
		}
		out = append(out, b.foundationOpening(i, f, sections, n+1)...)
		first := n + 1
		for k, s := range sections {
			area := b.heading(2, s.Focus.Title, heading2.style(), questionGap, b.anchor(s.Focus.Title, 1))
			area.newPage = k == 0
			out = append(out, area)
			for k, q := range s.Questions {
				n++
				qb := b.question(n, q, s)
				if k == 0 {
					qb.before = 3 // close under its area's heading
				}
				out = append(out, qb)
			}
		}
		out = append(out, b.actionPlan(f, first, n)...)
	}
	return out
}

// foundationOpening is the page that opens a foundation: which of how
// many it is, its title and description, and its areas of focus with the
// numbers of their questions, for a workshop lead planning a session.
// The questions start on the next page: a foundation's title with its
// description and the first area's heading and question rarely fit on
// one page, and a page that only sometimes holds them looks accidental.
func (b *book) foundationOpening(i int, f *model.Foundation, sections []*model.Section, first int) []block {
	ps := linePieces(tagLines(b.plain(fmt.Sprintf("Foundation %d of %d", i+1, len(b.wb.Foundations)), contentW, label.style()), b.elem("P", nil)), marginX)
	ps = append(ps, gap(1))
	ps = append(ps, linePieces(tagLines(b.plain(f.Title, contentW, heading1.style()), b.elem("H1", nil)), marginX)...)
	if !f.Description.Empty() {
		ps = append(ps, gap(3))
		ps = append(ps, flatten(b.tagParas(b.paras(f.Description, contentW, body.style()), nil, 1), marginX)...)
	}
	out := []block{{pieces: ps, newPage: true, anchors: []*anchor{b.anchor(f.Title, 0)}}}
	out = append(out, b.heading(2, "In this foundation", heading2.style(), 8))
	list := b.elem("L", nil)
	n := first
	for _, s := range sections {
		k := len(s.Questions)
		which := fmt.Sprintf("question %d", n)
		switch {
		case k == 2:
			which = fmt.Sprintf("questions %d and %d", n, n+1)
		case k > 2:
			which = fmt.Sprintf("questions %d to %d", n, n+k-1)
		}
		n += k
		item := markdown.Doc{Blocks: []markdown.Block{{Kind: markdown.Bullet, Spans: []markdown.Span{{Text: s.Focus.Title, Bold: true}, {Text: ": " + which}}}}}
		out = append(out, asBlocks(b.tagParas(b.paras(item, contentW, body.style()), list, 2), marginX)...)
		out[len(out)-1].before = 1.5
	}
	return out
}
