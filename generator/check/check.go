// Package check looks at a loaded site for problems that are not errors
// of format: questions that read as yes/no, and cells of a level's grid
// with no question. The loader has already caught everything that would
// stop a build; these are warnings an editor should see.
package check

import (
	"strings"
	"unicode"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// Site adds its warnings to l.
func Site(site *model.Site, l *diag.List) {
	if site == nil || site.Framework == nil {
		return
	}
	fw := site.Framework
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
