package load

import "workbook/generator/model"

// drafts counts the draft questions and pages and, unless keep, takes
// them out of the model before anything is derived from it, so no grid,
// workbook, estimate or page of a build sees them.
func drafts(site *model.Site, keep bool) {
	site.Drafts.Kept = keep
	for _, lv := range site.Framework.Levels {
		kept := lv.Questions[:0:0]
		for _, q := range lv.Questions {
			if q.Draft {
				site.Drafts.Questions++
			}
			if keep || !q.Draft {
				kept = append(kept, q)
			}
		}
		lv.Questions = kept
	}
	pages := site.Pages[:0:0]
	for _, p := range site.Pages {
		if p.Draft {
			site.Drafts.Pages++
		}
		if keep || !p.Draft {
			pages = append(pages, p)
		}
	}
	site.Pages = pages
}
