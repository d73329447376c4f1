// Package workshop gathers what a team hands in after a workshop (each
// person's answers file and, optionally, the facilitator's team record)
// into one picture of one level in one review cycle: who took part,
// what each said about each question, what the team agreed, and which
// files were left out and why. The team report draws it; the rules of
// what is left out are here, once, and the team page in the browser
// follows the same ones (see the README, "The team report").
//
// A bad file never stops the others: each is read and checked on its
// own and, if it cannot be used, left out with the reason. Gather fails
// only when the files cannot say which level to report on, or when
// nothing usable remains.
package workshop

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/i18n"
	"workbook/generator/model"
)

// Workshop is a team's files gathered for one level and review cycle.
type Workshop struct {
	Level *model.Level
	// Cycle is the review cycle reported on; Cycles every cycle with
	// anything at this level in the files, the site's order first.
	Cycle  string
	Cycles []string
	// People are the answers files kept, one per person, in the order
	// they were given.
	People []*Person
	// Record is the team record, if one was given and kept.
	Record *answers.Team
	// Hidden says names are hidden: each person is "Person 1", "Person
	// 2"… in the order given, because the facilitator asked for it (the
	// team record's hidden, or Options.Hide).
	Hidden bool
	// LeftOut are the files that could not be used, in the order given.
	LeftOut []LeftOut

	index *answers.Index
}

// Person is one person's answers file.
type Person struct {
	// Name is how the report names them: the name in their file,
	// "Person N" when names are hidden, or the file's name when the file
	// (an answers file of version 1) names nobody.
	Name string
	// Team is the team their file names; "" when hidden or not given.
	Team    string
	File    string // the file, as given
	Answers *answers.Set
}

// LeftOut is a file that could not be used, and why.
type LeftOut struct {
	File   string // as given
	Reason string // one line: what is wrong, without the file's name
	// Hint says what to do about it.
	Hint string
	// Problems are the file's problems with their places, when it was
	// refused for what it holds (nil for a file that does not belong).
	Problems error
}

// Options say what to report on: the level's and review cycle's ids
// ("" for the ones the files point to), and whether to hide names.
type Options struct {
	Level, Cycle string
	Hide         bool
}

// Gather reads files (answers files and team records, mixed) for site.
// See the package comment for what it leaves out.
func Gather(site *model.Site, files []string, opt Options) (*Workshop, error) {
	ws := &Workshop{index: answers.NewIndex(site.Framework)}
	var sets []*answers.Set
	var records []*answers.Team
	var setFiles, recordFiles []string
	for _, name := range files {
		f, err := answers.Read(name)
		if err == nil {
			err = f.Check(site)
		}
		if err != nil {
			ws.leaveOut(name, err)
			continue
		}
		if f.Team != nil {
			records, recordFiles = append(records, f.Team), append(recordFiles, name)
		} else {
			sets, setFiles = append(sets, f.Answers), append(setFiles, name)
		}
	}
	level, err := ws.chooseLevel(site, opt.Level, sets, records)
	if err != nil {
		return nil, err
	}
	ws.Level = level
	for i, r := range records {
		switch {
		case r.Level != level.ID:
			ws.LeftOut = append(ws.LeftOut, LeftOut{File: recordFiles[i], Reason: fmt.Sprintf("a team record for the %s level, not the %s level", levelTitle(site, r.Level), level.Title),
				Hint: "give the files of one level, or choose the level with --level"})
		case ws.Record != nil:
			ws.LeftOut = append(ws.LeftOut, LeftOut{File: recordFiles[i], Reason: "a second team record (" + base(ws.Record.File) + " is used)",
				Hint: "give one team record at a time"})
		default:
			ws.Record = r
		}
	}
	ws.Hidden = opt.Hide || ws.Record != nil && ws.Record.Hidden
	ws.keepPeople(site, sets, setFiles)
	if len(ws.People) == 0 && ws.Record == nil {
		return nil, ws.nothingLeft()
	}
	ws.Cycles = ws.cycles(site)
	if ws.Cycle, err = ws.chooseCycle(opt.Cycle); err != nil {
		return nil, err
	}
	ws.name(site.Strings)
	ws.sortLeftOut(files)
	return ws, nil
}

