// Package pdf writes a workbook as a PDF to print and fill in with a pen
// at a team workshop: a cover, how to use it, contents, every question
// with ruled boxes for the answer and the evidence and tick boxes to rate
// it in each review cycle, an action plan after each foundation and a
// summary sheet at the end.
//
// It only reads the model. Layout is its own (package fpdf draws): text is
// measured and wrapped here, so a question, its boxes and its rating rows
// are known to fit before anything is drawn and never split across pages.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"workbook/generator/render/pdf/pdfobj"

	"workbook/generator/model"
)

// Options carries what is not content: the date the PDF says it was made
// (SOURCE_DATE_EPOCH, the content's date or model.UndatedCreated: the
// caller decides, and never the clock).
type Options struct{ Created time.Time }

// created is the date to print; a zero date (a caller that gave none) is
// model.UndatedCreated, because fpdf would put the clock there.
func (o Options) created() time.Time {
	if o.Created.IsZero() {
		return model.UndatedCreated()
	}
	return o.Created.UTC()
}

// Write renders one workbook of site to w. Pure: same input → byte-identical output. Safe to call concurrently for different workbooks.
func Write(w io.Writer, site *model.Site, wb *model.Workbook, fonts Fonts, opt Options) (pages int, err error) {
	return write(w, site, wb, fonts, opt, nil)
}

// write is Write with a recorder for the layout tests.
func write(w io.Writer, site *model.Site, wb *model.Workbook, fonts Fonts, opt Options, rec func(drawOp)) (pages int, err error) {
	if site == nil || site.Framework == nil || wb == nil || wb.Level == nil {
		return 0, errors.New("pdf: the workbook has no site, framework or level")
	}
	// fpdf panics on some input it cannot handle; a build must get an
	// error naming the workbook instead.
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("pdf: workbook %s: %v", wb.Name, r)
		}
	}()
	d, err := newDoc(fonts, rec)
	if err != nil {
		return 0, err
	}
	d.tags, d.words = newTagger(), site.Strings
	b := &book{doc: d, site: site, wb: wb, set: settingsOf(site.Config)}
	d.fillable = b.set.fillable
	b.metadata(opt.created())

	cover, howTo, body, summary := b.cover(), b.howTo(), b.foundations(), b.summary()
	var entries []*anchor
	for _, part := range [][]block{howTo, body, summary} {
		for _, bl := range part {
			for _, a := range bl.anchors {
				if a.toc {
					entries = append(entries, a)
				}
			}
		}
	}
	rows := d.tocRows(entries)
	d.flow(cover)
	toc := d.reserveContents(rows)
	d.flow(howTo)
	d.flow(body)
	d.flow(summary)
	d.drawContents(toc, rows)
	b.running()
	if pages, err = d.finish(w); err != nil {
		return 0, fmt.Errorf("pdf: workbook %s: %w", wb.Name, err)
	}
	return pages, nil
}

// finish writes the laid-out document to w, rewritten by pdfobj with its
// streams compressed, small objects packed and its outline counts
// corrected, and returns its page count.
func (d *doc) finish(w io.Writer) (pages int, err error) {
	pages = d.pdf.PageCount()
	d.goTo(pages)
	d.endMarked()
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return 0, err
	}
	// fpdf still holds every page twice (its page buffers and the whole
	// file); let them go before compressing, which for a workbook of
	// thousands of questions is most of the build's peak memory.
	d.pdf = nil
	f, err := pdfobj.Parse(buf.Bytes())
	if err != nil {
		return 0, fmt.Errorf("reading fpdf's output: %w", err)
	}
	buf = bytes.Buffer{}
	fixOutline(f, d.outline)
	if pages, err := f.Pages(); err == nil && len(pages) > 0 {
		tidyContent(f, pages)
	}
	more := d.more
	more.Form = d.finishForm(f)
	more.Annots, more.Fields = d.annots, d.fields
	if d.tags != nil {
		more.Structure = d.tags.root
	}
	if err := f.Apply(more); err != nil {
		return 0, err
	}
	if _, err := f.WriteTo(w); err != nil {
		return 0, err
	}
	return pages, nil
}

