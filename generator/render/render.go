// Package render is the contract between the build and its outputs. Each
// output (the site's pages, the workbook PDFs, the facilitator packs, and
// whatever comes next) is a sibling under render/ that reads the loaded
// model and writes files; none knows about another.
//
// Outputs come in two kinds, because one depends on the other:
// documents are files for readers to download (PDFs), drawn independently
// and expensively, so the build draws them in parallel and reuses any
// whose sources did not change; pages are the site, which lists the
// documents with their sizes and page counts. A build draws the documents
// first and writes the pages after. A new output is a new sibling that
// implements one of the two interfaces and is added to the build's list.
package render

import (
	"io"
	"time"

	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/theme"
)

// Input is what every output reads: the model, the theme and the date
// documents carry (never the clock, so builds repeat byte for byte).
type Input struct {
	Site    *model.Site
	Theme   *theme.Theme
	Created time.Time
}

// Document is one file for readers to download, as pages list it.
type Document struct {
	Path string // where it is written: a sitepath
	// Kind is what it is: "" for a workbook, or FacilitatorPack.
	Kind     string
	Workbook *model.Workbook // the workbook it prints, or is the pack for
	Bytes    int
	Pages    int
}

// FacilitatorPack is the Kind of a facilitator pack: how to run a team
// session on a workbook's questions.
const FacilitatorPack = "facilitator-pack"

// Job is a document to draw. Draw writes it whole to w and returns its
// page count; it must be safe to call concurrently with other jobs'.
type Job struct {
	Document // Bytes and Pages are filled in when it is drawn
	// Level is the id of the level whose folder the document reads,
	// besides config.toml and the files at the top of content/: the
	// cache keys a document by those sources (see cache.Keys).
	Level string
	Draw  func(w io.Writer) (pages int, err error)
}

// Documents is an output of downloadable documents. It lists its jobs
// rather than drawing them, so the caller decides which to draw, in
// parallel, and which to reuse.
type Documents interface {
	Jobs(in *Input) []Job
}

// Pages is an output of the site's pages, given the documents drawn.
type Pages interface {
	Render(in *Input, docs []Document, out output.FS) (pages int, err error)
}