// leaveOut leaves a file out for its problems, giving the first as the
// reason.
func (ws *Workshop) leaveOut(name string, err error) {
	reason, hint := err.Error(), ""
	var l *diag.List
	if errors.As(err, &l) {
		if ps := l.Sorted(); len(ps) > 0 {
			reason, hint = ps[0].Msg, ps[0].Hint
			if n := len(ps); n > 1 {
				reason += fmt.Sprintf(" (and %d more problems)", n-1)
			}
		}
	}
	ws.LeftOut = append(ws.LeftOut, LeftOut{File: name, Reason: reason, Hint: hint, Problems: err})
}

// chooseLevel picks the level to report on: the one asked for, else the
// team record's, else the one most answers files have answers at.
func (ws *Workshop) chooseLevel(site *model.Site, id string, sets []*answers.Set, records []*answers.Team) (*model.Level, error) {
	var ids []string
	for _, l := range site.Framework.Levels {
		ids = append(ids, l.ID)
		if l.ID == id {
			return l, nil
		}
	}
	if id != "" {
		return nil, fmt.Errorf("no level %q: the levels are %s", id, strings.Join(ids, ", "))
	}
	if len(records) > 0 {
		for _, l := range site.Framework.Levels {
			if l.ID == records[0].Level {
				return l, nil
			}
		}
	}
	count := map[*model.Level]int{}
	for _, s := range sets {
		for _, l := range ws.index.Levels(s.Records) {
			count[l]++
		}
	}
	var best []*model.Level
	for _, l := range site.Framework.Levels {
		switch {
		case count[l] == 0:
		case len(best) == 0 || count[l] > count[best[0]]:
			best = []*model.Level{l}
		case count[l] == count[best[0]]:
			best = append(best, l)
		}
	}
	switch len(best) {
	case 1:
		return best[0], nil
	case 0:
		if len(sets) == 0 {
			return nil, ws.nothingLeft()
		}
		return nil, fmt.Errorf("the files hold no answers to this site's levels (%s)", strings.Join(ids, ", "))
	}
	var names []string
	for _, l := range best {
		names = append(names, l.ID)
	}
	return nil, fmt.Errorf("as many files answer the %s levels: choose one with --level", strings.Join(names, " and "))
}

// keepPeople keeps the answers files with answers at the level, each
// person once.
func (ws *Workshop) keepPeople(site *model.Site, sets []*answers.Set, files []string) {
	for i, s := range sets {
		if !ws.hasLevel(s) {
			var at []string
			for _, l := range ws.index.Levels(s.Records) {
				at = append(at, l.Title)
			}
			reason := "holds no answers at the " + ws.Level.Title + " level"
			if len(at) > 0 {
				reason += " (its answers are at the " + joinAnd(at) + " level)"
			}
			ws.LeftOut = append(ws.LeftOut, LeftOut{File: files[i], Reason: reason, Hint: "give the files of one level, or choose the level with --level"})
			continue
		}
		if twin := ws.twin(s); twin != nil {
			what := "the same answers as " + base(twin.File)
			if s.Person.Named() && s.Person.Key() == twin.Answers.Person.Key() {
				what = "the same person (" + strings.Join(strings.Fields(s.Person.Name), " ") + ") as " + base(twin.File)
			}
			ws.LeftOut = append(ws.LeftOut, LeftOut{File: files[i], Reason: what, Hint: "give one file for each person"})
			continue
		}
		ws.People = append(ws.People, &Person{File: files[i], Answers: s})
	}
}

// hasLevel reports whether a set has any answer at the workshop's level
// (to its questions now, or to removed ones given at it).
func (ws *Workshop) hasLevel(s *answers.Set) bool {
	for _, r := range s.Records {
		if l, _ := ws.index.Level(r); l == ws.Level {
			return true
		}
	}
	return false
}

// twin returns the person kept already whose file is s's person's, or
// holds the very same answers (two copies of one file that names
// nobody).
func (ws *Workshop) twin(s *answers.Set) *Person {
	for _, p := range ws.People {
		o := p.Answers
		if s.Person.Named() && o.Person.Named() && s.Person.Key() == o.Person.Key() {
			return p
		}
		if s.Person == o.Person && s.Exported.Equal(o.Exported) && sameRecords(s.Records, o.Records) {
			return p
		}
	}
	return nil
}

// sameRecords compares records, leaving out where they are in their files.
func sameRecords(a, b []answers.Record) bool {
	return slices.EqualFunc(a, b, func(x, y answers.Record) bool {
		x.Pos, x.RatingPos, y.Pos, y.RatingPos = diag.Pos{}, diag.Pos{}, diag.Pos{}, diag.Pos{}
		return x == y
	})
}

