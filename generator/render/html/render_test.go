package html

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"

	"workbook/generator/model"
	"workbook/generator/output"

	xhtml "golang.org/x/net/html"
)

// htmlPages returns the names of the rendered HTML pages.
func htmlPages(out *output.Memory) []string {
	var ps []string
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".html") {
			ps = append(ps, n)
		}
	}
	return ps
}

// TestWritesTheFixedSiteLayout checks the paths other parts of the build
// and readers' bookmarks rely on, and that every static file of the theme
// is copied beside the pages.
func TestWritesTheFixedSiteLayout(t *testing.T) {
	out := renderFixture(t)
	want := []string{
		"404.html", "about.html", "accessibility.html", "downloads.html",
		"focus/greener.html", "focus/justice.html", "focus/people.html",
		"foundations/digital.html", "foundations/leadership.html", "how-to-use.html", "index.html",
		"levels/individual.html", "levels/provider.html",
	}
	if got := htmlPages(out); !slices.Equal(got, want) {
		t.Errorf("pages written:\n got %v\nwant %v", got, want)
	}
	static, err := defaultTheme(t).List("static")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(static, "assets/site.css", "assets/site.js", ratingsCSSPath) {
		if _, ok := out.Get(f); !ok {
			t.Errorf("%s was not written", f)
		}
	}
}

func TestEveryQuestionIsOnItsLevelPageWithAStableLink(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkQuestionsOnLevelPages(t, ts.site, ts.out) })
	}
}

func checkQuestionsOnLevelPages(t *testing.T, site *model.Site, out *output.Memory) {
	for _, l := range site.Framework.Levels {
		name := "levels/" + l.ID + ".html"
		b, _ := out.Get(name)
		d := parseDOM(t, name, b)
		for _, q := range l.Questions {
			el := d.byID(q.ID)
			if el == nil {
				t.Errorf("%s: no element with id %q", name, q.ID)
				continue
			}
			got := text(el)
			if !strings.Contains(got, q.Text.Plain()) {
				t.Errorf("%s#%s: text %q does not contain the question %q", name, q.ID, got, q.Text.Plain())
			}
			for _, p := range q.Prompts {
				if !strings.Contains(got, p.Plain()) {
					t.Errorf("%s#%s: prompt %q missing", name, q.ID, p.Plain())
				}
			}
			if !strings.Contains(got, q.Evidence.Plain()) {
				t.Errorf("%s#%s: evidence hint %q missing", name, q.ID, q.Evidence.Plain())
			}
			links := dom{root: el}.all(func(n *xhtml.Node) bool {
				h, _ := attr(n, "href")
				return n.Data == "a" && h == "#"+q.ID && text(n) == "Link to this question"
			})
			if len(links) != 1 {
				t.Errorf("%s#%s: want one \"Link to this question\" to #%s, got %d", name, q.ID, q.ID, len(links))
			}
		}
	}
}

func TestFoundationAndFocusPagesShowTheirQuestionsAtEveryLevel(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkFoundationAndFocusPages(t, ts.site, ts.out) })
	}
	// And nothing else: the digital foundation page has no leadership question.
	b, _ := renderFixture(t).Get("foundations/digital.html")
	if bytes.Contains(b, []byte(`id="provider-leadership-`)) {
		t.Error("foundations/digital.html shows a question of another foundation")
	}
}

func checkFoundationAndFocusPages(t *testing.T, site *model.Site, out *output.Memory) {
	for _, q := range site.Framework.Questions {
		for _, name := range []string{"foundations/" + q.Foundation.ID + ".html", "focus/" + q.Focus.ID + ".html"} {
			b, _ := out.Get(name)
			d := parseDOM(t, name, b)
			el := d.byID(q.ID)
			if el == nil {
				t.Errorf("%s: question %s missing", name, q.ID)
				continue
			}
			// Its link points at its home on the level page.
			want := "../levels/" + q.Level.ID + ".html#" + q.ID
			if len(dom{root: el}.all(func(n *xhtml.Node) bool { h, _ := attr(n, "href"); return h == want })) != 1 {
				t.Errorf("%s#%s: no link to %s", name, q.ID, want)
			}
		}
	}
}

