package pdf

import (
	"cmp"
	"slices"
	"strings"

	"workbook/generator/answers"
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
	"workbook/generator/workshop"
)

// questionColW is the width of an action table's question column: room
// for "Question 27" on one line.
const questionColW = 28.0

// actionsPart lists the actions the team agreed (from the team record)
// and those people suggested in their answers, with owners and status.
func (t *teamReport) actionsPart() []block {
	cycle := t.ws.Cycle
	out := []block{t.partHeading(t.t("pdf.team.actions_part"))}
	out = append(out, t.heading(2, t.t("pdf.team.agreed_list"), heading2.style(), 4))
	switch agreed := t.ws.Actions(); {
	case t.ws.Record == nil:
		out = append(out, block{pieces: t.para(t.t("pdf.team.no_record"), body.style())})
	case len(agreed) == 0:
		out = append(out, block{pieces: t.para(t.t("pdf.team.no_agreed_actions", "cycle", cycle), body.style())})
	default:
		out = append(out, block{pieces: t.para(t.t("pdf.team.agreed_list_intro", "cycle", cycle), body.style()), keepWithNext: true})
		cols := stretch([]column{{t.t("pdf.col_question"), questionColW}, {t.t("pdf.col_action"), 0}, {t.t("pdf.col_owner"), 32}, {t.t("pdf.col_due"), 24}, {t.t("pdf.col_status"), 17}, {t.t("pdf.team.col_agreed_in"), 22}})
		out = append(out, actionTable(t, cols, t.sortedAgreed(agreed), func(a answers.TeamAction) []string {
			return []string{t.questionLabel(a.Question), a.Action, a.Owner, a.Due, t.statusWord(a.Done()), a.Cycle}
		}))
	}
	out = append(out, t.heading(2, t.t("pdf.team.suggested"), heading2.style(), 10))
	type suggested struct {
		q *model.Question
		p *workshop.Person
		r answers.Record
	}
	var rows []suggested
	for _, q := range t.ws.Level.Questions {
		for _, p := range t.ws.People {
			if r, ok := t.ws.Answer(p, q); ok && r.HasAction() {
				rows = append(rows, suggested{q, p, r})
			}
		}
	}
	if len(rows) == 0 {
		return append(out, block{pieces: t.para(t.t("pdf.team.no_suggested", "cycle", cycle), body.style())})
	}
	out = append(out, block{pieces: t.para(t.t("pdf.team.suggested_intro", "cycle", cycle), body.style()), keepWithNext: true})
	cols := stretch([]column{{t.t("pdf.col_question"), questionColW}, {t.t("pdf.team.col_suggested_by"), 30}, {t.t("pdf.col_action"), 0}, {t.t("pdf.col_owner"), 28}, {t.t("pdf.col_due"), 22}, {t.t("pdf.col_status"), 17}})
	return append(out, actionTable(t, cols, rows, func(s suggested) []string {
		return []string{t.t("pdf.number", "n", t.number(s.q)), s.p.Name, s.r.Action, s.r.Owner, s.r.Due, t.statusWord(s.r.Done())}
	}))
}

// sortedAgreed orders agreed actions by question number (actions of the
// whole level last), keeping the record's order within a question.
func (t *teamReport) sortedAgreed(as []answers.TeamAction) []answers.TeamAction {
	rank := func(a answers.TeamAction) int {
		if q := t.ws.Question(a.Question); q != nil && q.Level == t.ws.Level {
			return t.number(q)
		}
		return len(t.ws.Level.Questions) + 1
	}
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(a, b answers.TeamAction) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}

// actionTable lays out rows of any kind as a table of text, cells
// giving each row's, the first column heading its row.
func actionTable[R any](t *teamReport, cols []column, rows []R, cells func(R) []string) block {
	table := t.elem("Table", nil)
	header := t.tableHeader(cols, label.style(), t.elem("TR", table))
	ps := []piece{header}
	st := textStyle{size: 10, colour: black}
	for _, r := range rows {
		texts := cells(r)
		ps = append(ps, t.tableRow(table, cols, 1, func(i int, _ *pdfobj.Elem, w float64) cell {
			s := st
			if i == 0 {
				s.face = bold
			}
			return cell{lines: t.plain(strings.TrimSpace(texts[i]), w, s)}
		})...)
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}

// orphansPart keeps the answers in the cycle to questions since removed
// from the framework (or renamed without an earlier id), so the report
// never drops an answer a file holds for its level.
func (t *teamReport) orphansPart() []block {
	ids, byID := t.ws.Orphans()
	if len(ids) == 0 {
		return nil
	}
	out := []block{t.partHeading(t.t("pdf.team.orphans")), {pieces: t.para(t.t("pdf.team.orphans_intro"), body.style()), before: 3}}
	cols := stretch([]column{{t.t("pdf.team.col_person"), peopleNameW}, {t.t("pdf.team.col_rating"), peopleRatingW}, {t.t("pdf.team.col_words"), 0}})
	for _, id := range ids {
		os := byID[id]
		lb := label.style()
		head := t.elem("H2", nil)
		ps := []piece{{h: 7, draw: func(d *doc, y float64) {
			d.line(marginX, y, marginX+contentW, y, black, 0.6)
			d.within(head, func() {
				d.text(marginX, y+5, lb.face, lb.size, lb.colour, d.fit(lb, d.t("pdf.number_id", "id", id), contentW))
			})
		}}, gap(2)}
		if text := os[0].Record.Text; text != "" {
			ps = append(ps, t.para(text, textStyle{size: 12, face: italic, colour: black})...)
			ps = append(ps, gap(3))
		}
		table := t.elem("Table", nil)
		header := t.tableHeader(cols, label.style(), t.elem("TR", table))
		ps = append(ps, header)
		for _, o := range os {
			ps = append(ps, t.personRow(table, cols, o.Person, o.Record)...)
		}
		out = append(out, block{pieces: ps, before: questionGap, repeat: []piece{t.continuedLine(t.t("pdf.continued_id", "id", id))}})
	}
	return out
}
