package generator

import (
	"fmt"
	"strings"

	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/wording"
)

// readAnswers reads an answers file for site, an export or a filled
// workbook PDF: decoded, checked against the site, and reconciled with
// it, the warnings going to opt.Warnings.
func (opt Options) readAnswers(site *model.Site, file string) (*answers.Set, error) {
	ans, err := answers.ReadSet(file)
	if err != nil {
		return nil, err
	}
	if err := answers.Check(ans, site); err != nil {
		return nil, err
	}
	opt.warn(answers.Reconcile(ans, site)...)
	return ans, nil
}

// warn passes warnings to whoever asked for them.
func (opt Options) warn(ds ...diag.Diagnostic) {
	if opt.Warnings != nil {
		opt.Warnings.Add(ds...)
	}
}

// WriteAnswers turns a filled workbook PDF (from) into an export of
// answers in the JSON format the web version imports, written to file
// whole or not at all, and never over a file the command reads. It
// returns the set written. The cover's name and team become the
// export's person (version 2); what the format has no place for (the
// organisation, the date, a team without a name) is said in a warning.
func WriteAnswers(opt Options, site *model.Site, from, file string) (*answers.Set, error) {
	if err := opt.inputs(from).CheckFile(file, "answers.json"); err != nil {
		return nil, err
	}
	ans, err := opt.readAnswers(site, from)
	if err != nil {
		return nil, err
	}
	if ans.Workbook == nil {
		return nil, fmt.Errorf("%s is already an export of answers: import it as it is", from)
	}
	// What the site knows that the workbook does not: its title, and
	// each question's text, which the web version shows for a question
	// since removed.
	ans.Title = site.Config.Title
	ix := answers.NewIndex(site.Framework)
	for i, r := range ans.Records {
		if q := ix.Question(r.Question); q != nil && r.Text == "" {
			ans.Records[i].Text = q.Text.Plain()
		}
	}
	var kept []string
	wb := ans.Workbook
	left := [][2]string{{"organisation", wb.Organisation}, {"date", wb.Date}}
	if !ans.Person.Named() {
		// Version 2, which carries the person, needs a name.
		left = append([][2]string{{"team", ans.Person.Team}}, left...)
	}
	for _, l := range left {
		if l[1] != "" {
			kept = append(kept, fmt.Sprintf("%s %q", l[0], l[1]))
		}
	}
	if len(kept) > 0 {
		opt.warn(diag.Diagnostic{Pos: diag.Pos{File: from}, Severity: diag.Warning,
			Msg:  "the cover's " + strings.Join(kept, ", ") + wording.Plural(len(kept), " is", " are")[2:] + " not in the export: the answers format has no place for them yet",
			Hint: "note them with the answers if they matter"})
	}
	b, err := answers.Encode(ans)
	if err != nil {
		return nil, err
	}
	return ans, output.WriteFileAtomic(file, b)
}
