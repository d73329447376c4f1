package pdf

import (
	"io"

	"workbook/generator/model"
	"workbook/generator/render"
	"workbook/generator/sitepath"
)

// Packs is the build's output of facilitator packs: one for each level,
// for its whole workbook, listed on the downloads page beside the
// workbooks.
type Packs struct{ Fonts Fonts }

// Jobs lists a job per level, in the site's order.
func (o Packs) Jobs(in *render.Input) []render.Job {
	var jobs []render.Job
	done := map[*model.Level]bool{}
	// Each level's own workbook comes before any custom one of it.
	for _, wb := range in.Site.Workbooks {
		if done[wb.Level] {
			continue
		}
		done[wb.Level] = true
		jobs = append(jobs, render.Job{
			Document: render.Document{Path: sitepath.Pack(wb.Level.ID), Kind: render.FacilitatorPack, Workbook: wb},
			Level:    wb.Level.ID,
			Draw: func(w io.Writer) (int, error) {
				return WritePack(w, in.Site, wb, o.Fonts, Options{Created: in.Created})
			},
		})
	}
	return jobs
}
