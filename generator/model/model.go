// Package model holds a loaded framework: the one structure that every
// renderer (HTML site, PDF workbooks) reads. The loader fills it in and
// derives everything renderers need (orderings, grids, workbook subsets),
// so renderers only read and never compute content.
package model

import (
	"time"

	"workbook/generator/diag"
	"workbook/generator/markdown"
)

// Site is everything one build publishes.
type Site struct {
	Config    Config
	Framework *Framework
	Home      *Page   // content/_index.md
	Pages     []*Page // other top-level pages, by weight then slug
	// Workbooks are the PDFs to write: one per level, in level order,
	// then one per [[workbook]] in config.toml.
	Workbooks []*Workbook
}

// Config is config.toml.
type Config struct {
	// ID names the framework in readers' saved answers and exports, so
	// answers to two frameworks on one intranet never mix. It defaults to
	// the title made into an id; changing it orphans saved answers.
	ID          string
	Title       string // the site and workbook title
	Description string
	Author      string // the organisation publishing the framework
	Theme       string // folder name under themes/
	Version     string // content version, printed on PDFs
	// Date is the content's date. PDFs carry it as their creation date
	// (unless SOURCE_DATE_EPOCH is set) so builds are reproducible.
	Date   time.Time
	WebURL string // where the web version lives, printed on PDF covers
	PDF    PDFConfig
	// Cycles are the review cycles, oldest first (for example "2022/23").
	Cycles []string
}

// PDFConfig holds the workbook settings from config.toml's [pdf] table.
type PDFConfig struct {
	AnswerLines   int // ruled lines in each answer box
	EvidenceLines int // ruled lines in each evidence box
	ActionRows    int // rows on each action-plan page
}

// Framework is content/framework.toml plus the questions of every level.
type Framework struct {
	Levels      []*Level
	Foundations []*Foundation
	Focuses     []*Focus
	Ratings     []*Rating
	// Questions lists every question of every level in level order, then
	// each level's own order.
	Questions []*Question
}

// Level is an operating level (individual, provider...).
type Level struct {
	ID       string
	Title    string
	Audience string // who the level is for
	Intro    *Page  // content/<level>/_index.md; nil if absent
	// Questions are ordered by foundation, then area of focus (the orders
	// of framework.toml), then file order.
	Questions []*Question
	// Grid[f][a] holds the level's questions for Foundations[f] × Focuses[a].
	Grid [][][]*Question
	// Minutes is the estimated time to work through the level (see
	// EstimateMinutes).
	Minutes int
	Pos     diag.Pos
}

// Foundation is an enhanced foundation (a row of each level's grid).
type Foundation struct {
	ID          string
	Title       string
	Short       string // a short title for tight spaces (grid headings)
	Description markdown.Doc
	Pos         diag.Pos
}

// Focus is an area of focus (a column of each level's grid).
type Focus struct {
	ID          string
	Title       string
	Short       string // defaults to Title
	Description markdown.Doc
	Pos         diag.Pos
}

// Rating is a point of the rating scale (red, amber, green).
type Rating struct {
	ID      string
	Title   string
	Label   string // the word printed beside a tick box ("Red")
	Meaning string // what the rating means, in plain words
	Colour  string // a CSS colour; never the only signal
	Pos     diag.Pos
}

// Question is one reflective question.
type Question struct {
	ID         string
	Level      *Level
	Foundation *Foundation
	Focus      *Focus
	Text       markdown.Doc
	Prompts    []markdown.Doc
	Evidence   markdown.Doc // a hint at what evidence supports an answer
	Aliases    []string     // earlier ids, so saved answers follow a rename
	Pos        diag.Pos     // the [[question]] header
	IDPos      diag.Pos     // where id = "…" is written
	AliasesPos diag.Pos     // where aliases = […] is written, or Pos
}

// Page is a Markdown page.
type Page struct {
	Slug   string // file name without .md ("how-to-use"); "" for the home page
	Title  string
	Weight int
	Body   markdown.Doc
	Pos    diag.Pos
}

// Workbook is one PDF to write: a level, or a subset of one.
type Workbook struct {
	Name     string // file name without .pdf
	Title    string // shown on the cover under the framework title
	Level    *Level
	Sections []*Section // non-empty foundation × area cells, in order
	// Foundations and Focuses are the rows and columns the workbook
	// covers, in framework order.
	Foundations []*Foundation
	Focuses     []*Focus
	Questions   []*Question // all questions, in order
	Minutes     int
}

// Section is one foundation × area cell of a workbook.
type Section struct {
	Foundation *Foundation
	Focus      *Focus
	Questions  []*Question
}
