package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"workbook/generator/model"
	"workbook/generator/render/pdf/fieldname"
	"workbook/generator/testsite"
)

// pdfjsDir is the pdfjs-dist package the tests read workbooks with (see
// testsite.PdfjsDir).
func pdfjsDir(t *testing.T) string { return testsite.PdfjsDir(t) }

// pdfjsDoc is what testdata/pdfjs.mjs reports of a PDF.
type pdfjsDoc struct {
	Fields map[string][]struct {
		Type         string `json:"type"`
		Value        any    `json:"value"`
		ExportValues string `json:"exportValues"`
	} `json:"fields"`
	Pages []struct {
		Annots []struct {
			Subtype     string `json:"subtype"`
			FieldName   string `json:"fieldName"`
			FieldType   string `json:"fieldType"`
			Tooltip     string `json:"tooltip"`
			ButtonValue string `json:"buttonValue"`
		} `json:"annots"`
		StructTree *pdfjsNode `json:"structTree"`
	} `json:"pages"`
	Info     map[string]any  `json:"info"`
	MarkInfo map[string]bool `json:"markInfo"`
}

// pdfjsNode is a node of pdf.js's structure tree of a page.
type pdfjsNode struct {
	Role     string       `json:"role"`
	Type     string       `json:"type"`
	Children []*pdfjsNode `json:"children"`
}

// roles lists the node's roles and kids' types in document order.
func (n *pdfjsNode) roles() []string {
	if n == nil {
		return nil
	}
	var out []string
	if n.Role != "" {
		out = append(out, n.Role)
	} else if n.Type != "" {
		out = append(out, "("+n.Type+")")
	}
	for _, c := range n.Children {
		out = append(out, c.roles()...)
	}
	return out
}

// readWithPdfjs reads a PDF with pdf.js.
func readWithPdfjs(t *testing.T, path string) pdfjsDoc {
	t.Helper()
	out := runTool(t, "node", "testdata/pdfjs.mjs", pdfjsDir(t), path)
	var d pdfjsDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("pdf.js output: %v", err)
	}
	return d
}

// wantFields is every field a workbook should have, by name, with its
// pdf.js type.
func wantFields(site *model.Site, wb *model.Workbook) map[string]string {
	want := map[string]string{}
	for _, line := range []string{"name", "team", "organisation", "date"} {
		want[fieldname.Field{Box: fieldname.Cover, Line: line}.Name()] = "text"
	}
	for _, q := range wb.Questions {
		want[fieldname.Field{Box: fieldname.Answer, Question: q.ID}.Name()] = "text"
		want[fieldname.Field{Box: fieldname.Evidence, Question: q.ID}.Name()] = "text"
		for _, c := range settingsOf(site.Config).cycles {
			want[fieldname.Field{Box: fieldname.Rating, Question: q.ID, Cycle: c}.Name()] = "radiobutton"
		}
	}
	rows := settingsOf(site.Config).actionRows
	plans := []string{""} // a small workbook's one plan for all its questions
	if !sharedPlan(wb) {
		plans = nil
		for _, f := range wb.Foundations {
			plans = append(plans, f.ID)
		}
	}
	for _, f := range plans {
		for row := 1; row <= rows; row++ {
			for _, box := range []fieldname.Box{fieldname.Action, fieldname.Owner, fieldname.Due, fieldname.Questions} {
				want[fieldname.Field{Box: box, Foundation: f, Row: row}.Name()] = "text"
			}
		}
	}
	return want
}

