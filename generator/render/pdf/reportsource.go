package pdf

import "strings"

// sourceFacts are the opening's facts about where the answers came
// from: when they were exported from the web version, or, for a
// workbook filled in on screen, who filled it in (its cover) and which
// content it was made from.
func (r *report) sourceFacts() [][2]string {
	wb := r.ans.Workbook
	if wb == nil {
		if r.ans.Exported.IsZero() {
			return nil
		}
		return [][2]string{{r.t("pdf.report.exported"), r.dateText(r.ans.Exported.UTC())}}
	}
	var facts [][2]string
	var who []string
	for _, s := range []string{r.ans.Person.Name, r.ans.Person.Team, wb.Organisation} {
		if s = strings.TrimSpace(s); s != "" {
			who = append(who, s)
		}
	}
	if len(who) > 0 {
		facts = append(facts, [2]string{r.t("pdf.report.completed_by"), strings.Join(who, ", ")})
	}
	if d := strings.TrimSpace(wb.Date); d != "" {
		facts = append(facts, [2]string{r.t("pdf.report.cover_date"), d})
	}
	made := r.t("pdf.content_version", "version", wb.ContentVersion)
	if wb.ContentVersion == "" {
		made = r.t("pdf.report.no_version")
	}
	if wb.ContentVersion != r.site.Config.Version {
		made = r.t("pdf.report.changed", "version", made)
	}
	return append(facts, [2]string{r.t("pdf.report.workbook"), made})
}

// sourceText is the first sentence of "About this report".
func (r *report) sourceText() string {
	if wb := r.ans.Workbook; wb != nil {
		return r.t("pdf.report.from_workbook", "cycle", wb.Cycle)
	}
	return r.t("pdf.report.from_export")
}
