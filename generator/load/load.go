// Package load reads a project (config.toml and content/) into a
// model.Site. It records every problem it finds, with file, line and
// column, instead of stopping at the first, so an editor can fix them all
// in one pass.
package load

import (
	"os"
	"path/filepath"

	"workbook/generator/diag"
	"workbook/generator/markdown"
	"workbook/generator/model"
)

// Options says what to load.
type Options struct {
	Root       string // the project folder; content/ and themes/ live here
	ConfigFile string // defaults to Root/config.toml
	// Drafts keeps draft questions and pages in the model. Either way
	// they are read and checked, and their ids are taken.
	Drafts bool
}

// loader carries the state of one load.
type loader struct {
	root        string
	content     string   // Root/content
	realContent string   // content with symlinks resolved
	contentRoot *os.Root // realContent, open: content is read through it (see openInContent)
	l           *diag.List
	md          *markdown.Converter
	cfg         model.Config // config.toml, read first: pages may show its settings
	// cfgKeys is where each key of config.toml is written.
	cfgKeys map[string]diag.Pos
}

// Site loads the project at root with its default config.toml.
func Site(root string) (*model.Site, *diag.List) {
	return Load(Options{Root: root})
}

// Load reads the project. The returned list holds every error and warning;
// when it has errors the site is incomplete and must not be rendered.
func Load(opt Options) (*model.Site, *diag.List) {
	l := &diag.List{}
	root, err := filepath.Abs(opt.Root)
	if err != nil {
		l.Errorf(diag.Pos{File: opt.Root}, "run workbook from the project folder", "cannot find the project folder: %v", err)
		return nil, l
	}
	ld := &loader{root: root, content: filepath.Join(root, "content"), l: l, md: markdown.New()}
	if real, err := filepath.EvalSymlinks(ld.content); err == nil {
		ld.realContent = real
	} else {
		l.Errorf(diag.Pos{File: "content"}, "run workbook in the project folder, the one holding config.toml and content/", "no content folder: %v", plainErr(err))
		return nil, l
	}
	if ld.contentRoot, err = os.OpenRoot(ld.realContent); err != nil {
		l.Errorf(diag.Pos{File: "content"}, "check the folder can be read", "cannot open the content folder: %v", plainErr(err))
		return nil, l
	}
	defer ld.contentRoot.Close()
	cfgFile := opt.ConfigFile
	if cfgFile == "" {
		cfgFile = filepath.Join(root, "config.toml")
	} else if !filepath.IsAbs(cfgFile) {
		if abs, err := filepath.Abs(cfgFile); err == nil {
			cfgFile = abs
		}
	}
	site := &model.Site{}
	cfg, wbSpecs := ld.config(cfgFile)
	site.Config = cfg
	ld.cfg = cfg
	site.Strings = ld.strings(cfg, ld.cfgKey("language", "theme"))
	fw := ld.framework()
	if fw == nil {
		return site, l
	}
	site.Framework = fw
	ld.contentTree(site)
	drafts(site, opt.Drafts)
	derive(site, wbSpecs, l)
	return site, l
}

// cfgKey is where the first of keys that config.toml has is written, or
// the file itself.
func (ld *loader) cfgKey(keys ...string) diag.Pos {
	for _, k := range keys {
		if p, ok := ld.cfgKeys[k]; ok {
			return p
		}
	}
	return diag.Pos{File: "config.toml"}
}

// exists reports whether a path exists (following links).
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
