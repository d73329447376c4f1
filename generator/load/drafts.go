package load

import "workbook/generator/model"

// drafts counts the draft questions and pages and, unless keep, takes
// them out of the model before anything is derived from it, so no grid,
// workbook, estimate or page of a build sees them.
func drafts(site *model.Site, keep bool) {
	site.Drafts.Kept = keep
	for _, lv := range site.Framework.Levels {
		lv.Questions = dropDrafts(lv.Questions, keep, &site.Drafts.Questions, func(q *model.Question) bool { return q.Draft })
	}
	site.Pages = dropDrafts(site.Pages, keep, &site.Drafts.Pages, func(p *model.Page) bool { return p.Draft })
}

// dropDrafts counts the drafts of items in n and returns items without
// them, or all of them if keep.
func dropDrafts[T any](items []T, keep bool, n *int, draft func(T) bool) []T {
	kept := items[:0:0]
	for _, it := range items {
		if draft(it) {
			*n++
			if !keep {
				continue
			}
		}
		kept = append(kept, it)
	}
	return kept
}
