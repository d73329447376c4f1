package load

import (
	"workbook/generator/diag"
	"workbook/generator/model"
)

// questionSet tracks ids across every level: a question id (and every
// alias) is unique in the whole framework, since saved answers and links
// are keyed by it.
type questionSet struct {
	byID map[string]*model.Question
}

// add files the level's questions under their ids in file order,
// reporting any id (or alias) already taken, and appends the rest to the
// level.
func (qs *questionSet) add(lv *model.Level, read []*model.Question, l *diag.List) {
	for _, q := range read {
		ids := append([]string{q.ID}, q.Aliases...)
		dup := false
		for i, id := range ids {
			if other, taken := qs.byID[id]; taken {
				at := q.KeyPos("id")
				if i > 0 {
					at = q.KeyPos("aliases")
				}
				l.Errorf(at, "give each question its own id; saved answers and links depend on it",
					"question id %q is already used at %s", id, other.Pos)
				dup = true
			}
		}
		if dup {
			continue
		}
		for _, id := range ids {
			qs.byID[id] = q
		}
		lv.Questions = append(lv.Questions, q)
	}
}

// questionFile reads one level's question file.
func (ld *loader) questionFile(abs string, lv *model.Level, fw *model.Framework) []*model.Question {
	rel := ld.rel(abs)
	doc := ld.readTOML(abs, true)
	if doc == nil {
		return nil
	}
	root := doc.root(rel, ld.l)
	tables := root.tables("question", doc.pos)
	root.unknown()
	if len(tables) == 0 {
		ld.l.Warnf(diag.Pos{File: rel, Line: 1, Col: 1}, "add [[question]] tables, or delete the file", "the file has no questions")
	}
	var out []*model.Question
	for _, t := range tables {
		if q := ld.question(t, lv, fw); q != nil {
			out = append(out, q)
		}
	}
	return out
}

// question reads one [[question]] table. It returns nil when the table is
// too broken to place in the grid.
func (ld *loader) question(t *table, lv *model.Level, fw *model.Framework) *model.Question {
	q := &model.Question{Level: lv, Pos: t.at.Pos, Keys: t.at.Keys}
	q.ID = t.str("id", true)
	fID := t.str("foundation", true)
	aID := t.str("focus", true)
	text := t.str("text", true)
	prompts := t.strs("prompts")
	evidence := t.str("evidence", false)
	good := t.str("good", false)
	q.Aliases = t.strs("aliases")
	q.Draft = t.boolean("draft", false)
	q.Allow = t.strs("allow")
	t.unknown()
	if q.ID != "" && !model.IsID(q.ID) {
		idError(ld.l, t.keyPos("id"), "question", q.ID)
		return nil
	}
	for _, a := range q.Aliases {
		if !model.IsID(a) {
			idError(ld.l, t.keyPos("aliases"), "alias", a)
		}
	}
	if fID != "" {
		q.Foundation = one(ld.l, t.keyPos("foundation"), "foundation", fID, fw.Foundations, func(f *model.Foundation) string { return f.ID })
	}
	if aID != "" {
		q.Focus = one(ld.l, t.keyPos("focus"), "area of focus", aID, fw.Focuses, func(a *model.Focus) string { return a.ID })
	}
	if q.ID == "" || q.Foundation == nil || q.Focus == nil || text == "" {
		return nil
	}
	q.Text = ld.valueMarkdown(text, t.keyPos("text"), true)
	for _, p := range prompts {
		q.Prompts = append(q.Prompts, ld.valueMarkdown(p, t.keyPos("prompts"), true))
	}
	q.Evidence = ld.valueMarkdown(evidence, t.keyPos("evidence"), true)
	q.Good = ld.valueMarkdown(good, t.keyPos("good"), true)
	return q
}
