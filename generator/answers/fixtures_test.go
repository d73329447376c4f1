package answers_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/testsite"
)

// fixtureDir holds the answers files that this package's tests and the
// web version's import tests both read; cases.json says what to expect.
var fixtureDir = filepath.Join(testsite.RepoRoot(), "testdata", "answers")

// fixture is one entry of cases.json.
type fixture struct {
	File    string `json:"file"`
	Valid   bool   `json:"valid"`
	Records int    `json:"records"` // valid files: how many answers
	Error   string `json:"error"`   // invalid files: a phrase of the reason
	Line    int    `json:"line"`    // and where it is, when a place applies
	Col     int    `json:"col"`
	Note    string `json:"note"`
}

func fixtures(t *testing.T) []fixture {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtureDir, "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	return fs
}

// smallSite loads the fixture project the answers files are for: the
// Kitchen Garden Framework, rated red, amber and green.
func smallSite(t *testing.T, edit func(root string)) *model.Site {
	t.Helper()
	root := testsite.Copy(t, "testdata/sites/small")
	if edit != nil {
		edit(root)
	}
	site, l := load.Site(root)
	if l.HasErrors() {
		t.Fatal(l)
	}
	return site
}

// read decodes a fixture and checks it against site.
func read(t *testing.T, site *model.Site, file string) (*answers.Set, error) {
	t.Helper()
	set, err := answers.ReadSet(filepath.Join(fixtureDir, file))
	if err == nil {
		err = answers.Check(set, site)
	}
	return set, err
}

func TestEveryFixtureIsAcceptedOrRefusedAsCasesJSONSays(t *testing.T) {
	site := smallSite(t, nil)
	listed := map[string]bool{"cases.json": true, "README.md": true}
	for _, c := range fixtures(t) {
		listed[c.File] = true
		t.Run(c.File, func(t *testing.T) {
			set, err := read(t, site, c.File)
			if c.Valid {
				if err != nil {
					t.Fatalf("refused (%s):\n%v", c.Note, err)
				}
				if len(set.Records) != c.Records {
					t.Errorf("%d answers, want %d", len(set.Records), c.Records)
				}
				return
			}
			refusedFor(t, err, filepath.Join(fixtureDir, c.File), c.Error, c.Line, c.Col, c.Note)
		})
	}
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !listed[e.Name()] {
			t.Errorf("%s is not in cases.json, so no test reads it", e.Name())
		}
	}
}

// refusedFor checks that a fixture file was refused for the one problem
// it is about: a message holding want, placed at line and col (the file
// itself when both are 0), with a hint. It returns the problem.
func refusedFor(t *testing.T, err error, file, want string, line, col int, note string) diag.Diagnostic {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted, want it refused (%s)", note)
	}
	var l *diag.List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a list of problems with their places", err)
	}
	ps := l.Sorted()
	if len(ps) != 1 {
		t.Errorf("%d problems, want the one this file is about (%s):\n%v", len(ps), note, err)
	}
	p := ps[0]
	if !strings.Contains(p.Msg, want) {
		t.Errorf("says %q, want it to say %q", p.Msg, want)
	}
	at := file
	if line != 0 || col != 0 {
		at = diag.Pos{File: file, Line: line, Col: col}.String()
	}
	if p.Pos.String() != at {
		t.Errorf("the problem is placed at %s, want %s", p.Pos, at)
	}
	if p.Hint == "" {
		t.Errorf("%q does not say what to do", p.Msg)
	}
	return p
}

// texts lists a set's records as "question/cycle: answer".
func texts(set *answers.Set) []string {
	var out []string
	for _, r := range set.Records {
		out = append(out, r.Question+"/"+r.Cycle+": "+r.Answer)
	}
	return out
}

