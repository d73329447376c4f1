package html

import (
	"strings"

	"workbook/generator/sitepath"
)

// teamData is what the team page's script (assets/team.js) knows of the
// site without asking for anything: the framework's id and title, review
// cycles, rating scale, foundations and areas of focus, and each level's
// questions with their numbers, words and earlier ids. The layout writes
// it as JSON in a <script type="application/json"> block, which no
// browser runs (so Content-Security-Policy has nothing to forbid) and the
// Nu HTML Checker accepts; html/template escapes it for that place.
// Everything comes from the model, in the framework's order.
type teamData struct {
	Framework   string      `json:"framework"`
	Title       string      `json:"title"`
	Cycles      []string    `json:"cycles"`
	Ratings     []teamScale `json:"ratings"`
	Foundations []teamAxis  `json:"foundations"`
	Focuses     []teamAxis  `json:"focuses"`
	Levels      []teamLevel `json:"levels"`
}

// teamScale is a rating as the team page shows it.
type teamScale struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Meaning string `json:"meaning"`
}

// teamAxis is a foundation or an area of focus: a row or a column of the
// grid.
type teamAxis struct {
	ID    string `json:"id"`
	Short string `json:"short"`
	Title string `json:"title"`
}

// teamLevel is a level and its questions, in its order.
type teamLevel struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Href      string         `json:"href"` // the level's page, relative to the team page
	Questions []teamQuestion `json:"questions"`
}

// teamQuestion is a question as the team page lists it: its number is
// the one its level's page and workbook print.
type teamQuestion struct {
	ID         string   `json:"id"`
	Number     int      `json:"number"`
	Text       string   `json:"text"`
	Good       string   `json:"good,omitempty"`
	Foundation string   `json:"foundation"`
	Focus      string   `json:"focus"`
	Aliases    []string `json:"aliases,omitempty"`
}

// newTeamData gathers the team page's data for p.
func newTeamData(p *page) *teamData {
	site := p.Site
	fw := site.Framework
	d := &teamData{Framework: site.Config.ID, Title: site.Config.Title, Cycles: site.Config.Cycles,
		Ratings: []teamScale{}, Foundations: []teamAxis{}, Focuses: []teamAxis{}, Levels: []teamLevel{}}
	for _, r := range fw.Ratings {
		d.Ratings = append(d.Ratings, teamScale{ID: r.ID, Label: r.Label, Meaning: r.Meaning})
	}
	for _, f := range fw.Foundations {
		d.Foundations = append(d.Foundations, teamAxis{ID: f.ID, Short: f.Short, Title: f.Title})
	}
	for _, a := range fw.Focuses {
		d.Focuses = append(d.Focuses, teamAxis{ID: a.ID, Short: a.Short, Title: a.Title})
	}
	for _, l := range fw.Levels {
		tl := teamLevel{ID: l.ID, Title: l.Title, Href: p.Rel(sitepath.Level(l.ID)), Questions: []teamQuestion{}}
		for _, q := range l.Questions {
			tl.Questions = append(tl.Questions, teamQuestion{ID: q.ID, Number: q.Number, Text: plain(q.Text.Plain()),
				Good: plain(q.Good.Plain()), Foundation: q.Foundation.ID, Focus: q.Focus.ID, Aliases: q.Aliases})
		}
		d.Levels = append(d.Levels, tl)
	}
	return d
}

// plain puts a text's words one space apart: the team page shows a
// question's words, not its layout (a question of two paragraphs reads
// as one).
func plain(s string) string { return strings.Join(strings.Fields(s), " ") }
