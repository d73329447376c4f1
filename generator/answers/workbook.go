package answers

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/pdfform"
	"workbook/generator/render/pdf/fieldname"
)

// MaxPDFSize is the largest filled workbook read, in bytes. A workbook
// is a few hundred kilobytes; a PDF reader that embeds fonts when it
// saves may make it a few megabytes.
const MaxPDFSize = 50 << 20

// Workbook says what a set read from a filled workbook PDF (rather than
// a JSON export) came from, as the workbook records it.
type Workbook struct {
	Name  string // the workbook's name (WorkbookName): a level's id, or a [[workbook]]'s name
	Level string // the level it was made for (WorkbookLevel)
	// ContentVersion is the content version it was made from
	// (WorkbookVersion), to compare with the site's.
	ContentVersion string
	// Organisation and Date are the cover's "Completed by" lines, as
	// typed (the cover's name and team are the Set's Name and Team).
	Organisation, Date string
	// Cycle is the review cycle its answers, evidence and action plans
	// were put in: the latest printed cycle with a rating ticked, or
	// the latest printed when none is (see DecodePDF).
	Cycle string
	// Warnings are what was typed but could not be placed: the fields
	// whose names no workbook gives. Their text is quoted in them, so
	// that nothing typed is lost unseen.
	Warnings []diag.Diagnostic
}

// isPDF reports whether a file's first bytes are a PDF's header.
func isPDF(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b[:min(len(b), 1024)], "\x00\t\n\r\f "), []byte("%PDF-"))
}

