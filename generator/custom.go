package generator

import (
	"bytes"
	"path/filepath"

	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/pdf"
)

// Subset names part of a level for a custom workbook. Empty lists mean
// every foundation or area of focus.
type Subset struct {
	Name, Title, Level string
	Foundations, Focus []string
}

// WriteCustomPDF renders a workbook of a subset of a level to file. The
// file is written whole or not at all, and never over a file the command
// reads.
func WriteCustomPDF(opt Options, site *model.Site, s Subset, file string) (pages int, err error) {
	if err := opt.inputs().CheckFile(file, s.Level+".pdf"); err != nil {
		return 0, err
	}
	wb, err := load.Subset(site, filepath.Base(s.Name), s.Title, s.Level, s.Foundations, s.Focus)
	if err != nil {
		return 0, err
	}
	th, err := NewRenderer(opt.Root, site.Config.Theme)
	if err != nil {
		return 0, err
	}
	created, err := Created(site.Config)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	pages, err = pdf.Write(&buf, site, wb, th.fonts, pdf.Options{Created: created})
	if err != nil {
		return 0, err
	}
	return pages, output.WriteFileAtomic(file, buf.Bytes())
}