// TestLinksAreRelativeAndResolve follows every href and src of every page,
// as a reader opening the site from a folder would: each must be relative,
// name a file the build wrote, and, with a fragment, an id in that file.
// Only a link a reader follows (<a href>) may leave the site, to a web or
// email address: nothing loads from elsewhere.
func TestLinksAreRelativeAndResolve(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkLinks(t, ts.out) })
	}
}

func checkLinks(t *testing.T, out *output.Memory) {
	ids := map[string][]string{}
	doms := map[string]dom{}
	for _, name := range htmlPages(out) {
		b, _ := out.Get(name)
		doms[name] = parseDOM(t, name, b)
		ids[name] = doms[name].ids()
	}
	checked := 0
	for _, name := range htmlPages(out) {
		for _, n := range doms[name].all(func(*xhtml.Node) bool { return true }) {
			for _, key := range []string{"href", "src"} {
				ref, ok := attr(n, key)
				if !ok {
					continue
				}
				checked++
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad %s %q: %v", name, key, ref, err)
					continue
				}
				if n.Data == "a" && key == "href" && slices.Contains([]string{"http", "https", "mailto", "tel"}, u.Scheme) {
					continue // a link to another site or an email address: no request until followed
				}
				if u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
					t.Errorf("%s: %s %q is not relative", name, key, ref)
					continue
				}
				target := name
				if u.Path != "" {
					target = path.Join(path.Dir(name), u.Path)
					if _, ok := out.Get(target); !ok {
						t.Errorf("%s: %s %q: %s was not written", name, key, ref, target)
						continue
					}
					if strings.HasSuffix(u.Path, "/") || !strings.Contains(path.Base(u.Path), ".") {
						t.Errorf("%s: %s %q links to a folder, which opens a file listing from disk", name, key, ref)
					}
				}
				if u.Fragment != "" && !slices.Contains(ids[target], u.Fragment) {
					t.Errorf("%s: %s %q: no id %q in %s", name, key, ref, u.Fragment, target)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked only %d links: the walk is broken", checked)
	}
}

// TestStrictCSPHolds checks what "Content-Security-Policy: default-src
// 'self'" would block: inline scripts, style elements and attributes,
// event handler attributes and javascript: URLs.
func TestStrictCSPHolds(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkCSP(t, ts.out) })
	}
}

func checkCSP(t *testing.T, out *output.Memory) {
	for _, name := range htmlPages(out) {
		b, _ := out.Get(name)
		d := parseDOM(t, name, b)
		for _, s := range d.tag("script") {
			// A data block (<script type="application/json">, the team
			// page's) is never run, so the policy has nothing to block;
			// every other script must come from a file.
			if typ, _ := attr(s, "type"); typ == "application/json" {
				if _, ok := attr(s, "src"); ok {
					t.Errorf("%s: a data block with a src", name)
				}
				continue
			}
			if _, ok := attr(s, "src"); !ok || text(s) != "" {
				t.Errorf("%s: inline script", name)
			}
		}
		if len(d.tag("style")) > 0 {
			t.Errorf("%s: <style> element", name)
		}
		for _, n := range d.all(func(*xhtml.Node) bool { return true }) {
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=...>", name, n.Data, a.Key)
				}
				if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: javascript: URL in <%s %s>", name, n.Data, a.Key)
				}
			}
		}
	}
}

// TestPagesAreWellFormed checks what assistive technology and search rely
// on: the language, one h1, a unique title, a viewport and description,
// unique ids and properly nested tags.
func TestPagesAreWellFormed(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkWellFormed(t, ts.out) })
	}
}

