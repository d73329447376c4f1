package diag

import (
	"fmt"
	"strings"
	"testing"
)

// A partial translation's hundreds of missing keys come out of a build
// as a few examples and a count; errors and other warnings all show.
func TestBriefShortensAFloodOfOneKindOnly(t *testing.T) {
	var ds []Diagnostic
	ds = append(ds, Diagnostic{Pos: Pos{File: "content/a.toml", Line: 3, Col: 1}, Severity: Error, Msg: "broken", Hint: "mend it"})
	for i := range 40 {
		ds = append(ds, Diagnostic{Pos: Pos{File: "i18n/cy.toml"}, Severity: Warning, Msg: fmt.Sprintf("key%d has no cy text", i), Hint: "add it to i18n/cy.toml"})
	}
	for i := range 6 { // one more than most: a count would save no line
		ds = append(ds, Diagnostic{Pos: Pos{File: "content/b.toml", Line: i + 1, Col: 1}, Severity: Warning, Msg: "long", Hint: "shorten it"})
	}
	got := Brief(ds, 5)
	var text []string
	for _, d := range got {
		text = append(text, d.String())
	}
	all := strings.Join(text, "\n")
	if len(got) != 1+5+1+6 {
		t.Errorf("%d diagnostics, want 13 (the error, 5 examples and a count of the flood, the other kind's 6):\n%s", len(got), all)
	}
	for _, want := range []string{"broken", "key0 has no", "key4 has no", "i18n/cy.toml: warning: and 35 more warnings like these; workbook check lists every one"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "key5 has no") {
		t.Errorf("the sixth of a flood is shown:\n%s", all)
	}
}