func TestNamesSpeltLikeJavaScriptBuiltInsArePlainData(t *testing.T) {
	set, err := read(t, smallSite(t, nil), "builtin-names.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"123/0: a name JavaScript orders first",
		"constructor/__proto__: proto cycle",
		"constructor/constructor: constructor cycle",
		"constructor/hasOwnProperty: hasOwnProperty cycle",
		"constructor/toString: toString cycle",
		"constructor/valueOf: valueOf cycle",
		"prototype/__defineGetter__: getter cycle",
		"ward-soil-beans-1/Spring: toString",
	}
	if got := texts(set); !slices.Equal(got, want) {
		t.Errorf("records\n%q\nwant (sorted by question, then cycle)\n%q", got, want)
	}
	if r := set.Records[len(set.Records)-1]; r.Evidence != "__proto__" || r.Owner != "constructor" || r.Rating != "green" {
		t.Errorf("text spelt like built-ins changed: %+v", r)
	}
	if r := set.Records[5]; r.Rating != "" {
		t.Errorf("a member named __proto__ inside a record gave it rating %q; members the format does not name are ignored", r.Rating)
	}
	if !slices.Equal(set.Cycles, []string{"__proto__", "toString"}) {
		t.Errorf("cycles %q", set.Cycles)
	}
}

func TestTextIsReadAsABrowserReadsIt(t *testing.T) {
	site := smallSite(t, nil)
	for _, tc := range []struct{ file, want string }{
		{"non-ascii.json", "Rydym yn tomwellt pob gwely. Zoë says: très bien 🌱🌱"},
		{"utf16le.json", "We mulch every bed. Zoë 🌱"},
		{"bom-crlf.json", "We mulch every bed."},
		{"escapes.json", "Quote \" backslash \\ slash / tab \t line\nbreak é 🌱 lone \uFFFD end"},
		// As the WHATWG decoder: C3 then "(" is one U+FFFD and "(";
		// E2 82 (cut short) is one; FF is one.
		{"invalid-utf8.json", "We mulch \uFFFD(\uFFFD\uFFFD every bed."},
		{"duplicate-names.json", "Kept: the last of each name counts."},
	} {
		set, err := read(t, site, tc.file)
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if got := set.Records[0].Answer; got != tc.want {
			t.Errorf("%s: answer %q, want %q", tc.file, got, tc.want)
		}
	}
	set, _ := read(t, site, "non-ascii.json")
	if set.Title != "Fframwaith Gardd y Gegin" || set.Records[0].Cycle != "Gwanwyn 2025–26" || set.Records[0].Owner != "Zoë Ångström" {
		t.Errorf("title %q, cycle %q, owner %q", set.Title, set.Records[0].Cycle, set.Records[0].Owner)
	}
	set, _ = read(t, site, "escapes.json")
	if set.Records[0].Rating != "green" || set.Records[0].Evidence != "\b\f\r" {
		t.Errorf("escaped rating %q, evidence %q", set.Records[0].Rating, set.Records[0].Evidence)
	}
}

func TestAWholeExportKeepsEveryField(t *testing.T) {
	set, err := read(t, smallSite(t, nil), "export.json")
	if err != nil {
		t.Fatal(err)
	}
	if set.Framework != "kitchen-garden-framework" || set.Title != "Kitchen Garden Framework" || set.Version != 1 ||
		set.Exported.Format("2006-01-02 15:04:05 MST") != "2026-03-01 10:00:00 UTC" || !slices.Equal(set.Cycles, []string{"Spring", "Autumn"}) {
		t.Errorf("header: %+v", set)
	}
	want := answers.Record{Question: "ward-soil-beans-1", Cycle: "Spring", Level: "ward", Text: "How does your ward look after soil for beans?",
		Answer: "We mulch every bed.\nTwice a year.", Evidence: "Photos in the shed diary.", Rating: "amber", Action: "Buy compost",
		Owner: "Sam", Due: "May", Updated: "2026-02-01T09:00:00.000Z"}
	i := slices.IndexFunc(set.Records, func(r answers.Record) bool { return r.Question == want.Question && r.Cycle == want.Cycle })
	if i < 0 {
		t.Fatal("no record for ward-soil-beans-1 in Spring")
	}
	got := set.Records[i]
	if got.Pos.Line == 0 || got.RatingPos.Line <= got.Pos.Line {
		t.Errorf("record at %s, its rating at %s: want both placed, the rating below", got.Pos, got.RatingPos)
	}
	got.Pos, got.RatingPos = diag.Pos{}, diag.Pos{}
	if got != want {
		t.Errorf("record\n%+v\nwant\n%+v", got, want)
	}
	if got := texts(set); !slices.IsSortedFunc(got, strings.Compare) {
		t.Errorf("records not sorted by question, then cycle: %q", got)
	}
}

