// Package html renders the intranet site from the loaded model: a home
// page, one page per operating level, enhanced foundation, area of focus
// and content page, a downloads page and a 404 page, using the theme's
// html/template layouts, and copies the theme's static files beside them.
//
// Every link it writes is relative to the page it is on, so the site works
// opened from a folder or shared drive (file://) and served under any
// sub-path, and nothing it writes asks for anything outside the site (no
// CDN, fonts, analytics, inline script or style attribute), so a
// "Content-Security-Policy: default-src 'self'" header holds.
//
// The renderer only reads the model. It groups and orders nothing of its
// own: grouping questions by foundation and area uses Level.Grid, and
// every order is the framework's.
package html

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/theme"
)

// Download is a document the site lists for readers to download.
type Download = render.Document

// Renderer writes the site with one theme's templates. It holds only the
// parsed templates, so one Renderer can render many builds (the preview
// server re-renders on every change) and is safe for concurrent use.
type Renderer struct {
	th      *theme.Theme
	layouts *layouts
}

// New parses the theme's templates once. A template error names the file
// and line, so a theme author can fix it before any page is written.
func New(th *theme.Theme) (*Renderer, error) {
	ls, err := parseLayouts(th)
	if err != nil {
		return nil, err
	}
	return &Renderer{th: th, layouts: ls}, nil
}

// Render writes every page of the site and copies the theme's static files
// to out, and returns the number of pages. The same input and documents
// give byte-identical files.
func (r *Renderer) Render(in *render.Input, downloads []render.Document, out output.FS) (int, error) {
	site := in.Site
	// Pages are independent: render them on every core. Errors are
	// reported for the first failing page in plan order, so a build's
	// message does not depend on scheduling.
	pages := plan(site, downloads)
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				p := pages[i]
				buf.Reset()
				if err := r.layouts.execute(&buf, p); err != nil {
					errs[i] = fmt.Errorf("html: rendering %s: %w", p.Path, err)
					continue
				}
				errs[i] = out.WriteFile(p.Path, buf.Bytes())
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	if err := copyStatic(r.th, out); err != nil {
		return 0, err
	}
	return len(pages), out.WriteFile(ratingsCSSPath, ratingsCSS(site.Framework.Ratings))
}
