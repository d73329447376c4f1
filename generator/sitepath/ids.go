package sitepath

import (
	"fmt"
	"strings"

	"workbook/generator/model"
)

// A page gives elements ids for links and for its script: each question's
// element has the question's id (and an empty one per alias), so links to
// a question land on it; the parts of a page have ids the contents list
// links to; and the page itself uses fixed ids for the skip link, the
// grid and every panel of the self-assessment. Two elements with one id
// break the link or the script silently (the self-assessment does not
// start), so a question may not take an id the page uses itself.
// ReservedID is where that knowledge lives, beside the site's paths: the
// html renderer builds part ids with PartID, check refuses question ids
// that clash, and TestEveryPageIDIsAccountedFor (in render/html) holds
// the default theme's templates and scripts to it.

// ReservedID returns what the pages use id for themselves, or "" if
// nothing: a question (or alias) with that id would clash with it. fw
// gives the ids of the parts of pages (a foundation's section on a level
// page, a level's on a foundation or area of focus page).
func ReservedID(fw *model.Framework, id string) string {
	switch {
	case id == "maincontent":
		return "the main content, where the skip link leads"
	case id == "at-a-glance":
		return "the grid of questions at a glance"
	case id == selfAssessment || strings.HasPrefix(id, selfAssessment+"-"):
		return "the self-assessment and the team page, whose panels and controls use every id starting " + selfAssessment
	}
	if fw == nil {
		return ""
	}
	for _, f := range fw.Foundations {
		if id == PartID("foundation", f.ID) {
			return fmt.Sprintf("the section for foundation %s on level pages", f.ID)
		}
	}
	for _, l := range fw.Levels {
		if id == PartID("level", l.ID) {
			return fmt.Sprintf("the section for level %s on foundation and area of focus pages", l.ID)
		}
	}
	return ""
}

// selfAssessment is the id of the self-assessment's section; its parts'
// ids, and the team page's (assess-team-…), start with it and a hyphen,
// so the team page takes no id a question might want (a level named
// "team" has question ids starting "team-").
const selfAssessment = "assess"

// PartID is the id of a part of a page: a foundation's section on a
// level page ("foundation-digital"), a level's on a foundation or area
// of focus page ("level-provider").
func PartID(kind, id string) string { return kind + "-" + id }
