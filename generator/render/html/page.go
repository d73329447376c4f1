package html

import (
	"encoding/json"
	"strings"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/render"
	"workbook/generator/sitepath"
)

// page is what a layout receives: one page of the site, the whole site for
// navigation, and methods that turn site paths into links relative to this
// page, so a layout never has to know how deep its page sits.
type page struct {
	Layout      string       // the layout that renders it: "level" → layouts/level.html
	Path        string       // where it is written, relative to the site root
	Title       string       // the page's h1
	Caption     string       // a line above the h1 saying what kind of page it is
	Description string       // the meta description
	Body        markdown.Doc // the page's prose: a content page's body, a level's introduction, a foundation's description
	Crumbs      []crumb
	Site        *model.Site
	Downloads   []Download

	// The one thing the page is about, if any.
	Page       *model.Page
	Level      *model.Level
	Foundation *model.Foundation
	Focus      *model.Focus

	Grid  []gridRow // the level's foundation × area table
	Parts []part    // the page's questions, grouped

	// ScriptWords says the page's scripts print words: <body> carries
	// them (ScriptStrings). A page with questions carries site.js's
	// words whatever it says (HasScriptStrings).
	ScriptWords bool
	// Team is what the team page's script needs to know of the site.
	Team *teamData
}

// crumb is one step of the breadcrumbs. The last has no link: it is the
// page itself.
type crumb struct {
	Title string
	Href  string
}

// HeadTitle is the page's <title>: the page's own title first, so browser
// tabs and screen readers' page lists tell pages apart, then the site's.
func (p *page) HeadTitle() string {
	if p.Path == sitepath.Home || p.Title == p.Site.Config.Title {
		return p.Site.Config.Title
	}
	return p.Title + " – " + p.Site.Config.Title
}

// T is the theme's words for key in the site's language, with named
// values filled in: {{.T "site.skip_link"}}, {{.T "level.minutes" "minutes" 12}}.
func (p *page) T(key string, args ...any) string { return p.Site.Strings.T(key, args...) }

// N is the form of key's words for the number n: {{.N "count.questions" 3}}.
func (p *page) N(key string, n int, args ...any) string { return p.Site.Strings.N(key, n, args...) }

// TimeText says a level's or workbook's time estimate in the site's
// language: {{.TimeText .Level.Estimate}}.
func (p *page) TimeText(e model.Estimate) string { return e.Text(p.Site.Strings) }

// ScriptStrings is the JSON of every message the site's scripts print
// (the keys under [script] of the strings file, without that prefix), for
// the data-strings attribute of <body>: the scripts read their words from
// there, so they print the site's language too. The [date] messages come
// with them under their own keys ("date.months"), so that a script
// writes a date as the PDFs do: browsers know the month names of few
// languages (Chromium writes a Welsh date in American English).
//
// A page whose only script words are site.js's (a page of questions with
// "Copy link" buttons) carries only those ([script.site]), not the
// self-assessment's hundreds.
func (p *page) ScriptStrings() string {
	out := map[string]any{}
	c := p.Site.Strings
	for _, k := range c.Keys() {
		rest, ok := strings.CutPrefix(k, "script.")
		if strings.HasPrefix(k, "date.") {
			rest, ok = k, true
		}
		if !ok || !p.ScriptWords && !strings.HasPrefix(rest, "site.") {
			continue
		}
		m, _ := c.Message(k)
		if m.Forms != nil {
			out[rest] = m.Forms
		} else {
			out[rest] = m.Text
		}
	}
	b, _ := json.Marshal(out) // map keys sorted: the same strings give the same bytes
	return string(b)
}

// HasScriptStrings reports whether <body> carries words for scripts:
// the self-assessment's and the team page's, or site.js's "Copy link"
// beside each question.
func (p *page) HasScriptStrings() bool { return p.ScriptWords || len(p.Parts) > 0 }

// Lang is the content's language tag for <html lang>: config.toml's
// language, en-GB when a model gives none.
func (p *page) Lang() string {
	if p.Site.Config.Language == "" {
		return "en-GB"
	}
	return p.Site.Config.Language
}

// Root is the relative path from this page to the site root: "" at the
// top, "../" one folder down.
func (p *page) Root() string {
	return strings.Repeat("../", strings.Count(p.Path, "/"))
}

