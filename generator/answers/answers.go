package answers

import (
	"strings"
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
	// version from 1 to Version: version 2 added the reader's name and
	// team (Person) and an action's status.
	Version = 2
	// MaxFileSize is the largest file read, in bytes (5 MiB). An export
	// of every answer a browser can store is far smaller.
	MaxFileSize = 5 << 20
	// MaxText is the longest text of one field, in UTF-16 code units
	// (see Length): some 40 pages of typing.
	MaxText = 100_000
	// MaxName is the longest review cycle name, question id, level id or
	// framework id, in UTF-16 code units.
	MaxName = 200
	// MaxPerson is the longest name of a person or a team, in UTF-16
	// code units: room for any real name, short enough for a heading.
	MaxPerson = 100
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
	// Person is whose answers they are: the name and team the reader
	// gave. Version 1 files do not say (Name is "").
	Person Person
	// Records are the answers with anything saved (see HasContent),
	// sorted by question id, then review cycle.
	Records []Record
	// FrameworkPos is where the file names its framework, and
	// PersonPos where it names the person (the file's start when it
	// does not).
	FrameworkPos, PersonPos diag.Pos
	// Workbook, for answers read from a filled workbook PDF rather than
	// an export, is what the workbook says of itself (its cover gives
	// Person); nil for an export.
	Workbook *Workbook
}

// Person is who gave a set of answers, as they typed it: a name of one
// line that is not blank, and a team that may be "".
type Person struct {
	Name, Team string
}

// Named reports whether the file says whose answers they are.
func (p Person) Named() bool { return p.Name != "" }

// Key is what two names are compared by, to tell the same person in two
// files: the name with white space trimmed and runs of it made one
// space, lower-cased. "Asha  Patel" and "asha patel" are one person.
func (p Person) Key() string { return strings.ToLower(strings.Join(strings.Fields(p.Name), " ")) }

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
	// Status is the action's: StatusDone once the reader marked it done;
	// StatusOpen or "" (open) otherwise. Version 1 files never say.
	Status  string
	Updated string // when it was last saved, as the file has it (the web version writes ISO 8601)
	// Kept marks a record read from the file's "kept" list: a second
	// answer to the same question in the same cycle, saved on another
	// level (the question moved). A set may hold it beside the record in
	// "answers"; readers show both.
	Kept bool
	// Pos is where the record's review cycle is named in the file, and
	// RatingPos where its rating is (Pos when it has none), so that a
	// check against the site can point at them.
	Pos, RatingPos diag.Pos
}

// An action's status (Record.Status, TeamAction.Status). An action
// whose status is not given is open.
const (
	StatusOpen = "open"
	StatusDone = "done"
)

// Done reports whether the record's action is marked done.
func (r Record) Done() bool { return r.Status == StatusDone }

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
