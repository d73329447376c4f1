package testsite

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// TeamExports writes the exports of a team of n people who each answered
// and rated every question of a level in one review cycle (with evidence,
// and an action on every fifth answer), as the level page writes them,
// into dir as p01.json, p02.json…, and returns their paths. The budgets
// of the team report and the team page load them: a workshop's heaviest
// ordinary input.
func TeamExports(dir, framework, level, cycle string, questions []string, n int) ([]string, error) {
	ratings := []string{"red", "amber", "green", ""}
	var files []string
	for p := range n {
		var as []Answer
		for i, q := range questions {
			a := Answer{Question: q, Cycle: cycle, Level: level, Rating: ratings[(p+i)%len(ratings)],
				Answer:   fmt.Sprintf("Person %d on question %d: %s", p+1, i+1, strings.Repeat("We have started and there is more to do. ", 3)),
				Evidence: "Board papers, the staff survey and our audit of 2025."}
			if (p+i)%5 == 0 {
				a.Action, a.Owner, a.Due = "Bring the data to the next team meeting", fmt.Sprintf("Person %d", p+1), "June 2026"
			}
			as = append(as, a)
		}
		file := filepath.Join(dir, fmt.Sprintf("p%02d.json", p+1))
		if err := os.WriteFile(file, []byte(AnswersJSON(framework, fmt.Sprintf("Person %d", p+1), "Therapies", as)), 0o644); err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}