func TestAnswersFollowARenamedQuestionAndRemovedOnesAreKept(t *testing.T) {
	site := smallSite(t, func(root string) {
		file := "content/ward/questions.toml"
		testsite.Write(t, root, file, strings.Replace(testsite.Read(t, root, file),
			`id = "ward-soil-beans-1"`, `id = "ward-soil-legumes-1"`+"\n"+`aliases = ["ward-soil-beans-1"]`, 1))
	})
	ix := answers.NewIndex(site.Framework)
	set, err := read(t, site, "alias.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Records {
		q := ix.Question(r.Question)
		if q == nil || q.ID != "ward-soil-legumes-1" {
			t.Errorf("the answer under %s belongs to %v, want the renamed question ward-soil-legumes-1", r.Question, q)
		}
		if l, orphan := ix.Level(r); l == nil || l.ID != "ward" || orphan {
			t.Errorf("the answer under %s is at level %v (orphan %v), want ward", r.Question, l, orphan)
		}
	}

	set, err = read(t, site, "removed-question.json")
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]string{}
	for _, r := range set.Records {
		l, orphan := ix.Level(r)
		id := "none"
		if l != nil {
			id = l.ID
		}
		if orphan != (r.Question != "ward-soil-beans-1") {
			t.Errorf("%s: orphan %v", r.Question, orphan)
		}
		levels[r.Question] = id
	}
	want := map[string]string{"ward-gone-1": "ward", "forest-oak-1": "none", "ward-soil-beans-1": "ward"}
	for q, l := range want {
		if levels[q] != l {
			t.Errorf("%s: level %s, want %s", q, levels[q], l)
		}
	}
	if got := ix.Levels(set.Records); len(got) != 1 || got[0].ID != "ward" {
		t.Errorf("levels answered: %v, want ward only", got)
	}
}

func TestVersion2SaysWhoseAnswersTheyAreAndWhichActionsAreDone(t *testing.T) {
	site := smallSite(t, nil)
	set, err := read(t, site, "v2-export.json")
	if err != nil {
		t.Fatal(err)
	}
	if set.Version != 2 || set.Person != (answers.Person{Name: "Asha Patel", Team: "Ward 7 growers"}) || set.PersonPos.Line != 5 {
		t.Errorf("version %d, person %+v at %s", set.Version, set.Person, set.PersonPos)
	}
	var got []string
	for _, r := range set.Records {
		got = append(got, r.Cycle+" "+r.Action+": "+r.Status)
	}
	want := []string{"Autumn Share the compost rota: open", "Spring Buy compost: done", "Spring Fit a water butt: "}
	if !slices.Equal(got, want) {
		t.Errorf("actions\n%q\nwant\n%q", got, want)
	}
	if !set.Records[1].Done() || set.Records[0].Done() || set.Records[2].Done() {
		t.Error("only the action marked done is done; one not marked is open")
	}

	// A version 1 file names nobody, and a status in it is not read.
	for _, f := range []string{"export.json", "v1-person-status-ignored.json"} {
		set, err := read(t, site, f)
		if err != nil {
			t.Fatal(err)
		}
		if set.Person.Named() || set.Records[0].Status != "" {
			t.Errorf("%s: person %+v, status %q; version 1 says neither", f, set.Person, set.Records[0].Status)
		}
	}
}

func TestTwoSpellingsOfANameAreOnePerson(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Asha Patel", "  asha   PATEL ", true},
		{"Zoë Ångström", "ZOË ÅNGSTRÖM", true},
		{"Asha Patel", "Asha Patil", false},
		{"Person 1", "Person 10", false},
	} {
		a, b := answers.Person{Name: tc.a}, answers.Person{Name: tc.b}
		if (a.Key() == b.Key()) != tc.same {
			t.Errorf("%q and %q: same person %v, want %v", tc.a, tc.b, !tc.same, tc.same)
		}
	}
}
