package load

import (
	"path/filepath"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/markdown"
	"workbook/generator/model"
)

// framework reads content/framework.toml: levels, foundations, areas of
// focus and the rating scale, in file order.
func (ld *loader) framework() *model.Framework {
	abs := filepath.Join(ld.content, "framework.toml")
	rel := ld.rel(abs)
	if !exists(abs) {
		if _, err := filepath.EvalSymlinks(abs); err != nil && isLink(abs) {
			ld.insideContent(abs) // records the broken or looping link
			return nil
		}
		ld.l.Errorf(diag.Pos{File: rel}, "create it with the [[level]], [[foundation]], [[focus]] and [[rating]] tables (see README.md)", "no framework.toml")
		return nil
	}
	doc := ld.readTOML(abs, true)
	if doc == nil {
		return nil
	}
	root := doc.root("framework.toml", ld.l)
	fw := &model.Framework{}
	ids := map[string]diag.Pos{}
	unique := func(t *table, what, id string) {
		if id == "" {
			return
		}
		if !model.IsID(id) {
			idError(ld.l, t.keyPos("id"), what, id)
		}
		if first, dup := ids[what+" "+id]; dup {
			ld.l.Errorf(t.keyPos("id"), "give each one its own id", "%s id %q is used twice (first at %s)", what, id, first)
			return
		}
		ids[what+" "+id] = t.keyPos("id")
	}
	fileID := func(t *table, what, id string) {
		if id != "" && model.IsID(id) {
			fileName(ld.l, t.keyPos("id"), what+" id", id)
		}
	}
	for _, t := range root.tables("level", doc.pos) {
		lv := &model.Level{ID: t.str("id", true), Title: t.str("title", true), Audience: t.str("audience", false), Pos: t.at.Pos}
		lv.AudiencePos = t.keyPos("audience")
		unique(t, "level", lv.ID)
		fileID(t, "level", lv.ID)
		t.unknown()
		fw.Levels = append(fw.Levels, lv)
	}
	for _, t := range root.tables("foundation", doc.pos) {
		n := ld.axis(t)
		unique(t, "foundation", n.id)
		fileID(t, "foundation", n.id)
		fw.Foundations = append(fw.Foundations, &model.Foundation{ID: n.id, Title: n.title, Short: n.short, Description: n.description, Pos: t.at.Pos})
	}
	for _, t := range root.tables("focus", doc.pos) {
		n := ld.axis(t)
		unique(t, "focus", n.id)
		fileID(t, "focus", n.id)
		fw.Focuses = append(fw.Focuses, &model.Focus{ID: n.id, Title: n.title, Short: n.short, Description: n.description, Pos: t.at.Pos})
	}
	subs := 0 // [rating.meaning_for] headers read so far
	for _, t := range root.tables("rating", doc.pos) {
		r := &model.Rating{ID: t.str("id", true), Title: t.str("title", false), Label: t.str("label", true),
			Meaning: t.str("meaning", true), Colour: t.str("colour", false), Pos: t.at.Pos}
		if r.Title == "" {
			r.Title = r.Label
		}
		unique(t, "rating", r.ID)
		r.LevelMeanings = levelMeanings(t, doc.pos, &subs, fw.Levels)
		t.unknown()
		fw.Ratings = append(fw.Ratings, r)
	}
	root.unknown()
	for _, need := range []struct {
		name string
		n    int
	}{{"level", len(fw.Levels)}, {"foundation", len(fw.Foundations)}, {"focus", len(fw.Focuses)}, {"rating", len(fw.Ratings)}} {
		if need.n == 0 {
			ld.l.Errorf(diag.Pos{File: rel, Line: 1, Col: 1}, "add at least one [["+need.name+"]] table with an id and a title", "framework.toml has no [[%s]]", need.name)
		}
	}
	return fw
}

// axisTable is what a [[foundation]] or [[focus]] table holds: the rows
// and columns of every level's grid are described alike.
type axisTable struct {
	id, title, short string
	description      markdown.Doc
}

// axis reads a [[foundation]] or [[focus]] table; short defaults to title.
func (ld *loader) axis(t *table) axisTable {
	a := axisTable{id: t.str("id", true), title: t.str("title", true), short: t.str("short", false)}
	a.description = ld.valueMarkdown(t.str("description", false), t.keyPos("description"), false)
	if a.short == "" {
		a.short = a.title
	}
	t.unknown()
	return a
}

// levelMeanings reads a rating's optional meaning_for table: the
// rating's meaning in the voice of a level whose reader speaks
// differently, keyed by level id.
//
//	[rating.meaning_for]
//	individual = "Little or nothing is in place in my practice yet…"
//
// subs counts the [rating.meaning_for] headers read so far, which places
// this one in the file; the table may also be written inline or with
// dotted keys (meaning_for.individual = "…").
func levelMeanings(t *table, pos posIndex, subs *int, levels []*model.Level) map[string]string {
	const key = "meaning_for"
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.l.Errorf(t.keyPos(key), `write it as a table of level ids: [rating.meaning_for] then individual = "…"`, "%s must be a table, not %s", key, typeName(v))
		return nil
	}
	at := &tablePos{Pos: t.keyPos(key), Keys: map[string]diag.Pos{}}
	if _, inline := t.at.Keys[key]; !inline {
		dotted := false
		for k, p := range t.at.Keys {
			if name, ok := strings.CutPrefix(k, key+"."); ok {
				at.Keys[name] = p
				dotted = true
			}
		}
		if !dotted {
			at = pos.table("rating."+key, *subs, t.file)
			*subs++
		}
	}
	sub := &table{file: t.file, what: "[rating." + key + "]", vals: m, at: at, l: t.l, seen: map[string]bool{}}
	out := map[string]string{}
	var ids []string
	for _, lv := range levels {
		ids = append(ids, lv.ID)
		if _, set := m[lv.ID]; !set {
			continue
		}
		s := sub.str(lv.ID, false)
		if strings.TrimSpace(s) == "" {
			if _, isText := m[lv.ID].(string); isText {
				t.l.Errorf(sub.keyPos(lv.ID), "write the meaning in this level's words, or remove the line", "%s.%s is empty", key, lv.ID)
			}
			continue
		}
		out[lv.ID] = s
	}
	sub.unknown(ids...)
	return out
}
