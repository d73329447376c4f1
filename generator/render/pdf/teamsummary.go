package pdf

import (
	"cmp"
	"slices"

	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
)

// Geometry of the "where the team differs" table: the question column
// and each count's.
const (
	differsQuestionW = 58.0
	differsCountW    = 16.0
	differsSpreadW   = 26.0
)

// summaryPart is the page a facilitator reads first: the ratings of
// everyone by foundation and area of focus, then the questions where
// the team's ratings are furthest apart.
func (t *teamReport) summaryPart() []block {
	out := []block{t.partHeading(t.t("pdf.team.summary"))}
	if len(t.ws.People) == 0 {
		return out[:0]
	}
	cycle := t.ws.Cycle
	out = append(out, t.heading(2, t.t("pdf.ratings_heading"), heading2.style(), 4))
	out = append(out, block{pieces: t.ratingMeanings()})
	out = append(out, t.heading(2, t.t("pdf.team.grid_heading", "cycle", cycle), heading2.style(), 10))
	out = append(out, block{pieces: t.para(t.t("pdf.team.grid_intro", "cycle", cycle), body.style()), keepWithNext: true})
	out = append(out, t.countGrid(t.ws.Level, func(qs []*model.Question) ([]int, int) {
		counts := make([]int, len(t.site.Framework.Ratings))
		unrated := 0
		for _, q := range qs {
			for k, n := range t.counts[q] {
				counts[k] += n
			}
			unrated += t.unrated[q]
		}
		return counts, unrated
	}))
	out = append(out, t.heading(2, t.t("pdf.team.differs"), heading2.style(), 10))
	out = append(out, block{pieces: t.para(t.t("pdf.team.differs_intro"), body.style()), keepWithNext: true})
	out = append(out, t.differsTable())
	var nobody []string
	for _, q := range t.ws.Level.Questions {
		if t.unrated[q] == len(t.ws.People) {
			nobody = append(nobody, t.figure(t.number(q)))
		}
	}
	if len(nobody) > 0 {
		which := t.t("pdf.team.nobody_list", "numbers", t.list(nobody))
		if len(nobody) == 1 {
			which = t.t("pdf.team.nobody_one", "n", nobody[0])
		}
		out = append(out, block{pieces: t.para(t.t("pdf.team.nobody_rated", "questions", which, "cycle", cycle), body.style()), before: 3})
	}
	return out
}

// spread is how far apart a question's ratings are, in steps of the
// scale (-1 with no rating), and how many people differ from the most
// given rating.
func (t *teamReport) spread(q *model.Question) (steps, differ int) {
	lo, hi, most, total := -1, -1, 0, 0
	for k, n := range t.counts[q] {
		if n == 0 {
			continue
		}
		if lo < 0 {
			lo = k
		}
		hi = k
		most = max(most, n)
		total += n
	}
	if lo < 0 {
		return -1, 0
	}
	return hi - lo, total - most
}

// spreadText says the spread of ratings in words, given how many
// ratings there are.
func (t *teamReport) spreadText(steps, ratings int) string {
	switch {
	case steps < 0:
		return t.t("pdf.team.spread_none")
	case ratings == 1:
		return t.t("pdf.team.spread_only")
	case steps == 0:
		return t.t("pdf.team.spread_same")
	}
	return t.n("pdf.team.spread_steps", steps)
}

// mostApart orders the rated questions by spread, furthest apart first,
// then by how many differ from the most given rating, then by number.
func (t *teamReport) mostApart() []*model.Question {
	var qs []*model.Question
	for _, q := range t.ws.Level.Questions {
		if steps, _ := t.spread(q); steps >= 0 {
			qs = append(qs, q)
		}
	}
	slices.SortStableFunc(qs, func(a, b *model.Question) int {
		sa, da := t.spread(a)
		sb, db := t.spread(b)
		return cmp.Or(cmp.Compare(sb, sa), cmp.Compare(db, da))
	})
	return qs
}

// differsTable lists the rated questions, furthest apart first, with
// their counts, spread and agreed rating.
func (t *teamReport) differsTable() block {
	ratings := t.site.Framework.Ratings
	cols := []column{{t.t("pdf.col_question"), differsQuestionW}}
	for _, r := range ratings {
		cols = append(cols, column{short(r.Label, r.Title), differsCountW})
	}
	cols = stretch(append(cols, column{t.t("pdf.not_rated"), differsCountW + 2}, column{t.t("pdf.team.col_spread"), differsSpreadW}, column{t.t("pdf.team.col_agreed"), 0}))
	table := t.elem("Table", nil)
	header := t.tableHeader(cols, textStyle{size: 9, face: bold, colour: black}, t.elem("TR", table))
	ps := []piece{header}
	st := textStyle{size: 9, colour: black}
	for _, q := range t.mostApart() {
		steps, _ := t.spread(q)
		cells := []string{}
		for _, n := range t.counts[q] {
			cells = append(cells, t.figure(n))
		}
		cells = append(cells, t.figure(t.unrated[q]), t.spreadText(steps, len(t.ws.People)-t.unrated[q]), t.agreedWord(q))
		ps = append(ps, t.tableRow(table, cols, 1, func(i int, _ *pdfobj.Elem, w float64) cell {
			if i == 0 {
				return cell{lines: t.questionCell(q, w)}
			}
			s := st
			if i <= len(ratings) && cells[i-1] != "0" {
				s.face = bold
			}
			return cell{lines: t.plain(cells[i-1], w, s)}
		})...)
	}
	return block{pieces: ps, repeat: []piece{header}, before: 3}
}

// questionCell names a question in a table: its number in bold, then
// the start of its text, in two lines at most.
func (t *teamReport) questionCell(q *model.Question, w float64) []line {
	st := textStyle{size: 9, colour: black}
	head := t.plain(t.t("pdf.number", "n", t.number(q)), w, textStyle{size: 9, face: bold, colour: black})
	text := t.plain(q.Text.Plain(), w, st)
	if len(text) > 2 {
		text = append(text[:1], t.plain(t.fit(st, lineText(text[1])+" "+lineText(text[2]), w), w, st)...)
	}
	return append(head, text...)
}

// agreedWord is the rating the team agreed for q in the cycle, in words,
// or a dash when none is agreed.
func (t *teamReport) agreedWord(q *model.Question) string {
	if a, ok := t.ws.Agreed(q, t.ws.Cycle); ok && a.Rating != "" {
		return t.ratingName(a.Rating)
	}
	return "–"
}

// lineText is the text of a laid-out line.
func lineText(l line) string {
	s := ""
	for _, r := range l.runs {
		s += r.text
	}
	return s
}
