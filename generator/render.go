package generator

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render/html"
	"workbook/generator/render/pdf"
	"workbook/generator/theme"
)

// Renderer holds what a build parses once and shares: the theme's
// templates and fonts. The preview server keeps one across rebuilds.
type Renderer struct {
	theme *theme.Theme
	html  *html.Renderer
	fonts pdf.Fonts
}

// NewRenderer opens and parses the named theme of the project at root.
func NewRenderer(root, themeName string) (*Renderer, error) {
	th, err := theme.Open(root, themeName)
	if err != nil {
		return nil, err
	}
	h, err := html.New(th)
	if err != nil {
		return nil, err
	}
	fonts, err := pdf.LoadFonts(th)
	if err != nil {
		return nil, err
	}
	return &Renderer{theme: th, html: h, fonts: fonts}, nil
}

// Theme returns the opened theme.
func (r *Renderer) Theme() *theme.Theme { return r.theme }

// Counts says how much a render wrote and how long each part took.
type Counts struct {
	Pages     int
	Workbooks int
	Phases    []Phase
	PDFs      []PDF // one per workbook, in site.Workbooks order
}

// PDF is one workbook a render wrote.
type PDF struct {
	Name   string // the workbook's name
	Path   string // "workbooks/<name>.pdf"
	Pages  int
	Reused bool // copied from an earlier render, not drawn again
}

// Earlier is a workbook PDF from an earlier render, for RenderReusing.
type Earlier struct {
	Data  []byte
	Pages int
}

// countingFS counts the HTML pages written through it.
type countingFS struct {
	output.FS
	mu    sync.Mutex
	pages int
}

func (c *countingFS) WriteFile(name string, data []byte) error {
	if len(name) > 5 && name[len(name)-5:] == ".html" {
		c.mu.Lock()
		c.pages++
		c.mu.Unlock()
	}
	return c.FS.WriteFile(name, data)
}

// Render writes the whole site to out: every workbook PDF (in parallel, up
// to the number of cores) and then the HTML, which lists the PDFs' sizes.
func (r *Renderer) Render(site *model.Site, out output.FS) (Counts, error) {
	return r.RenderReusing(site, out, nil)
}

// RenderReusing is Render for the preview server, which re-renders on
// every save: a workbook for which reuse returns ok is not drawn again and
// its earlier PDF is written as it was. The caller decides what is still
// valid; a nil reuse draws everything.
func (r *Renderer) RenderReusing(site *model.Site, out output.FS, reuse func(*model.Workbook) (Earlier, bool)) (Counts, error) {
	var c Counts
	t := newTimer(&c.Phases)
	created, err := Created(site.Config)
	if err != nil {
		return Counts{}, err
	}
	downloads, pdfs, err := r.renderPDFs(site, out, pdf.Options{Created: created}, reuse)
	if err != nil {
		return Counts{}, err
	}
	t.done("pdf")
	cfs := &countingFS{FS: out}
	if err := r.html.Render(site, downloads, cfs); err != nil {
		return Counts{}, fmt.Errorf("html: %w", err)
	}
	t.done("html")
	c.Pages, c.Workbooks, c.PDFs = cfs.pages, len(downloads), pdfs
	return c, nil
}

// renderPDFs writes every workbook, using every core, except those reuse
// gives back from an earlier render.
func (r *Renderer) renderPDFs(site *model.Site, out output.FS, opt pdf.Options, reuse func(*model.Workbook) (Earlier, bool)) ([]html.Download, []PDF, error) {
	downloads := make([]html.Download, len(site.Workbooks))
	pdfs := make([]PDF, len(site.Workbooks))
	errs := make([]error, len(site.Workbooks))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, wb := range site.Workbooks {
		path := "workbooks/" + wb.Name + ".pdf"
		if reuse != nil {
			if e, ok := reuse(wb); ok {
				if err := out.WriteFile(path, e.Data); err != nil {
					return nil, nil, err
				}
				downloads[i] = html.Download{Workbook: wb, Path: path, Bytes: len(e.Data), Pages: e.Pages}
				pdfs[i] = PDF{Name: wb.Name, Path: path, Pages: e.Pages, Reused: true}
				continue
			}
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			var buf bytes.Buffer
			pages, err := pdf.Write(&buf, site, wb, r.fonts, opt)
			if err != nil {
				errs[i] = fmt.Errorf("workbook %s: %w", wb.Name, err)
				return
			}
			if err := out.WriteFile(path, buf.Bytes()); err != nil {
				errs[i] = err
				return
			}
			downloads[i] = html.Download{Workbook: wb, Path: path, Bytes: buf.Len(), Pages: pages}
			pdfs[i] = PDF{Name: wb.Name, Path: path, Pages: pages}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return downloads, pdfs, nil
}
