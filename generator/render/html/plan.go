package html

import (
	"strings"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/sitepath"
)

// plan lists every page of the site in a fixed order, each with what its
// layout needs.
func plan(site *model.Site, downloads []Download) []*page {
	fw := site.Framework
	title := site.Config.Title
	w := site.Strings
	home := crumb{Title: w.T("site.home"), Href: sitepath.Home}
	var pages []*page
	add := func(p *page) *page {
		p.Site, p.Downloads = site, downloads
		// Crumbs were written relative to the root; make them relative to p.
		for i := range p.Crumbs {
			if p.Crumbs[i].Href != "" {
				p.Crumbs[i].Href = p.Rel(p.Crumbs[i].Href)
			}
		}
		pages = append(pages, p)
		return p
	}

	hp := &page{Layout: "home", Path: sitepath.Home, Title: title, Description: site.Config.Description,
		Crumbs: []crumb{{Title: w.T("site.home")}}}
	if site.Home != nil {
		hp.Page, hp.Body = site.Home, site.Home.Body
		if site.Home.Title != "" {
			hp.Title = site.Home.Title
		}
		if hp.Description == "" {
			hp.Description = summary(site.Home.Body, title)
		}
	}
	add(hp)

	for _, c := range site.Pages {
		add(&page{Layout: "page", Path: sitepath.Page(c.Slug), Title: c.Title, Page: c, Body: c.Body,
			Description: summary(c.Body, c.Title+" – "+title),
			Crumbs:      []crumb{home, {Title: c.Title}}})
	}

	add(&page{Layout: "downloads", Path: sitepath.Downloads, Title: w.T("downloads.title"),
		Description: w.T("downloads.description", "title", title),
		Crumbs:      []crumb{home, {Title: w.T("site.downloads")}}})

	add(&page{Layout: "404", Path: sitepath.NotFound, Title: w.T("notfound.title"),
		Description: w.T("notfound.description", "title", title),
		Crumbs:      []crumb{home, {Title: w.T("notfound.title")}}})

	if hasTeamPage(site) {
		t := site.Strings.T
		p := add(&page{Layout: "team", Path: sitepath.Team, Title: t("team.title"), Caption: t("team.caption"),
			Description: t("team.description", "title", title),
			Crumbs:      []crumb{home, {Title: t("team.title")}}, ScriptWords: true})
		p.Team = newTeamData(p)
	}

	for _, l := range fw.Levels {
		p := add(&page{Layout: "level", Path: sitepath.Level(l.ID), Title: l.Title, Caption: w.T("caption.level"), Level: l,
			Description: l.Title + " – " + l.Audience,
			Crumbs:      []crumb{home, {Title: l.Title}}, ScriptWords: hasTeamPage(site)})
		if l.Intro != nil {
			p.Page, p.Body = l.Intro, l.Intro.Body
		}
		p.Grid = levelGrid(p, l)
		p.Parts = levelParts(p, l)
	}

	for _, f := range fw.Foundations {
		p := add(&page{Layout: "foundation", Path: sitepath.Foundation(f.ID), Title: f.Title, Caption: w.T("caption.foundation"), Foundation: f, Body: f.Description,
			Description: summary(f.Description, w.T("topic.description", "topic", f.Title, "title", title)),
			Crumbs:      []crumb{home, {Title: f.Title}}})
		p.Parts = foundationParts(p, f)
	}

	for _, a := range fw.Focuses {
		p := add(&page{Layout: "focus", Path: sitepath.Focus(a.ID), Title: a.Title, Caption: w.T("caption.focus"), Focus: a, Body: a.Description,
			Description: summary(a.Description, w.T("topic.description", "topic", a.Title, "title", title)),
			Crumbs:      []crumb{home, {Title: a.Title}}})
		p.Parts = focusParts(p, a)
	}
	return pages
}

// summaryLen is the most a meta description says: search results and link
// previews cut longer ones.
const summaryLen = 160

// summary is the start of d's plain text, cut at a word, for a meta
// description; or fallback when d is empty.
func summary(d markdown.Doc, fallback string) string {
	s := strings.Join(strings.Fields(d.Plain()), " ")
	if s == "" {
		return fallback
	}
	if len([]rune(s)) <= summaryLen {
		return s
	}
	r := []rune(s)[:summaryLen]
	if i := strings.LastIndexByte(string(r), ' '); i > 0 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}
