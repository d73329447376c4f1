package pdf

import (
	"slices"
	"time"

	"workbook/generator/model"
)

// Answers are a reader's or a team's saved answers, as the web version
// exports them (the format is described at the top of the default
// theme's assets/assess.js). The caller reads and checks the file.
type Answers struct {
	Exported time.Time // when they were exported; zero if the file does not say
	Records  []Answer
}

// Answer is what was saved for one question in one review cycle.
type Answer struct {
	Question string // the id it was saved under: the question's own or an earlier one
	Cycle    string
	Level    string // the level it was answered on; "" if the file does not say
	Text     string // the question's text when it was saved
	Answer   string
	Evidence string
	Rating   string // a rating id, or "" for not rated
	Action   string
	Owner    string
	Due      string
}

// hasAction reports whether the answer names an action, owner or date.
func (a Answer) hasAction() bool { return a.Action != "" || a.Owner != "" || a.Due != "" }

// reportData is a level's answers sorted out for the report: under their
// questions, or kept aside when their question is no longer in the
// framework, so that no answer in the file is silently left out.
type reportData struct {
	level *model.Level
	// byQuestion holds each question's answers by cycle; answers saved
	// under the question's own id come before those under an earlier one.
	byQuestion map[*model.Question]map[string][]Answer
	// orphans are answers to question ids no longer in the framework that
	// were given on this level (or on a level that is gone), by id.
	orphans map[string][]Answer
	// cycles are the review cycles these answers are in: the site's
	// order first, then any others the file names, alphabetically.
	cycles []string
}

// questionIndex maps every question id and earlier id to its question.
func questionIndex(fw *model.Framework) map[string]*model.Question {
	ids := map[string]*model.Question{}
	for _, q := range fw.Questions {
		ids[q.ID] = q
		for _, a := range q.Aliases {
			if _, taken := ids[a]; !taken {
				ids[a] = q
			}
		}
	}
	return ids
}

// levelOf returns the level an answer belongs to: its question's, or for
// a question no longer in the framework the level it was given on; nil
// when that level is gone too (such answers go with every level).
func levelOf(fw *model.Framework, ids map[string]*model.Question, a Answer) (l *model.Level, orphan bool) {
	if q := ids[a.Question]; q != nil {
		return q.Level, false
	}
	for _, l := range fw.Levels {
		if l.ID == a.Level {
			return l, true
		}
	}
	return nil, true
}

// AnsweredLevels lists, in framework order, the levels with at least one
// answer in ans.
func AnsweredLevels(site *model.Site, ans *Answers) []*model.Level {
	ids := questionIndex(site.Framework)
	var out []*model.Level
	for _, l := range site.Framework.Levels {
		for _, a := range ans.Records {
			if got, _ := levelOf(site.Framework, ids, a); got == l {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// gather sorts the answers of level l.
func gather(site *model.Site, l *model.Level, ans *Answers) *reportData {
	ids := questionIndex(site.Framework)
	rd := &reportData{level: l, byQuestion: map[*model.Question]map[string][]Answer{}, orphans: map[string][]Answer{}}
	seen := map[string]bool{}
	var others []string
	for _, a := range ans.Records {
		got, orphan := levelOf(site.Framework, ids, a)
		if got != l && !(orphan && got == nil) {
			continue
		}
		if orphan {
			rd.orphans[a.Question] = append(rd.orphans[a.Question], a)
		} else {
			q := ids[a.Question]
			if rd.byQuestion[q] == nil {
				rd.byQuestion[q] = map[string][]Answer{}
			}
			if a.Question == q.ID {
				rd.byQuestion[q][a.Cycle] = append([]Answer{a}, rd.byQuestion[q][a.Cycle]...)
			} else {
				rd.byQuestion[q][a.Cycle] = append(rd.byQuestion[q][a.Cycle], a)
			}
		}
		if !seen[a.Cycle] {
			seen[a.Cycle] = true
			if !slices.Contains(site.Config.Cycles, a.Cycle) {
				others = append(others, a.Cycle)
			}
		}
	}
	for _, c := range site.Config.Cycles {
		if seen[c] {
			rd.cycles = append(rd.cycles, c)
		}
	}
	slices.Sort(others)
	rd.cycles = append(rd.cycles, others...)
	return rd
}

// empty reports whether the level has no answers at all.
func (rd *reportData) empty() bool { return len(rd.byQuestion) == 0 && len(rd.orphans) == 0 }

// rating returns the rating id a question has in a cycle ("" for none),
// from the answer saved under its own id if there is one.
func (rd *reportData) rating(q *model.Question, cycle string) string {
	if as := rd.byQuestion[q][cycle]; len(as) > 0 {
		return as[0].Rating
	}
	return ""
}

// orphanIDs lists the ids of questions no longer in the framework, sorted.
func (rd *reportData) orphanIDs() []string {
	ids := make([]string, 0, len(rd.orphans))
	for id := range rd.orphans {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// byCycle orders a question's answers by the report's cycles.
func (rd *reportData) byCycle(as []Answer) []Answer {
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(a, b Answer) int {
		return slices.Index(rd.cycles, a.Cycle) - slices.Index(rd.cycles, b.Cycle)
	})
	return out
}

// tally counts, for questions qs in a cycle, how many have each rating,
// and how many have none (or one no longer on the scale).
func (rd *reportData) tally(ratings []*model.Rating, qs []*model.Question, cycle string) (counts []int, unrated int) {
	counts = make([]int, len(ratings))
	for _, q := range qs {
		id := rd.rating(q, cycle)
		k := slices.IndexFunc(ratings, func(r *model.Rating) bool { return r.ID == id })
		if k < 0 {
			unrated++
		} else {
			counts[k]++
		}
	}
	return counts, unrated
}