func TestPdfjsListsEveryFieldWithItsTooltipAndReadsTheTags(t *testing.T) {
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	d := readWithPdfjs(t, path)

	want := wantFields(site, wb)
	for name, typ := range want {
		var objs []struct {
			Type         string `json:"type"`
			Value        any    `json:"value"`
			ExportValues string `json:"exportValues"`
		}
		for _, o := range d.Fields[name] {
			if o.Type != "" { // a radio group's own entry has none
				objs = append(objs, o)
			}
		}
		if len(objs) == 0 {
			t.Errorf("pdf.js finds no field %q", name)
			continue
		}
		if objs[0].Type != typ {
			t.Errorf("field %q is a %s, want %s", name, objs[0].Type, typ)
		}
		if typ == "radiobutton" {
			var values []string
			for _, o := range objs {
				values = append(values, o.ExportValues)
			}
			var ids []string
			for _, r := range site.Framework.Ratings {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(values, ids) {
				t.Errorf("field %q has buttons %v, want the rating ids %v", name, values, ids)
			}
		}
	}
	if len(d.Fields) != len(want) {
		t.Errorf("pdf.js lists %d fields, want %d", len(d.Fields), len(want))
	}

	// Every widget says what it is for: the question (by number and id)
	// and the box, or the cover line, or the action plan cell.
	widgets := 0
	for _, p := range d.Pages {
		for _, a := range p.Annots {
			if a.Subtype != "Widget" {
				continue
			}
			widgets++
			f, err := fieldname.Parse(a.FieldName)
			if err != nil {
				t.Errorf("widget of %q: %v", a.FieldName, err)
				continue
			}
			var must []string
			switch f.Box {
			case fieldname.Answer:
				must = []string{f.Question, "your answer"}
			case fieldname.Evidence:
				must = []string{f.Question, "evidence"}
			case fieldname.Rating:
				must = []string{"Question", f.Cycle}
				for _, r := range site.Framework.Ratings {
					if r.ID == a.ButtonValue {
						must = append(must, r.Label)
					}
				}
			case fieldname.Cover:
				must = []string{"Completed by", f.Line}
			default:
				must = []string{"Action plan", fmt.Sprintf("row %d", f.Row)}
			}
			for _, m := range must {
				if !strings.Contains(a.Tooltip, m) {
					t.Errorf("widget of %q: tooltip %q does not say %q", a.FieldName, a.Tooltip, m)
				}
			}
		}
	}
	if widgets == 0 {
		t.Fatal("pdf.js finds no widgets")
	}

	// The framework and content version are recorded, so a filled copy
	// can be matched to its questions.
	custom, _ := d.Info["Custom"].(map[string]any)
	if custom["WorkbookFramework"] != site.Config.ID || custom["WorkbookVersion"] != site.Config.Version || custom["WorkbookLevel"] != wb.Level.ID {
		t.Errorf("document information does not name the framework, version and level: %v", custom)
	}
	if d.Info["Language"] != "en-GB" || !d.MarkInfo["Marked"] {
		t.Errorf("language %v, marked %v", d.Info["Language"], d.MarkInfo)
	}

	// A question page's tree: the question's heading, its text, the
	// prompts as a list, the boxes' labels and fields, and the rating
	// rows as a table of header and data cells holding the radio
	// buttons.
	var page []string
	for _, p := range d.Pages {
		if r := p.StructTree.roles(); slices.Contains(r, "H3") {
			page = r
			break
		}
	}
	joined := strings.Join(page, " ")
	for _, want := range []string{"H3 (content) P", "L LI Lbl (content) LBody (content)", "P (content) Form (annotation)",
		"Table TR TH (content) TD Form (annotation) (content) Form (annotation) (content)"} {
		if !strings.Contains(joined, want) {
			t.Errorf("a question page's structure lacks %q:\n%s", want, joined)
		}
	}
}

func TestTaggedAndReadInOrderByPoppler(t *testing.T) {
	site, big := bigSite(12)
	for _, wb := range []*model.Workbook{big, site.Workbooks[0]} {
		_, path := writeTemp(t, site, wb)
		info := string(runTool(t, popplerTool(t, "pdfinfo"), path))
		for _, want := range []string{"Tagged:          yes", "Form:            AcroForm"} {
			if !strings.Contains(info, want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", wb.Name, want, info)
			}
		}
		structure := string(runTool(t, popplerTool(t, "pdfinfo"), "-struct-text", path))
		// The text is the quoted lines; the others name the elements.
		var read []string
		for _, l := range strings.Split(structure, "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, `"`) {
				read = append(read, l)
			}
		}
		text := words(strings.Join(read, " "))
		f, _ := parseFace(fonts(t).Regular)
		pos := 0
		for n, q := range wb.Questions {
			parts := [][]string{words(fmt.Sprintf("Question %d", n+1)), questionWords(t, q)}
			for _, p := range q.Prompts {
				parts = append(parts, words(f.clean(p.Plain())))
			}
			if !q.Evidence.Empty() {
				parts = append(parts, words(f.clean(q.Evidence.Plain())))
			}
			for _, part := range parts {
				if len(part) == 0 {
					continue
				}
				_, end, ok := find(text, pos, part, 12) // a link prints its address
				if !ok {
					t.Fatalf("%s: the structure tree does not read %q next, after question %d begins", wb.Name, strings.Join(part, " "), n+1)
				}
				pos = end
			}
		}
		// Running headers and footers are artifacts, not read out.
		if strings.Contains(structure, "Page 2 of") {
			t.Errorf("%s: the page footer is in the structure tree", wb.Name)
		}
		for _, role := range []string{"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "TOC", "TOCI", "Link", "Form"} {
			if !regexp.MustCompile(`(?m)^\s*` + role + `\b`).MatchString(structure) {
				t.Errorf("%s: no %s element in the structure tree", wb.Name, role)
			}
		}
	}
}

func TestEveryWorkbookPassesQpdfAndPdfcpu(t *testing.T) {
	pdfcpu := tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0")
	site, big := bigSite(20)
	custom := levelWorkbook(site.Framework, site.Framework.Levels[1])
	custom.Name, custom.Title = "custom", "Leadership only"
	custom.Foundations = custom.Foundations[:1]
	for _, wb := range []*model.Workbook{site.Workbooks[0], big, custom} {
		for _, fillable := range []bool{true, false} {
			site.Config.PDF.Fillable = fillable
			_, path := writeTemp(t, site, wb)
			if check := string(runTool(t, qpdfTool(t), "--check", path)); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
				t.Errorf("%s (fillable %v): qpdf --check:\n%s", wb.Name, fillable, check)
			}
			runTool(t, pdfcpu, "validate", "-m", "strict", path)
		}
	}
}

func TestNotFillableIsTheSamePageWithoutAForm(t *testing.T) {
	pdftoppm := popplerTool(t, "pdftoppm")
	site := testSite()
	wb := site.Workbooks[1]
	_, form := writeTemp(t, site, wb)
	site.Config.PDF.Fillable = false
	_, plain := writeTemp(t, site, wb)
	if info := string(runTool(t, popplerTool(t, "pdfinfo"), plain)); !strings.Contains(info, "Form:            none") || !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("fillable = false should give a tagged PDF with no form:\n%s", info)
	}
	// Every page prints the same, empty fields and all.
	dir := t.TempDir()
	runTool(t, pdftoppm, "-png", "-r", "40", form, filepath.Join(dir, "form"))
	runTool(t, pdftoppm, "-png", "-r", "40", plain, filepath.Join(dir, "plain"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "form-*.png"))
	if len(pngs) == 0 {
		t.Fatal("pdftoppm drew no pages")
	}
	for _, p := range pngs {
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(strings.Replace(p, "form-", "plain-", 1))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: the fillable page does not look like the plain one", filepath.Base(p))
		}
	}
}

// typed is text a user types into a workbook, with the characters the
// workbook promises to keep: accents, the pound sign, curly quotes,
// dashes and Welsh.
var typed = map[string]string{
	"answer":   "Café £5 — “quoted” ‘single’…\nSecond line: Welsh dŵr, tŷ, Ŵ Ŷ",
	"evidence": "Plain evidence, 2025 audit",
	"name":     "Siân Ŵyn",
	"owner":    "Ffion (team lead)",
}

// fillValues are the values typed into a workbook of site for the
// round trips: by field name, and the radio buttons' choices.
func fillValues(site *model.Site, wb *model.Workbook) (text map[string]string, radio map[string]string) {
	q := wb.Questions[0]
	cycles := settingsOf(site.Config).cycles
	text = map[string]string{
		fieldname.Field{Box: fieldname.Answer, Question: q.ID}.Name():                          typed["answer"],
		fieldname.Field{Box: fieldname.Evidence, Question: wb.Questions[1].ID}.Name():          typed["evidence"],
		fieldname.Field{Box: fieldname.Cover, Line: "name"}.Name():                             typed["name"],
		fieldname.Field{Box: fieldname.Owner, Foundation: wb.Foundations[0].ID, Row: 2}.Name(): typed["owner"],
	}
	radio = map[string]string{
		fieldname.Field{Box: fieldname.Rating, Question: q.ID, Cycle: cycles[0]}.Name():             site.Framework.Ratings[0].ID,
		fieldname.Field{Box: fieldname.Rating, Question: q.ID, Cycle: cycles[len(cycles)-1]}.Name(): site.Framework.Ratings[2].ID,
	}
	return text, radio
}

// pdfcpuForm is pdfcpu's JSON export of a form.
type pdfcpuForm struct {
	Header map[string]any `json:"header"`
	Forms  []struct {
		TextField        []map[string]any `json:"textfield"`
		RadioButtonGroup []map[string]any `json:"radiobuttongroup"`
	} `json:"forms"`
}

// exportForm reads a PDF's field values with pdfcpu.
func exportForm(t *testing.T, path string) pdfcpuForm {
	t.Helper()
	out := filepath.Join(t.TempDir(), "form.json")
	runTool(t, tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0"), "form", "export", path, out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var f pdfcpuForm
	if err := json.Unmarshal(b, &f); err != nil || len(f.Forms) != 1 {
		t.Fatalf("pdfcpu form export: %v", err)
	}
	return f
}

// checkFilled says which of the typed values did not come back.
func checkFilled(t *testing.T, how string, f pdfcpuForm, text, radio map[string]string) {
	t.Helper()
	got := map[string]any{}
	for _, tf := range f.Forms[0].TextField {
		got[fmt.Sprint(tf["name"])] = tf["value"]
	}
	for _, rb := range f.Forms[0].RadioButtonGroup {
		got[fmt.Sprint(rb["name"])] = rb["value"]
	}
	for name, v := range text {
		if got[name] != v {
			t.Errorf("%s: %s reads back %q, typed %q", how, name, got[name], v)
		}
	}
	for name, v := range radio {
		if got[name] != v {
			t.Errorf("%s: %s reads back %q, ticked %q", how, name, got[name], v)
		}
	}
	for name, v := range got {
		if _, ok := text[name]; !ok && radio[name] == "" && v != "" && v != nil {
			t.Errorf("%s: %s has %q, though nothing was typed", how, name, v)
		}
	}
}

func TestFillInPdfcpuAndReadBack(t *testing.T) {
	pdfcpu := tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0")
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	text, radio := fillValues(site, wb)

	f := exportForm(t, path)
	for _, tf := range f.Forms[0].TextField {
		if v, ok := text[fmt.Sprint(tf["name"])]; ok {
			tf["value"] = v
		}
	}
	for _, rb := range f.Forms[0].RadioButtonGroup {
		if v, ok := radio[fmt.Sprint(rb["name"])]; ok {
			rb["value"] = v
		}
	}
	dir := t.TempDir()
	values, _ := json.Marshal(f)
	in, out := filepath.Join(dir, "values.json"), filepath.Join(dir, "filled.pdf")
	if err := os.WriteFile(in, values, 0o644); err != nil {
		t.Fatal(err)
	}
	runTool(t, pdfcpu, "form", "fill", path, in, out)
	checkFilled(t, "pdfcpu", exportForm(t, out), text, radio)
	if info := string(runTool(t, popplerTool(t, "pdfinfo"), out)); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("the filled copy is no longer tagged:\n%s", info)
	}
}

func TestFillInPdfjsAndReadBack(t *testing.T) {
	dir := pdfjsDir(t)
	site := testSite()
	wb := site.Workbooks[1]
	_, path := writeTemp(t, site, wb)
	text, radio := fillValues(site, wb)
	values := map[string]string{}
	for k, v := range text {
		values[k] = v
	}
	for k, v := range radio {
		values[k] = v
	}
	js, _ := json.Marshal(values)
	out := filepath.Join(t.TempDir(), "filled.pdf")
	cmd := exec.Command("node", "testdata/pdfjs.mjs", dir, path, out, string(js))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdf.js fill: %v\n%s", err, b)
	}
	checkFilled(t, "pdf.js", exportForm(t, out), text, radio)
	runTool(t, qpdfTool(t), "--check", out)

	// pdf.js could draw every typed character in the form's font: had it
	// not, it would have asked the next viewer to draw the fields.
	form, _ := qpdfObjects(t, out)["obj:"+fmt.Sprint(catalog(t, out)["/AcroForm"])].(map[string]any)
	if form == nil || form["/NeedAppearances"] == true {
		t.Errorf("pdf.js could not draw the typed text in the form's font: %v", form)
	}
}
