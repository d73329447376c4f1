package generator

import (
	"bytes"
	"os"
	"path/filepath"

	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/render/pdf"
)

// Subset names part of a level for a custom workbook. Empty lists mean
// every foundation or area of focus.
type Subset struct {
	Name, Title, Level string
	Foundations, Focus []string
}

// WriteCustomPDF renders a workbook of a subset of a level to file. The
// file is written whole or not at all.
func WriteCustomPDF(opt Options, site *model.Site, s Subset, file string) (pages int, err error) {
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
	return pages, writeFileAtomic(file, buf.Bytes())
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
