package pdf

import (
	"fmt"
	"io"
	"time"

	"workbook/generator/model"
)

// drawDocument draws a document other than a workbook (a report, a
// facilitator pack) with the workbooks' page, fonts, running header and
// footer, and writes it to w. lay makes the document's book on a new
// doc (which speaks the site's language) and returns its parts, each
// flowed onto pages in turn; what names the document in errors. fpdf panics on some input it cannot handle:
// the caller gets an error naming the document instead.
func drawDocument(w io.Writer, site *model.Site, fonts Fonts, tagged bool, what string, lay func(d *doc) (*book, [][]block)) (pages int, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = 0, fmt.Errorf("pdf: %s: %v", what, r)
		}
	}()
	d, err := newDoc(fonts, nil)
	if err != nil {
		return 0, err
	}
	d.words = site.Strings
	if tagged {
		d.tags = newTagger()
	}
	b, parts := lay(d)
	for _, part := range parts {
		d.flow(part)
	}
	b.running()
	if pages, err = d.finish(w); err != nil {
		return 0, fmt.Errorf("pdf: %s: %w", what, err)
	}
	return pages, nil
}

// describe fills in the document information and metadata, then gives
// the document its own title (the window title and the XMP metadata's)
// and subject.
func (b *book) describe(title, subject string, at time.Time) {
	b.metadata(at)
	title = plainBMP(title)
	b.pdf.SetTitle(title, true)
	b.more.Metadata = xmp(title, plainBMP(b.site.Config.Author), language(b.site.Config), at)
	b.pdf.SetSubject(plainBMP(subject), true)
}

// numberIn is a question's number in a list of questions (from 1), as a
// workbook of them numbers it; 0 when it is not there.
func numberIn(qs []*model.Question, q *model.Question) int {
	for i, x := range qs {
		if x == q {
			return i + 1
		}
	}
	return 0
}

// levelBook is the book of a document about a whole level: its running
// header names the document (title) and the level.
func levelBook(d *doc, site *model.Site, l *model.Level, name, title string) *book {
	wb := &model.Workbook{Name: name, Title: title, Level: l,
		Foundations: site.Framework.Foundations, Focuses: site.Framework.Focuses, Questions: l.Questions}
	return &book{doc: d, site: site, wb: wb, set: settingsOf(site.Config)}
}
