package check

import (
	"strings"
	"testing"

	"workbook/generator/diag"
)

func TestClosedOpening(t *testing.T) {
	cases := map[string]string{
		"Do you audit your waiting lists?":              "Do",
		"**Is** there a plan?":                          "Is",
		"  Have you asked patients?":                    "Have",
		"Doesn’t the team know?":                        "Doesn’t",
		"How do you audit your waiting lists?":          "",
		"To what extent is the plan shared?":            "",
		"Domestic travel: how is it measured?":          "",
		"In what ways could patients shape this?":       "",
		"Issues raised by staff: how are they tracked?": "",
	}
	for text, want := range cases {
		if got := closedOpening(text); got != want {
			t.Errorf("closedOpening(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSecondAsk(t *testing.T) {
	cases := map[string]string{
		// Two asks.
		"Who leads it, and how do they report progress?":        "and how",
		"Which data do you collect and what does it show?":      "and what",
		"How are leaders chosen or who decides?":                "or who",
		"How do you measure it; what changes as a result?":      "; what",
		"How do you record outcomes, and is anyone using them?": "and is anyone",
		"Do you grow roots? What would you grow next?":          "?…?",
		"How do partners act as well as what they plan?":        "as well as what",
		// One ask: lists, clauses and commas before the question.
		"When you see racism at work, how do you respond?":                             "",
		"How do patients, carers and communities shape your plans?":                    "",
		"What capacity do you give for research, such as time, posts and support?":     "",
		"How does your green plan include AHP actions and owners?":                     "",
		"How well do records flow between partners, so that people tell it only once?": "",
	}
	for text, want := range cases {
		if got := secondAsk(text); got != want {
			t.Errorf("secondAsk(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestHypothetical(t *testing.T) {
	cases := map[string]string{
		"How could you test a greener way of working?":    "could",
		"Where would digital tools cut travel?":           "would",
		"Which staff Might benefit?":                      "Might",
		"How do you test a greener way of working?":       "",
		"How do you use your skills, whatever your band?": "",
		"Could staff take part?":                          "Could",
	}
	for text, want := range cases {
		if got := hypothetical(text); got != want {
			t.Errorf("hypothetical(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	text := "## A heading\n\nOne sentence. Two, with 2.5 things!\nStill two? No: three.\n\n- an item without a stop\n- another **item**.\n\n1. A numbered item"
	var got []string
	for _, s := range splitSentences(text) {
		got = append(got, text[s[0]:s[1]])
	}
	want := []string{"A heading", "One sentence.", "Two, with 2.5 things!", "Still two?", "No: three.", "an item without a stop", "another **item**.", "A numbered item"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
}

func TestSpeltOut(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"allied health professionals (AHPs) lead", true},
		{"an integrated care system (ICS)", true},
		{"the RHS (Royal Horticultural Society)", true},
		{"AHPs lead at every level", false},
		{"(AHP) alone in brackets", false},
		{"the AHP team", false},
	}
	for _, c := range cases {
		m := abbrevWord.FindStringIndex(c.text)
		if got := spelt(c.text, m[0], m[1]); got != c.want {
			t.Errorf("spelt(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// Markup is blanked, not removed, so a warning's column is where the
// editor sees the word; code, link targets and addresses never count.
func TestMarkdownProsePositions(t *testing.T) {
	src := "Intro with `ABC` and [a link](https://x.org/DEF).\nThe “GHI” is here."
	p := markdownProse(src, diag.Pos{File: "p.md", Line: 5, Col: 1})
	ms := abbrevWord.FindAllStringIndex(p.text, -1)
	if len(ms) != 1 {
		t.Fatalf("found %d abbreviations in %q, want only GHI", len(ms), p.text)
	}
	if got := p.posOf(ms[0][0]).String(); got != "p.md:6:6" {
		t.Errorf("GHI is at %s, want p.md:6:6", got)
	}
}
