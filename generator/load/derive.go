package load

import (
	"fmt"
	"slices"
	"sort"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// derive computes what renderers need from what was read: each level's
// question order and grid, time estimates, and the workbooks to write.
// Renderers then only read.
func derive(site *model.Site, specs []workbookSpec, l *diag.List) {
	fw := site.Framework
	fIndex := map[*model.Foundation]int{}
	for i, f := range fw.Foundations {
		fIndex[f] = i
	}
	aIndex := map[*model.Focus]int{}
	for i, a := range fw.Focuses {
		aIndex[a] = i
	}
	fw.Questions = nil
	for _, lv := range fw.Levels {
		// Stable: questions of one cell keep their file order.
		sort.SliceStable(lv.Questions, func(i, j int) bool {
			a, b := lv.Questions[i], lv.Questions[j]
			if fa, fb := fIndex[a.Foundation], fIndex[b.Foundation]; fa != fb {
				return fa < fb
			}
			return aIndex[a.Focus] < aIndex[b.Focus]
		})
		lv.Grid = make([][][]*model.Question, len(fw.Foundations))
		for f := range lv.Grid {
			lv.Grid[f] = make([][]*model.Question, len(fw.Focuses))
		}
		for i, q := range lv.Questions {
			q.Number = i + 1
			f, a := fIndex[q.Foundation], aIndex[q.Focus]
			lv.Grid[f][a] = append(lv.Grid[f][a], q)
		}
		lv.Minutes = model.EstimateMinutes(lv.Questions)
		lv.SessionQuestions = model.SessionQuestions(lv.Questions)
		fw.Questions = append(fw.Questions, lv.Questions...)
		site.Workbooks = append(site.Workbooks, newWorkbook(lv.ID, lv.Title, lv, fw.Foundations, fw.Focuses))
	}
	names := map[string]diag.Pos{}
	for _, lv := range fw.Levels {
		names[lv.ID] = lv.Pos
	}
	for _, s := range specs {
		if wb := resolveWorkbook(s, fw, names, l); wb != nil {
			site.Workbooks = append(site.Workbooks, wb)
		}
	}
}

// newWorkbook gathers a level's questions in the chosen foundations and
// areas of focus into sections, one per non-empty cell.
func newWorkbook(name, title string, lv *model.Level, fs []*model.Foundation, as []*model.Focus) *model.Workbook {
	wb := &model.Workbook{Name: name, Title: title, Level: lv, Foundations: fs, Focuses: as}
	inF := map[*model.Foundation]bool{}
	for _, f := range fs {
		inF[f] = true
	}
	inA := map[*model.Focus]bool{}
	for _, a := range as {
		inA[a] = true
	}
	var cur *model.Section
	for _, q := range lv.Questions {
		if !inF[q.Foundation] || !inA[q.Focus] {
			continue
		}
		if cur == nil || cur.Foundation != q.Foundation || cur.Focus != q.Focus {
			cur = &model.Section{Foundation: q.Foundation, Focus: q.Focus}
			wb.Sections = append(wb.Sections, cur)
		}
		cur.Questions = append(cur.Questions, q)
		wb.Questions = append(wb.Questions, q)
	}
	wb.Minutes = model.EstimateMinutes(wb.Questions)
	wb.SessionQuestions = model.SessionQuestions(wb.Questions)
	return wb
}

// Subset makes a workbook of part of a level, as `workbook pdf` and the
// [[workbook]] tables ask. Empty foundation or focus lists mean all. It
// returns an error naming any id that does not exist.
func Subset(site *model.Site, name, title, level string, foundations, focus []string) (*model.Workbook, error) {
	l := &diag.List{}
	wb := resolveWorkbook(workbookSpec{Name: name, Title: title, Level: level, Foundations: foundations, Focus: focus,
		Pos: diag.Pos{File: "command line"}}, site.Framework, nil, l)
	if l.HasErrors() {
		return nil, l
	}
	return wb, nil
}

// resolveWorkbook turns a [[workbook]] spec into a workbook, recording
// unknown ids. names holds the PDF names already taken.
func resolveWorkbook(s workbookSpec, fw *model.Framework, names map[string]diag.Pos, l *diag.List) *model.Workbook {
	pos := func(key string) diag.Pos {
		if s.keys != nil {
			return s.keys.keyPos(key)
		}
		return s.Pos
	}
	if s.Name != "" && names != nil {
		if p, taken := names[s.Name]; taken {
			l.Errorf(pos("name"), "choose another name", "workbook name %q is already used (at %s)", s.Name, p)
			return nil
		}
		names[s.Name] = pos("name")
	}
	var lv *model.Level
	var levelIDs []string
	for _, x := range fw.Levels {
		levelIDs = append(levelIDs, x.ID)
		if x.ID == s.Level {
			lv = x
		}
	}
	if lv == nil {
		if s.Level != "" {
			refError(l, pos("level"), "level", s.Level, levelIDs)
		}
		return nil
	}
	fs := pick(l, pos("foundations"), "foundation", s.Foundations, fw.Foundations, func(f *model.Foundation) string { return f.ID })
	as := pick(l, pos("focus"), "area of focus", s.Focus, fw.Focuses, func(a *model.Focus) string { return a.ID })
	title := s.Title
	if title == "" {
		title = lv.Title
	}
	wb := newWorkbook(s.Name, title, lv, fs, as)
	if len(wb.Questions) == 0 && !l.HasErrors() {
		l.Errorf(s.Pos, "choose foundations and areas of focus that have questions at this level", "workbook %q would have no questions", s.Name)
		return nil
	}
	return wb
}

func refError(l *diag.List, pos diag.Pos, what, id string, known []string) {
	hint := fmt.Sprintf("use one of: %v", known)
	if near := diag.Nearest(id, known); near != "" {
		hint = fmt.Sprintf("did you mean %s?", near)
	}
	l.Errorf(pos, hint, "there is no %s with id %q", what, id)
}

// pick returns the items of all whose ids are listed, in the order of
// all (the framework's); no ids means all of them. An id that names none
// is an error at pos, with a suggestion.
func pick[T any](l *diag.List, pos diag.Pos, what string, ids []string, all []T, id func(T) string) []T {
	if len(ids) == 0 {
		return all
	}
	known := make([]string, len(all))
	for i, x := range all {
		known[i] = id(x)
	}
	var out []T
	for i, x := range all {
		if slices.Contains(ids, known[i]) {
			out = append(out, x)
		}
	}
	for _, want := range ids {
		if !slices.Contains(known, want) {
			refError(l, pos, what, want, known)
		}
	}
	return out
}

// one returns the item of all with the given id, or, when there is none,
// records an error at pos with a suggestion and returns the zero value.
func one[T any](l *diag.List, pos diag.Pos, what, want string, all []T, id func(T) string) T {
	var zero T
	if found := pick(l, pos, what, []string{want}, all, id); len(found) == 1 {
		return found[0]
	}
	return zero
}
