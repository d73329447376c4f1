package serve

import (
	"fmt"
	"testing"
)

// Templates and fonts are parsed once per Renderer; stylesheets and other
// static files are read on each render and need no new one.
func TestWhichChangesNeedANewRenderer(t *testing.T) {
	for p, want := range map[string]bool{
		"themes/default/layouts/level.html":      true,
		"themes/default/layouts/partials/x.html": true,
		"themes/default/fonts/regular.ttf":       true,
		"themes/default":                         true,
		"themes":                                 true,
		"layouts/partials/footer.html":           true,
		rescan:                                   true,
		"themes/default/static/assets/site.css":  false,
		"static/assets/site.css":                 false,
		"content/ward/questions.toml":            false,
		"config.toml":                            false,
	} {
		if got := themeChanged([]string{p}); got != want {
			t.Errorf("themeChanged(%s) = %v, want %v", p, got, want)
		}
	}
}

func TestDescribedNamesWhatTheEditorSaved(t *testing.T) {
	before := map[string]stamp{"content/a.toml": {}, "content/b.toml": {}}
	after := map[string]stamp{"content/a.toml": {}, "static/img/x.svg": {}}
	got := described([]string{"content/a.toml", "content/b.toml", "content/sedX1y2", "static", "static/img", "static/img/x.svg"}, before, after)
	if fmt.Sprint(got) != "[content/a.toml content/b.toml (deleted) static/img/x.svg]" {
		t.Errorf("described = %v", got)
	}
	if got := described([]string{"content/.x.tmp"}, before, before); fmt.Sprint(got) != "[temporary files]" {
		t.Errorf("only temporary files: %v", got)
	}
}
