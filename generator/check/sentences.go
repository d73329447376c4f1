package check

import (
	"regexp"
	"strings"
	"unicode"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// sentences warns about each sentence of more than MaxSentenceWords
// words in the site's prose: the pages (with each level's introduction),
// who each level is for, and the descriptions of foundations and areas of
// focus. Questions have their own limit.
func sentences(site *model.Site, l *diag.List) {
	for _, p := range pageProse(site) {
		long(p, l)
	}
	fw := site.Framework
	for _, lv := range fw.Levels {
		long(plainProse(lv.Audience, lv.AudiencePos), l)
	}
	for _, f := range fw.Foundations {
		long(plainProse(f.Description.Plain(), f.Pos), l)
	}
	for _, a := range fw.Focuses {
		long(plainProse(a.Description.Plain(), a.Pos), l)
	}
}

// pageProse is the text of every Markdown page: the home page, the other
// pages and each level's introduction.
func pageProse(site *model.Site) []prose {
	var out []prose
	add := func(p *model.Page) {
		if p != nil {
			out = append(out, bodyProse(p))
		}
	}
	add(site.Home)
	for _, p := range site.Pages {
		add(p)
	}
	for _, lv := range site.Framework.Levels {
		add(lv.Intro)
	}
	return out
}

// long warns about each sentence of p over the limit.
func long(p prose, l *diag.List) {
	for _, s := range splitSentences(p.text) {
		if n := countWords(p.text[s[0]:s[1]]); n > MaxSentenceWords {
			l.Warnf(p.posOf(s[0]), "split it into sentences of 25 words or fewer",
				"a sentence of %d words: “%s”", n, opening(p.src[s[0]:s[1]]))
		}
	}
}

// sentenceEnd is a full stop, question or exclamation mark, with any
// closing quotes or brackets, before a space or the end of the text.
var sentenceEnd = regexp.MustCompile(`[.!?]+["'”’)\]*_]*(?:\s|$)`)

// splitSentences returns the byte ranges of the sentences of Markdown
// text: each heading and list item starts a new block, as does a blank
// line, and a block ends its last sentence even without a full stop.
func splitSentences(text string) [][2]int {
	var out [][2]int
	for _, b := range blocks(text) {
		start := b[0]
		for _, m := range sentenceEnd.FindAllStringIndex(text[b[0]:b[1]], -1) {
			end := b[0] + m[1]
			out = appendSentence(out, text, start, end)
			start = end
		}
		out = appendSentence(out, text, start, b[1])
	}
	return out
}

// appendSentence adds text[start:end], trimmed of space, if it has words.
func appendSentence(out [][2]int, text string, start, end int) [][2]int {
	s := text[start:end]
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	s = strings.TrimSpace(s)
	if countWords(s) == 0 {
		return out
	}
	return append(out, [2]int{start + lead, start + lead + len(s)})
}

// blocks splits Markdown text into the byte ranges of its paragraphs,
// headings and list items, without their markers.
func blocks(text string) [][2]int {
	var out [][2]int
	start, end := -1, -1
	flush := func() {
		if start >= 0 {
			out = append(out, [2]int{start, end})
		}
		start, end = -1, -1
	}
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimRight(line, "\r\n")
		switch m := blockStart.FindStringIndex(body); {
		case strings.TrimSpace(body) == "":
			flush()
		case m != nil:
			flush()
			start, end = off+m[1], off+len(body)
			if strings.HasPrefix(strings.TrimSpace(body), "#") {
				flush() // a heading is one line
			}
		default:
			if start < 0 {
				start = off
			}
			end = off + len(body)
		}
		off += len(line)
	}
	flush()
	return out
}

// countWords counts the words of s: runs of text holding a letter or
// digit, so Markdown markers and dashes do not count.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// opening is the first words of a sentence, to name it in a warning.
func opening(s string) string {
	f := strings.Fields(s)
	if len(f) <= 8 {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:8], " ") + "…"
}

// bodyProse is a page's body, placed where it starts in its file.
func bodyProse(p *model.Page) prose {
	return markdownProse(p.Body.Source, diag.Pos{File: p.Pos.File, Line: p.BodyLine, Col: 1})
}
