// Package check looks at a loaded site for problems that are not errors
// of format. Questions that read as yes/no, and cells of a level's grid
// with no question, are warnings an editor should see. A question id the
// pages use for something else is an error: it is valid as an id, but
// would break the page (see pageIDs).
package check

import (
	"strings"
	"unicode"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/render/html"
)

// Site adds its errors and warnings to l.
func Site(site *model.Site, l *diag.List) {
	if site == nil || site.Framework == nil {
		return
	}
	fw := site.Framework
	pageIDs(fw, l)
	for _, q := range fw.Questions {
		if w := closedOpening(q.Text.Plain()); w != "" {
			l.Warnf(q.Pos, "reword it as an open question: How…, What…, In what ways…, To what extent…",
				"question %s starts with %q and reads as a yes/no question", q.ID, w)
		}
	}
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

// closedOpening returns the first word of text if it opens a question
// that can be answered yes or no ("Do you…", "Is there…"), else "".
func closedOpening(text string) string {
	text = strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '’' && r != '\'' })
	if end < 0 {
		end = len(text)
	}
	word := text[:end]
	switch strings.ToLower(word) {
	case "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had",
		"can", "could", "will", "would", "should", "shall", "may", "might", "must",
		"don’t", "don't", "doesn’t", "doesn't", "isn’t", "isn't", "aren’t", "aren't":
		return word
	}
	return ""
}

// pageIDs refuses a question id or alias that a page uses for itself (the
// skip link's target, the self-assessment's panels, a section's heading):
// on the page the question's element would take the same id, and the
// link or the self-assessment would break without a word. The renderer
// that writes those ids says which they are (html.ReservedID).
func pageIDs(fw *model.Framework, l *diag.List) {
	for _, q := range fw.Questions {
		for i, id := range append([]string{q.ID}, q.Aliases...) {
			what := html.ReservedID(fw, id)
			if what == "" {
				continue
			}
			at, kind := q.IDPos, "question id"
			if i > 0 {
				at, kind = q.AliasesPos, "alias"
			}
			l.Errorf(at, "choose another id: each question's id is also the id of its place on the page",
				"%s %q is taken by the page itself: %s", kind, id, what)
		}
	}
}
