package pdf

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/render/pdf/pdfobj"
	"workbook/generator/workshop"
)

// WriteTeamReport renders a team's report on one level and review cycle
// to w, for the facilitator of a workshop and the team after it: who
// took part and which files were left out; the spread of ratings by
// foundation and area of focus, and the questions where the team
// differs most; every question with each person's rating and words side
// by side and what the team agreed; and the actions agreed and
// suggested. It is a tagged PDF that looks like the workbooks, and the
// same input gives byte-identical output.
func WriteTeamReport(w io.Writer, site *model.Site, ws *workshop.Workshop, fonts Fonts, opt Options) (int, error) {
	if site == nil || site.Framework == nil || ws == nil || ws.Level == nil {
		return 0, fmt.Errorf("pdf: a team report needs a site and a workshop")
	}
	l := ws.Level
	return drawDocument(w, site, fonts, true, "team report on "+l.ID, func(d *doc) (*book, [][]block) {
		t := &teamReport{book: levelBook(d, site, l, "team-"+l.ID, d.t("pdf.team.kicker")), ws: ws}
		t.describe(d.t("pdf.team.title", "framework", site.Config.Title, "level", l.Title), d.t("pdf.team.subject", "level", l.Title, "cycle", ws.Cycle), opt.created())
		t.tallyAll()
		return t.book, [][]block{t.opening(), t.summaryPart(), t.questionsPart(), t.actionsPart(), t.orphansPart()}
	})
}

// teamReport is a team report being laid out.
type teamReport struct {
	*book
	ws *workshop.Workshop
	// counts[q] are how many people gave q each rating (in the order of
	// the framework's ratings) in the cycle, and unrated[q] how many
	// gave none.
	counts  map[*model.Question][]int
	unrated map[*model.Question]int
	// said[q] reports whether anyone wrote or rated anything for q.
	said map[*model.Question]bool
}

// tallyAll counts every question's ratings once.
func (t *teamReport) tallyAll() {
	t.counts, t.unrated, t.said = map[*model.Question][]int{}, map[*model.Question]int{}, map[*model.Question]bool{}
	ratings := t.site.Framework.Ratings
	for _, q := range t.ws.Level.Questions {
		counts := make([]int, len(ratings))
		for _, p := range t.ws.People {
			r, ok := t.ws.Answer(p, q)
			k := -1
			if ok {
				t.said[q] = true
				k = t.ratingIndex(r.Rating)
			}
			if k < 0 {
				t.unrated[q]++
			} else {
				counts[k]++
			}
		}
		t.counts[q] = counts
	}
}

// ratingIndex is the place of a rating id on the scale, or -1.
func (t *teamReport) ratingIndex(id string) int {
	for k, r := range t.site.Framework.Ratings {
		if r.ID == id {
			return k
		}
	}
	return -1
}

// number is a question's number in its level's workbook.
func (t *teamReport) number(q *model.Question) int { return q.Number }

// rated counts the level's questions with at least one rating.
func (t *teamReport) rated() int {
	n := 0
	for _, q := range t.ws.Level.Questions {
		if t.unrated[q] < len(t.ws.People) {
			n++
		}
	}
	return n
}

// para is a paragraph of plain text, tagged P.
func (t *teamReport) para(text string, st textStyle) []piece {
	return linePieces(tagLines(t.plain(text, contentW, st), t.elem("P", nil)), marginX)
}

// opening lays out page 1: what the report is, for which team, level
// and cycle, the files left out, who took part, and what the ratings
// mean.
func (t *teamReport) opening() []block {
	c, l, ws := t.site.Config, t.ws.Level, t.ws
	var ps []piece
	add := func(more ...piece) { ps = append(ps, more...) }
	add(t.para(t.t("pdf.team.kicker"), textStyle{size: 14, colour: darkGrey})...)
	add(gap(2))
	add(t.para(c.Title, title.style())...)
	add(gap(4))
	add(linePieces(tagLines(t.plain(l.Title, contentW, heading1.style()), t.elem("H1", nil)), marginX)...)
	add(gap(8))
	var facts [][2]string
	if name := t.teamName(); name != "" {
		facts = append(facts, [2]string{t.t("pdf.team.team"), name})
	}
	if l.Audience != "" {
		facts = append(facts, [2]string{t.t("pdf.team.audience"), l.Audience})
	}
	facts = append(facts, [2]string{t.t("pdf.team.cycle"), ws.Cycle})
	if len(ws.People) > 0 {
		facts = append(facts, [2]string{t.t("pdf.team.people"), t.figure(len(ws.People))})
		facts = append(facts, [2]string{t.t("pdf.team.questions"), t.t("pdf.team.rated_by_some", "rated", t.rated(), "questions", len(l.Questions))})
	}
	facts = append(facts, [2]string{t.t("pdf.team.agreed"), t.agreedText()})
	if v := t.versionText(); v != "" {
		facts = append(facts, [2]string{t.t("pdf.team.content"), v})
	}
	add(t.factList(facts, reportLabelW)...)
	out := []block{{pieces: ps, newPage: true}}
	out = append(out, t.whoTookPart()...)
	out = append(out, t.leftOut()...)
	about := t.inset(t.t("pdf.about_report"), []markdown.Span{{Text: t.t("pdf.team.about", "level", l.Title)}})
	return append(out, block{pieces: []piece{about}, before: 10})
}

