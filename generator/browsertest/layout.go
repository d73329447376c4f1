package browsertest

import "testing"

// Overflow is how a page fits the window's width.
type Overflow struct {
	Width       int      `json:"width"`       // the window's
	ScrollWidth int      `json:"scrollWidth"` // the page's; more than Width scrolls sideways
	Over        []string `json:"over"`        // up to five elements that stick out
}

// overflow measures the page at the current viewport.
const overflow = `(function () {
	var w = document.documentElement.clientWidth, over = [];
	if (document.documentElement.scrollWidth > w) {
		document.querySelectorAll('body *').forEach(function (el) {
			var r = el.getBoundingClientRect();
			if (r.right > w + 0.5 && over.length < 5) {
				over.push(el.tagName.toLowerCase() + '.' + el.className + ' reaches ' + Math.round(r.right) + 'px');
			}
		});
	}
	return {width: w, scrollWidth: document.documentElement.scrollWidth, over: over};
})()`

// Overflow measures, at the tab's current width, whether the page is
// wider than the window (WCAG 1.4.10 Reflow: nothing may scroll sideways
// down to 320 CSS pixels), and names what sticks out.
func (tb *Tab) Overflow(t testing.TB) Overflow {
	t.Helper()
	return Eval[Overflow](t, tb, overflow)
}
