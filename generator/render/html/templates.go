package html

import (
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"

	"workbook/generator/theme"
)

// Layout files. base.html is the skeleton of every page: it executes the
// blocks "main" (required), "head" and "scripts" that a page layout
// defines. Files under partials/ define named templates any layout can
// call. The other layouts are one per kind of page.
const (
	baseLayout   = "base.html"
	partialsDir  = "partials/"
	layoutSuffix = ".html"
)

// pageLayouts are the layouts a theme must have, one per kind of page.
func pageLayouts() []string {
	return []string{"home", "page", "level", "foundation", "focus", "downloads", "404", "team"}
}

// layouts is the parsed template set of every kind of page.
type layouts struct {
	byKind map[string]*template.Template
}

// parseLayouts reads base.html and the partials once, then gives each page
// layout its own copy of them, because every page layout defines the same
// block names ("main"...) and one template set can hold only one of each.
func parseLayouts(th *theme.Theme) (*layouts, error) {
	files, err := th.List("layouts")
	if err != nil {
		return nil, fmt.Errorf("html: listing theme %s layouts: %w", th.Name, err)
	}
	base := template.New(baseLayout).Funcs(funcs())
	if err := parseFile(base, th, baseLayout); err != nil {
		return nil, err
	}
	for _, f := range files {
		if strings.HasPrefix(f, partialsDir) && strings.HasSuffix(f, layoutSuffix) {
			if err := parseFile(base.New(f), th, f); err != nil {
				return nil, err
			}
		}
	}
	ls := &layouts{byKind: map[string]*template.Template{}}
	for _, kind := range pageLayouts() {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		name := kind + layoutSuffix
		if err := parseFile(t.New(name), th, name); err != nil {
			return nil, err
		}
		if t.Lookup("main") == nil {
			return nil, fmt.Errorf("html: theme %s: layouts/%s must define a \"main\" block", th.Name, name)
		}
		ls.byKind[kind] = t
	}
	return ls, nil
}

// parseFile parses one layout file into t.
func parseFile(t *template.Template, th *theme.Theme, name string) error {
	src, err := th.ReadFile("layouts", name)
	if err != nil {
		return fmt.Errorf("html: theme %s needs layouts/%s: %w", th.Name, name, err)
	}
	if _, err := t.Parse(string(src)); err != nil {
		return fmt.Errorf("html: theme %s: layouts/%s: %w", th.Name, path.Clean(name), err)
	}
	return nil
}

// execute writes page p with the layout of its kind.
func (ls *layouts) execute(w io.Writer, p *page) error {
	t, ok := ls.byKind[p.Layout]
	if !ok {
		return fmt.Errorf("no layout %q", p.Layout)
	}
	return t.ExecuteTemplate(w, baseLayout, p)
}
