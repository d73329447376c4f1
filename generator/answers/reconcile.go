package answers

import (
	"fmt"
	"slices"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/wording"
)

// Reconcile says, as warnings, what whoever uses answers read from a
// filled workbook with site should know: text the workbook held that
// could not be placed; that it was made from another content version
// than the site's; which of its questions have been renamed since (their
// answers follow them, see Index) and which removed (their answers are
// kept, and a report lists them). Nothing here stops the answers being
// used. A JSON export gives none: the web version has already
// reconciled its answers, and a report lists removed questions itself.
func Reconcile(s *Set, site *model.Site) []diag.Diagnostic {
	wb := s.Workbook
	if wb == nil {
		return nil
	}
	pos := diag.Pos{File: s.File}
	out := append([]diag.Diagnostic(nil), wb.Warnings...)
	warn := func(hint, format string, args ...any) {
		out = append(out, diag.Diagnostic{Pos: pos, Severity: diag.Warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
	}
	if v := site.Config.Version; wb.ContentVersion != v {
		made := "without a content version"
		if wb.ContentVersion != "" {
			made = "from content version " + short(wb.ContentVersion)
		}
		now := "has none"
		if v != "" {
			now = "is at version " + short(v)
		}
		warn("check the answers against the questions as they are now",
			"the workbook was made %s; this site %s", made, now)
	}
	if wb.Level != "" && !slices.ContainsFunc(site.Framework.Levels, func(l *model.Level) bool { return l.ID == wb.Level }) {
		warn("its answers are kept under their questions' ids", "the workbook was made for a level (%s) this site no longer has", short(wb.Level))
	}
	ix := NewIndex(site.Framework)
	var renamed, removed []string
	seen := map[string]bool{}
	for _, r := range s.Records {
		if seen[r.Question] {
			continue
		}
		seen[r.Question] = true
		switch q := ix.Question(r.Question); {
		case q == nil:
			removed = append(removed, r.Question)
		case q.ID != r.Question:
			renamed = append(renamed, r.Question+" (now "+q.ID+")")
		}
	}
	if len(renamed) > 0 {
		warn("nothing to do: they are read as the renamed questions' answers", "answers to %s renamed since the workbook was made follow them: %s",
			wording.Count(len(renamed), "question"), strings.Join(renamed, ", "))
	}
	if len(removed) > 0 {
		warn("a report lists them at its end; the web version keeps them as answers to removed questions", "answers to %s no longer in this site's framework are kept: %s",
			wording.Count(len(removed), "question"), strings.Join(removed, ", "))
	}
	return out
}
