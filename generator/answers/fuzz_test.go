package answers

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// FuzzDecode feeds the decoder any bytes. It must never panic; what it
// accepts must keep every rule of the format and read back the same
// when written out again; what it refuses must be refused with placed,
// printable problems; and it must agree with encoding/json on what is
// JSON. The seed corpus (testdata/fuzz/FuzzDecode) holds the small
// files of testdata/answers.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > MaxFileSize {
			t.Skip("refused for its size alone")
		}
		set, err := Decode("f.json", b)
		if !wellRefused(t, b, err) {
			return
		}
		holdsTheRules(t, set)
		again, err := Decode("f.json", encode(set))
		if err != nil {
			t.Fatalf("written out again, it is refused: %v", err)
		}
		if !sameSet(set, again) {
			t.Errorf("read back differently:\n%+v\n%+v", set, again)
		}
	})
}

// wellRefused checks how a decoder answered bytes b: a refusal must be
// a list of placed, printable problems, one of them about JSON exactly
// when encoding/json says b is not JSON; an acceptance must be of JSON.
// It reports whether b was accepted, for the caller's further checks.
func wellRefused(t *testing.T, b []byte, err error) (accepted bool) {
	t.Helper()
	valid := jsonValid(text(b))
	if err == nil {
		if !valid {
			t.Fatalf("accepted text encoding/json refuses")
		}
		return true
	}
	var l *diag.List
	if !errors.As(err, &l) {
		t.Fatalf("error %v is not a list of problems", err)
	}
	ps := l.Sorted()
	if len(ps) == 0 || len(ps) > maxProblems+1 {
		t.Fatalf("%d problems", len(ps))
	}
	for _, p := range ps {
		if p.Pos.File != "f.json" || p.Pos.Line < 1 || p.Pos.Col < 1 {
			t.Errorf("problem %q placed at %+v", p.Msg, p.Pos)
		}
		if s := p.String(); strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) || !utf8.ValidString(s) {
			t.Errorf("problem prints a control character or invalid UTF-8: %q", s)
		}
	}
	if syntax := strings.HasPrefix(ps[0].Msg, "not valid JSON"); syntax == valid {
		t.Errorf("encoding/json says valid=%v; the decoder says %q", valid, ps[0].Msg)
	}
	return false
}

// jsonValid is encoding/json's verdict on whether text is JSON, except
// that it has a nesting limit (10,000) that JSON.parse, and so the
// format, does not have: deeper text counts as valid when it is valid
// with its deepest brackets taken out.
func jsonValid(text []byte) bool {
	var v any
	err := json.Unmarshal(text, &v)
	if err == nil {
		return true
	}
	var se *json.SyntaxError
	return errors.As(err, &se) && strings.Contains(se.Error(), "exceeded max depth") && jsonValid(flatten(text))
}

// flatten replaces the innermost list or object outside text with 0.
func flatten(text []byte) []byte {
	inString, escaped := false, false
	last := -1
	for i, c := range text {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && (c == '[' || c == '{'):
			last = i
		case !inString && (c == ']' || c == '}') && last >= 0:
			out := append([]byte(nil), text[:last]...)
			out = append(out, '0')
			return append(out, text[i+1:]...)
		}
	}
	return text
}

