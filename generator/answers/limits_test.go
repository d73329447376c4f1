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
