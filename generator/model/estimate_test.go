package model

import (
	"strings"
	"testing"

	"workbook/generator/markdown"
)

// questions makes n questions of words words each: the text only.
func questions(n, words int) []*Question {
	md := markdown.New()
	text := strings.TrimSpace(strings.Repeat("word ", words))
	qs := make([]*Question, n)
	for i := range qs {
		qs[i] = &Question{Text: md.ConvertInline(text)}
	}
	return qs
}

// The estimate counts reading, thinking and writing: 25 questions of 80
// words to read take 10 minutes' reading and 25 × 3 minutes' thinking
// and writing, 85 minutes in all; a 30-minute session, keeping 5 minutes
// for actions, fits 7 of them.
func TestEstimateCountsReadingThinkingAndWriting(t *testing.T) {
	qs := questions(25, 80)
	if got := EstimateMinutes(qs); got != 85 {
		t.Errorf("EstimateMinutes = %d, want 85", got)
	}
	if got := SessionQuestions(qs); got != 7 {
		t.Errorf("SessionQuestions = %d, want 7", got)
	}
	md := markdown.New()
	qs[0].Good = md.ConvertInline(strings.Repeat("good ", 200))
	if got := EstimateMinutes(qs); got != 86 {
		t.Errorf("with 200 more words of what good looks like, EstimateMinutes = %d, want 86", got)
	}
}

func TestSessionQuestionsStaysInRange(t *testing.T) {
	if got := SessionQuestions(nil); got != 0 {
		t.Errorf("no questions: %d", got)
	}
	if got := SessionQuestions(questions(3, 10)); got != 3 {
		t.Errorf("3 short questions fit one session, got %d", got)
	}
	if got := SessionQuestions(questions(2, 20000)); got != 1 {
		t.Errorf("a question longer than a session still counts as one, got %d", got)
	}
}

func TestContactHref(t *testing.T) {
	cases := map[string]string{
		"ahp.team@example.org":        "mailto:ahp.team@example.org",
		"https://example.org/contact": "https://example.org/contact",
		"mailto:ahp@example.org":      "mailto:ahp@example.org",
		"0300 123 4567":               "",
		"the AHP team, Room 4 @ HQ":   "",
	}
	for contact, want := range cases {
		if got := (Config{Contact: contact}).ContactHref(); got != want {
			t.Errorf("ContactHref(%q) = %q, want %q", contact, got, want)
		}
	}
}

// A workshop plan keeps every session within 90 minutes, questions in
// their order and each once, in as few sessions as that allows, and
// about as long as each other.
func TestPlanWorkshopSplitsQuestionsIntoEvenSessionsOfAtMost90Minutes(t *testing.T) {
	for _, tc := range []struct{ n, words, sessions int }{
		// 40 words a question: 0.2 minutes' reading, 3 thinking and
		// writing, 1 to tally and 5 to agree: 9.2 minutes, of the 65 a
		// session has for questions.
		{1, 40, 1}, {7, 40, 1}, {8, 40, 2}, {27, 40, 4}, {100, 40, 15}, {2, 20000, 2},
	} {
		qs := questions(tc.n, tc.words)
		plan := PlanWorkshop(qs)
		if len(plan) != tc.sessions {
			t.Errorf("%d questions of %d words: %d sessions, want %d", tc.n, tc.words, len(plan), tc.sessions)
		}
		var all []*Question
		shortest, longest := WorkshopMaxMinutes, 0
		for _, s := range plan {
			all = append(all, s.Questions...)
			m := s.Minutes()
			if m > WorkshopMaxMinutes && len(s.Questions) > 1 {
				t.Errorf("%d questions: a session of %d minutes", tc.n, m)
			}
			if s.Reflect != EstimateMinutes(s.Questions) || s.Tally < MinTallyMinutes {
				t.Errorf("session reflect %d, tally %d", s.Reflect, s.Tally)
			}
			shortest, longest = min(shortest, m), max(longest, m)
		}
		if len(all) != len(qs) {
			t.Fatalf("%d questions planned, want %d", len(all), len(qs))
		}
		for i := range qs {
			if all[i] != qs[i] {
				t.Fatalf("question %d out of order", i)
			}
		}
		if tc.words < 1000 && longest-shortest > 15 {
			t.Errorf("%d questions: sessions from %d to %d minutes; want them even", tc.n, shortest, longest)
		}
	}
	if PlanWorkshop(nil) != nil {
		t.Error("no questions, no sessions")
	}
}
