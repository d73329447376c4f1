package pdf

import (
	"io"

	"workbook/generator/render"
	"workbook/generator/sitepath"
)

// Workbooks is the build's output of workbook PDFs: one document for each
// of the site's workbooks (every level's, then config.toml's custom ones).
type Workbooks struct{ Fonts Fonts }

// Jobs lists a job per workbook, in the site's order.
func (o Workbooks) Jobs(in *render.Input) []render.Job {
	jobs := make([]render.Job, len(in.Site.Workbooks))
	for i, wb := range in.Site.Workbooks {
		jobs[i] = render.Job{
			Document: render.Document{Path: sitepath.Workbook(wb.Name), Workbook: wb},
			Level:    wb.Level.ID,
			Draw: func(w io.Writer) (int, error) {
				return Write(w, in.Site, wb, o.Fonts, Options{Created: in.Created})
			},
		}
	}
	return jobs
}
