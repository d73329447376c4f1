package serve

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"workbook/generator"
	"workbook/generator/cache"
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/sitepath"
)

// build is one good build, in memory. It is never changed once made: the
// server swaps in a whole new build, so a request sees one build or the
// next, never half of each.
type build struct {
	files *output.Memory
	site  *model.Site
	// n numbers the builds that changed files; versions holds, for each
	// file, the n of the build that last changed it, and assets the n of
	// the last build that changed a file pages use (a stylesheet, a
	// script). A page's version (see version) tells a browser that
	// reconnects whether the page it shows is out of date, so a page is
	// reloaded when it changed and not when another did.
	n        int
	instance string
	versions map[string]int
	assets   int
	// documents are the build's PDFs with the keys they were drawn with,
	// so the next build can reuse those whose sources did not change.
	documents *cache.Memory
}

// builder makes builds. It keeps the theme's parsed templates and fonts
// (a Pipeline) across rebuilds and makes a new one only when the theme or
// the project's layouts change, and it keeps each PDF whose sources did
// not change. Only the rebuild loop uses it, one rebuild at a time.
type builder struct {
	opt      generator.Options
	config   string // the config file's name in opt.Root
	instance string // tells builds of this server from another's
	pipeline *generator.Pipeline
	theme    string // the pipeline's theme name
	last     *build // the last good build; nil before the first
	n        int    // builds made
}

// outcome is what one rebuild did, for the terminal and the browser.
type outcome struct {
	build    *build            // the new good build; nil when the rebuild failed
	changed  changeSet         // files that differ from the build served before
	diags    []diag.Diagnostic // errors and warnings, in file order
	err      error             // a failure that is not in the content: a template error, say
	drawn    []string          // PDFs drawn, not reused
	levels   []string          // their levels, in order, without repeats
	pages    int               // HTML pages written
	newTheme bool              // the theme was parsed again
	took     time.Duration     // from the start of the rebuild to this build
}

// failed reports whether the rebuild produced no build.
func (o *outcome) failed() bool { return o.build == nil }

// rebuild loads and renders the project after the given paths changed
// (nil for the first build). Content errors leave the last good build in
// place: the outcome carries them and no build.
//
// Drawing a level's PDFs takes longer than everything else together, so
// when some must be drawn the pages come first: early gets a build of the
// new pages with the previous PDFs (and their sizes), to serve at once,
// and the returned outcome is the build with the new PDFs. An editor sees
// a new question wording in well under 100 ms and its PDF a moment later;
// if the new PDFs' size and length read the same, the pages of the second
// build are byte-identical and the browser does not reload them again.
func (b *builder) rebuild(changed []string, early func(outcome)) (o outcome) {
	start := time.Now()
	defer func() { o.took = time.Since(start) }()
	if b.pipeline != nil && themeChanged(changed) {
		b.pipeline = nil
	}
	if d, ok := halfWritten(b.opt.Root, changed); ok && b.last != nil {
		o.diags = []diag.Diagnostic{d}
		return o
	}
	keys := cache.Read(b.opt.Root, filepath.Join(b.opt.Root, b.config)) // before loading: see cache.New
	site, l := generator.Load(b.opt)
	o.diags = l.Sorted()
	if l.HasErrors() {
		return o
	}
	if b.pipeline == nil || site.Config.Theme != b.theme {
		p, err := generator.NewPipeline(b.opt.Root, site.Config.Theme)
		if err != nil {
			b.pipeline = nil
			o.err = err
			return o
		}
		b.pipeline, b.theme, o.newTheme = p, site.Config.Theme, true
	}
	in, err := b.pipeline.Input(site)
	if err != nil {
		o.err = err
		return o
	}
	var earlier *cache.Memory
	if b.last != nil {
		earlier = b.last.documents
	}
	c := cache.New(keys, b.pipeline.FontsKey(), in.Created, earlier)
	stale := 0
	if b.last != nil {
		for _, j := range b.pipeline.Jobs(in) {
			if !c.Fresh(j.Path, j.Level) {
				stale++
			}
		}
	}
	if stale > 0 && early != nil {
		// The earlier PDFs, current or not; a workbook new to the site
		// has none and is drawn now.
		eo := b.render(in, o, c.Lenient())
		eo.took = time.Since(start)
		if eo.failed() {
			return eo
		}
		early(eo)
		o.newTheme = false
	}
	return b.render(in, o, c)
}

