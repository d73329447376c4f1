// Package sitepath says where every file of a built site lives. The site
// renderer writes there, the PDF covers and the preview server point
// there, and the loader refuses content whose name would land on one of
// them, so the layout of the output is spelt in this one place.
//
// Paths are slash-separated and relative to the site root. They are part
// of the site's public face (bookmarks, links in printed workbooks), so
// they change only with care.
package sitepath

// Pages the site writes itself.
const (
	Home      = "index.html"
	Downloads = "downloads.html"
	NotFound  = "404.html"
	// Team is the team page, where a facilitator brings a team's answer
	// files together and records what the team agreed.
	Team = "team.html"
)

// WorkbookDir is the folder that holds every workbook PDF.
const WorkbookDir = "workbooks"

// Level is the page of the operating level with the given id.
func Level(id string) string { return "levels/" + id + ".html" }

// Foundation is the page of the enhanced foundation with the given id.
func Foundation(id string) string { return "foundations/" + id + ".html" }

// Focus is the page of the area of focus with the given id.
func Focus(id string) string { return "focus/" + id + ".html" }

// Page is the page made from content/<slug>.md.
func Page(slug string) string { return slug + ".html" }

// Workbook is the PDF of the workbook with the given name.
func Workbook(name string) string { return WorkbookDir + "/" + name + ".pdf" }

// Pack is the facilitator pack of the level with the given id: in a
// folder of its own, so that no workbook's name can land on it.
func Pack(level string) string { return WorkbookDir + "/facilitator/" + level + ".pdf" }

// Reserved returns, in words, the page the site writes itself at the
// path a content page with that slug would take (Page(slug)), or "" if
// the path is free: the loader refuses such a page, naming what it
// would overwrite.
func Reserved(slug string) string {
	switch Page(slug) {
	case Home:
		return "the home page (" + Home + ")"
	case Downloads:
		return "the downloads page (" + Downloads + ")"
	case NotFound:
		return "the page for links to nowhere (" + NotFound + ")"
	case Team:
		return "the team page (" + Team + ")"
	}
	return ""
}
