package load

import (
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// Lists or quotes nested too deep to parse quickly are refused at load,
// where they are written, in a page body and in a question's text alike.
func TestDeepMarkdownIsRefusedWhereItIs(t *testing.T) {
	root := testsite.Copy(t, small)
	var list strings.Builder
	for i := 0; i < 1000; i++ {
		list.WriteString(strings.Repeat("  ", i) + "- a step\n")
	}
	testsite.Write(t, root, "content/about.md", "+++\ntitle = \"About\"\n+++\nIntro.\n\n"+list.String())
	edit(t, root, qfile, `text = "How does your ward look after soil for beans?"`, `text = "`+strings.Repeat(">", 200)+` How does your ward look after soil for beans?"`)
	_, l := Site(root)
	text := l.Error()
	for _, want := range []string{
		"content/about.md:106:201: lists or quotes nested more than 100 deep", // item 101 of the list, at its marker
		qfile + ":5:1: lists or quotes nested more than 100 deep",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in:\n%s", want, text)
		}
	}
}
