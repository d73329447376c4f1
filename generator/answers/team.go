package answers

import (
	"strings"
	"time"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// The team record format's name, version and limits of its own. Its
// texts, names and ids share the answers format's limits (MaxText,
// MaxName, MaxPerson) and MaxFileSize.
const (
	// TeamFormat is the value of "format" in every team record.
	TeamFormat = "workbook-team"
	// TeamVersion is the newest version of the team record format.
	TeamVersion = 1
	// MaxParticipants is the most people one review cycle of a team
	// record names: far more than one workshop holds.
	MaxParticipants = 1000
	// MaxActions is the most actions one team record holds.
	MaxActions = 10_000
)

// Team is a team record: what a team agreed at its workshops on one
// level, as the facilitator's page (the site's team page) saves and
// exports it.
type Team struct {
	File      string    // where it was read from, as given; used in positions
	Version   int       // the format version of the file
	Framework string    // the id (config.toml's id) of the site it was made on
	Title     string    // that site's title; "" if not given
	Level     string    // the id of the level the team worked on
	Name      string    // the team's name; "" if not given
	Exported  time.Time // when it was exported; zero if the file does not say
	Cycles    []string  // that site's review cycles, oldest first; may be empty
	// Participants are the names of who took part, by review cycle, as
	// the facilitator's page listed them: "Person 1", "Person 2"… when
	// Hidden.
	Participants map[string][]string
	// Hidden says the names are hidden: whoever reads the record shows
	// no names, not even those in answers files read with it.
	Hidden bool
	// Agreed are the agreed ratings and notes, sorted by question id,
	// then review cycle.
	Agreed []Agreed
	// Actions are the agreed actions, in the order of the file.
	Actions []TeamAction
	// FrameworkPos and LevelPos are where the file names its framework
	// and level.
	FrameworkPos, LevelPos diag.Pos
}

// Agreed is what a team agreed about one question in one review cycle.
type Agreed struct {
	Question string // the id it was saved under: the question's own or an earlier one
	Cycle    string
	Rating   string // a rating id of the framework, or "" for none agreed
	Note     string // why, in the team's words
	Updated  string // when it was last saved, as the file has it
	// Pos is where its review cycle is named, RatingPos where its rating
	// is (Pos when it has none).
	Pos, RatingPos diag.Pos
}

// TeamAction is an action a team agreed.
type TeamAction struct {
	Action, Owner, Due string // what, who and by when, as typed
	// Status is StatusDone once it is done; StatusOpen or "" (open)
	// otherwise.
	Status   string
	Question string // the id of the question it belongs to; "" for none
	Cycle    string // the review cycle it was agreed in; "" if not given
	Updated  string // when it was last saved, as the file has it
	Pos      diag.Pos
}

// Done reports whether the action is marked done.
func (a TeamAction) Done() bool { return a.Status == StatusDone }

// field returns the action's field named name in the file, or nil for
// a name the format does not know (which is ignored). Status and
// question are read apart, for their own rules.
func (a *TeamAction) field(name string) *string {
	switch name {
	case "action":
		return &a.Action
	case "owner":
		return &a.Owner
	case "due":
		return &a.Due
	case "cycle":
		return &a.Cycle
	case "updated":
		return &a.Updated
	}
	return nil
}

// CheckTeam checks a decoded team record against the site it is to be
// read with: made on the same framework, for one of its levels, every
// agreed rating on its scale. Like DecodeTeam, it returns a *diag.List,
// or nil.
func CheckTeam(t *Team, site *model.Site) error {
	var p problems
	if t.Framework != site.Config.ID {
		p.add(t.FrameworkPos, "run with the --config of the site the team record came from",
			"the team record is for another framework (%s), not this site's (%s)", short(t.Framework), short(site.Config.ID))
		return p.err()
	}
	var ids []string
	found := false
	for _, l := range site.Framework.Levels {
		ids = append(ids, l.ID)
		found = found || l.ID == t.Level
	}
	if !found {
		p.add(t.LevelPos, "check the site's levels: the team record may be from another version of it",
			"the team record is for a level this site does not have (%s); its levels are %s", short(t.Level), strings.Join(ids, ", "))
	}
	sc := scaleOf(site)
	for _, a := range t.Agreed {
		if sc.refuse(&p, a.Rating, a.RatingPos, path("agreed", a.Question, a.Cycle), "none agreed") {
			break
		}
	}
	return p.err()
}
