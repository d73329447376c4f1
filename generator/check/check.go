// Package check looks at a loaded site for problems that are not errors
// of format but fall short of the content standard: questions that read
// as yes/no, ask two things at once, ask what could happen rather than
// what does, run long or say nothing of what good looks like;
// abbreviations used before they are spelt out; long sentences in pages;
// and cells of a level's grid with no question. The loader has already
// caught everything else that would stop a build; these are warnings an
// editor should see, each with its place and what to do. One error is
// found here: a question id the pages use for something else is valid as
// an id, but would break the page (see pageIDs).
package check

import (
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/sitepath"
)

// The warnings an editor can silence on one question with
// allow = ["…"], for the rare question where the rule is wrong.
const (
	YesNo        = "yes-no"
	TwoAsks      = "two-asks"
	Hypothetical = "hypothetical"
	Abbreviation = "abbreviation"
	LongQuestion = "long-question"
	MissingGood  = "missing-good"
)

// Allowable lists the names allow = [...] accepts, in the order the
// README documents them.
func Allowable() []string {
	return []string{YesNo, TwoAsks, Hypothetical, Abbreviation, LongQuestion, MissingGood}
}

// Limits of length, in words: a question read aloud in one breath, and a
// sentence most readers take in at once (the NHS and GOV.UK style guides
// aim for 25 words at most).
const (
	MaxQuestionWords = 30
	MaxSentenceWords = 25
)

// Site adds its errors and warnings to l.
func Site(site *model.Site, l *diag.List) {
	if site == nil || site.Framework == nil {
		return
	}
	fw := site.Framework
	pageIDs(fw, l)
	for _, q := range fw.Questions {
		question(q, l)
	}
	emptyCells(fw, l)
	abbreviations(site, l)
	sentences(site, l)
}

// warn records a warning about q unless the editor has allowed it.
func warn(l *diag.List, q *model.Question, rule string, pos diag.Pos, hint, format string, args ...any) {
	for _, a := range q.Allow {
		if a == rule {
			return
		}
	}
	l.Warnf(pos, hint+` (if the rule is wrong here, add allow = ["`+rule+`"] to the question)`, format, args...)
}

// at is where a question's key is written, or the question's header.
func at(q *model.Question, key string) diag.Pos {
	if p, ok := q.Keys[key]; ok {
		return p
	}
	return q.Pos
}

// emptyCells warns about each cell of a level's grid with no question.
func emptyCells(fw *model.Framework, l *diag.List) {
	for _, lv := range fw.Levels {
		for f, row := range lv.Grid {
			for a, cell := range row {
				if len(cell) == 0 {
					l.Warnf(lv.Pos, "add a question with foundation = \""+fw.Foundations[f].ID+"\" and focus = \""+fw.Focuses[a].ID+"\" in content/"+lv.ID+"/",
						"level %s has no question for %s × %s", lv.ID, fw.Foundations[f].ID, fw.Focuses[a].ID)
				}
			}
		}
	}
}

// pageIDs refuses a question id or alias that a page uses for itself (the
// skip link's target, the self-assessment's panels, a section's heading):
// on the page the question's element would take the same id, and the
// link or the self-assessment would break without a word. The renderer
// that writes those ids says which they are (html.ReservedID).
func pageIDs(fw *model.Framework, l *diag.List) {
	for _, q := range fw.Questions {
		for i, id := range append([]string{q.ID}, q.Aliases...) {
			what := sitepath.ReservedID(fw, id)
			if what == "" {
				continue
			}
			at, kind := q.KeyPos("id"), "question id"
			if i > 0 {
				at, kind = q.KeyPos("aliases"), "alias"
			}
			l.Errorf(at, "choose another id: each question's id is also the id of its place on the page",
				"%s %q is taken by the page itself: %s", kind, id, what)
		}
	}
}
