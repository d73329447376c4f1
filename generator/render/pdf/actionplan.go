package pdf

import (
	"workbook/generator/model"
	"workbook/generator/render/pdf/fieldname"
)

// Action plan row heights: at least two writing lines, at most three.
const (
	actionRowMin = 2*rulePitch + boxFoot
	actionRowMax = 3*rulePitch + boxFoot
)

// actionPlan is the page after a foundation's questions (f), or after
// all of them (f nil), for the team to agree what it will do: rows for
// the action, its owner, when it is due and the numbers of the
// questions it answers. first and last are the numbers of the plan's
// questions, so a row can point back to them.
func (b *book) actionPlan(f *model.Foundation, first, last int) []block {
	title, introKey, foundation, tipName := b.t("pdf.plan.title"), "pdf.plan.intro", "", b.t("pdf.field.plan")
	if f != nil {
		title, introKey, foundation, tipName = b.t("pdf.plan.title_for", "foundation", f.Title), "pdf.plan.foundation_intro", f.ID, b.t("pdf.field.plan_for", "foundation", short(f.Short, f.Title))
	}
	// A foundation's plan is listed under it; the one plan for all the
	// questions is a part of its own.
	level := 1
	if f == nil {
		level = 0
	}
	head := b.heading(2, title, heading1.style(), 0, b.anchor(b.t("pdf.plan.title"), level))
	head.newPage = true
	text := b.t(introKey, "first", first, "last", last)
	if first == last {
		text = b.t(introKey+"_one", "first", first)
	}
	intro := block{pieces: linePieces(tagLines(b.plain(text, contentW, body.style()), b.elem("P", nil)), marginX), before: 3, keepWithNext: true}

	cols := stretch([]column{{b.t("pdf.col_action"), 0}, {b.t("pdf.col_owner"), 34}, {b.t("pdf.col_due"), 24}, {b.t("pdf.plan.col_questions"), 36}})
	boxes := []fieldname.Box{fieldname.Action, fieldname.Owner, fieldname.Due, fieldname.Questions}
	tips := []string{b.t("pdf.field.plan_action"), b.t("pdf.field.plan_owner"), b.t("pdf.field.plan_due"), b.t("pdf.field.plan_questions")}
	table := b.elem("Table", nil)
	header := b.tableHeader(cols, label.style(), b.elem("TR", table))
	rows := b.set.actionRows
	// Less a millimetre, so that rounding never pushes a page's worth
	// of rows onto a second page.
	room := contentH - head.height() - intro.before - intro.height() - 5 - header.h - 1
	rowH := min(max(room/float64(rows), actionRowMin), actionRowMax)
	ps := []piece{header}
	for row := range rows {
		tr := b.elem("TR", table)
		ps = append(ps, piece{h: rowH, draw: func(d *doc, y float64) {
			x := marginX
			for i, c := range cols {
				td := d.elem("TD", tr)
				touch(td)
				d.box(x, y, c.w, rowH)
				d.cellRules(x, y, c.w, rowH)
				name := fieldname.Field{Box: boxes[i], Foundation: foundation, Row: row + 1}
				tip := d.t("pdf.field.plan_cell", "plan", tipName, "row", row+1, "column", tips[i])
				d.textField(x+0.5, y+rulePitch-firstLineDrop, c.w-1, rowH-rulePitch+firstLineDrop-0.5, name, tip, true, td)
				x += c.w
			}
		}})
	}
	return []block{head, intro, {pieces: ps, repeat: []piece{header}, before: 5}}
}
