package answers

import (
	"time"

	"workbook/generator/diag"
)

// The format's name and limits. The web version's import (the default
// theme's assets/assess.js) holds the same numbers and checks; the
// shared fixtures in testdata/answers at the repository's root are read
// by the tests of both, so the two cannot drift apart unnoticed.
const (
	// Format is the value of "format" in every answers file.
	Format = "workbook-answers"
	// Version is the newest version of the format. Decode reads every
	// version from 1 to Version.
	Version = 1
	// MaxFileSize is the largest file read, in bytes (5 MiB). An export
	// of every answer a browser can store is far smaller.
	MaxFileSize = 5 << 20
	// MaxText is the longest text of one field, in UTF-16 code units
	// (see Length): some 40 pages of typing.
	MaxText = 100_000
	// MaxName is the longest review cycle name, question id, level id or
	// framework id, in UTF-16 code units.
	MaxName = 200
	// MaxRecords is the most answers (pairs of question and review
	// cycle) one file may hold: a hundred times the shipped framework's
	// questions over its five yearly cycles.
	MaxRecords = 100_000
)

// Set is the answers of one file, as the web version exports them: one
// reader's, on one device.
type Set struct {
	File      string    // where it was read from, as given; used in positions
	Version   int       // the format version of the file
	Framework string    // the id (config.toml's id) of the site they were given on
	Title     string    // that site's title, for people reading the file; "" if not given
	Exported  time.Time // when they were exported; zero if the file does not say
	Cycles    []string  // that site's review cycles, oldest first; may be empty
	// Records are the answers with anything saved (see HasContent),
	// sorted by question id, then review cycle.
	Records []Record
	// FrameworkPos is where the file names its framework.
	FrameworkPos diag.Pos
	// Name and Team are who gave the answers and their team, when the
	// file says: a filled workbook's cover does (version 2 of the
	// format is to carry them in exports too).
	Name, Team string
	// Workbook, for answers read from a filled workbook PDF rather than
	// an export, is what the workbook says of itself; nil for an export.
	Workbook *Workbook
}

// Record is what was saved for one question in one review cycle.
type Record struct {
	Question string // the id it was saved under: the question's own or an earlier one
	Cycle    string
	Level    string // the level it was answered on; "" if the file does not say
	Text     string // the question's text when it was saved
	Answer   string
	Evidence string
	Rating   string // a rating id of the framework, or "" for not rated
	Action   string
	Owner    string
	Due      string // "by when", as typed
	Updated  string // when it was last saved, as the file has it (the web version writes ISO 8601)
	// Pos is where the record's review cycle is named in the file, and
	// RatingPos where its rating is (Pos when it has none), so that a
	// check against the site can point at them.
	Pos, RatingPos diag.Pos
}

// HasContent reports whether anything of the reader's is saved: an
// answer, evidence, a rating or an action. A record without is not an
// answer; the web version never exports one and no import keeps one.
func (r Record) HasContent() bool {
	return r.Answer != "" || r.Evidence != "" || r.Rating != "" || r.HasAction()
}

// HasAction reports whether the record names an action, owner or date.
func (r Record) HasAction() bool { return r.Action != "" || r.Owner != "" || r.Due != "" }

// field returns the record's field named name in the file, or nil for
// a name the format does not know (which is ignored).
func (r *Record) field(name string) *string {
	switch name {
	case "level":
		return &r.Level
	case "question":
		return &r.Text
	case "answer":
		return &r.Answer
	case "evidence":
		return &r.Evidence
	case "rating":
		return &r.Rating
	case "action":
		return &r.Action
	case "owner":
		return &r.Owner
	case "due":
		return &r.Due
	case "updated":
		return &r.Updated
	}
	return nil
}
