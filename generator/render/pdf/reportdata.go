package pdf

import (
	"slices"

	"workbook/generator/answers"
	"workbook/generator/model"
)

// reportData is a level's answers sorted out for the report: under their
// questions, or kept aside when their question is no longer in the
// framework, so that no answer in the file is silently left out.
type reportData struct {
	level *model.Level
	// byQuestion holds each question's answers by cycle; answers saved
	// under the question's own id come before those under an earlier one.
	byQuestion map[*model.Question]map[string][]answers.Record
	// orphans are answers to question ids no longer in the framework that
	// were given on this level (or on a level that is gone), by id.
	orphans map[string][]answers.Record
	// cycles are the review cycles these answers are in: the site's
	// order first, then any others the file names, alphabetically.
	cycles []string
}

// gather sorts the answers of level l.
func gather(site *model.Site, l *model.Level, ans *answers.Set) *reportData {
	ix := answers.NewIndex(site.Framework)
	rd := &reportData{level: l, byQuestion: map[*model.Question]map[string][]answers.Record{}, orphans: map[string][]answers.Record{}}
	seen := map[string]bool{}
	var others []string
	for _, a := range ans.Records {
		got, orphan := ix.Level(a)
		if got != l && !(orphan && got == nil) {
			continue
		}
		if orphan {
			rd.orphans[a.Question] = append(rd.orphans[a.Question], a)
		} else {
			q := ix.Question(a.Question)
			if rd.byQuestion[q] == nil {
				rd.byQuestion[q] = map[string][]answers.Record{}
			}
			if a.Question == q.ID {
				rd.byQuestion[q][a.Cycle] = append([]answers.Record{a}, rd.byQuestion[q][a.Cycle]...)
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
func (rd *reportData) byCycle(as []answers.Record) []answers.Record {
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(a, b answers.Record) int {
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
