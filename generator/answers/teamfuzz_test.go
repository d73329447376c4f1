package answers

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
	"time"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// FuzzDecodeTeam feeds the team record decoder any bytes, as FuzzDecode
// does the answers decoder: it must never panic; what it accepts must
// keep every rule of the format and read back the same when written
// out again; what it refuses must be refused with placed, printable
// problems; and it must agree with encoding/json on what is JSON. The
// seed corpus (testdata/fuzz/FuzzDecodeTeam) holds the small files of
// testdata/team.
func FuzzDecodeTeam(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > MaxFileSize {
			t.Skip("refused for its size alone")
		}
		team, err := DecodeTeam("f.json", b)
		if !wellRefused(t, b, err) {
			return
		}
		keepsTheTeamRules(t, team)
		again, err := DecodeTeam("f.json", encodeTeam(team))
		if err != nil {
			t.Fatalf("written out again, it is refused: %v", err)
		}
		if !sameTeam(team, again) {
			t.Errorf("read back differently:\n%+v\n%+v", team, again)
		}
	})
}

// keepsTheTeamRules checks a decoded team record against the format's rules.
func keepsTheTeamRules(t *testing.T, tm *Team) {
	t.Helper()
	if tm.Version != 1 || tm.Framework == "" || Length(tm.Framework) > MaxName || !model.IsID(tm.Level) || Length(tm.Level) > MaxName || !oneLineWithin(tm.Name) {
		t.Errorf("header %+v", tm)
	}
	for c, names := range tm.Participants {
		if c == "" || Length(c) > MaxName || len(names) > MaxParticipants {
			t.Errorf("participants of cycle %q: %d", c, len(names))
		}
		keys := map[string]bool{}
		for _, n := range names {
			k := Person{Name: n}.Key()
			if k == "" || !oneLineWithin(n) || keys[k] {
				t.Errorf("participant %q in %q", n, c)
			}
			keys[k] = true
		}
	}
	for i, a := range tm.Agreed {
		if !model.IsID(a.Question) || Length(a.Question) > MaxName || a.Cycle == "" || Length(a.Cycle) > MaxName || a.Rating == "" && a.Note == "" {
			t.Errorf("agreed %+v", a)
		}
		if i > 0 {
			p := tm.Agreed[i-1]
			if p.Question > a.Question || p.Question == a.Question && p.Cycle >= a.Cycle {
				t.Errorf("agreed out of order or repeated: %q/%q then %q/%q", p.Question, p.Cycle, a.Question, a.Cycle)
			}
		}
	}
	if len(tm.Actions) > MaxActions {
		t.Errorf("%d actions", len(tm.Actions))
	}
	for _, a := range tm.Actions {
		if a.Action == "" && a.Owner == "" && a.Due == "" || a.Question != "" && !model.IsID(a.Question) || Length(a.Cycle) > MaxName ||
			a.Status != "" && a.Status != StatusOpen && a.Status != StatusDone {
			t.Errorf("action %+v", a)
		}
	}
}

// encodeTeam writes a team record in the format, as the team page does.
func encodeTeam(tm *Team) []byte {
	type agreed struct {
		Rating  string `json:"rating,omitempty"`
		Note    string `json:"note,omitempty"`
		Updated string `json:"updated,omitempty"`
	}
	type action struct {
		Action   string `json:"action,omitempty"`
		Owner    string `json:"owner,omitempty"`
		Due      string `json:"due,omitempty"`
		Status   string `json:"status,omitempty"`
		Question string `json:"question,omitempty"`
		Cycle    string `json:"cycle,omitempty"`
		Updated  string `json:"updated,omitempty"`
	}
	file := struct {
		Format       string                       `json:"format"`
		Version      int                          `json:"version"`
		Framework    string                       `json:"framework"`
		Title        string                       `json:"title,omitempty"`
		Level        string                       `json:"level"`
		Team         string                       `json:"team,omitempty"`
		Exported     string                       `json:"exported,omitempty"`
		Cycles       []string                     `json:"cycles,omitempty"`
		Participants map[string][]string          `json:"participants,omitempty"`
		Hidden       bool                         `json:"hidden,omitempty"`
		Agreed       map[string]map[string]agreed `json:"agreed"`
		Actions      []action                     `json:"actions"`
	}{Format: TeamFormat, Version: tm.Version, Framework: tm.Framework, Title: tm.Title, Level: tm.Level, Team: tm.Name,
		Cycles: tm.Cycles, Participants: tm.Participants, Hidden: tm.Hidden, Agreed: map[string]map[string]agreed{}, Actions: []action{}}
	if !tm.Exported.IsZero() {
		file.Exported = tm.Exported.Format(time.RFC3339Nano)
	}
	for _, a := range tm.Agreed {
		if file.Agreed[a.Question] == nil {
			file.Agreed[a.Question] = map[string]agreed{}
		}
		file.Agreed[a.Question][a.Cycle] = agreed{a.Rating, a.Note, a.Updated}
	}
	for _, a := range tm.Actions {
		file.Actions = append(file.Actions, action{a.Action, a.Owner, a.Due, a.Status, a.Question, a.Cycle, a.Updated})
	}
	b, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}

// sameTeam compares two team records, leaving out where things are in
// the file.
func sameTeam(a, b *Team) bool {
	if a.Version != b.Version || a.Framework != b.Framework || a.Title != b.Title || a.Level != b.Level || a.Name != b.Name ||
		!a.Exported.Equal(b.Exported) || !slices.Equal(a.Cycles, b.Cycles) || a.Hidden != b.Hidden ||
		!maps.EqualFunc(a.Participants, b.Participants, slices.Equal) || len(a.Agreed) != len(b.Agreed) || len(a.Actions) != len(b.Actions) {
		return false
	}
	for i := range a.Agreed {
		x, y := a.Agreed[i], b.Agreed[i]
		x.Pos, x.RatingPos, y.Pos, y.RatingPos = diag.Pos{}, diag.Pos{}, diag.Pos{}, diag.Pos{}
		if x != y {
			return false
		}
	}
	for i := range a.Actions {
		x, y := a.Actions[i], b.Actions[i]
		x.Pos, y.Pos = diag.Pos{}, diag.Pos{}
		if x != y {
			return false
		}
	}
	return true
}
