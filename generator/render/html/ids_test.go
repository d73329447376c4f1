package html

import (
	"regexp"
	"strings"
	"testing"

	"workbook/generator/markdown"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/sitepath"

	xhtml "golang.org/x/net/html"
)

// Every id on every page, and every id the theme's scripts look up or
// make, is one ReservedID knows (so the loader's check can keep questions
// off it), or one that cannot clash with those: a question's id or
// alias, a grid cell's (two ids joined by "--", which no id holds), or a
// heading's (markdown.HeadingIDPrefix). A template or script that starts
// using a new id fails here until ReservedID lists it.
func TestEveryPageIDIsAccountedFor(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkIDs(t, ts.site, ts.out) })
	}
	th := defaultTheme(t)
	scriptID := regexp.MustCompile(`getElementById\('([^']+)'\)|\bid: '([^']+)'|querySelector(?:All)?\('#([a-zA-Z][\w-]*)`)
	for _, js := range []string{"assets/assess.js", "assets/site.js", "assets/team.js", "assets/kit.js", "assets/formats.js", "assets/words.js"} {
		b, err := th.ReadFile("static", js)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, m := range scriptID.FindAllStringSubmatch(string(b), -1) {
			id := m[1] + m[2] + m[3]
			found++
			if sitepath.ReservedID(nil, id) == "" {
				t.Errorf("%s uses id %q, which ReservedID does not list", js, id)
			}
		}
		if (js == "assets/assess.js" || js == "assets/team.js") && found < 10 {
			t.Errorf("found only %d ids in %s: the pattern is broken", found, js)
		}
	}
}

func checkIDs(t *testing.T, site *model.Site, out *output.Memory) {
	questions := map[string]bool{}
	for _, q := range site.Framework.Questions {
		questions[q.ID] = true
		for _, a := range q.Aliases {
			questions[a] = true
		}
	}
	reserved := 0
	for _, name := range htmlPages(out) {
		b, _ := out.Get(name)
		d := parseDOM(t, name, b)
		for _, n := range d.all(func(n *xhtml.Node) bool { _, ok := attr(n, "id"); return ok }) {
			id, _ := attr(n, "id")
			switch {
			case sitepath.ReservedID(site.Framework, id) != "":
				reserved++
			case questions[id], strings.HasPrefix(id, markdown.HeadingIDPrefix):
			case strings.Count(id, "--") == 1:
			default:
				t.Errorf("%s: <%s id=%q>: not a question's, a cell's or a heading's id, and ReservedID does not list it", name, n.Data, id)
			}
		}
	}
	if reserved < 10 {
		t.Errorf("only %d reserved ids on the pages: the walk is broken", reserved)
	}
}
