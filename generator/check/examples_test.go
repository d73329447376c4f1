package check_test

import (
	"strings"
	"testing"

	"workbook/generator/check"
	"workbook/generator/load"
)

// TestExamples checks the example framework in testdata/examples, whose
// files hold good wording (no warning) and bad (a warning each), and one
// question where the editor silences a rule with allow. Every warning
// names its file, line and column and says what to do.
func TestExamples(t *testing.T) {
	site, l := load.Site("testdata/examples")
	if l.HasErrors() {
		t.Fatalf("the examples do not load:\n%v", l)
	}
	check.Site(site, l)
	const q = "content/ward/questions.toml"
	want := []struct{ pos, words, hint string }{
		{"content/_index.md:7:1", "a sentence of 30 words: “Growing food on a shared plot brings neighbours…”", "split it into sentences of 25 words or fewer"},
		{"content/about.md:5:12", "GPA is used before it is spelt out on this page", "the words in full, then (GPA)"},
		{q + ":33:1", "question ward-soil-roots-1 asks two things (\"and how\")", `allow = ["two-asks"]`},
		{q + ":40:1", "question ward-soil-roots-2 is hypothetical (\"could\")", "How do you test"},
		{q + ":36:1", "question ward-soil-roots-2 does not say what good looks like", `add good = "…"`},
		{q + ":46:1", "CRB is used before it is spelt out on the Ward page", `allow = ["abbreviation"]`},
		{q + ":54:1", "question ward-soil-roots-4 has 31 words", "30 words or fewer"},
		{q + ":61:1", "question ward-soil-roots-5 starts with \"Do\" and reads as a yes/no question", "reword it as an open question"},
		{q + ":61:1", "question ward-soil-roots-5 asks two things (\"?…?\")", "keep one ask"},
		{q + ":61:1", "question ward-soil-roots-5 is hypothetical (\"would\")", "ask about what happens now"},
	}
	got := l.Sorted()
	if len(got) != len(want) {
		var all []string
		for _, d := range got {
			all = append(all, d.String())
		}
		t.Errorf("%d warnings, want %d:\n%s", len(got), len(want), strings.Join(all, "\n"))
	}
	for _, w := range want {
		found := false
		for _, d := range got {
			if d.Pos.String() == w.pos && strings.Contains(d.Msg, w.words) && strings.Contains(d.Hint, w.hint) {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning at %s saying %q with hint %q", w.pos, w.words, w.hint)
		}
	}
}

// TestAllowNamesOnlyRealWarnings: allow takes the names check documents,
// and the loader refuses any other, suggesting the nearest.
func TestAllowNamesOnlyRealWarnings(t *testing.T) {
	for _, name := range []string{"yes-no", "two-asks", "hypothetical", "abbreviation", "long-question", "missing-good"} {
		if !strings.Contains(strings.Join(check.Allowable(), " "), name) {
			t.Errorf("allow does not take %q", name)
		}
	}
}
