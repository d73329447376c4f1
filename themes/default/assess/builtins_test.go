package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/browsertest"
)

// TestBuiltInNamesAreDataLikeAnyOther builds a site whose question id,
// rating id and review cycles are spelt like members every JavaScript
// object has (constructor, __proto__, toString, valueOf), answers in
// them, imports answers in cycles spelt hasOwnProperty and valueOf, and
// checks that the page counts, exports and imports them like any other.
func TestBuiltInNamesAreDataLikeAnyOther(t *testing.T) {
	s := newSite(t)
	s.edit(t, "config.toml", `cycles = ["Spring", "Autumn"]`, `cycles = ["Spring", "__proto__", "constructor", "toString", "valueOf"]`)
	s.edit(t, "content/framework.toml", `id = "amber"`, `id = "constructor"`)
	s.edit(t, "content/ward/questions.toml", `id = "`+beans+`"`, `id = "constructor"`)
	s.build(t)
	const q = "constructor"
	r := newReader(t, browsertest.Start(t))
	r.open(s.url(wardPage))
	if got := js[int](r, `document.querySelectorAll('#assess-cycle option').length`); got != 5 {
		t.Errorf("the cycle list has %d cycles, want 5", got)
	}
	r.chooseCycle("__proto__")
	r.answer(q, map[string]string{"answer": "In the __proto__ cycle."}, "Amber")
	if got := squash(r.text(`[data-cell="soil--beans"]`)); got != "1 Amber" {
		t.Errorf("in __proto__ the summary cell says %q, want just 1 Amber", got)
	}
	r.chooseCycle("toString")
	r.answer(q, map[string]string{"answer": "In the toString cycle.", "action": "Act"}, "Green")
	r.answer(roots, map[string]string{"answer": "Roots in toString."}, "Red")
	if got := r.text(`[data-question="` + q + `"] .assess-form__earlier`); got != "Earlier ratings: Amber in __proto__." {
		t.Errorf("beside the question: %q", got)
	}
	if got := r.text(".assess-progress tbody"); !strings.Contains(got, "__proto__") || !strings.Contains(got, "toString (chosen)") {
		t.Errorf("progress across cycles: %q", got)
	}

	file := filepath.Join(t.TempDir(), "more.json")
	more := `{"format":"workbook-answers","version":1,"framework":"kitchen-garden-framework","answers":{"` + roots + `":{
		"hasOwnProperty":{"answer":"In a cycle spelt hasOwnProperty.","rating":"constructor"},
		"valueOf":{"answer":"In valueOf.","rating":""}}}}`
	if err := os.WriteFile(file, []byte(more), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := r.importFile(file); !strings.Contains(got, "2 new answers will be added") {
		t.Errorf("the import preview says %q", got)
	}
	r.confirmImport()

	e := r.exportJSON()
	for _, c := range []struct{ q, cycle, field, want string }{
		{q, "__proto__", "rating", "constructor"},
		{q, "__proto__", "answer", "In the __proto__ cycle."},
		{q, "toString", "answer", "In the toString cycle."},
		{roots, "toString", "rating", "red"},
		{roots, "hasOwnProperty", "rating", "constructor"},
		{roots, "valueOf", "answer", "In valueOf."},
	} {
		if got := e.Answers[c.q][c.cycle][c.field]; got != c.want {
			t.Errorf("the export holds %s %q for %s in %s, want %q", c.field, got, c.q, c.cycle, c.want)
		}
	}
	rows := r.csvRows()
	var cycles []string
	for _, row := range rows {
		cycles = append(cycles, row["Question ID"]+" "+row["Review cycle"]+" "+row["Rating"])
	}
	if got, want := strings.Join(cycles, "; "), "constructor __proto__ Amber; constructor toString Green; "+
		roots+" toString Red; "+roots+" valueOf Not rated; "+roots+" hasOwnProperty Amber"; got != want {
		t.Errorf("the CSV rows are\n%s\nwant\n%s", got, want)
	}
	r.roundTrip()
	r.noProblems()
}
