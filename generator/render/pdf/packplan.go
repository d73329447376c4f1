package pdf

import (
	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
)

// Session plan table geometry: the start and minutes columns.
const (
	planStartW   = 18.0
	planMinutesW = 20.0
)

// step is one step of a session: what happens, for how long.
type step struct {
	name, text string
	minutes    int
}

// steps lists a session's steps in order, with the model's timings.
func (p *pack) steps(s model.WorkshopSession) []step {
	out := []step{
		{p.t("pdf.pack.welcome"), p.t("pdf.pack.welcome_text"), model.WelcomeMinutes},
		{p.t("pdf.pack.reflect"), p.t("pdf.pack.reflect_text", "questions", p.which(s.Questions)), s.Reflect},
		{p.t("pdf.pack.tally"), p.t("pdf.pack.tally_text"), s.Tally},
	}
	for _, q := range s.Questions {
		out = append(out, step{p.t("pdf.pack.agree_step", "n", p.number(q)), p.t("pdf.pack.agree_step_text"), model.DiscussMinutes})
	}
	return append(out, step{p.t("pdf.pack.actions_step"), p.t("pdf.pack.actions_step_text"), model.AgreeActionsMinutes}, step{p.t("pdf.pack.close"), p.t("pdf.pack.close_text"), model.CloseMinutes})
}

// plans lays out a timed plan for each session.
func (p *pack) plans() []block {
	out := []block{p.partHeading(p.t("pdf.pack.plan"))}
	if len(p.plan) == 0 {
		return out
	}
	length := p.t("pdf.pack.about_minutes", "minutes", p.plan[0].Minutes())
	if lo, hi := p.minutesRange(); lo != hi {
		length = p.t("pdf.pack.minutes_range", "shortest", lo, "longest", hi)
	}
	out = append(out, block{pieces: p.para(p.t("pdf.pack.plan_intro", "length", length)), before: 2})
	for i, s := range p.plan {
		name := p.t("pdf.pack.session_only", "questions", p.which(s.Questions))
		if len(p.plan) > 1 {
			name = p.t("pdf.pack.session", "n", i+1, "sessions", len(p.plan), "questions", p.which(s.Questions))
		}
		name = capitalise(name)
		out = append(out, p.heading(2, name, heading2.style(), 10, p.anchor(name, 1)))
		out = append(out, p.planTable(s))
		out = append(out, block{pieces: p.para(p.t("pdf.pack.session_length", "minutes", s.Minutes())), before: 2})
	}
	return out
}

// minutesRange is the shortest and longest session.
func (p *pack) minutesRange() (lo, hi int) {
	lo, hi = p.plan[0].Minutes(), p.plan[0].Minutes()
	for _, s := range p.plan {
		lo, hi = min(lo, s.Minutes()), max(hi, s.Minutes())
	}
	return lo, hi
}

// para is a paragraph of plain body text, tagged P.
func (p *pack) para(text string) []piece {
	return linePieces(tagLines(p.plain(text, contentW, body.style()), p.elem("P", nil)), marginX)
}

// planTable is a session's steps: when each starts, how long it takes
// and what happens.
func (p *pack) planTable(s model.WorkshopSession) block {
	cols := stretch([]column{{p.t("pdf.pack.col_start"), planStartW}, {p.t("pdf.pack.col_minutes"), planMinutesW}, {p.t("pdf.pack.col_what"), 0}})
	table := p.elem("Table", nil)
	header := p.tableHeader(cols, label.style(), p.elem("TR", table))
	ps := []piece{header}
	st := textStyle{size: 10, colour: black}
	at := 0
	for _, x := range p.steps(s) {
		start := clock(at)
		at += x.minutes
		ps = append(ps, p.tableRow(table, cols, 1, func(i int, e *pdfobj.Elem, w float64) cell {
			switch i {
			case 0:
				return cell{lines: p.plain(start, w, textStyle{size: 10, face: bold, colour: black})}
			case 1:
				return cell{lines: p.plain(p.figure(x.minutes), w, st)}
			}
			return cell{lines: p.wrap([]markdown.Span{{Text: x.name + ". ", Bold: true}, {Text: x.text}}, w, 0, st)}
		})...)
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}