// render renders the site, reusing what c allows of the last build, and
// makes the result the last good build. o holds what is known so far (the
// diagnostics).
func (b *builder) render(in *render.Input, o outcome, c *cache.Cache) outcome {
	files := output.NewMemory()
	counts, err := b.pipeline.Render(in, files, c)
	if err != nil {
		// A template may fail only on some content; parse the theme
		// again next time in case that is where the fix goes.
		b.pipeline = nil
		o.err = err
		return o
	}
	nb := &build{files: files, site: in.Site, documents: c.Memory()}
	seen := map[string]bool{}
	for _, j := range counts.Drawn {
		// Named by where they live under workbooks/: "ward", "facilitator/ward".
		o.drawn = append(o.drawn, strings.TrimSuffix(strings.TrimPrefix(j.Path, sitepath.WorkbookDir+"/"), ".pdf"))
		if !seen[j.Level] {
			seen[j.Level] = true
			o.levels = append(o.levels, j.Level)
		}
	}
	o.pages = counts.Pages
	prev := output.NewMemory() // the first build changes every file
	if b.last != nil {
		prev = b.last.files
	}
	o.changed = diffFiles(prev, files)
	nb.instance = b.instance
	switch {
	case b.last == nil:
		b.n++
		nb.n, nb.assets, nb.versions = b.n, b.n, map[string]int{}
		for _, name := range files.Names() {
			nb.versions[name] = b.n
		}
	case o.changed.empty():
		nb.n, nb.assets, nb.versions = b.last.n, b.last.assets, b.last.versions
	default:
		b.n++
		nb.n, nb.assets, nb.versions = b.n, b.last.assets, map[string]int{}
		for _, name := range files.Names() {
			nb.versions[name] = b.last.versions[name]
		}
		for _, list := range [][]string{o.changed.Pages, o.changed.CSS, o.changed.PDFs, o.changed.Other} {
			for _, name := range list {
				nb.versions[name] = b.n
			}
		}
		if len(o.changed.CSS)+len(o.changed.Other) > 0 {
			nb.assets = b.n
		}
	}
	b.last, o.build = nb, nb
	return o
}

// version is what a page served from this build says it is (in a meta
// tag): the number of the last build that changed the page, or a file
// every page uses, and the server instance. A browser whose page has
// another version than the current build gives it reloads. The PDF
// preview page's version is its PDF's. Nil builds have version "".
func (b *build) version(page string) string {
	if b == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d", b.instance, max(b.versions[page], b.assets))
}

// themeChanged reports whether any path is among what a Renderer parsed
// (a theme's templates and fonts, the project's layouts) or is a rescan.
// Static files, the theme's or the project's, are read on every render,
// so a stylesheet edit needs no new Renderer.
func themeChanged(paths []string) bool {
	for _, p := range paths {
		parts := strings.Split(p, "/")
		switch {
		case p == rescan, parts[0] == "layouts":
			return true
		case parts[0] == "themes" && !(len(parts) > 2 && parts[2] == "static"):
			return true
		}
	}
	return false
}

// changeSet lists the files that differ between two builds (added,
// removed or changed), by kind, because the browser treats them
// differently: stylesheets are swapped in place, pages reload only if
// they are the one on screen, PDFs reload their preview.
type changeSet struct {
	Pages []string `json:"pages"`
	CSS   []string `json:"css"`
	PDFs  []string `json:"pdfs"`
	Other []string `json:"other"`
}

func (c changeSet) empty() bool {
	return len(c.Pages)+len(c.CSS)+len(c.PDFs)+len(c.Other) == 0
}

// diffFiles compares two builds' files.
func diffFiles(prev, next *output.Memory) changeSet {
	var c changeSet
	add := func(name string) {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".html":
			c.Pages = append(c.Pages, name)
		case ".css":
			c.CSS = append(c.CSS, name)
		case ".pdf":
			c.PDFs = append(c.PDFs, name)
		default:
			c.Other = append(c.Other, name)
		}
	}
	names := next.Names()
	inNext := make(map[string]bool, len(names))
	for _, n := range names {
		inNext[n] = true
		a, ok := prev.Get(n)
		if b, _ := next.Get(n); !ok || string(a) != string(b) {
			add(n)
		}
	}
	for _, n := range prev.Names() {
		if !inNext[n] {
			add(n)
		}
	}
	return c
}
