package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator/testsite"
)

// Violation is one axe-core rule a page breaks, with up to five of the
// elements that break it.
type Violation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

func (v Violation) String() string {
	return v.ID + ": " + v.Help + "\n\t" + strings.Join(v.Nodes, "\n\t")
}

// axeRun checks the page against WCAG 2.2 A and AA, the level the NHS and
// public sector accessibility regulations ask for. preload is off because
// axe would otherwise fetch the stylesheets again with XMLHttpRequest,
// which file:// pages may not do, and the tab would record its own
// requests as failures; the one rule that needs it (css-orientation-lock)
// has nothing to find in a theme that never locks orientation.
const axeRun = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
	resultTypes: ['violations'],
	preload: false
}).then(function (r) {
	return r.violations.map(function (v) {
		return {id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
			return n.target.join(' ') + ': ' + n.html.slice(0, 150);
		})};
	});
})`

// Axe runs axe-core on the page as it is now (at its current width, with
// whatever the test opened or typed) and returns what it finds. It loads
// axe-core into the page first if the page has not got it: from
// AXE_CORE_JS, or where .ci/run installs it. Without axe-core the test
// skips, or fails when CI is set.
func (tb *Tab) Axe(t testing.TB) []Violation {
	t.Helper()
	if !Eval[bool](t, tb, `typeof axe !== 'undefined'`) {
		Eval[chromedp.Void](t, tb, axeSource(t))
	}
	return Eval[[]Violation](t, tb, axeRun)
}

// axeSource returns axe-core's script.
func axeSource(t testing.TB) string {
	t.Helper()
	p := os.Getenv("AXE_CORE_JS")
	if p == "" {
		p = "/opt/axe/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(p)
	if err != nil {
		testsite.Missing(t, fmt.Sprintf("axe-core not found at %s: npm --prefix /opt/axe install axe-core@4, or set AXE_CORE_JS (%v)", p, err))
	}
	return string(b)
}
