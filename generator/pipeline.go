package generator

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"time"

	"workbook/generator/cache"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/render/html"
	"workbook/generator/render/pdf"
	"workbook/generator/theme"
)

// Pipeline is the list of a build's outputs, with what they parse once
// and share: the theme's templates and fonts. The preview server keeps one
// across rebuilds and makes a new one when the theme changes.
//
// Adding an output means adding it to documents or pages here (as the
// facilitator packs were); the outputs themselves are siblings under
// render/ that know nothing of each other.
type Pipeline struct {
	theme     *theme.Theme
	fonts     theme.Fonts
	fontsKey  string // cache.Fonts(fonts)
	documents []render.Documents
	pages     []render.Pages
}

// NewPipeline opens the named theme of the project at root and parses
// what its outputs need: the fonts and the page templates.
func NewPipeline(root, themeName string) (*Pipeline, error) {
	th, err := theme.Open(root, themeName)
	if err != nil {
		return nil, err
	}
	fonts, err := th.Fonts()
	if err != nil {
		return nil, err
	}
	site, err := html.New(th)
	if err != nil {
		return nil, err
	}
	return &Pipeline{
		theme:     th,
		fonts:     fonts,
		fontsKey:  cache.Fonts(fonts),
		documents: []render.Documents{pdf.Workbooks{Fonts: fonts}, pdf.Packs{Fonts: fonts}},
		pages:     []render.Pages{site},
	}, nil
}

// Input is what the outputs read to render site: the model, this
// pipeline's theme and the date documents carry (see Created).
func (p *Pipeline) Input(site *model.Site) (*render.Input, error) {
	created, err := Created(site.Config)
	if err != nil {
		return nil, err
	}
	return &render.Input{Site: site, Theme: p.theme, Created: created}, nil
}

// Theme returns the opened theme.
func (p *Pipeline) Theme() *theme.Theme { return p.theme }

// FontsKey fingerprints the fonts, for cache.New.
func (p *Pipeline) FontsKey() string { return p.fontsKey }

// Counts says how much a render wrote and how long each part took.
type Counts struct {
	Pages     int
	Documents []render.Document // in the order of the outputs' jobs
	Drawn     []render.Job      // the documents drawn, not reused
	Phases    []Phase
}

// Render writes the whole site to out: every document, then every page,
// which lists the documents. c says which documents of an earlier render
// may be reused, and records what this one wrote.
func (p *Pipeline) Render(in *render.Input, out output.FS, c *cache.Cache) (Counts, error) {
	var counts Counts
	t := newTimer(&counts.Phases)
	docs, drawn, err := p.Documents(in, out, c)
	if err != nil {
		return Counts{}, err
	}
	t.done("pdf")
	n, err := p.Pages(in, docs, out)
	if err != nil {
		return Counts{}, err
	}
	t.done("html")
	counts.Pages, counts.Documents, counts.Drawn = n, docs, drawn
	return counts, nil
}

// Jobs lists every document the outputs make, in order.
func (p *Pipeline) Jobs(in *render.Input) []render.Job {
	var jobs []render.Job
	for _, o := range p.documents {
		jobs = append(jobs, o.Jobs(in)...)
	}
	return jobs
}

// Documents draws every document, on every core, except those c lets it
// reuse, and writes them to out. It returns them all and the jobs it drew.
func (p *Pipeline) Documents(in *render.Input, out output.FS, c *cache.Cache) ([]render.Document, []render.Job, error) {
	jobs := p.Jobs(in)
	docs := make([]render.Document, len(jobs))
	errs := make([]error, len(jobs))
	drawn := make([]bool, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		docs[i] = j.Document
		if e, ok := c.Reuse(j.Path, j.Level); ok {
			docs[i].Bytes, docs[i].Pages = len(e.Data), e.Pages
			errs[i] = out.WriteFile(j.Path, e.Data)
			continue
		}
		drawn[i] = true
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			var buf bytes.Buffer
			pages, err := j.Draw(&buf)
			if err != nil {
				errs[i] = fmt.Errorf("%s: %w", j.Path, err)
				return
			}
			docs[i].Bytes, docs[i].Pages = buf.Len(), pages
			c.Drawn(j.Path, j.Level, buf.Bytes(), pages)
			errs[i] = out.WriteFile(j.Path, buf.Bytes())
		}()
	}
	wg.Wait()
	var list []render.Job
	for i, err := range errs {
		if err != nil {
			return nil, nil, err
		}
		if drawn[i] {
			list = append(list, jobs[i])
		}
	}
	return docs, list, nil
}

// Pages writes every page of the site, listing docs.
func (p *Pipeline) Pages(in *render.Input, docs []render.Document, out output.FS) (int, error) {
	total := 0
	for _, o := range p.pages {
		n, err := o.Render(in, docs, out)
		if err != nil {
			return 0, fmt.Errorf("html: %w", err)
		}
		total += n
	}
	return total, nil
}

// Phase is one timed step of a build.
type Phase struct {
	Name     string
	Duration time.Duration
}

// timer records phases as they finish.
type timer struct {
	phases *[]Phase
	last   time.Time
}

func newTimer(p *[]Phase) *timer { return &timer{phases: p, last: time.Now()} }

func (t *timer) done(name string) {
	now := time.Now()
	*t.phases = append(*t.phases, Phase{Name: name, Duration: now.Sub(t.last)})
	t.last = now
}
