package testsite

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Answer is one record of an answers file, for tests that make files.
type Answer struct {
	Question, Cycle, Level     string
	Rating, Answer, Evidence   string
	Action, Owner, Due, Status string
}

// AnswersJSON is an answers export (format version 2) of one person's
// answers to framework, as the web version writes it; a name of ""
// makes a version 1 file, which names nobody.
func AnswersJSON(framework, name, team string, as []Answer) string {
	type record struct {
		Level    string `json:"level,omitempty"`
		Answer   string `json:"answer,omitempty"`
		Evidence string `json:"evidence,omitempty"`
		Rating   string `json:"rating,omitempty"`
		Action   string `json:"action,omitempty"`
		Owner    string `json:"owner,omitempty"`
		Due      string `json:"due,omitempty"`
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
		Exported  string                       `json:"exported"`
		Answers   map[string]map[string]record `json:"answers"`
	}{Format: "workbook-answers", Version: 2, Framework: framework, Exported: "2026-03-01T10:00:00.000Z", Answers: map[string]map[string]record{}}
	if name == "" {
		file.Version = 1
	} else {
		file.Person = &person{name, team}
	}
	for _, a := range as {
		if file.Answers[a.Question] == nil {
			file.Answers[a.Question] = map[string]record{}
		}
		file.Answers[a.Question][a.Cycle] = record{a.Level, a.Answer, a.Evidence, a.Rating, a.Action, a.Owner, a.Due, a.Status}
	}
	b, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		panic(err)
	}
	return string(b)
}

// WriteFile writes text to name in a new temporary folder and returns
// its path.
func WriteFile(t testing.TB, name, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}
