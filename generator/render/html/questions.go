package html

import (
	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/sitepath"
)

// part is a titled group of questions (an h2 section): a foundation on a
// level page, a level on a foundation or area page.
type part struct {
	ID    string
	Title string
	Link  crumb // where to see the same questions in another view
	Cells []cell
}

// cell is one foundation × area cell of a level's grid (an h3 section).
type cell struct {
	ID        string
	Title     string
	Questions []question
}

// question is a question as a layout shows it. Page lets theme extensions
// (the in-browser self-assessment) reach the site from inside the
// question partial. The fields layouts use are copied from the model,
// not embedded: text/template finds a field of an embedded struct by a
// slow search, and a level page of thousands of questions spent a fifth
// of its time there. Question holds the rest.
type question struct {
	ID         string
	Aliases    []string
	Text       markdown.Doc
	Prompts    []markdown.Doc
	Evidence   markdown.Doc
	Good       markdown.Doc
	Level      *model.Level
	Foundation *model.Foundation
	Focus      *model.Focus
	Question   *model.Question
	Draft      bool
	Href       string // the question's stable link, on its level's page
	Page       *page
}

// gridRow is one foundation's row of a level's foundation × area table.
type gridRow struct {
	Foundation *model.Foundation
	Href       string // the foundation's page
	Cells      []gridCell
}

// gridCell is one cell of the table: how many questions, and where.
type gridCell struct {
	Focus *model.Focus
	Count int
	Href  string // the cell's questions on this page
}

// cellID is the anchor of a cell's questions: "<row>--<column>". Question
// ids are single-dash slugs, so the double dash keeps the two apart.
func cellID(row, col string) string { return row + "--" + col }

// questions wraps a cell's questions for p.
func (p *page) questions(qs []*model.Question) []question {
	out := make([]question, len(qs))
	for i, q := range qs {
		out[i] = question{ID: q.ID, Aliases: q.Aliases, Text: q.Text, Prompts: q.Prompts, Evidence: q.Evidence, Good: q.Good,
			Level: q.Level, Foundation: q.Foundation, Focus: q.Focus, Question: q, Draft: q.Draft, Href: p.QuestionURL(q), Page: p}
	}
	return out
}

// levelParts groups a level's questions by foundation, then area of focus:
// the order of Level.Grid, which is the framework's.
func levelParts(p *page, l *model.Level) []part {
	fw := p.Site.Framework
	var parts []part
	for fi, f := range fw.Foundations {
		pt := part{
			ID:    sitepath.PartID("foundation", f.ID),
			Title: f.Title,
			Link:  crumb{Title: p.T("topic.compare"), Href: p.FoundationURL(f)},
		}
		parts = p.addPart(parts, pt, len(fw.Focuses), func(ai int) (string, string, []*model.Question) {
			a := fw.Focuses[ai]
			return cellID(f.ID, a.ID), a.Title, l.Grid[fi][ai]
		})
	}
	return parts
}

// addPart appends pt to parts with a cell for each of the n groups that
// has questions (at gives a group's id, title and questions), unless none
// has any.
func (p *page) addPart(parts []part, pt part, n int, at func(i int) (id, title string, qs []*model.Question)) []part {
	for i := range n {
		if id, title, qs := at(i); len(qs) > 0 {
			pt.Cells = append(pt.Cells, cell{ID: id, Title: title, Questions: p.questions(qs)})
		}
	}
	if len(pt.Cells) == 0 {
		return parts
	}
	return append(parts, pt)
}

// levelGrid is the level's foundation × area table, with links to each
// cell's questions further down the page.
func levelGrid(p *page, l *model.Level) []gridRow {
	fw := p.Site.Framework
	rows := make([]gridRow, len(fw.Foundations))
	for fi, f := range fw.Foundations {
		rows[fi] = gridRow{Foundation: f, Href: p.FoundationURL(f)}
		for ai, a := range fw.Focuses {
			n := len(l.Grid[fi][ai])
			c := gridCell{Focus: a, Count: n}
			if n > 0 {
				c.Href = "#" + cellID(f.ID, a.ID)
			}
			rows[fi].Cells = append(rows[fi].Cells, c)
		}
	}
	return rows
}

// foundationParts shows one foundation at every level, each level's
// questions grouped by area of focus.
func foundationParts(p *page, f *model.Foundation) []part {
	fw := p.Site.Framework
	fi := indexOf(fw.Foundations, f)
	return acrossLevels(p, func(l *model.Level) string {
		return p.Rel(sitepath.Level(l.ID) + "#" + sitepath.PartID("foundation", f.ID))
	},
		len(fw.Focuses), func(l *model.Level, ai int) (string, string, []*model.Question) {
			a := fw.Focuses[ai]
			return cellID(l.ID, a.ID), a.Title, l.Grid[fi][ai]
		})
}

// focusParts shows one area of focus at every level, each level's
// questions grouped by foundation.
func focusParts(p *page, a *model.Focus) []part {
	fw := p.Site.Framework
	ai := indexOf(fw.Focuses, a)
	return acrossLevels(p, p.LevelURL, len(fw.Foundations), func(l *model.Level, fi int) (string, string, []*model.Question) {
		f := fw.Foundations[fi]
		return cellID(l.ID, f.ID), f.Title, l.Grid[fi][ai]
	})
}

// acrossLevels makes a part for each level with questions, linking to
// where the level's page shows them (href), with a cell for each of the
// n groups of the other axis that cell gives.
func acrossLevels(p *page, href func(*model.Level) string, n int, cell func(l *model.Level, i int) (id, title string, qs []*model.Question)) []part {
	var parts []part
	for _, l := range p.Site.Framework.Levels {
		pt := part{
			ID:    sitepath.PartID("level", l.ID),
			Title: l.Title,
			Link:  crumb{Title: p.T("topic.see_on_level", "level", l.Title), Href: href(l)},
		}
		parts = p.addPart(parts, pt, n, func(i int) (string, string, []*model.Question) { return cell(l, i) })
	}
	return parts
}

// indexOf returns the position of x in xs, or -1.
func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
