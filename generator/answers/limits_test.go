package answers_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"workbook/generator/answers"
	"workbook/generator/diag"
)

// file makes an answers file around the members of "answers".
func file(answersMembers string) string {
	return `{"format": "workbook-answers", "version": 1, "framework": "kitchen-garden-framework", "answers": {` + answersMembers + `}}`
}

// problems decodes text and returns its problems, sorted.
func problems(t *testing.T, text string) []diag.Diagnostic {
	t.Helper()
	_, err := answers.Decode("a.json", []byte(text))
	var l *diag.List
	if err != nil && !errors.As(err, &l) {
		t.Fatalf("error %v is not a list of problems", err)
	}
	if l == nil {
		return nil
	}
	return l.Sorted()
}

func TestAFileUpToTheSizeLimitIsReadAndOneByteMoreIsNot(t *testing.T) {
	body := file(`"ward-soil-beans-1": {"Spring": {"answer": "Yes."}}`)
	exact := body + strings.Repeat(" ", answers.MaxFileSize-len(body))
	if ps := problems(t, exact); len(ps) != 0 {
		t.Errorf("a file of exactly %d bytes was refused: %v", answers.MaxFileSize, ps)
	}
	ps := problems(t, exact+" ")
	if len(ps) != 1 || ps[0].Msg != "the file is larger than 5 MB" || ps[0].Pos.String() != "a.json" {
		t.Errorf("a file one byte too big: %v", ps)
	}
}

func TestAFileOfMaxRecordsIsReadAndOneMoreIsNot(t *testing.T) {
	var b strings.Builder
	for i := range answers.MaxRecords {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"q%d":{"c":{"rating":"red"}}`, i)
	}
	set, err := answers.Decode("a.json", []byte(file(b.String())))
	if err != nil || len(set.Records) != answers.MaxRecords {
		t.Fatalf("a file of %d answers: error %v", answers.MaxRecords, err)
	}
	ps := problems(t, file(b.String()+`,"q-last":{"c":{"rating":"red"}}`))
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "more than 100000 answers") {
		t.Errorf("one answer too many: %v", ps)
	}
}

func TestEveryProblemIsReportedInFileOrderUpToAScreenful(t *testing.T) {
	ps := problems(t, file(`
"ward-soil-beans-1": {"Spring": {"answer": 1}},
"Bad Id": {"Spring": {"answer": "x"}},
"ward-water-roots-1": {"": {"answer": "x", "level": "No"}}`))
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%d:%d %s", p.Pos.Line, p.Pos.Col, p.Msg))
	}
	want := []string{
		"2:44 answers.ward-soil-beans-1.Spring.answer should be text, not a number",
		`3:1 "Bad Id" is not a question id`,
		`4:24 answers.ward-water-roots-1: a review cycle has no name`,
		`4:53 answers.ward-water-roots-1[""]: "No" is not a level id`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var many []string
	for i := range 30 {
		many = append(many, fmt.Sprintf(`"Bad%d": {"c": {"answer": "x"}}`, i))
	}
	ps = problems(t, file(strings.Join(many, ",\n")))
	if len(ps) != 21 || !strings.Contains(ps[20].Msg, "more problems from here on are not listed") || ps[20].Pos.Line != 21 {
		t.Errorf("30 problems gave %d diagnostics, the last %v; want 20 and a note where the unlisted ones start", len(ps), ps[len(ps)-1])
	}
}

func TestTextFromTheFileCannotForgeALineOfOutput(t *testing.T) {
	ps := problems(t, file(`"ward-soil-beans-1": {"Spring": {"rating": "red", "level": "x\nother.json:1:1: fine\u001b[2J"}}`))
	if len(ps) != 1 {
		t.Fatalf("problems: %v", ps)
	}
	if s := ps[0].String(); strings.ContainsAny(s, "\n\x1b") {
		t.Errorf("a problem prints a line break or escape from the file: %q", s)
	}
}

// teamFile makes a team record around extra top-level members.
func teamFile(members string) string {
	return `{"format": "workbook-team", "version": 1, "framework": "kitchen-garden-framework", "level": "ward", ` + members + `}`
}

func TestATeamRecordUpToEachLimitIsReadAndOneMoreIsNot(t *testing.T) {
	list := func(n int, item func(i int) string) string {
		items := make([]string, n)
		for i := range items {
			items[i] = item(i)
		}
		return strings.Join(items, ",")
	}
	person := func(i int) string { return fmt.Sprintf(`"Person %d"`, i+1) }
	action := func(i int) string { return fmt.Sprintf(`{"action": "Action %d"}`, i+1) }
	for _, tc := range []struct {
		what, members, more, want string
	}{
		{"people in a cycle", `"participants": {"Spring": [` + list(answers.MaxParticipants, person) + `]}`,
			`"participants": {"Spring": [` + list(answers.MaxParticipants+1, person) + `]}`, "names more than 1000 people"},
		{"actions", `"actions": [` + list(answers.MaxActions, action) + `]`,
			`"actions": [` + list(answers.MaxActions+1, action) + `]`, "more than 10000 actions"},
		{"agreed ratings", `"agreed": {` + list(answers.MaxRecords, func(i int) string { return fmt.Sprintf(`"q%d": {"c": {"rating": "red"}}`, i) }) + `}`,
			`"agreed": {` + list(answers.MaxRecords+1, func(i int) string { return fmt.Sprintf(`"q%d": {"c": {"rating": "red"}}`, i) }) + `}`, "more than 100000 agreed ratings"},
	} {
		if _, err := answers.DecodeTeam("t.json", []byte(teamFile(tc.members))); err != nil {
			t.Errorf("%s at the limit: %v", tc.what, err)
		}
		_, err := answers.DecodeTeam("t.json", []byte(teamFile(tc.more)))
		var l *diag.List
		if !errors.As(err, &l) || len(l.Sorted()) != 1 || !strings.Contains(l.Sorted()[0].Msg, tc.want) {
			t.Errorf("%s, one over the limit: %v; want %q", tc.what, err, tc.want)
		}
	}
	big := teamFile(`"team": "x"`)
	big += strings.Repeat(" ", answers.MaxFileSize+1-len(big))
	if _, err := answers.DecodeTeam("t.json", []byte(big)); err == nil || !strings.Contains(err.Error(), "larger than 5 MB") || !strings.Contains(err.Error(), "a team record is far smaller") {
		t.Errorf("a team record one byte too big: %v", err)
	}
}
