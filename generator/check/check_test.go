package check

import "testing"

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
