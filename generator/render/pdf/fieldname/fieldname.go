// Package fieldname names the form fields of a fillable workbook, and
// reads the names back. It is the one place that knows the scheme, so
// that reading a filled workbook maps each field to what the workbook
// drew it for: a question's answer, evidence or rating in one review
// cycle, a cell of an action plan, or a line of the cover.
//
// Names are readable and stable: they are built from ids that editors
// keep stable (a question's id, a foundation's id) and the review
// cycle's own words, joined by colons, for example
//
//	provider-digital-greener-1:answer
//	provider-digital-greener-1:evidence
//	provider-digital-greener-1:rating:2024/25
//	action-plan:digital:3:owner
//	action-plan:3:owner
//	cover:organisation
//
// (The second action plan name is a row of a workbook's one plan for
// all its questions, which a small workbook has instead of a plan after
// each foundation.)
//
// A period would split a PDF field name into a parent and a child, so a
// name never has one: in a cycle, ".", ":" and "%" are written as %2E,
// %3A and %25 (ids are only a–z, 0–9 and hyphens).
package fieldname

import (
	"fmt"
	"strconv"
	"strings"
)

// Box says what a field is for.
type Box string

// The boxes of a workbook.
const (
	Answer   Box = "answer"   // a question's answer box (one per question)
	Evidence Box = "evidence" // a question's evidence box (one per question)
	Rating   Box = "rating"   // a question's rating in one review cycle: radio buttons, one per rating id
	// Action plan columns: one field each per row of a foundation's plan.
	Action    Box = "action"
	Owner     Box = "owner"
	Due       Box = "due"       // "by when"
	Questions Box = "questions" // the question numbers or ids an action answers
	// Cover is a line of the cover's "Completed by": Line is name, team,
	// organisation or date.
	Cover Box = "cover"
)

// Field is what a field name says.
type Field struct {
	Box Box
	// Question is the question's id (Answer, Evidence, Rating).
	Question string
	// Cycle is the review cycle as config.toml writes it (Rating).
	Cycle string
	// Foundation is the foundation's id and Row the row from 1 (action
	// plan columns). Foundation is "" in a workbook's one plan for all
	// its questions.
	Foundation string
	Row        int
	// Line is the cover line, in lower case: name, team, organisation or
	// date (Cover).
	Line string
}

// Name is the field's name.
func (f Field) Name() string {
	switch f.Box {
	case Answer, Evidence:
		return f.Question + ":" + string(f.Box)
	case Rating:
		return f.Question + ":rating:" + escape(f.Cycle)
	case Action, Owner, Due, Questions:
		if f.Foundation == "" {
			return "action-plan:" + strconv.Itoa(f.Row) + ":" + string(f.Box)
		}
		return "action-plan:" + f.Foundation + ":" + strconv.Itoa(f.Row) + ":" + string(f.Box)
	case Cover:
		return "cover:" + f.Line
	}
	return ""
}

// Parse reads a field name back.
func Parse(name string) (Field, error) {
	parts := strings.Split(name, ":")
	bad := fmt.Errorf("%q is not a workbook field name", name)
	switch {
	case len(parts) == 2 && parts[0] == "cover":
		return Field{Box: Cover, Line: parts[1]}, nil
	case (len(parts) == 4 || len(parts) == 3 && parts[1] != string(Rating)) && parts[0] == "action-plan":
		foundation := ""
		if len(parts) == 4 {
			foundation = parts[1]
			if foundation == "" {
				return Field{}, bad
			}
		}
		row, err := strconv.Atoi(parts[len(parts)-2])
		box := Box(parts[len(parts)-1])
		if err != nil || row < 1 || (box != Action && box != Owner && box != Due && box != Questions) {
			return Field{}, bad
		}
		return Field{Box: box, Foundation: foundation, Row: row}, nil
	case len(parts) == 2 && (Box(parts[1]) == Answer || Box(parts[1]) == Evidence):
		return Field{Box: Box(parts[1]), Question: parts[0]}, nil
	case len(parts) == 3 && parts[1] == string(Rating):
		cycle, err := unescape(parts[2])
		if err != nil {
			return Field{}, bad
		}
		return Field{Box: Rating, Question: parts[0], Cycle: cycle}, nil
	}
	return Field{}, bad
}

// escape writes what a cycle cannot hold in a name as %XX.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '.', ':', '%':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("cut short")
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", err
		}
		b.WriteByte(byte(v))
		i += 2
	}
	return b.String(), nil
}
