package generator_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The fixture's ward level (testdata/sites/small): six questions, two
// foundations × three areas, review cycles Spring and Autumn.
const (
	wardPage = "levels/ward.html"
	beans    = "ward-soil-beans-1"
	roots    = "ward-soil-roots-1"
	water    = "ward-water-herbs-1"
)

func TestAnswersStayAfterAReload(t *testing.T) {
	s := newSite(t)
	r := newReader(t)
	r.open(s.url(wardPage))
	r.answer(beans, map[string]string{"answer": "We mulch every bed.", "evidence": "Photos in the shed diary.",
		"action": "Buy more compost", "owner": "Sam", "due": "May"}, "Amber")

	r.do(chromedp.Reload())
	r.waitFor("the answer forms", `document.querySelector('.assess-form') !== null`)
	for name, want := range map[string]string{"answer": "We mulch every bed.", "evidence": "Photos in the shed diary.", "action": "Buy more compost", "owner": "Sam", "due": "May"} {
		if got := js[string](r, `document.querySelector('`+field(beans, name)+`').value`); got != want {
			t.Errorf("after a reload, %s is %q, want %q", name, got, want)
		}
	}
	if got := js[string](r, `document.querySelector('[data-question="`+beans+`"] input[type=radio]:checked').nextElementSibling.textContent`); got != "Amber" {
		t.Errorf("after a reload the rating is %q, want Amber", got)
	}
	// The summary counts it, in words and numbers.
	cell := js[string](r, `document.querySelector('[data-cell="soil--beans"]').textContent`)
	if !strings.Contains(cell, "Amber: 1") || !strings.Contains(cell, "Not rated: 0") {
		t.Errorf("summary cell soil × beans says %q, want Amber: 1 and Not rated: 0", cell)
	}
	actions := js[string](r, `document.querySelector('.assess-actions tbody').textContent`)
	for _, want := range []string{"Buy more compost", "Sam", "May", "Spring"} {
		if !strings.Contains(actions, want) {
			t.Errorf("action list %q lacks %q", actions, want)
		}
	}
	r.noProblems()
}
