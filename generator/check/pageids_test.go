package check

import (
	"strings"
	"testing"

	"workbook/generator/diag"
	"workbook/generator/load"
	"workbook/generator/testsite"
)

// A question id or alias the pages use for themselves is refused where it
// is written; any other id is not.
func TestQuestionIDsThePagesUseAreRefused(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	const q = "content/ward/questions.toml"
	text := testsite.Read(t, root, q)
	for old, new := range map[string]string{
		`id = "ward-soil-beans-1"`:  `id = "assess"`,
		`id = "ward-soil-roots-1"`:  `id = "maincontent"`,
		`id = "ward-water-herbs-1"`: "id = \"foundation-soil\"\naliases = [\"assess-import\", \"old-name\"]",
	} {
		if !strings.Contains(text, old) {
			t.Fatalf("%s has no %s", q, old)
		}
		text = strings.Replace(text, old, new, 1)
	}
	testsite.Write(t, root, q, text)
	site, l := load.Site(root)
	if l.HasErrors() {
		t.Fatalf("load: %v", l)
	}
	Site(site, l)
	var errs []string
	for _, d := range l.Sorted() {
		if d.Severity == diag.Error {
			errs = append(errs, d.String())
		}
	}
	got := strings.Join(errs, "\n")
	for _, want := range []string{
		q + `:2:1: question id "assess" is taken by the page itself: the self-assessment`,
		q + `:10:1: question id "maincontent" is taken by the page itself: the main content`,
		`question id "foundation-soil" is taken by the page itself: the section for foundation soil`,
		`alias "assess-import" is taken by the page itself`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if len(errs) != 4 || strings.Contains(got, "old-name") {
		t.Errorf("%d errors, want 4:\n%s", len(errs), got)
	}
}

// allow names only warnings check gives: a misspelt one is an error at
// the key, with the nearest name.
func TestAllowNamesAnUnknownWarning(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	const q = "content/ward/questions.toml"
	testsite.Replace(t, root, q, `evidence = "Notes, photos and *diaries*."`, `evidence = "Notes."`+"\n"+`allow = ["two-ask"]`)
	site, l := load.Site(root)
	if l.HasErrors() {
		t.Fatalf("load: %v", l)
	}
	Site(site, l)
	want := q + `:8:1: allow names "two-ask", which is not a warning check gives; did you mean two-asks?`
	for _, d := range l.Sorted() {
		if d.Severity == diag.Error && d.String() == want {
			return
		}
	}
	t.Errorf("no error %q in:\n%v", want, l)
}
