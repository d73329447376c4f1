package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// question warns about one question's wording: a yes/no opening, two
// asks joined into one, a hypothetical, too many words, and no "what
// good looks like". One question should be one thing to rate, about what
// happens now.
func question(q *model.Question, l *diag.List) {
	for _, a := range q.Allow {
		if !slices.Contains(Allowable(), a) {
			hint := "use one of: " + strings.Join(Allowable(), ", ")
			if near := diag.Nearest(a, Allowable()); near != "" {
				hint = fmt.Sprintf("did you mean %s?", near)
			}
			l.Errorf(q.KeyPos("allow"), hint, "allow names %q, which is not a warning check gives", a)
		}
	}
	text := q.Text.Plain()
	pos := at(q, "text")
	if w := closedOpening(text); w != "" {
		warn(l, q, YesNo, pos, "reword it as an open question: How…, What…, In what ways…, To what extent…",
			"question %s starts with %q and reads as a yes/no question", q.ID, w)
	}
	if join := secondAsk(text); join != "" {
		warn(l, q, TwoAsks, pos, "keep one ask, so there is one thing to rate; move the other into prompts or a question of its own",
			"question %s asks two things (%q)", q.ID, join)
	}
	if w := hypothetical(text); w != "" {
		warn(l, q, Hypothetical, pos, "ask about what happens now, so that red, amber or green means something: “How could you test…?” becomes “How do you test…?”",
			"question %s is hypothetical (%q)", q.ID, w)
	}
	if n := len(strings.Fields(text)); n > MaxQuestionWords {
		warn(l, q, LongQuestion, pos, "cut it to 30 words or fewer; move examples into prompts",
			"question %s has %d words", q.ID, n)
	}
	if q.Good.Empty() {
		warn(l, q, MissingGood, q.Pos, `add good = "…": one or two sentences on what green looks like at this level`,
			"question %s does not say what good looks like", q.ID)
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

// A second ask is a joining word or a semicolon followed by a new
// question ("…, and how do you…", "…or who decides…", "…; what…"), a
// joining word followed by a new yes/no clause ("…and is it working?"),
// or a second question mark. A comma alone does not count: "When you see
// it, how do you respond?" asks one thing.
var (
	askWords     = `how|what|which|who|whom|whose|where|when|why|whether|to what extent`
	joinedAsk    = regexp.MustCompile(`(?i)\b(?:and|or|but|as well as)\s+(?:` + askWords + `)\b|;\s*(?:` + askWords + `)\b`)
	joinedClause = regexp.MustCompile(`(?i)\b(?:and|or|but)\s+(?:do|does|did|is|are|was|were|has|have|had|can|will)\s+(?:you|your|it|its|they|their|we|our|the|this|that|these|those|there|anyone|someone|everyone|staff|people)\b`)
)

// secondAsk returns the words that join a second ask onto the first, or
// "" if text asks one thing.
func secondAsk(text string) string {
	if m := joinedAsk.FindString(text); m != "" {
		return m
	}
	if m := joinedClause.FindString(text); m != "" {
		return m
	}
	if strings.Count(text, "?") > 1 {
		return "?…?"
	}
	return ""
}

// hypotheticalWord matches the words that turn a question from what
// happens into what might.
var hypotheticalWord = regexp.MustCompile(`(?i)\b(?:could|would|might)\b`)

// hypothetical returns the first hypothetical word of text, or "".
func hypothetical(text string) string {
	return hypotheticalWord.FindString(text)
}