// nothingLeft is the error when no file can be used: a *diag.List of
// every file's problems, with their places.
func (ws *Workshop) nothingLeft() error {
	return ws.Problems()
}

// Problems lists why each file was left out, as a *diag.List: every
// problem of a file refused for what it holds, with its place, and one
// line naming a file that does not belong. It is nil when no file was
// left out.
func (ws *Workshop) Problems() error {
	var l diag.List
	for _, f := range ws.LeftOut {
		var ps *diag.List
		if errors.As(f.Problems, &ps) {
			l.Add(ps.Sorted()...)
			continue
		}
		l.Errorf(diag.Pos{File: f.File}, f.Hint, "%s", f.Reason)
	}
	if len(l.Sorted()) == 0 {
		return nil
	}
	return &l
}

// cycles lists the review cycles with anything at the level: the site's
// order first, then any others the files name, alphabetically.
func (ws *Workshop) cycles(site *model.Site) []string {
	seen := map[string]bool{}
	for _, p := range ws.People {
		for _, r := range p.Answers.Records {
			if l, _ := ws.index.Level(r); l == ws.Level {
				seen[r.Cycle] = true
			}
		}
	}
	if ws.Record != nil {
		for _, a := range ws.Record.Agreed {
			seen[a.Cycle] = true
		}
		for _, a := range ws.Record.Actions {
			if a.Cycle != "" {
				seen[a.Cycle] = true
			}
		}
		for c := range ws.Record.Participants {
			seen[c] = true
		}
	}
	var out, others []string
	for _, c := range site.Config.Cycles {
		if seen[c] {
			out = append(out, c)
			delete(seen, c)
		}
	}
	for c := range seen {
		others = append(others, c)
	}
	slices.Sort(others)
	return append(out, others...)
}

// chooseCycle picks the review cycle: the one asked for, else the
// latest with anything at the level.
func (ws *Workshop) chooseCycle(c string) (string, error) {
	if c != "" {
		if !slices.Contains(ws.Cycles, c) {
			return "", fmt.Errorf("nothing in the files is for the review cycle %q: they hold %s", c, quoteAll(ws.Cycles))
		}
		return c, nil
	}
	if len(ws.Cycles) == 0 {
		return "", errors.New("the files hold nothing for any review cycle")
	}
	return ws.Cycles[len(ws.Cycles)-1], nil
}

// name gives each person the name the report shows. A file that names
// nobody is named by its file name, or by its path as given when
// another such file has the same file name. Hidden names are the team
// page's, in the site's language ("Person 1": script.team.person_n).
func (ws *Workshop) name(words *i18n.Catalog) {
	bases := map[string]int{}
	for _, p := range ws.People {
		if !p.Answers.Person.Named() {
			bases[base(p.File)]++
		}
	}
	for i, p := range ws.People {
		switch s := p.Answers; {
		case ws.Hidden:
			p.Name = words.T("script.team.person_n", "n", i+1)
		case s.Person.Named():
			p.Name, p.Team = strings.Join(strings.Fields(s.Person.Name), " "), strings.TrimSpace(s.Person.Team)
		case bases[base(p.File)] > 1:
			p.Name = p.File
		default:
			p.Name = base(p.File)
		}
	}
}

// sortLeftOut puts the files left out in the order they were given.
func (ws *Workshop) sortLeftOut(files []string) {
	slices.SortStableFunc(ws.LeftOut, func(a, b LeftOut) int {
		return cmp.Compare(slices.Index(files, a.File), slices.Index(files, b.File))
	})
}

// base is a file's name without its folder, as the report prints it.
func base(file string) string { return filepath.Base(file) }

// levelTitle is the title of the level id, or the id when the site has
// no such level.
func levelTitle(site *model.Site, id string) string {
	for _, l := range site.Framework.Levels {
		if l.ID == id {
			return l.Title
		}
	}
	return id
}

// joinAnd joins items as English: "a, b and c".
func joinAnd(items []string) string {
	if n := len(items); n > 1 {
		return strings.Join(items[:n-1], ", ") + " and " + items[n-1]
	}
	return strings.Join(items, "")
}

// quoteAll quotes names for a message.
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return joinAnd(q)
}
