package answers

import (
	"fmt"
	"time"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// version1 reads the members of a version 1 file after its format and
// version: framework, title, exported, cycles and answers. Members it
// does not know are ignored, whatever they hold. A later version that
// adds members reads these first, then its own.
func (d *decoder) version1(top map[string]member, at int) {
	s := d.set
	a := d.about(top, at, hintExport, "answers")
	s.Framework, s.FrameworkPos, s.Title, s.Exported, s.Cycles = a.framework, a.frameworkPos, a.title, a.exported, a.cycles
	m, ok := top["answers"]
	if !ok {
		d.errorf(at, hintExport, `the file has no "answers" object`)
		return
	}
	if d.r.text[m.value] != '{' {
		d.errorf(m.value, d.mend, `answers should be an object of question ids, not %s`, kind(d.r.text, m.value))
		return
	}
	d.answers(m.value)
	if k, ok := top["kept"]; ok {
		d.kept(k.value)
	}
	if len(d.records) == 0 && d.p.n == 0 {
		d.errorf(m.value, "answer a question in the web version, then export again", "the file holds no answers")
	}
}

// about is what both formats say about a file at its top: the site's
// framework and title, when it was exported and the site's cycles.
type about struct {
	framework, title string
	exported         time.Time
	cycles           []string
	frameworkPos     diag.Pos
}

// about reads framework, title, exported and cycles at the top of a
// file; whose names what the file holds ("answers") and hint what to do
// when the framework is missing.
func (d *base) about(top map[string]member, at int, hint, whose string) about {
	var a about
	noFramework := fmt.Sprintf(`the file does not say which framework its %s are to ("framework")`, whose)
	if m, ok := top["framework"]; !ok {
		d.errorf(at, hint, "%s", noFramework)
	} else if v, ok := d.textValue(m.value, "framework", MaxName); ok && v == "" {
		d.errorf(m.value, hint, "%s", noFramework)
	} else {
		a.framework, a.frameworkPos = v, d.lines.Pos(m.value)
	}
	if m, ok := top["title"]; ok {
		a.title, _ = d.textValue(m.value, "title", MaxText)
	}
	if m, ok := top["exported"]; ok {
		if v, ok := d.textValue(m.value, "exported", MaxText); ok {
			a.exported, _ = time.Parse(time.RFC3339, v) // zero if it is not a time
		}
	}
	if m, ok := top["cycles"]; ok {
		a.cycles = d.cycleList(m.value)
	}
	return a
}

// cycleList reads the list of the site's review cycles.
func (d *base) cycleList(off int) []string {
	if d.r.text[off] != '[' {
		d.errorf(off, d.mend, "cycles should be a list of review cycles, not %s", kind(d.r.text, off))
		return nil
	}
	d.r.off = off
	at, _ := d.r.elements()
	var out []string
	for i, el := range at {
		where := fmt.Sprintf("cycles[%d]", i)
		c, ok := d.textValue(el, where, MaxName)
		if ok && c == "" {
			d.errorf(el, "name it as on the site", "%s: a review cycle has no name", where)
		} else if ok {
			out = append(out, c)
		}
	}
	return out
}

// answers reads the answers object at off: question id → review cycle
// → record.
func (d *decoder) answers(off int) {
	d.byQuestion(off, "answers", "answers", d.record)
}

// byQuestion walks an object of question ids whose values are objects
// of review cycles (the answers of an answers file, the agreed ratings
// of a team record), checking the ids and names, and hands each cycle's
// member to read. top is the object's name in messages, and what names
// its records ("answers").
func (d *base) byQuestion(off int, top, what string, read func(qid string, c member)) {
	n := 0
	for _, q := range d.members(off) {
		if d.p.full() {
			return
		}
		d.questionID(q.name, q.nameAt)
		if d.r.text[q.value] != '{' {
			d.errorf(q.value, d.mend, "%s should be an object of review cycles, not %s", path(top, q.name), kind(d.r.text, q.value))
			continue
		}
		for _, c := range d.members(q.value) {
			if n++; n > MaxRecords {
				d.errorf(c.nameAt, "report on part of the "+what+" at a time", "the file holds more than %d %s", MaxRecords, what)
				return
			}
			if d.p.full() {
				return
			}
			d.cycleName(c.name, c.nameAt, path(top, q.name))
			read(q.name, c)
		}
	}
}

// questionID checks a question id the file names at off.
func (d *base) questionID(id string, off int) bool {
	switch {
	case !model.IsID(id):
		d.errorf(off, "question ids are lower-case letters and digits joined by single hyphens", "%s is not a question id", short(id))
	case Length(id) > MaxName:
		d.errorf(off, d.mend, "the question id %s is longer than %d characters", short(id), MaxName)
	default:
		return true
	}
	return false
}

// cycleName checks a review cycle's name the file gives at off, in the
// place where names.
func (d *base) cycleName(name string, off int, where string) bool {
	switch {
	case name == "":
		d.errorf(off, "name it as on the site", "%s: a review cycle has no name", where)
	case Length(name) > MaxName:
		d.errorf(off, "shorten it", "%s: the review cycle %s is longer than %d characters", where, short(name), MaxName)
	default:
		return true
	}
	return false
}

// record reads one question's record in one cycle.
func (d *decoder) record(qid string, c member) {
	where := path("answers", qid, c.name)
	if d.r.text[c.value] != '{' {
		d.errorf(c.value, d.mend, "%s should be an object of text fields, not %s", where, kind(d.r.text, c.value))
		return
	}
	d.recordAt(Record{Question: qid, Cycle: c.name, Pos: d.lines.Pos(c.nameAt)}, c.value, where)
}

// kept reads the list at off of answers the export could not put in
// "answers" (see Record.Kept): each an object with the question's "id"
// and the "cycle" beside the record's own members.
func (d *decoder) kept(off int) {
	if d.r.text[off] != '[' {
		d.errorf(off, d.mend, `"kept" should be a list of answers, not %s`, kind(d.r.text, off))
		return
	}
	d.r.off = off
	at, _ := d.r.elements()
	for i, el := range at {
		if d.p.full() {
			return
		}
		where := fmt.Sprintf("kept[%d]", i)
		if d.r.text[el] != '{' {
			d.errorf(el, d.mend, "%s should be an object of text fields, not %s", where, kind(d.r.text, el))
			continue
		}
		var id, cycle member
		var hasID, hasCycle bool
		for _, f := range d.members(el) {
			switch f.name {
			case "id":
				id, hasID = f, true
			case "cycle":
				cycle, hasCycle = f, true
			}
		}
		if !hasID || !hasCycle {
			missing := map[bool]string{true: "cycle", false: "id"}[hasID]
			d.errorf(el, hintExport, `%s.%s should be text, not nothing: a kept answer names its question ("id") and review cycle ("cycle")`, where, missing)
			continue
		}
		qid, ok1 := d.textValue(id.value, where+".id", MaxName)
		c, ok2 := d.textValue(cycle.value, where+".cycle", MaxName)
		if !ok1 || !ok2 || !d.questionID(qid, id.value) || !d.cycleName(c, cycle.value, where) {
			continue
		}
		if len(d.records) >= MaxRecords {
			d.errorf(el, "report on part of the answers at a time", "the file holds more than %d answers", MaxRecords)
			return
		}
		d.recordAt(Record{Question: qid, Cycle: c, Kept: true, Pos: d.lines.Pos(cycle.value)}, el, where)
	}
}

// recordAt reads the members of the record object at off into r, and
// keeps r when all is well and it holds something of the reader's.
func (d *decoder) recordAt(r Record, off int, where string) {
	r.RatingPos = r.Pos
	ok := true
	for _, f := range d.members(off) {
		if f.name == "status" && d.set.Version >= 2 {
			var good bool
			r.Status, good = d.status(f.value, where+".status")
			ok = ok && good
			continue
		}
		p := r.field(f.name)
		if p == nil {
			continue
		}
		v, good := d.textValue(f.value, where+"."+f.name, MaxText)
		*p, ok = v, ok && good
		if f.name == "rating" {
			r.RatingPos = d.lines.Pos(f.value)
		}
		if f.name == "level" && good && v != "" {
			switch {
			case !model.IsID(v):
				d.errorf(f.value, "level ids are lower-case letters and digits joined by single hyphens", "%s: %s is not a level id", where, short(v))
				ok = false
			case Length(v) > MaxName:
				d.errorf(f.value, "shorten it", "%s: the level id %s is longer than %d characters", where, short(v), MaxName)
				ok = false
			}
		}
	}
	if ok && r.HasContent() {
		d.records = append(d.records, &r)
	}
}
