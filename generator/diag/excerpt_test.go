package diag

import "testing"

func TestExcerptPutsTheCaretUnderTheColumn(t *testing.T) {
	text := []byte("[[question]]\nid = \"x\"\n\ttext = How do you\n")
	got := Excerpt(text, Pos{File: "q.toml", Line: 3, Col: 9})
	want := "    3 |     text = How do you\n      |            ^"
	if got != want {
		t.Errorf("Excerpt =\n%s\nwant\n%s", got, want)
	}
	if Excerpt(text, Pos{File: "q.toml"}) != "" || Excerpt(text, Pos{File: "q.toml", Line: 9}) != "" {
		t.Error("an excerpt for no line, or a line past the end")
	}
	if got := Excerpt([]byte("a = \"\x1b[31m\"\n"), Pos{Line: 1, Col: 5}); got != "    1 | a = \"\\x1b[31m\"\n      |     ^" {
		t.Errorf("control characters are not escaped: %q", got)
	}
}
