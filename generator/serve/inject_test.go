package serve

import (
	"strings"
	"testing"
	"workbook/generator/diag"
)

func TestInjectPutsScriptInHeadAndBannerAfterBody(t *testing.T) {
	page := `<!DOCTYPE html><HTML><Head><title>x</title></HEAD>` +
		`<BODY class="a" data-x='1>2'><p>text</p></body></html>`
	got := string(inject([]byte(page), "<HEAD-TAGS>", "<BANNER>"))
	want := `<!DOCTYPE html><HTML><Head><title>x</title><HEAD-TAGS></HEAD>` +
		`<BODY class="a" data-x='1>2'><BANNER><p>text</p></body></html>`
	if got != want {
		t.Errorf("inject:\n got %s\nwant %s", got, want)
	}
}

func TestInjectWithoutHeadOrBody(t *testing.T) {
	if got := string(inject([]byte(`<p>bare</p>`), "<H>", "<B>")); got != `<H><B><p>bare</p>` {
		t.Errorf("no head or body: %s", got)
	}
	if got := string(inject([]byte(`<bodyguard><body><p>x`), "<H>", "")); got != `<bodyguard><body><H><p>x` {
		t.Errorf("body without head: %s", got)
	}
}

// The banner names file, line and problem, and escapes content: an error
// message quoting the editor's text must not become markup.
func TestBannerNamesEachProblemAndEscapes(t *testing.T) {
	st := newState(&build{}, []problem{
		{Pos: diag.Pos{File: "content/ward/questions.toml", Line: 5, Col: 1}, Msg: `there is no foundation with id "<b>soyl</b>"`, Hint: "did you mean soil?"},
		{Msg: "html: template: level.html:3: bad"},
	})
	b := bannerHTML(st)
	for _, want := range []string{
		`id="workbook-banner"`, `role="alert"`, "2 problems",
		"content/ward/questions.toml:5:1", "&lt;b&gt;soyl&lt;/b&gt;", "did you mean soil?",
		"html: template: level.html:3: bad", "last good build",
		`href="/__workbook/source/content/ward/questions.toml#L5"`,
	} {
		if !strings.Contains(b, want) {
			t.Errorf("banner lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(b, "<b>soyl") {
		t.Error("banner does not escape content")
	}
	if bannerHTML(newState(&build{}, nil)) != "" {
		t.Error("a good build has a banner")
	}
	if st.status == okStatus || newState(nil, nil).status != okStatus {
		t.Error("status does not tell broken from good")
	}
}