// holdsTheRules checks a decoded set against the format's rules.
func holdsTheRules(t *testing.T, s *Set) {
	t.Helper()
	if s.Version < 1 || s.Version > Version || s.Framework == "" || Length(s.Framework) > MaxName || Length(s.Title) > MaxText {
		t.Errorf("header %+v", s)
	}
	for _, c := range s.Cycles {
		if c == "" || Length(c) > MaxName {
			t.Errorf("cycle %q in cycles", c)
		}
	}
	switch p := s.Person; {
	case s.Version == 1 && p != Person{}:
		t.Errorf("a version 1 file gave a person %+v", p)
	case s.Version >= 2 && (strings.TrimSpace(p.Name) == "" || !oneLineWithin(p.Name) || !oneLineWithin(p.Team)):
		t.Errorf("person %q", p)
	}
	if len(s.Records) == 0 || len(s.Records) > MaxRecords {
		t.Errorf("%d records", len(s.Records))
	}
	for i, r := range s.Records {
		if !model.IsID(r.Question) || Length(r.Question) > MaxName || r.Cycle == "" || Length(r.Cycle) > MaxName ||
			(r.Level != "" && (!model.IsID(r.Level) || Length(r.Level) > MaxName)) || !r.HasContent() ||
			!(r.Status == "" || s.Version >= 2 && (r.Status == StatusOpen || r.Status == StatusDone)) {
			t.Errorf("record %+v", r)
		}
		for _, v := range []string{r.Text, r.Answer, r.Evidence, r.Rating, r.Action, r.Owner, r.Due, r.Updated, r.Cycle} {
			if Length(v) > MaxText || !utf8.ValidString(v) {
				t.Errorf("record %q/%q has a text of %d units or not UTF-8", r.Question, r.Cycle, Length(v))
			}
		}
		if i > 0 {
			p := s.Records[i-1]
			if p.Question > r.Question || p.Question == r.Question && p.Cycle >= r.Cycle {
				t.Errorf("records out of order or repeated: %q/%q then %q/%q", p.Question, p.Cycle, r.Question, r.Cycle)
			}
		}
	}
}

// oneLineWithin reports whether a person's or team's name keeps the
// format's rules: one line, at most MaxPerson.
func oneLineWithin(s string) bool {
	return Length(s) <= MaxPerson && utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' })
}

// encode writes a set in the format, as the web version's export does.
func encode(s *Set) []byte {
	type record struct {
		Level    string `json:"level,omitempty"`
		Question string `json:"question,omitempty"`
		Answer   string `json:"answer,omitempty"`
		Evidence string `json:"evidence,omitempty"`
		Rating   string `json:"rating,omitempty"`
		Action   string `json:"action,omitempty"`
		Owner    string `json:"owner,omitempty"`
		Due      string `json:"due,omitempty"`
		Updated  string `json:"updated,omitempty"`
		Status   string `json:"status,omitempty"`
	}
	type person struct {
		Name string `json:"name"`
		Team string `json:"team,omitempty"`
	}
	file := struct {
		Format    string                       `json:"format"`
		Version   int                          `json:"version"`
		Framework string                       `json:"framework"`
		Person    *person                      `json:"person,omitempty"`
		Title     string                       `json:"title,omitempty"`
		Exported  string                       `json:"exported,omitempty"`
		Cycles    []string                     `json:"cycles,omitempty"`
		Answers   map[string]map[string]record `json:"answers"`
	}{Format: Format, Version: s.Version, Framework: s.Framework, Title: s.Title, Cycles: s.Cycles, Answers: map[string]map[string]record{}}
	if s.Version >= 2 {
		file.Person = &person{s.Person.Name, s.Person.Team}
	}
	if !s.Exported.IsZero() {
		file.Exported = s.Exported.Format(time.RFC3339Nano)
	}
	for _, r := range s.Records {
		if file.Answers[r.Question] == nil {
			file.Answers[r.Question] = map[string]record{}
		}
		file.Answers[r.Question][r.Cycle] = record{r.Level, r.Text, r.Answer, r.Evidence, r.Rating, r.Action, r.Owner, r.Due, r.Updated, r.Status}
	}
	b, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}

// sameSet compares two sets, leaving out where things are in the file.
func sameSet(a, b *Set) bool {
	if a.Version != b.Version || a.Framework != b.Framework || a.Person != b.Person || a.Title != b.Title || !a.Exported.Equal(b.Exported) ||
		!slices.Equal(a.Cycles, b.Cycles) || len(a.Records) != len(b.Records) {
		return false
	}
	for i := range a.Records {
		x, y := a.Records[i], b.Records[i]
		x.Pos, x.RatingPos, y.Pos, y.RatingPos = diag.Pos{}, diag.Pos{}, diag.Pos{}, diag.Pos{}
		if x != y {
			return false
		}
	}
	return true
}
