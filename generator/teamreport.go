package generator

import (
	"bytes"

	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/pdf"
	"workbook/generator/workshop"
)

// WriteTeamReport writes a team report on files (answers files and at
// most one team record, mixed) to file, whole or not at all, and never
// over any of them or a file the command reads. Files that cannot be
// used are left out, each with the reason (the workshop says which);
// it fails only when the level is unclear or no file can be used. It
// returns the workshop the report was drawn from and its page count.
func WriteTeamReport(opt Options, site *model.Site, files []string, wopt workshop.Options, file string) (*workshop.Workshop, int, error) {
	if err := opt.inputs(files...).CheckFile(file, "team.pdf"); err != nil {
		return nil, 0, err
	}
	ws, err := workshop.Gather(site, files, wopt)
	if err != nil {
		return nil, 0, err
	}
	fonts, created, err := pdfInputs(opt, site)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	pages, err := pdf.WriteTeamReport(&buf, site, ws, fonts, pdf.Options{Created: created})
	if err != nil {
		return nil, 0, err
	}
	return ws, pages, output.WriteFileAtomic(file, buf.Bytes())
}
