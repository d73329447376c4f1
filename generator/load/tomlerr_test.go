package load

import (
	"testing"

	"workbook/generator/diag"
)

// Each TOML mistake an editor makes most is reported where it starts, in
// plain words, with what to write, and with an example that fits the file
// (a page's front matter is not told to write text = "How…?").
func TestTOMLMistakesInPlainWords(t *testing.T) {
	const q = "content/ward/questions.toml"
	head := "[[question]]\nid = \"ward-x-1\"\nfoundation = \"soil\"\nfocus = \"beans\"\n"
	for _, c := range []struct {
		name, file, src string
		lineOffset      int
		want            string
	}{
		{"unclosed string", q, head + "text = \"How do you\nprompts = [\"a\"]\n", 0,
			q + `:5:8: this text has no closing quote; end it with a " on the same line, like this: text = "How does your team …?"`},
		{"unclosed literal string", q, head + "text = 'How do you\n", 0,
			q + `:5:8: this text has no closing quote; end it with a ' on the same line, like this: text = "How does your team …?"`},
		{"unclosed multi-line string", q, head + "text = \"\"\"How do you?\nprompts = [\"a\"]\n", 0,
			q + `:5:8: this text starts with three quotes and never ends; end it with three quotes, """, after its last line`},
		{"unclosed list", q, head + "text = \"How?\"\nprompts = [\"a\", \"b\"\nevidence = \"x\"\n", 0,
			q + `:6:11: this list is never closed; end it with ] after its last item, before the next line that starts a key: prompts = ["First?", "Second?"]`},
		{"unclosed table name", q, "[[question]\nid = \"x\"\n", 0,
			q + `:1:1: this table's name is not closed; write the name between brackets on a line of its own, like this: [[question]]`},
		{"words without quotes", q, head + "text = How do you\n", 0,
			q + `:5:8: the words "How do you" need quotes around them; write text = "How do you"`},
		{"a quote at one end only", q, "[[question]]\nfocus = beans\"\n", 0,
			q + `:2:9: the words "beans" have a quote at one end only; put a double quote at each end: focus = "beans"`},
		{"a key written twice", q, head + "id = \"y\"\n", 0,
			q + `:5:1: id is written twice in the same table; keep one of them, or start a new [[question]] before the second`},
		{"front matter: words without quotes", "content/about.md", "title = About us\n", 1,
			`content/about.md:2:9: the words "About us" need quotes around them; write title = "About us"`},
		{"front matter: a number", "content/about.md", "title = \"A\"\nweight = ten\n", 1,
			`content/about.md:3:10: weight must be a whole number; write it without quotes, like this: weight = 10`},
		{"front matter: other mistakes get a page's example", "content/about.md", "title = \"A\" \"B\"\n", 1,
			`content/about.md:2:13: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got '"' instead; each line is a key, =, and a value; words go in double quotes, like this: title = "About this framework"`},
		{"config: a boolean", "config.toml", "title = \"A\"\n[pdf]\nfillable = no\n", 0,
			`config.toml:3:12: fillable must be true or false; write fillable = true or fillable = false, without quotes`},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := &diag.List{}
			if parseTOML(c.src, c.file, c.lineOffset, l) != nil {
				t.Fatal("the mistake parsed")
			}
			got := l.Sorted()
			if len(got) != 1 || got[0].String() != c.want {
				t.Errorf("got  %v\nwant %s", got, c.want)
			}
		})
	}
}
