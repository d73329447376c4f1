package markdown

import (
	"strings"
	"testing"
)

// Column alignment comes out as classes, never as a style attribute, which
// a strict Content-Security-Policy would block.
func TestTableAlignmentIsAClass(t *testing.T) {
	html := string(New().Convert("| left | centre | right | none |\n|:-----|:------:|------:|------|\n| a | b | c | d |\n").HTML)
	if strings.Contains(html, "style") || strings.Contains(html, "align=") {
		t.Errorf("inline alignment in:\n%s", html)
	}
	for _, want := range []string{`<th class="align-left">left</th>`, `<th class="align-center">centre</th>`, `<th class="align-right">right</th>`, `<th>none</th>`,
		`<td class="align-left">a</td>`, `<td class="align-center">b</td>`, `<td class="align-right">c</td>`, `<td>d</td>`} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in:\n%s", want, html)
		}
	}
}

// Headings written in content get ids that cannot be the same as any id a
// page uses for itself or for a question: they start with
// HeadingIDPrefix, which no other id holds.
func TestHeadingIDsCannotClash(t *testing.T) {
	html := string(New().Convert("# Assess\n\n## maincontent\n\n## Assess\n\n### provider-digital-greener-1\n\n## ¿¡!\n").HTML)
	for _, want := range []string{`id="h_assess"`, `id="h_maincontent"`, `id="h_assess-1"`, `id="h_provider-digital-greener-1"`, `id="h_heading"`} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in:\n%s", want, html)
		}
	}
	for _, bad := range []string{`id="assess"`, `id="maincontent"`, `id="provider-digital-greener-1"`} {
		if strings.Contains(html, bad) {
			t.Errorf("a heading took %s:\n%s", bad, html)
		}
	}
}