// DecodePDF reads a workbook PDF filled in on screen, as a PDF reader
// saved it, into a Set, as Decode reads a JSON export. The workbook's
// document information names its framework (WorkbookFramework), content
// version, name and level; its form fields, named as package fieldname
// says, hold the answers:
//
//   - a question's answer and evidence, and its rating in each printed
//     review cycle (a radio group whose value is a rating id);
//   - the action plans' rows (action, owner, by when, question numbers);
//   - the cover's name, team, organisation and date.
//
// A workbook has one answer and one evidence box per question, and a
// rating row per printed cycle; a record is per question and cycle. The
// answers, evidence and action plan rows go in the workbook's cycle:
// the latest printed cycle in which any question is rated (the one the
// team rated this time), or the latest printed when none is; a rating
// in another cycle is a record of its own. An action plan row goes to
// the first question its "question numbers" name (a number as the
// workbook numbers its questions, or a question id), else to the first
// question of its plan; what it names beyond that, and any more rows
// for the same question, are kept in the action's text.
//
// A field whose name no workbook gives, if anything is typed in it, is
// kept as a warning quoting its text (Workbook.Warnings). The file is
// refused, saying why, when it is not a PDF, encrypted or too damaged
// to read, not a workbook of this program, or holds no answers.
func DecodePDF(name string, b []byte) (*Set, error) {
	var p problems
	at := diag.Pos{File: name}
	if len(b) > MaxPDFSize {
		p.add(at, "a filled workbook is far smaller: is it the right file?", "the file is larger than %d MB", MaxPDFSize>>20)
		return nil, p.err()
	}
	form, err := pdfform.Read(b)
	switch {
	case errors.Is(err, pdfform.ErrEncrypted):
		p.add(at, "save a copy without a password or restrictions from the PDF reader, then read that", "the workbook is encrypted, so its answers cannot be read")
		return nil, p.err()
	case err != nil:
		p.add(at, "open it in a PDF reader and save a copy, or ask for the file again", "the PDF cannot be read: %v", err)
		return nil, p.err()
	}
	const choose = "choose a workbook PDF that this program made and someone filled in on screen, or an export of answers (JSON)"
	fw := form.Info["WorkbookFramework"]
	switch {
	case fw == "":
		p.add(at, choose, "not a workbook made by workbook: its document information names no framework (WorkbookFramework)")
	case Length(fw) > MaxName || !model.IsID(fw):
		p.add(at, choose, "not a workbook made by workbook: its framework %s is not an id", short(fw))
	case !form.HasForm:
		p.add(at, choose, "the PDF has no form to fill in: it is a plain workbook ([pdf] fillable = false) or a report, not a workbook filled in on screen")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	s := &Set{File: name, Version: Version, Framework: fw, FrameworkPos: at, Exported: pdfDate(form.Info["ModDate"])}
	wb := &Workbook{Name: form.Info["WorkbookName"], ContentVersion: form.Info["WorkbookVersion"]}
	if lv := form.Info["WorkbookLevel"]; model.IsID(lv) && Length(lv) <= MaxName {
		wb.Level = lv
	}
	s.Workbook = wb
	r := &workbookReader{set: s, wb: wb, at: at, p: &p, answers: map[string]*Record{}, ratings: map[string]map[string]string{}, rated: map[string]bool{}}
	for _, f := range form.Fields {
		r.field(f)
		if p.full() {
			break
		}
	}
	if len(s.Cycles) == 0 {
		p.add(at, "choose a workbook this program made: each of its questions has a rating row", "the workbook has no rating rows, so its answers belong to no review cycle")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	r.records()
	if len(s.Records) == 0 {
		p.add(at, "fill in some answers, save the workbook, then read it again", "the workbook holds no answers")
		return nil, p.err()
	}
	return s, nil
}

// workbookReader places a filled workbook's fields.
type workbookReader struct {
	set *Set
	wb  *Workbook
	at  diag.Pos
	p   *problems
	// questions are the question ids of the answer boxes, in the
	// workbook's order: question n is questions[n-1].
	questions []string
	answers   map[string]*Record           // answer and evidence, by question
	ratings   map[string]map[string]string // rating by question and cycle
	rated     map[string]bool              // cycles with a rating
	plans     []*plan                      // action plans, in order
}

// plan is one action plan: its rows, and the questions before it that
// it follows (from, to: indexes into questions).
type plan struct {
	key      string
	from, to int
	rows     map[int]*planRow
}

type planRow struct{ action, owner, due, questions string }

func (r *workbookReader) field(f pdfform.Field) {
	fl, err := fieldname.Parse(f.Name)
	if err != nil || !r.place(fl, f) {
		if strings.TrimSpace(f.Value) != "" {
			r.wb.Warnings = append(r.wb.Warnings, diag.Diagnostic{Pos: r.at, Severity: diag.Warning,
				Msg:  fmt.Sprintf("the form field %s holds %s, which no question, action plan or cover line of a workbook has: it is left out of the answers", short(f.Name), short(f.Value)),
				Hint: "copy it across by hand if it matters"})
		}
	}
}

// place puts a field's value where it belongs; false if its name is
// not one a workbook gives.
func (r *workbookReader) place(fl fieldname.Field, f pdfform.Field) bool {
	text := func(what string) string {
		if Length(f.Value) > MaxText {
			r.p.add(r.at, "shorten it in the PDF, or copy it elsewhere", "%s is longer than %d characters", what, MaxText)
			return ""
		}
		return f.Value
	}
	switch fl.Box {
	case fieldname.Answer, fieldname.Evidence:
		if !model.IsID(fl.Question) || Length(fl.Question) > MaxName {
			return false
		}
		rec := r.answers[fl.Question]
		if rec == nil {
			rec = &Record{Question: fl.Question}
			r.answers[fl.Question] = rec
			r.questions = append(r.questions, fl.Question)
		}
		v := text(fmt.Sprintf("the %s to %s", fl.Box, fl.Question))
		if fl.Box == fieldname.Answer {
			rec.Answer = v
		} else {
			rec.Evidence = v
		}
		return true
	case fieldname.Rating:
		if !model.IsID(fl.Question) || Length(fl.Question) > MaxName || fl.Cycle == "" || Length(fl.Cycle) > MaxName {
			return false
		}
		if !slices.Contains(r.set.Cycles, fl.Cycle) {
			r.set.Cycles = append(r.set.Cycles, fl.Cycle)
		}
		if r.ratings[fl.Question] == nil {
			r.ratings[fl.Question] = map[string]string{}
		}
		if Length(f.Value) > MaxName {
			return false
		}
		r.ratings[fl.Question][fl.Cycle] = f.Value
		if f.Value != "" {
			r.rated[fl.Cycle] = true
		}
		return true
	case fieldname.Action, fieldname.Owner, fieldname.Due, fieldname.Questions:
		var pl *plan
		if n := len(r.plans); n > 0 && r.plans[n-1].key == fl.Foundation {
			pl = r.plans[n-1]
		} else {
			from := 0
			if n > 0 {
				from = r.plans[n-1].to
			}
			pl = &plan{key: fl.Foundation, from: from, to: len(r.questions), rows: map[int]*planRow{}}
			r.plans = append(r.plans, pl)
		}
		row := pl.rows[fl.Row]
		if row == nil {
			row = &planRow{}
			pl.rows[fl.Row] = row
		}
		v := text(fmt.Sprintf("row %d of an action plan", fl.Row))
		switch fl.Box {
		case fieldname.Action:
			row.action = v
		case fieldname.Owner:
			row.owner = v
		case fieldname.Due:
			row.due = v
		default:
			row.questions = v
		}
		return true
	case fieldname.Cover:
		v := text("the cover's " + fl.Line)
		switch fl.Line {
		case "name":
			r.set.Person.Name = v
		case "team":
			r.set.Person.Team = v
		case "organisation":
			r.wb.Organisation = v
		case "date":
			r.wb.Date = v
		default:
			return false
		}
		return true
	}
	return false
}

// records makes the set's records from what was placed.
func (r *workbookReader) records() {
	s, wb := r.set, r.wb
	for i := len(s.Cycles) - 1; i >= 0 && wb.Cycle == ""; i-- {
		if r.rated[s.Cycles[i]] {
			wb.Cycle = s.Cycles[i]
		}
	}
	if wb.Cycle == "" {
		wb.Cycle = s.Cycles[len(s.Cycles)-1] // DecodePDF made sure there is one
	}
	updated := ""
	if !s.Exported.IsZero() {
		updated = s.Exported.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	byKey := map[[2]string]*Record{}
	get := func(q, cycle string) *Record {
		k := [2]string{q, cycle}
		if byKey[k] == nil {
			byKey[k] = &Record{Question: q, Cycle: cycle, Level: wb.Level, Updated: updated, Pos: r.at, RatingPos: r.at}
		}
		return byKey[k]
	}
	for q, a := range r.answers {
		rec := get(q, wb.Cycle)
		rec.Answer, rec.Evidence = a.Answer, a.Evidence
	}
	for q, byCycle := range r.ratings {
		for c, v := range byCycle {
			if v != "" {
				get(q, c).Rating = v
			}
		}
	}
	for _, pl := range r.plans {
		rows := make([]int, 0, len(pl.rows))
		for n := range pl.rows {
			rows = append(rows, n)
		}
		slices.Sort(rows)
		for _, n := range rows {
			row := pl.rows[n]
			if row.action == "" && row.owner == "" && row.due == "" && row.questions == "" {
				continue
			}
			q, note := r.target(pl, row.questions)
			if q == "" {
				wb.Warnings = append(wb.Warnings, diag.Diagnostic{Pos: r.at, Severity: diag.Warning,
					Msg:  fmt.Sprintf("row %d of an action plan (%s) names no question of the workbook, which has none: it is left out of the answers", n, short(row.action)),
					Hint: "copy it across by hand if it matters"})
				continue
			}
			rec := get(q, wb.Cycle)
			if !rec.HasAction() {
				rec.Action, rec.Owner, rec.Due = row.action+note, row.owner, row.due
				continue
			}
			var more []string
			for _, part := range [][2]string{{"", row.action}, {"owner: ", row.owner}, {"by when: ", row.due}} {
				if part[1] != "" {
					more = append(more, part[0]+part[1])
				}
			}
			rec.Action += "\n\nAlso: " + strings.Join(more, "; ") + note
		}
	}
	for _, rec := range byKey {
		if rec.HasContent() {
			s.Records = append(s.Records, *rec)
		}
	}
	slices.SortFunc(s.Records, func(a, b Record) int {
		return cmp.Or(strings.Compare(a.Question, b.Question), strings.Compare(a.Cycle, b.Cycle))
	})
}

// Parts of an action plan's "question numbers" cell: "3", "3-5", "3 to
// 5", "Q3", "question 3", a question id; separated by commas, spaces,
// "and" and the like.
var (
	questionTo     = regexp.MustCompile(`(?i)(\d)\s*(?:-|–|—|to)\s*(\d)`)
	questionSep    = regexp.MustCompile(`(?i)[\s,;&/+]+|\band\b`)
	questionPrefix = regexp.MustCompile(`(?i)^(?:questions?|qs?|no\.?|#)`)
	questionRange  = regexp.MustCompile(`^(\d{1,6})(?:-|–|—)(\d{1,6})$`)
)

// target finds the question an action plan row belongs to: the first
// question its "question numbers" cell names (by the workbook's
// numbers, or by id), else the plan's first question, else the
// workbook's. note is what to add to the action so that nothing the
// cell says is lost: the cell as typed, when it names more than that
// one question or something that is not one of the workbook's.
func (r *workbookReader) target(pl *plan, cell string) (q, note string) {
	cell = strings.TrimSpace(cell)
	var named []string
	other := false
	byNumber := func(n int) {
		if n >= 1 && n <= len(r.questions) {
			named = append(named, r.questions[n-1])
		} else {
			other = true
		}
	}
	for _, tok := range questionSep.Split(questionTo.ReplaceAllString(cell, "$1-$2"), -1) {
		if tok == "" {
			continue
		}
		if r.answers[strings.ToLower(tok)] != nil {
			named = append(named, strings.ToLower(tok))
			continue
		}
		tok = questionPrefix.ReplaceAllString(tok, "")
		if tok == "" {
			continue
		}
		if m := questionRange.FindStringSubmatch(tok); m != nil {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			for n := a; n <= b && n-a < 1000; n++ {
				byNumber(n)
			}
			continue
		}
		if n, err := strconv.Atoi(tok); err == nil {
			byNumber(n)
			continue
		}
		other = true
	}
	switch {
	case len(named) > 0:
		q = named[0]
	case pl.from < pl.to:
		q = r.questions[pl.from]
	case len(r.questions) > 0:
		q = r.questions[0]
	}
	if cell != "" && (len(named) != 1 || other) {
		note = "\n(Question numbers in the action plan: " + cell + ")"
	}
	return q, note
}

// pdfDate reads a PDF date (7.9.4), D:YYYYMMDDHHmmSS with an optional
// offset (Z, +HH'mm' or -HH'mm'); zero if it is not one.
func pdfDate(s string) time.Time {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}
	}
	zone := strings.ReplaceAll(strings.TrimSuffix(s[14:], "'"), "'", "")
	if len(zone) == 5 && (zone[0] == '+' || zone[0] == '-') {
		h, err1 := strconv.Atoi(zone[1:3])
		m, err2 := strconv.Atoi(zone[3:5])
		if err1 == nil && err2 == nil && h < 24 && m < 60 {
			off := (h*60 + m) * 60
			if zone[0] == '-' {
				off = -off
			}
			t = t.Add(-time.Duration(off) * time.Second)
		}
	}
	return t.UTC()
}
