package model_test

import (
	"testing"

	"workbook/generator/i18n"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

// The estimate reads as the README and every page say it, from the
// theme's English; in another language, its words and plural forms.
func TestEstimateText(t *testing.T) {
	en := testsite.English()
	cases := []struct {
		e    model.Estimate
		want string
	}{
		{model.Estimate{Questions: 27, Minutes: 93, Session: 7}, "About 93 minutes to answer all 27 questions, writing included. A 30-minute session fits about 7 of them."},
		{model.Estimate{Questions: 6, Minutes: 20, Session: 6}, "About 20 minutes to answer all 6 questions, writing included."},
		{model.Estimate{Questions: 1, Minutes: 4, Session: 1}, "About 4 minutes to answer the question, writing included."},
	}
	for _, c := range cases {
		if got := c.e.Text(en); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
	cy := i18n.New("cy", map[string]i18n.Message{
		"time.questions": {Forms: map[string]string{"two": "y {n} gwestiwn", "other": "y {n} cwestiwn"}},
	}, testsiteMessages(t))
	want := "About 9 minutes to answer y 2 gwestiwn, writing included."
	if got := (model.Estimate{Questions: 2, Minutes: 9, Session: 2}).Text(cy); got != want {
		t.Errorf("Welsh estimate (English for the key it lacks) = %q, want %q", got, want)
	}
}

// testsiteMessages are the theme's English messages, to layer under a
// translation.
func testsiteMessages(t *testing.T) map[string]i18n.Message {
	t.Helper()
	en := testsite.English()
	out := map[string]i18n.Message{}
	for _, k := range en.Keys() {
		out[k], _ = en.Message(k)
	}
	return out
}
