package load

import (
	"strings"
	"testing"

	"workbook/generator/diag"
	"workbook/generator/testsite"
)

// Nesting deep enough to overflow the TOML parser's stack (a few million
// brackets) is refused before parsing, in every TOML file the loader
// reads, with the file, line and column where it goes too deep.
func TestDeepTOMLIsRefusedNotParsed(t *testing.T) {
	const n = 3_000_000
	bodies := map[string]struct{ text, pos, words string }{
		"arrays":         {"x = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n", ":2:37", "nested more than 32 deep"},
		"unclosed":       {"x = " + strings.Repeat("[", n) + "\n", ":2:37", "nested more than 32 deep"},
		"inline tables":  {"x = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n", ":2:101", "nested more than 32 deep"},
		"dotted key":     {strings.Repeat("a.", n) + "b = 1\n", ":2:64", "more than 32 dotted parts"},
		"table name":     {"[" + strings.Repeat("a.", n) + "b]\n", ":2:65", "more than 32 dotted parts"},
		"inline dotted":  {"x = {" + strings.Repeat("a.", n) + "b = 1}\n", ":2:69", "more than 32 dotted parts"},
		"array of names": {"[[" + strings.Repeat("q.", n) + "b]]\n", ":2:66", "more than 32 dotted parts"},
	}
	files := map[string]struct {
		rel, before, after string
		lineShift          int // lines before the TOML line
	}{
		"config":       {"config.toml", "title = \"T\"\n", "", 0},
		"framework":    {"content/framework.toml", "# levels\n", "", 0},
		"questions":    {"content/ward/deep.toml", "# questions\n", "", 0},
		"front matter": {"content/deep.md", "+++\ntitle = \"T\"\n", "+++\nText.\n", 1},
	}
	for fname, f := range files {
		for bname, b := range bodies {
			if testing.Short() && bname != "arrays" {
				continue
			}
			t.Run(fname+"/"+bname, func(t *testing.T) {
				root := testsite.Copy(t, small)
				testsite.Write(t, root, f.rel, f.before+b.text+f.after)
				_, l := Site(root)
				pos := b.pos
				if f.lineShift > 0 {
					pos = ":3" + pos[2:]
				}
				want := f.rel + pos
				for _, d := range l.Sorted() {
					if d.String()[:len(want)+1] == want+":" && strings.Contains(d.Msg, b.words) {
						return
					}
				}
				t.Errorf("no error at %s saying %q in:\n%.2000s", want, b.words, l.Error())
			})
		}
	}
}

// Nesting a file might sensibly hold still parses.
func TestModestNestingParses(t *testing.T) {
	src := "a.b.c = [[1, 2], [3, [4, {x = {y = [5]}}]]]\n[t.u.v]\nw = 1\n"
	l := &diag.List{}
	if doc := parseTOML(src, "f.toml", 0, l); doc == nil {
		t.Errorf("refused: %v", l)
	}
}
