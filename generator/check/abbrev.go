package check

import (
	"regexp"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// wellKnown are abbreviations readers know better than their long forms,
// which need no spelling out (as the NHS and GOV.UK style guides say of
// NHS and UK), and AA, which names a level of the accessibility standard
// rather than abbreviating anything.
func wellKnown(a string) bool {
	switch a {
	case "NHS", "UK", "PDF", "AA":
		return true
	}
	return false
}

// abbrevWord is an abbreviation: two or more capitals (digits may
// follow), with an optional plural s ("AHPs").
var abbrevWord = regexp.MustCompile(`\b([A-Z][A-Z]+[0-9]*)(s?)\b`)

// abbreviations warns where an abbreviation is used before it is spelt
// out, on each page of the site a reader reads top to bottom: each
// Markdown page but the levels' introductions; each level's page (who it is for, its introduction, then
// its questions); and each foundation's and area of focus's page (its
// description, then its questions at every level). Spelling out means
// the long form followed by the abbreviation in brackets, “allied health
// professional (AHP)”, or the abbreviation followed by its long form in
// brackets. The plural counts as the same abbreviation.
func abbreviations(site *model.Site, l *diag.List) {
	seen := map[string]bool{} // one warning per place and abbreviation
	report := func(pos diag.Pos, q *model.Question, a, where string) {
		key := pos.String() + " " + a
		if seen[key] {
			return
		}
		seen[key] = true
		hint := "spell it out the first time: the words in full, then (" + a + ")"
		msg := "%s is used before it is spelt out on " + where
		if q == nil {
			l.Warnf(pos, hint, msg, a)
			return
		}
		warn(l, q, Abbreviation, pos, hint, msg, a)
	}
	fw := site.Framework
	for _, p := range append([]*model.Page{site.Home}, site.Pages...) {
		if p != nil {
			scan(&page{report: report, name: "this page"}, bodyProse(p), nil)
		}
	}
	for _, lv := range fw.Levels {
		pg := &page{report: report, name: "the " + lv.Title + " page"}
		scan(pg, plainProse(lv.Audience, lv.AudiencePos), nil)
		if lv.Intro != nil {
			scan(pg, bodyProse(lv.Intro), nil)
		}
		for _, q := range lv.Questions {
			scanQuestion(pg, q)
		}
	}
	for fi, f := range fw.Foundations {
		pg := &page{report: report, name: "the page of the foundation " + f.ID}
		scan(pg, plainProse(f.Description.Plain(), f.Pos), nil)
		for _, lv := range fw.Levels {
			for _, cell := range lv.Grid[fi] {
				for _, q := range cell {
					scanQuestion(pg, q)
				}
			}
		}
	}
	for ai, a := range fw.Focuses {
		pg := &page{report: report, name: "the page of the area of focus " + a.ID}
		scan(pg, plainProse(a.Description.Plain(), a.Pos), nil)
		for _, lv := range fw.Levels {
			for _, row := range lv.Grid {
				for _, q := range row[ai] {
					scanQuestion(pg, q)
				}
			}
		}
	}
}

// page is one page being read for abbreviations: those spelt out so far
// and those already reported.
type page struct {
	report  func(pos diag.Pos, q *model.Question, a, where string)
	name    string
	defined map[string]bool
}

// scanQuestion reads a question as its page shows it: text, prompts,
// evidence hint, then what good looks like.
func scanQuestion(pg *page, q *model.Question) {
	scan(pg, plainProse(q.Text.Plain(), at(q, "text")), q)
	for _, p := range q.Prompts {
		scan(pg, plainProse(p.Plain(), at(q, "prompts")), q)
	}
	scan(pg, plainProse(q.Evidence.Plain(), at(q, "evidence")), q)
	scan(pg, plainProse(q.Good.Plain(), at(q, "good")), q)
}

// scan reads p in order, learning each abbreviation spelt out and
// reporting each used before that.
func scan(pg *page, p prose, q *model.Question) {
	if pg.defined == nil {
		pg.defined = map[string]bool{}
	}
	for _, m := range abbrevWord.FindAllStringSubmatchIndex(p.text, -1) {
		a := p.text[m[2]:m[3]]
		if wellKnown(a) || pg.defined[a] {
			continue
		}
		pg.defined[a] = true // report each once per page
		if spelt(p.text, m[0], m[1]) {
			continue
		}
		pg.report(p.posOf(m[0]), q, a, pg.name)
	}
}

// spelt reports whether the abbreviation at text[start:end] is where it
// is spelt out: in brackets after its long form, or followed by its long
// form in brackets.
func spelt(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	after := text[end:]
	if strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
		return len(strings.Fields(strings.TrimSuffix(before, "("))) > 0
	}
	return strings.HasPrefix(after, " (")
}
