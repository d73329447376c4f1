package generator

import (
	"bytes"
	"fmt"
	"strings"

	"workbook/generator/answers"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/pdf"
)

// WriteReport writes a filled-in PDF of the answers in answersFile for
// one level (levelID, or the only level the file has answers for) to
// file, whole or not at all, and never over the answers or any file the
// command reads. It returns the level and page count.
func WriteReport(opt Options, site *model.Site, answersFile, levelID, file string) (*model.Level, int, error) {
	if err := opt.inputs(answersFile).CheckFile(file, "report.pdf"); err != nil {
		return nil, 0, err
	}
	f, err := answers.Read(answersFile)
	if err != nil {
		return nil, 0, err
	}
	if f.Team != nil {
		return nil, 0, fmt.Errorf("%s is a team record, not one person's answers: give it with the team's answers files for a team report", answersFile)
	}
	ans := f.Answers
	if err := answers.Check(ans, site); err != nil {
		return nil, 0, err
	}
	l, err := reportLevel(site, ans, levelID, answersFile)
	if err != nil {
		return nil, 0, err
	}
	fonts, created, err := pdfInputs(opt, site)
	if err != nil {
		return nil, 0, err
	}
	if !ans.Exported.IsZero() {
		created = ans.Exported
	}
	var buf bytes.Buffer
	pages, err := pdf.WriteReport(&buf, site, l, ans, fonts, pdf.Options{Created: created})
	if err != nil {
		return nil, 0, err
	}
	return l, pages, output.WriteFileAtomic(file, buf.Bytes())
}

// reportLevel finds the level to report on: the one asked for, or the
// only one with answers.
func reportLevel(site *model.Site, ans *answers.Set, levelID, file string) (*model.Level, error) {
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
	answered := answers.NewIndex(site.Framework).Levels(ans.Records)
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
