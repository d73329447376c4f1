package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/theme"
)

// projectWithOverrides makes a project folder whose themes/default is the
// repository's theme and whose layouts/ holds the given override files,
// the way a project customises a theme.
func projectWithOverrides(t *testing.T, files map[string]string) *theme.Theme {
	t.Helper()
	root := t.TempDir()
	abs, err := filepath.Abs("../../../themes/default")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "themes"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(abs, filepath.Join(root, "themes", "default")); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	th, err := theme.Open(root, "default")
	if err != nil {
		t.Fatal(err)
	}
	return th
}

// TestHooksLetLaterFeaturesExtendPages shows how the in-browser
// self-assessment and the preview server plug in: by overriding one
// partial each, without touching the theme's other layouts.
func TestHooksLetLaterFeaturesExtendPages(t *testing.T) {
	th := projectWithOverrides(t, map[string]string{
		"layouts/partials/question-extra.html": `<form class="answer" id="answer-{{.ID}}"><label for="a-{{.ID}}">Your answer</label><textarea id="a-{{.ID}}"></textarea></form>`,
		"layouts/partials/banner.html":         `<div class="preview-banner">Preview of {{.Site.Config.Title}}</div>`,
		"layouts/partials/scripts.html":        `<script src="{{.Asset "assets/site.js"}}" defer></script><script src="{{.Asset "assets/reload.js"}}" defer></script>`,
	})
	r, err := New(th)
	if err != nil {
		t.Fatal(err)
	}
	site := fixtureSite()
	out := output.NewMemory()
	if _, err := r.Render(&render.Input{Site: site}, nil, out); err != nil {
		t.Fatal(err)
	}
	b, _ := out.Get("levels/provider.html")
	d := parseDOM(t, "levels/provider.html", b)
	for _, q := range site.Framework.Levels[1].Questions {
		el := d.byID(q.ID)
		if el == nil || (dom{root: el}).byID("answer-"+q.ID) == nil {
			t.Errorf("question %s has no answer form from partials/question-extra.html", q.ID)
		}
	}
	if !strings.Contains(string(b), `<div class="preview-banner">Preview of AHPs Deliver self-assessment</div>`) {
		t.Error("partials/banner.html override not used")
	}
	if !strings.Contains(string(b), `<script src="../assets/reload.js" defer></script>`) {
		t.Error("partials/scripts.html override not used, or its link not relative")
	}
}

func TestThemeErrorsNameTheFile(t *testing.T) {
	for _, tc := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"layouts/partials/question.html": "{{.Text.HTML"}, "layouts/partials/question.html"},
		{map[string]string{"layouts/level.html": "<p>no main block</p>"}, `layouts/level.html must define a "main" block`},
	} {
		_, err := New(projectWithOverrides(t, tc.files))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New with %v: error %v, want it to mention %q", tc.files, err, tc.want)
		}
	}
}
