package pdf

import (
	"workbook/generator/markdown"
	"workbook/generator/model"
)

// foundations lays out the body of the workbook: for each foundation an
// opening, its areas of focus with their questions, and an action plan
// (or one plan after them all, see sharedPlan). Questions are numbered
// through the workbook, in the model's order.
func (b *book) foundations() []block {
	var out []block
	n := 0
	shared := sharedPlan(b.wb)
	for i, f := range b.wb.Foundations {
		sections := b.sectionsOf(f)
		if len(sections) == 0 {
			continue
		}
		first := n + 1
		var body []block
		for k, s := range sections {
			a := b.anchor(s.Focus.Title, 1)
			a.note = b.questionNumbers(n+1, len(s.Questions))
			before := questionGap
			if k == 0 {
				before = openingGap
			}
			body = append(body, b.heading(2, s.Focus.Title, heading2.style(), before, a))
			for k, q := range s.Questions {
				n++
				qb := b.question(n, q, s)
				if k == 0 {
					qb.before = 3 // close under its area's heading
				}
				body = append(body, qb)
			}
		}
		opening := b.foundationOpening(i, f)
		if opening.height()+body[0].before+body[0].height()+body[1].before+body[1].height() > contentH {
			// The first question does not fit under the opening: the
			// opening lists the areas of focus and their question
			// numbers, for planning a session, and goes at the foot of
			// the page before where there is room (after the level's
			// introduction); the questions start on a page of their own.
			opening.pieces = append(opening.pieces, b.foundationAreas(sections, first)...)
			opening.newPage, opening.before = false, 14
			body[0].newPage, body[0].before = true, 0
		}
		out = append(out, opening)
		out = append(out, body...)
		if !shared {
			out = append(out, b.actionPlan(f, first, n)...)
		}
	}
	if shared {
		out = append(out, b.actionPlan(nil, 1, n)...)
	}
	return out
}

// openingGap is the space between a foundation's opening and its first
// area of focus: less than between questions, so that the first
// question fits on the opening's page more often.
const openingGap = 4.0

// sectionsOf lists the workbook's cells of foundation f that have
// questions, in order.
func (b *book) sectionsOf(f *model.Foundation) []*model.Section {
	var out []*model.Section
	for _, s := range b.wb.Sections {
		if s.Foundation == f && len(s.Questions) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// sharedPlanBelow is the number of questions a foundation has, on
// average, below which a workbook has one action plan after all its
// questions instead of a page after each foundation: a plan page for
// one or two questions is mostly paper.
const sharedPlanBelow = 3

// sharedPlan reports whether a workbook has one action plan for
// all its questions rather than one after each foundation: when its
// questions are spread over more than one foundation, fewer than
// sharedPlanBelow a foundation on average. The plan's fields then name
// no foundation (see fieldname).
func sharedPlan(wb *model.Workbook) bool {
	used := map[*model.Foundation]bool{}
	for _, s := range wb.Sections {
		if len(s.Questions) > 0 {
			used[s.Foundation] = true
		}
	}
	return len(used) > 1 && len(wb.Questions) < sharedPlanBelow*len(used)
}

// questionNumbers names a run of k question numbers from n: "question
// 3", "questions 3 and 4", "questions 3 to 7".
func (d *doc) questionNumbers(n, k int) string {
	switch {
	case k == 2:
		return d.t("pdf.numbers.pair", "first", n, "second", n+1)
	case k > 2:
		return d.t("pdf.numbers.run", "first", n, "last", n+k-1)
	}
	return d.t("pdf.numbers.single", "n", n)
}

// foundationOpening opens a foundation on a new page: which of how many
// it is, its title and its description (a size smaller than body text).
// It is short, so that the first area of focus and its first question
// fit on the same page, as they mostly do; the contents page lists each
// area's question numbers, for a workshop lead planning a session.
func (b *book) foundationOpening(i int, f *model.Foundation) block {
	ps := linePieces(tagLines(b.plain(b.t("pdf.foundation.of", "n", i+1, "count", len(b.wb.Foundations)), contentW, label.style()), b.elem("P", nil)), marginX)
	ps = append(ps, gap(1))
	ps = append(ps, linePieces(tagLines(b.plain(f.Title, contentW, heading1.style()), b.elem("H1", nil)), marginX)...)
	if !f.Description.Empty() {
		ps = append(ps, gap(2))
		ps = append(ps, flatten(b.tagParas(b.paras(f.Description, contentW, textStyle{size: 10, colour: black}), nil, 1), marginX)...)
	}
	return block{pieces: ps, newPage: true, anchors: []*anchor{b.anchor(f.Title, 0)}}
}

// foundationAreas lists a foundation's areas of focus with the numbers
// of their questions (from first), for the opening of a foundation whose
// first question needs a page of its own.
func (b *book) foundationAreas(sections []*model.Section, first int) []piece {
	ps := []piece{gap(8)}
	ps = append(ps, b.heading(2, b.t("pdf.foundation.areas"), heading2.style(), 0).pieces...)
	list := b.elem("L", nil)
	n := first
	for _, s := range sections {
		item := markdown.Doc{Blocks: []markdown.Block{{Kind: markdown.Bullet, Spans: []markdown.Span{{Text: s.Focus.Title, Bold: true}, {Text: ": " + b.questionNumbers(n, len(s.Questions))}}}}}
		n += len(s.Questions)
		ps = append(ps, gap(1.5))
		ps = append(ps, flatten(b.tagParas(b.paras(item, contentW, body.style()), list, 2), marginX)...)
	}
	return ps
}