// newDoc starts an A4 document with the font family loaded. Each face is
// checked here first: fpdf prints a broken font's error and carries on.
func newDoc(fonts Fonts, rec func(drawOp)) (*doc, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false) // pdfobj compresses with one writer, faster
	p.SetMargins(marginX, contentTop, marginX)
	p.SetAutoPageBreak(false, pageH-contentBottom)
	d := &doc{pdf: p, rec: rec}
	for s := regular; s <= italic; s++ {
		f, err := parseFace(faceBytes(fonts, s))
		if err != nil {
			return nil, fmt.Errorf("pdf: font %s: %v", s.file(), err)
		}
		d.faces[s] = f
		p.AddUTF8FontFromBytes(family, s.fpdfStyle(), faceBytes(fonts, s))
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("pdf: loading the fonts: %w", err)
	}
	return d, nil
}

// book is a workbook being laid out: the drawing surface and what it
// reads from the model.
type book struct {
	*doc
	site *model.Site
	wb   *model.Workbook
	set  settings
}

// settings are config.toml's workbook settings. The loader filled in
// the defaults and kept every value within the model's limits.
type settings struct {
	answerLines, evidenceLines, actionRows int
	// cycles are the review cycles printed: a rating row each.
	cycles   []string
	fillable bool
}

func settingsOf(c model.Config) settings {
	return settings{
		answerLines:   c.PDF.AnswerLines,
		evidenceLines: c.PDF.EvidenceLines,
		actionRows:    c.PDF.ActionRows,
		cycles:        c.PDF.Cycles,
		fillable:      c.PDF.Fillable,
	}
}

// metadata fills in the document information a library catalogue or a
// screen reader shows, and fixes what would otherwise vary between runs.
func (b *book) metadata(at time.Time) {
	c, lv := b.site.Config, b.wb.Level
	p := b.pdf
	title := plainBMP(c.Title + ": " + b.workbookTitle())
	p.SetTitle(title, true)
	b.more.Metadata = xmp(title, plainBMP(c.Author), language(c), at)
	if c.Author != "" {
		p.SetAuthor(plainBMP(c.Author), true)
	}
	subject := b.t("pdf.workbook.subject", "level", lv.Title)
	if lv.Audience != "" {
		subject += ": " + lv.Audience
	}
	p.SetSubject(plainBMP(subject), true)
	keywords := []string{c.Title, lv.Title, b.t("pdf.workbook.keywords")}
	for _, f := range b.wb.Foundations {
		keywords = append(keywords, short(f.Short, f.Title))
	}
	p.SetKeywords(plainBMP(strings.Join(keywords, ", ")), true)
	p.SetCreator("workbook", false)
	p.SetLang(language(c))
	b.more.Catalog = "/ViewerPreferences <</DisplayDocTitle true>>"
	// Which framework, content version and workbook this is, so a filled
	// copy can be matched to its questions when it comes back.
	b.more.Info = "/WorkbookFramework " + pdfobj.Text(c.ID) + " /WorkbookVersion " + pdfobj.Text(c.Version) +
		" /WorkbookName " + pdfobj.Text(b.wb.Name) + " /WorkbookLevel " + pdfobj.Text(lv.ID)
	p.SetCreationDate(at)
	p.SetModificationDate(at)
	p.SetCatalogSort(true)
}

// language is the content's language tag, en-GB unless config.toml says.
func language(c model.Config) string {
	if c.Language == "" {
		return "en-GB"
	}
	return c.Language
}

// workbookTitle is the workbook's own title, or its level's.
func (b *book) workbookTitle() string {
	if b.wb.Title != "" {
		return b.wb.Title
	}
	return b.wb.Level.Title
}

// short returns s, or long when s is empty.
func short(s, long string) string {
	if s != "" {
		return s
	}
	return long
}

// dateText writes a date as the site's language does (1 March 2025 in
// English), from the theme's strings.
func (b *book) dateText(t time.Time) string { return b.site.Strings.Date(t) }

// versionText says which content a printout is: "Content version 1.2,
// 1 March 2025", or as much of it as config.toml gives.
func (b *book) versionText() string {
	c := b.site.Config
	var parts []string
	if c.Version != "" {
		parts = append(parts, b.t("pdf.content_version", "version", c.Version))
	}
	if !c.Date.IsZero() {
		parts = append(parts, b.dateText(c.Date))
	}
	return strings.Join(parts, ", ")
}
