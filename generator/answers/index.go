package answers

import "workbook/generator/model"

// Index finds the question a record belongs to: the question whose id
// it was saved under, or whose earlier id (aliases) it was, so that
// answers follow a renamed question.
type Index struct {
	fw  *model.Framework
	ids map[string]*model.Question
}

// NewIndex indexes every question id and earlier id of fw. An earlier
// id that is also a current id, or another question's earlier id, stays
// with the first.
func NewIndex(fw *model.Framework) *Index {
	ids := map[string]*model.Question{}
	for _, q := range fw.Questions {
		ids[q.ID] = q
	}
	for _, q := range fw.Questions {
		for _, a := range q.Aliases {
			if _, taken := ids[a]; !taken {
				ids[a] = q
			}
		}
	}
	return &Index{fw: fw, ids: ids}
}

// Question returns the question id names, now or as an earlier id; nil
// if the framework no longer has it.
func (ix *Index) Question(id string) *model.Question { return ix.ids[id] }

// Level returns the level a record belongs to: its question's, or, for
// a question no longer in the framework (an orphan), the level it was
// answered on; nil when that level is gone too.
func (ix *Index) Level(r Record) (l *model.Level, orphan bool) {
	if q := ix.ids[r.Question]; q != nil {
		return q.Level, false
	}
	for _, l := range ix.fw.Levels {
		if l.ID == r.Level {
			return l, true
		}
	}
	return nil, true
}

// Levels lists, in framework order, the levels with at least one of the
// records.
func (ix *Index) Levels(rs []Record) []*model.Level {
	has := map[*model.Level]bool{}
	for _, r := range rs {
		if l, _ := ix.Level(r); l != nil {
			has[l] = true
		}
	}
	var out []*model.Level
	for _, l := range ix.fw.Levels {
		if has[l] {
			out = append(out, l)
		}
	}
	return out
}