// Rel turns a path relative to the site root ("levels/provider.html#x")
// into a link relative to this page. A link to the page itself keeps only
// its fragment, so it does not reload the page.
func (p *page) Rel(target string) string {
	file, frag, hasFrag := strings.Cut(target, "#")
	if file == p.Path && hasFrag {
		return "#" + frag
	}
	return p.Root() + target
}

// Home links to the home page. It names index.html because a folder link
// opens a file listing, not the page, when the site is read from disk.
func (p *page) Home() string { return p.Rel(sitepath.Home) }

// LevelURL links to a level's page.
func (p *page) LevelURL(l *model.Level) string { return p.Rel(sitepath.Level(l.ID)) }

// FoundationURL links to a foundation's page.
func (p *page) FoundationURL(f *model.Foundation) string { return p.Rel(sitepath.Foundation(f.ID)) }

// FocusURL links to an area of focus's page.
func (p *page) FocusURL(a *model.Focus) string { return p.Rel(sitepath.Focus(a.ID)) }

// PageURL links to a content page.
func (p *page) PageURL(c *model.Page) string { return p.Rel(sitepath.Page(c.Slug)) }

// HasTeamPage reports whether the site has the self-assessment and its
// team page: it needs a framework id (which keys saved answers) and
// review cycles (config.toml).
func (p *page) HasTeamPage() bool { return hasTeamPage(p.Site) }

func hasTeamPage(site *model.Site) bool { return site.Config.ID != "" && len(site.Config.Cycles) > 0 }

// TeamURL links to the team page.
func (p *page) TeamURL() string { return p.Rel(sitepath.Team) }

// DownloadsURL links to the downloads page.
func (p *page) DownloadsURL() string { return p.Rel(sitepath.Downloads) }

// downloadLink is a workbook link as the download partial shows it.
type downloadLink struct {
	Href  string
	Title string
	Meta  string // "PDF, 147 KB, 12 pages"
}

// DownloadLink prepares a workbook link for the download partial. Its
// text names the workbook as a workbook ("Provider workbook"), so the link
// cannot be mistaken for one to the level's page, without doubling the
// word when the title already ends in it.
func (p *page) DownloadLink(d Download) downloadLink {
	w := p.Site.Strings
	l := downloadLink{Href: p.Rel(d.Path), Meta: w.T("download.meta", "size", w.N("download.kb", (d.Bytes+1023)/1024), "pages", w.N("download.pages", d.Pages))}
	if d.Workbook != nil {
		l.Title = d.Workbook.Title
		if l.Title == "" {
			l.Title = d.Workbook.Name
		}
	}
	switch word := w.T("download.workbook"); {
	case d.Kind == render.FacilitatorPack:
		l.Title = w.T("download.pack", "title", l.Title)
	case !strings.HasSuffix(strings.ToLower(l.Title), strings.ToLower(word)):
		l.Title = w.T("download.link", "title", l.Title)
	}
	return l
}

// Workbooks lists the workbooks among the downloads, in the build's
// order.
func (p *page) Workbooks() []Download { return p.ofKind("") }

// Packs lists the facilitator packs among the downloads, a level's each.
func (p *page) Packs() []Download { return p.ofKind(render.FacilitatorPack) }

// ofKind lists the downloads of one kind.
func (p *page) ofKind(kind string) []Download {
	var out []Download
	for _, d := range p.Downloads {
		if d.Kind == kind {
			out = append(out, d)
		}
	}
	return out
}

// Asset links to a file of the theme's static folder.
func (p *page) Asset(rel string) string { return p.Rel(rel) }

// QuestionURL links to a question where it lives: its level's page.
func (p *page) QuestionURL(q *model.Question) string {
	return p.Rel(sitepath.Level(q.Level.ID) + "#" + q.ID)
}

// LevelDownloads lists the workbooks of a level, its full workbook first
// (the build writes each level's own workbook before any custom subset).
func (p *page) LevelDownloads(l *model.Level) []Download {
	var out []Download
	for _, d := range p.Workbooks() {
		if d.Workbook != nil && d.Workbook.Level == l {
			out = append(out, d)
		}
	}
	return out
}

// LevelDownload is a level's full workbook, if there is one.
func (p *page) LevelDownload(l *model.Level) *Download {
	ds := p.LevelDownloads(l)
	if len(ds) == 0 {
		return nil
	}
	return &ds[0]
}
