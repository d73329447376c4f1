package answers

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"workbook/generator/model"
)

// Hints for team records: what to do about a problem, by its cause.
const (
	hintTeam     = "export the team record again from the team page"
	hintTeamMend = "mend the file here, or " + hintTeam
)

// teamKind is the team record format.
var teamKind = kindOf{
	format: TeamFormat, newest: TeamVersion, what: "a team record", name: "the team record format",
	choose: `choose the file the team page's "Export team record" saved`, again: hintTeam,
}

// DecodeTeam turns the bytes of a team record into a Team. Like Decode,
// it checks all a file can be checked for on its own, not against a
// site (see CheckTeam), and on failure returns a *diag.List naming
// file (name), line and column of every problem, up to a screenful.
func DecodeTeam(name string, b []byte) (*Team, error) {
	if err := tooBig(name, b, "a team record"); err != nil {
		return nil, err
	}
	d := &teamDecoder{base: newBase(name, b, hintTeamMend), team: &Team{File: name}}
	top, start, version, ok := d.header(teamKind)
	if ok {
		d.team.Version = version
		d.version1(top, start)
	}
	if err := d.p.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(d.agreed, func(a, b *Agreed) int {
		return cmp.Or(strings.Compare(a.Question, b.Question), strings.Compare(a.Cycle, b.Cycle))
	})
	for _, a := range d.agreed {
		d.team.Agreed = append(d.team.Agreed, *a)
	}
	return d.team, nil
}

// teamDecoder walks one team record.
type teamDecoder struct {
	base
	team   *Team
	agreed []*Agreed // in the order of the file
}

// version1 reads the members of a version 1 team record after its
// format and version.
func (d *teamDecoder) version1(top map[string]member, at int) {
	t := d.team
	a := d.about(top, at, hintTeam, "agreed ratings")
	t.Framework, t.FrameworkPos, t.Title, t.Exported, t.Cycles = a.framework, a.frameworkPos, a.title, a.exported, a.cycles
	if m, ok := top["level"]; !ok {
		d.errorf(at, hintTeam, `the file does not say which level the team worked on ("level")`)
	} else if v, ok := d.textValue(m.value, "level", MaxName); ok {
		if !model.IsID(v) {
			d.errorf(m.value, "level ids are lower-case letters and digits joined by single hyphens", "level: %s is not a level id", short(v))
		}
		t.Level, t.LevelPos = v, d.lines.Pos(m.value)
	}
	if m, ok := top["team"]; ok {
		t.Name, _ = d.oneLine(m.value, "team", false)
	}
	if m, ok := top["hidden"]; ok {
		switch d.r.text[m.value] {
		case 't':
			t.Hidden = true
		case 'f':
		default:
			d.errorf(m.value, d.mend, "hidden should be true or false, not %s", kind(d.r.text, m.value))
		}
	}
	if m, ok := top["participants"]; ok {
		d.participants(m.value)
	}
	if m, ok := top["agreed"]; ok {
		if d.r.text[m.value] != '{' {
			d.errorf(m.value, d.mend, "agreed should be an object of question ids, not %s", kind(d.r.text, m.value))
		} else {
			d.byQuestion(m.value, "agreed", "agreed ratings", d.agreedRecord)
		}
	}
	if m, ok := top["actions"]; ok {
		d.actions(m.value)
	}
}

// participants reads who took part: an object of review cycles whose
// values are lists of names.
func (d *teamDecoder) participants(off int) {
	if d.r.text[off] != '{' {
		d.errorf(off, d.mend, "participants should be an object of review cycles, not %s", kind(d.r.text, off))
		return
	}
	d.team.Participants = map[string][]string{}
	for _, c := range d.members(off) {
		if !d.cycleName(c.name, c.nameAt, "participants") {
			continue
		}
		where := path("participants", c.name)
		if d.r.text[c.value] != '[' {
			d.errorf(c.value, d.mend, "%s should be a list of names, not %s", where, kind(d.r.text, c.value))
			continue
		}
		d.r.off = c.value
		at, _ := d.r.elements()
		if len(at) > MaxParticipants {
			d.errorf(at[MaxParticipants], "split the team", "%s names more than %d people", where, MaxParticipants)
			continue
		}
		names := []string{}
		seen := map[string]int{}
		for i, el := range at {
			w := fmt.Sprintf("%s[%d]", where, i)
			name, ok := d.oneLine(el, w, true)
			if !ok {
				continue
			}
			key := Person{Name: name}.Key()
			if j, twice := seen[key]; twice {
				d.errorf(el, "list each person once", "%s: %s is listed twice (also at [%d])", w, short(name), j)
				continue
			}
			seen[key] = i
			names = append(names, name)
		}
		d.team.Participants[c.name] = names
	}
}

// agreedRecord reads what was agreed about one question in one cycle.
func (d *teamDecoder) agreedRecord(qid string, c member) {
	where := path("agreed", qid, c.name)
	if d.r.text[c.value] != '{' {
		d.errorf(c.value, d.mend, "%s should be an object of text fields, not %s", where, kind(d.r.text, c.value))
		return
	}
	a := Agreed{Question: qid, Cycle: c.name, Pos: d.lines.Pos(c.nameAt)}
	a.RatingPos = a.Pos
	ok := true
	for _, f := range d.members(c.value) {
		var p *string
		switch f.name {
		case "rating":
			p, a.RatingPos = &a.Rating, d.lines.Pos(f.value)
		case "note":
			p = &a.Note
		case "updated":
			p = &a.Updated
		default:
			continue
		}
		v, good := d.textValue(f.value, where+"."+f.name, MaxText)
		*p, ok = v, ok && good
	}
	if ok && (a.Rating != "" || a.Note != "") {
		d.agreed = append(d.agreed, &a)
	}
}

// actions reads the list of agreed actions.
func (d *teamDecoder) actions(off int) {
	if d.r.text[off] != '[' {
		d.errorf(off, d.mend, "actions should be a list of actions, not %s", kind(d.r.text, off))
		return
	}
	d.r.off = off
	at, _ := d.r.elements()
	if len(at) > MaxActions {
		d.errorf(at[MaxActions], "keep done actions of earlier cycles elsewhere", "the file holds more than %d actions", MaxActions)
		return
	}
	for i, el := range at {
		if d.p.full() {
			return
		}
		if a, ok := d.action(el, fmt.Sprintf("actions[%d]", i)); ok && (a.Action != "" || a.Owner != "" || a.Due != "") {
			d.team.Actions = append(d.team.Actions, a)
		}
	}
}

// action reads one agreed action at off; where names it in messages.
func (d *teamDecoder) action(off int, where string) (TeamAction, bool) {
	a := TeamAction{Pos: d.lines.Pos(off)}
	if d.r.text[off] != '{' {
		d.errorf(off, d.mend, "%s should be an object of text fields, not %s", where, kind(d.r.text, off))
		return a, false
	}
	ok := true
	for _, f := range d.members(off) {
		w := where + "." + f.name
		good := true
		switch f.name {
		case "status":
			a.Status, good = d.status(f.value, w)
		case "question":
			a.Question, good = d.textValue(f.value, w, MaxName)
			if good && a.Question != "" {
				good = d.questionID(a.Question, f.value)
			}
		default:
			p := a.field(f.name)
			if p == nil {
				continue
			}
			max := MaxText
			if f.name == "cycle" {
				max = MaxName
			}
			*p, good = d.textValue(f.value, w, max)
		}
		ok = ok && good
	}
	return a, ok
}
