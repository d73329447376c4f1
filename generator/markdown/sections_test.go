package markdown

import (
	"strings"
	"testing"
)

// A printed copy leaves sections out by heading: each goes with what is
// under it, up to the next heading of its level, and numbered steps
// after it count on from where it was.
func TestWithoutLeavesSectionsOutAndRenumbers(t *testing.T) {
	doc := New().Convert("Intro.\n\n## 1. Pick a level\n\nFour levels.\n\n### More\n\nDetail.\n\n## 2. Plan your time\n\nAn hour.\n\n## 3. **Rate** it\n\nRed.\n\n## On the website\n\nExport.\n\n## After\n\nEnd.\n")
	if got := strings.Join(doc.Headings(), "|"); got != "1. Pick a level|More|2. Plan your time|3. Rate it|On the website|After" {
		t.Fatalf("headings: %s", got)
	}
	drop := map[string]bool{"1. Pick a level": true, "On the website": true}
	out := doc.Without(func(h string) bool { return drop[h] })
	var got []string
	for _, b := range out.Blocks {
		got = append(got, b.plain())
	}
	want := "Intro.|1. Plan your time|An hour.|2. Rate it|Red.|After|End."
	if strings.Join(got, "|") != want {
		t.Errorf("without:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if out.Source != doc.Source || out.HTML != "" {
		t.Error("the result should keep the source and hold no HTML")
	}
	same := doc.Without(func(string) bool { return false })
	if len(same.Blocks) != len(doc.Blocks) || same.Blocks[1].plain() != "1. Pick a level" {
		t.Error("leaving nothing out should change nothing")
	}
}
