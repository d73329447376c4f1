package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"time"

	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/render/pdf"
	"workbook/generator/theme"
)

// Subset names part of a level for a custom workbook. Empty lists mean
// every foundation or area of focus.
type Subset struct {
	Name, Title, Level string
	Foundations, Focus []string
}

// WriteCustomPDF renders a workbook of a subset of a level to file. The
// file is written whole or not at all. It reads the theme's fonts and
// nothing else of the theme: a broken page template cannot stop a PDF.
func WriteCustomPDF(opt Options, site *model.Site, s Subset, file string) (pages int, err error) {
	wb, err := load.Subset(site, filepath.Base(s.Name), s.Title, s.Level, s.Foundations, s.Focus)
	if err != nil {
		return 0, err
	}
	fonts, created, err := pdfInputs(opt, site)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	pages, err = pdf.Write(&buf, site, wb, fonts, pdf.Options{Created: created})
	if err != nil {
		return 0, err
	}
	return pages, writeFileAtomic(file, buf.Bytes())
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

// writeFileAtomic writes data to a temporary file beside name and renames
// it into place, so an interrupted write never leaves half a file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), name)
}
