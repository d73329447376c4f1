package i18n

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLayersFallBackKeyByKey(t *testing.T) {
	en := map[string]Message{
		"title": {Text: "Your answer"}, "minutes": {Text: "About {minutes} minutes"},
		"questions":   {Forms: map[string]string{"one": "{n} question", "other": "{n} questions"}},
		"date.format": {Text: "{day} {month} {year}"}, "date.months": {Text: "January, February, March, April, May, June, July, August, September, October, November, December"},
		"number.thousands": {Text: ","},
	}
	cy := map[string]Message{
		"title":       {Text: "Eich ateb"},
		"questions":   {Forms: map[string]string{"zero": "{n} cwestiwn", "one": "{n} cwestiwn", "two": "{n} gwestiwn", "few": "{n} chwestiwn", "many": "{n} chwestiwn", "other": "{n} cwestiwn"}},
		"date.months": {Text: "Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr"},
	}
	c := New("cy", cy, en)
	if got := c.T("title"); got != "Eich ateb" {
		t.Errorf("Welsh title = %q", got)
	}
	if got := c.T("minutes", "minutes", 12); got != "About 12 minutes" {
		t.Errorf("a key Welsh lacks falls back to English: %q", got)
	}
	for n, want := range map[int]string{0: "0 cwestiwn", 1: "1 cwestiwn", 2: "2 gwestiwn", 3: "3 chwestiwn", 6: "6 chwestiwn", 7: "7 cwestiwn", 1234: "1,234 cwestiwn"} {
		if got := c.N("questions", n); got != want {
			t.Errorf("N(questions, %d) = %q, want %q", n, got, want)
		}
	}
	if got := c.Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); got != "1 Mawrth 2026" {
		t.Errorf("Welsh date = %q", got)
	}
	e := New("en-GB", en)
	if got := e.N("questions", 1); got != "1 question" {
		t.Errorf("English one = %q", got)
	}
	if got := e.T("missing.key"); got != "[missing.key]" {
		t.Errorf("a missing key shows as %q; it should show in brackets", got)
	}
}

func TestPluralCategories(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en-GB", 0, "other"}, {"en", 1, "one"}, {"cy-GB", 2, "two"}, {"cy", 3, "few"}, {"cy", 6, "many"}, {"cy", 11, "other"},
		{"pl", 22, "few"}, {"pl", 12, "many"}, {"fr", 0, "one"}, {"ar", 11, "many"}, {"zh", 1, "other"}, {"ga", 7, "many"},
	} {
		if got := pluralCategory(c.lang, c.n); got != c.want {
			t.Errorf("pluralCategory(%s, %d) = %s, want %s", c.lang, c.n, got, c.want)
		}
	}
	if got := Categories("cy"); len(got) != 6 {
		t.Errorf("Welsh has six plural categories, got %v", got)
	}
}

// Numbers given to T are written the language's way; a year given as
// text is not.
func TestNumbersInMessages(t *testing.T) {
	c := New("de", map[string]Message{
		"pages":            {Text: "{n} Seiten, {year}"},
		"number.thousands": {Text: "."},
		"date.format":      {Text: "{day}. {month} {year}"},
	})
	if got := c.T("pages", "n", 12345, "year", "2026"); got != "12.345 Seiten, 2026" {
		t.Errorf("T with a number = %q", got)
	}
	if got := c.Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); got != "1. March 2026" {
		t.Errorf("a date's year is not a quantity: %q", got)
	}
}

func TestListJoinsTheLanguagesWay(t *testing.T) {
	cy := New("cy", map[string]Message{"script.list.comma": {Text: ", "}, "script.list.last": {Text: "{first} a {last}"}})
	for items, want := range map[string]string{"": "", "Mai": "Mai", "Mai,Mehefin": "Mai a Mehefin", "Mai,Mehefin,Medi": "Mai, Mehefin a Medi"} {
		var list []string
		if items != "" {
			list = strings.Split(items, ",")
		}
		if got := cy.List(list); got != want {
			t.Errorf("List(%q) = %q, want %q", items, got, want)
		}
	}
	if got := English(nil).List([]string{"a", "b", "c"}); got != "a, b and c" {
		t.Errorf("a catalog without list words joins as English: %q", got)
	}
}

// Segments leaves a value drawn apart (a link) as a segment of its own,
// wherever the translation puts it, and never splits at a value's text.
func TestSegments(t *testing.T) {
	c := New("cy", map[string]Message{"web": {Text: "Mae ar y we yn {url}. Cysylltwch â {who} yn {contact}."}})
	got := c.Segments("web", []string{"url", "contact"}, "who", "{url} Trust")
	want := []Segment{{Text: "Mae ar y we yn "}, {Name: "url"}, {Text: ". Cysylltwch â {url} Trust yn "}, {Name: "contact"}, {Text: "."}}
	if !slices.Equal(got, want) {
		t.Errorf("Segments = %q, want %q", got, want)
	}
	if got := c.Segments("missing", nil); len(got) != 1 || got[0].Text != "[missing]" {
		t.Errorf("a missing key: %q", got)
	}
}
