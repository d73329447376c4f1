package generator

import (
	"bytes"
	"io"
	"path/filepath"
	"time"

	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/pdf"
	"workbook/generator/theme"
)

// Subset names part of a level for a custom workbook. Empty lists mean
// every foundation or area of focus. Cycles, if given, are the review
// cycles to print a rating row for instead of config.toml's [pdf]
// cycles.
type Subset struct {
	Name, Title, Level string
	Foundations, Focus []string
	Cycles             []string
}

// WriteCustomPDF renders a workbook of a subset of a level to file. The
// file is written whole or not at all, and never over a file the command
// reads. It reads the theme's fonts and nothing else of the theme: a
// broken page template cannot stop a PDF.
func WriteCustomPDF(opt Options, site *model.Site, s Subset, file string) (pages int, err error) {
	return writeSubset(opt, site, s, file, pdf.Write)
}

// WritePack renders the facilitator pack for a subset of a level (see
// pdf.WritePack) to file, as WriteCustomPDF does its workbook: the
// pack's plan and sheets number the questions as that workbook does.
func WritePack(opt Options, site *model.Site, s Subset, file string) (pages int, err error) {
	return writeSubset(opt, site, s, file, pdf.WritePack)
}

// writeSubset draws a document of a subset of a level with draw and
// writes it to file whole, never over a file the command reads.
func writeSubset(opt Options, site *model.Site, s Subset, file string,
	draw func(io.Writer, *model.Site, *model.Workbook, pdf.Fonts, pdf.Options) (int, error)) (int, error) {
	if err := opt.inputs().CheckFile(file, s.Level+".pdf"); err != nil {
		return 0, err
	}
	wb, err := load.Subset(site, filepath.Base(s.Name), s.Title, s.Level, s.Foundations, s.Focus)
	if err != nil {
		return 0, err
	}
	if s.Cycles != nil {
		cycles, err := load.PDFCycles(site, s.Cycles)
		if err != nil {
			return 0, err
		}
		printed := *site
		printed.Config.PDF.Cycles = cycles
		site = &printed
	}
	fonts, created, err := pdfInputs(opt, site)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	pages, err := draw(&buf, site, wb, fonts, pdf.Options{Created: created})
	if err != nil {
		return 0, err
	}
	return pages, output.WriteFileAtomic(file, buf.Bytes())
}

// pdfInputs are what a PDF drawn outside a build needs: the theme's
// fonts and the date it carries.
func pdfInputs(opt Options, site *model.Site) (theme.Fonts, time.Time, error) {
	th, err := theme.Open(opt.Root, site.Config.Theme)
	if err != nil {
		return theme.Fonts{}, time.Time{}, err
	}
	fonts, err := th.Fonts()
	if err != nil {
		return theme.Fonts{}, time.Time{}, err
	}
	created, err := Created(site.Config)
	return fonts, created, err
}
