package fieldname

import (
	"strings"
	"testing"
)

func TestNamesReadBackAndHaveNoPeriods(t *testing.T) {
	for _, f := range []Field{
		{Box: Answer, Question: "provider-digital-greener-1"},
		{Box: Evidence, Question: "q-1"},
		{Box: Rating, Question: "q-1", Cycle: "2024/25"},
		{Box: Rating, Question: "q-1", Cycle: "Year 1.5: spring 100%"},
		{Box: Action, Foundation: "digital", Row: 3},
		{Box: Owner, Foundation: "digital", Row: 12},
		{Box: Due, Foundation: "leadership", Row: 1},
		{Box: Questions, Foundation: "leadership", Row: 8},
		{Box: Action, Row: 2},    // a workbook's one plan for all its questions
		{Box: Questions, Row: 8}, // ditto
		{Box: Answer, Question: "action-plan"},
		{Box: Rating, Question: "action-plan", Cycle: "3"},
		{Box: Cover, Line: "organisation"},
	} {
		name := f.Name()
		if strings.Contains(name, ".") {
			t.Errorf("%+v: name %q has a period, which would make it two names", f, name)
		}
		got, err := Parse(name)
		if err != nil || got != f {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", name, got, err, f)
		}
	}
	if n := (Field{Box: Rating, Question: "q-1", Cycle: "2024/25"}).Name(); n != "q-1:rating:2024/25" {
		t.Errorf("a rating's name reads %q", n)
	}
	if n := (Field{Box: Owner, Row: 3}).Name(); n != "action-plan:3:owner" {
		t.Errorf("a row of a workbook's one plan reads %q", n)
	}
	for _, bad := range []string{"", "q-1", "q-1:colour", "action-plan:d:0:action", "action-plan:d:x:owner", "q-1:rating:%zz", "a:b:c:d:e", "action-plan::3:owner", "action-plan:3:rating"} {
		if f, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted: %+v", bad, f)
		}
	}
}
