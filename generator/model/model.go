// Package model holds a loaded framework: the one structure that every
// renderer (HTML site, PDF workbooks) reads. The loader fills it in and
// derives everything renderers need (orderings, grids, workbook subsets),
// so renderers only read and never compute content.
package model

import (
	"strings"
	"time"

	"workbook/generator/diag"
	"workbook/generator/i18n"
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
	// Strings are the words the theme prints, in the content's language
	// (see package i18n).
	Strings *i18n.Catalog
	// Drafts counts the draft questions and pages the content holds,
	// whether or not they were kept (see load.Options.Drafts).
	Drafts Drafts
}

// Drafts counts work in progress.
type Drafts struct {
	Questions, Pages int
	Kept             bool // they are in the model (a preview, or build --drafts)
}

// Config is config.toml.
type Config struct {
	// ID names the framework in readers' saved answers and exports, so
	// answers to two frameworks on one intranet never mix. It defaults to
	// the title made into an id; changing it orphans saved answers.
	ID          string
	Title       string // the site and workbook title
	Description string
	Author      string // who wrote the framework: the PDFs' author metadata
	// Publisher, Contact and WebURL tell readers who publishes this copy
	// and how to reach them: the site footer, the accessibility page
	// (through {{publisher}} and {{contact}} in its text) and each PDF
	// cover show them.
	Publisher string
	Contact   string // an email address or web address
	Theme     string // folder name under themes/
	Version   string // content version, printed on PDFs
	// Date is the content's date. PDFs carry it as their creation date
	// (unless SOURCE_DATE_EPOCH is set) so builds are reproducible.
	Date   time.Time
	WebURL string // where the web version lives, printed on PDF covers
	// Language is the content's language as a BCP 47 tag (en-GB by
	// default): the site's <html lang> and the workbooks' /Lang.
	Language string
	PDF      PDFConfig
	// Cycles are the review cycles, oldest first (for example "2022/23").
	Cycles []string
}

// PDFConfig holds the workbook settings from config.toml's [pdf] table.
type PDFConfig struct {
	AnswerLines   int // ruled lines in each answer box
	EvidenceLines int // ruled lines in each evidence box
	ActionRows    int // rows on each action-plan page
	// Fillable makes workbooks PDF forms, to fill in on screen (true by
	// default).
	Fillable bool
	// Cycles are the review cycles a workbook prints a rating row (and
	// a summary sheet line) for: some of Config.Cycles, in its order;
	// by default its last DefaultPDFCycles. The web version keeps
	// every cycle.
	Cycles []string
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
	// AudiencePos is where audience is written, for warnings about its
	// words.
	AudiencePos diag.Pos
	// Questions are ordered by foundation, then area of focus (the orders
	// of framework.toml), then file order.
	Questions []*Question
	// Grid[f][a] holds the level's questions for Foundations[f] × Focuses[a].
	Grid [][][]*Question
	// Minutes is the estimated time to work through all of the level's
	// questions, and SessionQuestions how many fit in a session of
	// SessionMinutes (see EstimateMinutes).
	Minutes          int
	SessionQuestions int
	Pos              diag.Pos
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
	// LevelMeanings holds the same meaning in the voice of a level whose
	// reader speaks differently ("I" rather than "we"), by level id.
	LevelMeanings map[string]string
	Colour        string // a CSS colour; never the only signal
	Pos           diag.Pos
}

// MeaningFor is what the rating means at level lv: the level's own
// wording if it has one, else the general meaning. lv may be nil.
func (r *Rating) MeaningFor(lv *Level) string {
	if lv != nil {
		if m, ok := r.LevelMeanings[lv.ID]; ok {
			return m
		}
	}
	return r.Meaning
}

// Question is one reflective question.
type Question struct {
	ID string
	// Number is the question's place in its level, from 1: the number
	// the level's workbook prints ("Question 7"), which the level page,
	// the team page and the report print too, so a workshop can say
	// "question 7" and everyone finds it. The loader sets it.
	Number     int
	Level      *Level
	Foundation *Foundation
	Focus      *Focus
	Text       markdown.Doc
	Prompts    []markdown.Doc
	Evidence   markdown.Doc // a hint at what evidence supports an answer
	// Good says what green looks like at this level, so that a team's
	// ratings mean the same thing; shown beside the rating.
	Good    markdown.Doc
	Aliases []string // earlier ids, so saved answers follow a rename
	// Allow names the check warnings an editor has silenced for this
	// question, where the rule is wrong for it.
	Allow []string
	// Draft questions are work in progress: the preview server shows them
	// labelled, and a build leaves them out unless asked for drafts.
	Draft bool
	Pos   diag.Pos // the [[question]] header
	// Keys is where each key of the question's table is written, so a
	// message about a key's value points at its line.
	Keys map[string]diag.Pos
}

// KeyPos is where the question's key is written, or its [[question]]
// header if the key is not.
func (q *Question) KeyPos(key string) diag.Pos {
	if p, ok := q.Keys[key]; ok {
		return p
	}
	return q.Pos
}

// Page is a Markdown page.
type Page struct {
	Slug   string // file name without .md ("how-to-use"); "" for the home page
	Title  string
	Weight int
	Body   markdown.Doc
	Draft  bool // left out of a build unless asked for drafts, like a draft question
	// WebOnly and LevelOnly name sections of the page by their
	// headings' text. The workbooks, which print the how-to page, leave
	// the WebOnly sections out (they are about the website), and a
	// workbook of part of a level leaves the LevelOnly ones out too (its
	// reader has no level to choose). The site shows them all.
	WebOnly, LevelOnly []string
	Pos                diag.Pos
	// BodyLine is the line of the file where Body starts, after the front
	// matter, so warnings about its text can name their line.
	BodyLine int
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
	// Minutes and SessionQuestions are as for Level, for these questions.
	Minutes          int
	SessionQuestions int
}

// Section is one foundation × area cell of a workbook.
type Section struct {
	Foundation *Foundation
	Focus      *Focus
	Questions  []*Question
}

// ContactHref is a link to the publisher's contact: mailto: for an email
// address, the address itself for a web address, or "" when it is
// neither (a telephone number, say) and is shown as plain text.
func (c Config) ContactHref() string {
	s := strings.TrimSpace(c.Contact)
	switch {
	case strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "mailto:"):
		return s
	case strings.Contains(s, "@") && !strings.ContainsAny(s, " /"):
		return "mailto:" + s
	}
	return ""
}
