package scaffold

import (
	"strings"
	"testing"
	"time"

	"workbook/generator/load"
	"workbook/generator/testsite"
)

func TestNamesFromTheFolder(t *testing.T) {
	for in, want := range map[string][2]string{
		"team-check-up":   {"team-check-up", "Team check up"},
		"Team Check-up":   {"team-check-up", "Team Check-up"},
		"ÉQUIPE 2026":     {"quipe-2026", "ÉQUIPE 2026"},
		"---":             {"my-framework", "My framework"},
		`a "quoted" name`: {"a-quoted-name", `A "quoted" name`},
	} {
		if id, title := idFrom(in), titleFrom(in); id != want[0] || title != want[1] {
			t.Errorf("%q: id %q title %q, want %q %q", in, id, title, want[0], want[1])
		}
	}
	if got := tomlString(`a "b" \ c` + "\n"); got != `"a \"b\" \\ c\u000A"` {
		t.Errorf("tomlString = %s", got)
	}
	for date, want := range map[string]string{"2026-12-02": "2026/27", "2027-03-31": "2026/27", "2027-04-01": "2027/28", "2099-01-01": "2098/99"} {
		d, _ := time.Parse("2006-01-02", date)
		if got := cycleOf(d); got != want {
			t.Errorf("cycleOf(%s) = %s, want %s", date, got, want)
		}
	}
}

// A new question goes after its cell's last question (files are read in
// name order, so zz.toml holds the last), so its place in the workbook is
// what an editor expects.
func TestNewQuestionJoinsItsCell(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	testsite.Write(t, root, "content/ward/zz.toml", "[[question]]\nid = \"ward-soil-herbs-7\"\nfoundation = \"soil\"\nfocus = \"herbs\"\ntext = \"How do you choose herbs?\"\n")
	site, l := load.Load(load.Options{Root: root, Drafts: true})
	if l.HasErrors() {
		t.Fatal(l)
	}
	added, err := NewQuestion(root, site, "ward", "soil", "herbs")
	if err != nil {
		t.Fatal(err)
	}
	if added.File != "content/ward/zz.toml" || added.ID != "ward-soil-herbs-8" {
		t.Errorf("added %+v; want the last file of the cell and the id after the highest", added)
	}
	if _, l := load.Load(load.Options{Root: root}); l.HasErrors() {
		t.Errorf("the project does not load after adding a question:\n%v", l)
	}
	text := testsite.Read(t, root, added.File)
	if lines := strings.Split(text, "\n"); !strings.HasPrefix(lines[added.Line-1], "text = ") {
		t.Errorf("line %d is %q, not the text", added.Line, lines[added.Line-1])
	}
}
