package generator_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axeScript returns axe-core's script (AXE_CORE_JS, or where .ci/run
// installs it), skipping or failing as for a missing browser.
func axeScript(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = "/opt/axe/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(p)
	if err != nil {
		missing(t, fmt.Sprintf("axe-core not found at %s: npm --prefix /opt/axe install axe-core@4, or set AXE_CORE_JS (%v)", p, err))
	}
	return string(b)
}

// axeRun checks the page against WCAG 2.2 A and AA. preload is off: on a
// file:// page axe cannot fetch the stylesheets again.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
	resultTypes: ['violations'],
	preload: false
}).then(function (r) {
	return r.violations.map(function (v) {
		return v.id + ': ' + v.help + '\n\t' + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ': ' + n.html.slice(0, 150); }).join('\n\t');
	});
})`

// TestSelfAssessmentPassesAxe runs axe-core on a level page with the
// script running and everything it adds on show: filled-in forms, earlier
// ratings, the summary and action list, answers to a removed question and
// an open confirmation, at 1280 and 320 pixels wide, and checks that at
// 320 nothing scrolls sideways.
func TestSelfAssessmentPassesAxe(t *testing.T) {
	axe := axeScript(t)
	s := newSite(t)
	r := newReader(t)
	r.open(s.url(wardPage))
	r.answer(water, map[string]string{"answer": "Soon to be removed."}, "Red")
	r.answer(beans, map[string]string{"answer": "Spring.", "action": "Mulch", "owner": "Sam", "due": "May"}, "Amber")
	r.chooseCycle("Autumn")
	r.answer(beans, map[string]string{"answer": "Autumn."}, "Green")
	s.edit(t, "content/ward/questions.toml", waterHerbs, "")
	s.build(t)
	r.open(s.url(wardPage))
	r.do(chromedp.Click(chromedp.ID("assess-clear")))
	if !r.visible(".assess-orphans") || !r.visible("#assess-clear-panel") || !r.visible(".assess-actions") || !r.visible(".assess-form__earlier") {
		t.Fatal("not everything the script adds is on show")
	}
	js[chromedp.Void](r, axe)
	for _, w := range []int64{1280, 320} {
		r.do(chromedp.EmulateViewport(w, 800))
		for _, v := range js[[]string](r, axeRun) {
			t.Errorf("axe at %dpx: %s", w, v)
		}
	}
	if over := js[string](r, `(function () {
		var w = document.documentElement.clientWidth, out = [];
		if (document.documentElement.scrollWidth <= w) { return ''; }
		document.querySelectorAll('body *').forEach(function (el) {
			if (el.getBoundingClientRect().right > w + 0.5 && out.length < 5) { out.push(el.tagName + '.' + el.className); }
		});
		return out.join(', ');
	})()`); over != "" {
		t.Errorf("at 320px the page scrolls sideways: %s", over)
	}
	r.noProblems()
}

// TestSelfAssessmentUnderStrictCSP serves the site with
// "Content-Security-Policy: default-src 'self'", as a trust's web team
// may: the script must load, run and save without any violation.
func TestSelfAssessmentUnderStrictCSP(t *testing.T) {
	s := newSite(t)
	files := http.FileServer(http.Dir(s.out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		files.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	r := newReader(t)
	if _, err := chromedp.Call(r.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `document.addEventListener('securitypolicyviolation', function (e) { console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI); });`,
	}); err != nil {
		t.Fatal(err)
	}
	r.open(srv.URL + "/" + wardPage)
	r.answer(beans, map[string]string{"answer": "Served."}, "Green")
	if got := r.text(`[data-cell="soil--beans"]`); !strings.Contains(got, "Green: 1") {
		t.Errorf("under the strict policy the summary says %q", got)
	}
	r.noProblems()
}
