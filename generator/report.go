package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/pdf"
)

// maxAnswersFile is the largest answers file a report reads: an export
// from a browser's storage is far smaller.
const maxAnswersFile = 20 << 20

// answersFile is the JSON the web version exports (see the top of the
// default theme's assets/assess.js).
type answersFile struct {
	Format    string         `json:"format"`
	Version   *int           `json:"version"`
	Framework string         `json:"framework"`
	Exported  string         `json:"exported"`
	Answers   map[string]any `json:"answers"`
}

// ReadAnswers reads an answers export and checks it against the site:
// the same framework, question ids that are ids, ratings on the scale.
// Its errors name the file and, for broken JSON, the line and column.
func ReadAnswers(file string, site *model.Site) (*pdf.Answers, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxAnswersFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(b) > maxAnswersFile {
		return nil, fmt.Errorf("%s: larger than %d MB; an export of answers is far smaller: is it the right file?", file, maxAnswersFile>>20)
	}
	ans, err := decodeAnswers(b, site)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return ans, nil
}

// decodeAnswers does ReadAnswers' work on the file's bytes.
func decodeAnswers(b []byte, site *model.Site) (*pdf.Answers, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	var af answersFile
	if err := json.Unmarshal(b, &af); err != nil {
		return nil, jsonError(b, err)
	}
	switch {
	case af.Format != "workbook-answers":
		return nil, errors.New(`not an export of answers from the web version: it should say "format": "workbook-answers"`)
	case af.Version == nil || *af.Version != 1:
		return nil, errors.New(`answers format version is not 1, the only version this program reads: export the answers again`)
	case af.Framework != site.Config.ID:
		return nil, fmt.Errorf("holds answers to framework %q, but this site is %q: run with the --config of the site the answers came from", af.Framework, site.Config.ID)
	}
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	ratings := map[string]bool{"": true}
	var names []string
	for _, r := range site.Framework.Ratings {
		ratings[r.ID] = true
		names = append(names, fmt.Sprintf("%q", r.ID))
	}
	ans := &pdf.Answers{}
	if t, err := time.Parse(time.RFC3339, af.Exported); err == nil {
		ans.Exported = t
	}
	for _, qid := range sortedKeys(af.Answers) {
		if !slug.MatchString(qid) {
			return nil, fmt.Errorf("answers: %q is not a question id", qid)
		}
		byCycle, ok := af.Answers[qid].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("answers.%s should be an object of review cycles, not %s", qid, jsonKind(af.Answers[qid]))
		}
		for _, cycle := range sortedKeys(byCycle) {
			rec, err := textFields(byCycle[cycle], "answers."+qid+"."+cycle)
			if err != nil {
				return nil, err
			}
			if cycle == "" {
				return nil, fmt.Errorf("answers.%s: a review cycle has no name", qid)
			}
			if !ratings[rec["rating"]] {
				return nil, fmt.Errorf("answers.%s.%s: rating %q is not on this site's scale (%s)", qid, cycle, rec["rating"], strings.Join(names, ", "))
			}
			ans.Records = append(ans.Records, pdf.Answer{
				Question: qid, Cycle: cycle, Level: rec["level"], Text: rec["question"],
				Answer: rec["answer"], Evidence: rec["evidence"], Rating: rec["rating"],
				Action: rec["action"], Owner: rec["owner"], Due: rec["due"],
			})
		}
	}
	return ans, nil
}

// textFields checks that a record is an object of text fields.
func textFields(v any, path string) (map[string]string, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s should be an object, not %s", path, jsonKind(v))
	}
	out := make(map[string]string, len(obj))
	for k, f := range obj {
		s, ok := f.(string)
		if !ok {
			return nil, fmt.Errorf("%s.%s should be text, not %s", path, k, jsonKind(f))
		}
		out[k] = s
	}
	return out, nil
}

// jsonKind names the kind of a decoded JSON value, for errors.
func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	case []any:
		return "a list"
	}
	return "an object"
}

// jsonError says where JSON broke, by line and column, and what was
// expected where a value has the wrong type.
func jsonError(b []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(b, syn.Offset)
		return fmt.Errorf("line %d, column %d: not valid JSON: %v", line, col, syn)
	case errors.As(err, &typ):
		line, col := position(b, typ.Offset)
		want := typ.Type.String()
		switch typ.Type.Kind() {
		case reflect.Map, reflect.Struct:
			want = "an object"
		case reflect.String:
			want = "text"
		case reflect.Int, reflect.Pointer:
			want = "a number"
		}
		where := typ.Field
		if where == "" {
			where = "the file"
		}
		return fmt.Errorf("line %d, column %d: %s should be %s, not %s", line, col, where, want, typ.Value)
	}
	return fmt.Errorf("not valid JSON: %v", err)
}

// position turns a byte offset into a line and column, counted from 1.
func position(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	before := b[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n') - 1 // the column of the last byte read
	return line, max(col, 1)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// WriteReport writes a filled-in PDF of the answers in answersFile for
// one level (levelID, or the only level the file has answers for) to
// file, whole or not at all, and never over the answers or any file the
// command reads. It returns the level and page count.
func WriteReport(opt Options, site *model.Site, answersFile, levelID, file string) (*model.Level, int, error) {
	if err := opt.inputs(answersFile).CheckFile(file, "report.pdf"); err != nil {
		return nil, 0, err
	}
	ans, err := ReadAnswers(answersFile, site)
	if err != nil {
		return nil, 0, err
	}
	l, err := reportLevel(site, ans, levelID, answersFile)
	if err != nil {
		return nil, 0, err
	}
	r, err := NewRenderer(opt.Root, site.Config.Theme)
	if err != nil {
		return nil, 0, err
	}
	created, err := Created(site.Config)
	if err != nil {
		return nil, 0, err
	}
	if !ans.Exported.IsZero() {
		created = ans.Exported
	}
	var buf bytes.Buffer
	pages, err := pdf.WriteReport(&buf, site, l, ans, r.fonts, pdf.Options{Created: created})
	if err != nil {
		return nil, 0, err
	}
	return l, pages, output.WriteFileAtomic(file, buf.Bytes())
}

// reportLevel finds the level to report on: the one asked for, or the
// only one with answers.
func reportLevel(site *model.Site, ans *pdf.Answers, levelID, file string) (*model.Level, error) {
	var ids []string
	for _, l := range site.Framework.Levels {
		ids = append(ids, l.ID)
		if levelID != "" && l.ID == levelID {
			return l, nil
		}
	}
	if levelID != "" {
		return nil, fmt.Errorf("no level %q: the levels are %s", levelID, strings.Join(ids, ", "))
	}
	answered := pdf.AnsweredLevels(site, ans)
	switch len(answered) {
	case 1:
		return answered[0], nil
	case 0:
		return nil, fmt.Errorf("%s holds no answers to this site's levels (%s)", file, strings.Join(ids, ", "))
	}
	var names []string
	for _, l := range answered {
		names = append(names, l.ID)
	}
	return nil, fmt.Errorf("%s holds answers at %d levels (%s): choose one with --level", file, len(answered), strings.Join(names, ", "))
}