// teamName is the team's name: the team record's, or else the team
// every person's file names, if they all name the same.
func (t *teamReport) teamName() string {
	if r := t.ws.Record; r != nil && r.Name != "" {
		return r.Name
	}
	name := ""
	for i, p := range t.ws.People {
		if i > 0 && p.Team != name {
			return ""
		}
		name = p.Team
	}
	return name
}

// agreedText says how much the team record holds for the cycle.
func (t *teamReport) agreedText() string {
	if t.ws.Record == nil {
		return t.t("pdf.team.no_record")
	}
	n := 0
	for _, q := range t.ws.Level.Questions {
		if a, ok := t.ws.Agreed(q, t.ws.Cycle); ok && a.Rating != "" {
			n++
		}
	}
	actions := t.ws.Actions()
	open := 0
	for _, a := range actions {
		if !a.Done() {
			open++
		}
	}
	acts := t.n("pdf.team.n_actions", len(actions))
	if len(actions) > 0 {
		acts = t.n("pdf.team.n_actions_open", len(actions), "open", open)
	}
	return t.t("pdf.team.agreed_some", "ratings", t.n("pdf.team.n_ratings", n), "actions", acts)
}

// leftOut lists the files given that are not in the report, and why:
// a shaded panel no one can miss.
func (t *teamReport) leftOut() []block {
	if len(t.ws.LeftOut) == 0 {
		return nil
	}
	out := []block{t.heading(2, t.t("pdf.team.left_out"), heading2.style(), 10)}
	out = append(out, block{pieces: t.para(t.t("pdf.team.left_out_intro"), body.style()), keepWithNext: true})
	cols := stretch([]column{{t.t("pdf.team.col_file"), 50}, {t.t("pdf.team.col_why"), 0}})
	table := t.elem("Table", nil)
	header := t.tableHeader(cols, label.style(), t.elem("TR", table))
	ps := []piece{header}
	st := textStyle{size: 10, colour: black}
	for _, l := range t.ws.LeftOut {
		file, why, hint := filepath.Base(l.File), l.Reason, l.Hint
		ps = append(ps, t.tableRow(table, cols, 1, func(i int, e *pdfobj.Elem, w float64) cell {
			if i == 0 {
				return cell{lines: t.plain(file, w, textStyle{size: 10, face: bold, colour: black})}
			}
			lines := tagLines(t.plain(sentence(why), w, st), t.elem("P", e))
			if hint != "" {
				lines = append(lines, tagLines(t.plain(sentence(t.t("pdf.team.what_to_do", "hint", hint)), w, textStyle{size: 9, face: italic, colour: darkGrey}), t.elem("P", e))...)
			}
			return cell{lines: lines}
		})...)
	}
	return append(out, block{pieces: ps, repeat: []piece{header}, before: 3})
}

// whoTookPart lists the people whose answers are in the report, with
// their team and how many questions each rated, and anyone the team
// record names who handed in no file.
func (t *teamReport) whoTookPart() []block {
	ws := t.ws
	if len(ws.People) == 0 {
		return nil
	}
	out := []block{t.heading(2, t.t("pdf.team.who"), heading2.style(), 10)}
	cols := []column{{t.t("pdf.team.col_name"), 0}}
	teams := false
	for _, p := range ws.People {
		teams = teams || p.Team != ""
	}
	if teams {
		cols = append(cols, column{t.t("pdf.team.col_team"), 0})
	}
	cols = stretch(append(cols, column{t.t("pdf.team.col_rated", "cycle", ws.Cycle), 36}))
	table := t.elem("Table", nil)
	header := t.tableHeader(cols, label.style(), t.elem("TR", table))
	ps := []piece{header}
	st := body.style()
	for _, p := range ws.People {
		n := 0
		for _, q := range ws.Level.Questions {
			if r, ok := ws.Answer(p, q); ok && t.ratingIndex(r.Rating) >= 0 {
				n++
			}
		}
		cells := []string{p.Name}
		if teams {
			cells = append(cells, p.Team)
		}
		cells = append(cells, t.t("pdf.of", "n", n, "total", len(ws.Level.Questions)))
		ps = append(ps, t.tableRow(table, cols, 1, func(i int, _ *pdfobj.Elem, w float64) cell {
			s := st
			if i == 0 {
				s.face = bold
			}
			return cell{lines: t.plain(cells[i], w, s)}
		})...)
	}
	out = append(out, block{pieces: ps, repeat: []piece{header}, before: 3})
	var notes []piece
	if ws.Hidden {
		notes = append(notes, t.para(t.t("pdf.team.hidden_note"), small.style())...)
	}
	if others := ws.Participants(); len(others) > 0 {
		notes = append(notes, t.para(t.t("pdf.team.also_took_part", "names", t.list(others)), body.style())...)
	}
	if len(notes) > 0 {
		out = append(out, block{pieces: notes, before: 2})
	}
	return out
}

// sentence starts s with a capital and ends it with a full stop.
func sentence(s string) string {
	s = capitalise(strings.TrimSpace(s))
	if s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// capitalise starts s with a capital letter.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// statusWord is an action's status in words.
func (d *doc) statusWord(done bool) string {
	if done {
		return d.t("pdf.status_done")
	}
	return d.t("pdf.status_open")
}

// questionLabel names a question for a table: "Question 3", or its id
// when it is no longer in the framework.
func (t *teamReport) questionLabel(id string) string {
	if id == "" {
		return t.t("pdf.team.whole_level")
	}
	if q := t.ws.Question(id); q != nil && q.Level == t.ws.Level {
		return t.t("pdf.number", "n", t.number(q))
	}
	return id
}