func checkWellFormed(t *testing.T, out *output.Memory) {
	titles := map[string]string{}
	for _, name := range htmlPages(out) {
		b, _ := out.Get(name)
		d := parseDOM(t, name, b)
		if h := d.tag("html"); len(h) != 1 {
			t.Errorf("%s: %d html elements", name, len(h))
		} else if lang, _ := attr(h[0], "lang"); lang != "en-GB" {
			t.Errorf("%s: lang=%q, want en-GB", name, lang)
		}
		if h1 := d.tag("h1"); len(h1) != 1 {
			t.Errorf("%s: %d h1 elements, want exactly 1", name, len(h1))
		}
		tt := d.tag("title")
		if len(tt) != 1 || text(tt[0]) == "" {
			t.Errorf("%s: want one non-empty <title>", name)
		} else if other, dup := titles[text(tt[0])]; dup {
			t.Errorf("%s and %s share the title %q", name, other, text(tt[0]))
		} else {
			titles[text(tt[0])] = name
		}
		meta := map[string]string{}
		for _, m := range d.tag("meta") {
			if n, ok := attr(m, "name"); ok {
				meta[n], _ = attr(m, "content")
			}
		}
		if !strings.Contains(meta["viewport"], "width=device-width") {
			t.Errorf("%s: no viewport meta", name)
		}
		if strings.TrimSpace(meta["description"]) == "" {
			t.Errorf("%s: no meta description", name)
		}
		seen := map[string]bool{}
		for _, id := range d.ids() {
			if seen[id] {
				t.Errorf("%s: duplicate id %q", name, id)
			}
			seen[id] = true
		}
		for _, h := range d.all(func(n *xhtml.Node) bool {
			return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
		}) {
			for c := h.FirstChild; c != nil; c = c.NextSibling {
				for _, block := range []string{"p", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre"} {
					if len(dom{root: c}.tag(block)) > 0 {
						t.Errorf("%s: <%s> inside <%s> %q", name, block, h.Data, text(h))
					}
				}
			}
		}
		if err := checkNesting(b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if d.byID("maincontent") == nil || !bytes.Contains(b, []byte(`href="#maincontent"`)) {
			t.Errorf("%s: no skip link to the main content", name)
		}
		if len(d.all(func(n *xhtml.Node) bool { l, _ := attr(n, "aria-label"); return n.Data == "nav" && l == "Breadcrumb" })) != 1 {
			t.Errorf("%s: no breadcrumbs", name)
		}
	}
}

func TestFilesStayWithinSizeBudgets(t *testing.T) {
	for _, ts := range bothSites(t) {
		t.Run(ts.name, func(t *testing.T) { checkSizes(t, ts.out) })
	}
}

func checkSizes(t *testing.T, out *output.Memory) {
	for _, name := range out.Names() {
		b, _ := out.Get(name)
		switch path.Ext(name) {
		case ".html":
			if len(b) > 100*1024 {
				t.Errorf("%s is %d bytes, over 100 KB", name, len(b))
			}
		case ".css", ".js":
			if len(b) > 60*1024 {
				t.Errorf("%s is %d bytes, over 60 KB", name, len(b))
			}
		}
	}
}

func TestSameInputGivesIdenticalOutput(t *testing.T) {
	a, b := renderFixture(t), renderFixture(t)
	if !slices.Equal(a.Names(), b.Names()) {
		t.Fatal("file lists differ between two renders")
	}
	for _, n := range a.Names() {
		x, _ := a.Get(n)
		y, _ := b.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two renders", n)
		}
	}
}

// The site's language comes from config.toml, for every page.
func TestLanguageFromConfig(t *testing.T) {
	site := fixtureSite()
	site.Config.Language = "cy"
	out := renderSite(t, site)
	for _, name := range htmlPages(out) {
		b, _ := out.Get(name)
		if h := parseDOM(t, name, b).tag("html"); len(h) != 1 {
			t.Errorf("%s: %d html elements", name, len(h))
		} else if lang, _ := attr(h[0], "lang"); lang != "cy" {
			t.Errorf("%s: lang=%q, want cy from config.toml", name, lang)
		}
	}
}
