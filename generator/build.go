// Package generator is the library behind the workbook command: it loads
// a project, checks it, renders the HTML site and the PDF workbooks, and
// publishes them. Each step lives in its own package; this one wires them
// together so that the command, the preview server and tests all build the
// same way.
package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"workbook/generator/cache"
	"workbook/generator/check"
	"workbook/generator/diag"
	"workbook/generator/load"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/publish"
	"workbook/generator/render"
)

// Options says what to build.
type Options struct {
	Root       string // project folder (holding config.toml, content/, themes/)
	ConfigFile string // defaults to Root/config.toml
	Out        string // output folder; defaults to Root/public
	Drafts     bool   // keep draft questions and pages (see load.Options)
	// Warnings, when set, collects what a command should tell its user
	// about its inputs that does not stop it (a filled workbook made
	// from another content version, text it held that could not be
	// placed), for the command to print.
	Warnings *diag.List
}

// Result describes a finished build.
type Result struct {
	Site      *model.Site
	Diags     *diag.List // warnings (and errors, if the build failed)
	Pages     int
	Workbooks int
	Packs     int // facilitator packs
	Questions int
	Reused    int     // documents copied from the previous build, not drawn
	Phases    []Phase // time spent in each step, in order
}

// ErrInvalid is returned (wrapped) when the content has errors. The
// diagnostics are in Result.Diags.
var ErrInvalid = errors.New("the content has errors")

// Load loads and checks the project without rendering anything.
func Load(opt Options) (*model.Site, *diag.List) {
	site, l := load.Load(load.Options{Root: opt.Root, ConfigFile: opt.ConfigFile, Drafts: opt.Drafts})
	if !l.HasErrors() {
		check.Site(site, l)
	}
	return site, l
}

// Build loads, checks and renders the project, then publishes it to
// opt.Out. On any error the previous output is left exactly as it was.
func Build(opt Options) (*Result, error) {
	res := &Result{}
	timer := newTimer(&res.Phases)
	root, cfg := opt.Root, opt.ConfigFile
	if cfg == "" {
		cfg = filepath.Join(root, "config.toml")
	}
	keys := cache.Read(root, cfg) // before loading: see cache.New
	site, l := Load(opt)
	res.Site, res.Diags = site, l
	timer.done("load and check")
	if l.HasErrors() {
		return res, ErrInvalid
	}
	out := opt.Out
	if out == "" {
		out = filepath.Join(root, "public")
	}
	if err := opt.inputs().CheckDir(out); err != nil {
		return res, err
	}
	stage, err := publish.Begin(out)
	if err != nil {
		return res, err
	}
	p, err := NewPipeline(root, site.Config.Theme)
	if err != nil {
		stage.Abort()
		return res, err
	}
	in, err := p.Input(site)
	if err != nil {
		stage.Abort()
		return res, err
	}
	c := cache.New(keys, p.FontsKey(), in.Created, cache.NewDisk(out))
	timer.done("theme")
	files := output.NewDir(stage.Dir())
	counts, err := p.Render(in, files, c)
	if err == nil {
		err = files.WriteFile(cache.RecordFile, c.Record())
	}
	if err != nil {
		stage.Abort()
		return res, err
	}
	res.Phases = append(res.Phases, counts.Phases...)
	timer.last = time.Now()
	res.Pages, res.Questions = counts.Pages, len(site.Framework.Questions)
	for _, d := range counts.Documents {
		if d.Kind == render.FacilitatorPack {
			res.Packs++
		} else {
			res.Workbooks++
		}
	}
	res.Reused = len(counts.Documents) - len(counts.Drawn)
	if err := stage.Commit(); err != nil {
		return res, err
	}
	timer.done("publish")
	return res, nil
}

// Created is the date PDFs carry: SOURCE_DATE_EPOCH if set (the
// reproducible-builds convention), else the content's date from
// config.toml, else model.UndatedCreated. Never the clock, so builds are
// byte-identical.
func Created(cfg model.Config) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if !cfg.Date.IsZero() {
		return cfg.Date, nil
	}
	return model.UndatedCreated(), nil
}
