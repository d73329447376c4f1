package markdown

import (
	"strings"
	"testing"
)

func TestSafeHTML(t *testing.T) {
	c := New()
	cases := []struct{ src, want, notWant string }{
		{"<script>alert(1)</script>", "&lt;script&gt;", "<script"},
		{"Hi <b onclick=x>there</b>", "&lt;b onclick=x&gt;", "<b "},
		{"[click](javascript:alert(1))", "click", "href"},
		{"[click](JAVASCRIPT:alert(1))", "click", "href"},
		{"[site](https://example.org/a?b=1)", `<a href="https://example.org/a?b=1">site</a>`, ""},
		{"[page](about.html#top)", `<a href="about.html#top">page</a>`, ""},
		{"![logo](https://cdn.example.org/x.png)", "logo", "<img"},
	}
	for _, tc := range cases {
		got := string(c.Convert(tc.src).HTML)
		if !strings.Contains(got, tc.want) || tc.notWant != "" && strings.Contains(got, tc.notWant) {
			t.Errorf("Convert(%q) = %q; want it to contain %q and not %q", tc.src, got, tc.want, tc.notWant)
		}
	}
}

func TestBlocks(t *testing.T) {
	d := New().Convert("Intro with **bold**, *italic* and [a link](https://example.org).\n\n- one\n- two\n\n3. three\n")
	if len(d.Blocks) != 4 {
		t.Fatalf("got %d blocks: %+v", len(d.Blocks), d.Blocks)
	}
	p := d.Blocks[0].Spans
	var bold, italic, link bool
	for _, s := range p {
		bold = bold || s.Bold && s.Text == "bold"
		italic = italic || s.Italic && s.Text == "italic"
		link = link || s.Href == "https://example.org" && s.Text == "a link"
	}
	if !bold || !italic || !link {
		t.Errorf("styles lost: %+v", p)
	}
	if d.Blocks[1].Kind != Bullet || d.Blocks[3].Kind != Numbered || d.Blocks[3].Number != 3 {
		t.Errorf("list blocks wrong: %+v", d.Blocks[1:])
	}
	if got := d.Plain(); !strings.HasPrefix(got, "Intro with bold, italic and a link.") {
		t.Errorf("Plain() = %q", got)
	}
}

func TestSafeURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://x.org": true, "http://x.org": true, "mailto:a@b.c": true, "tel:123": true,
		"page.html": true, "#frag": true, "a/b:c": true, "javascript:x": false, " javascript:x": false,
		"java\nscript:x": false, "vbscript:x": false, "data:text/html,x": false, "file:///etc/passwd": false,
	} {
		if got := SafeURL(raw) != ""; got != ok {
			t.Errorf("SafeURL(%q) kept = %v, want %v", raw, got, ok)
		}
	}
}
