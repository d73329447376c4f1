package serve

import "testing"

// Editors' scratch files must not start rebuilds; content must.
func TestScratchFilesAreIgnored(t *testing.T) {
	for _, name := range []string{
		".digital.toml.swp", ".digital.toml.swx", "digital.toml.swo", // vim swap
		"digital.toml~", "4913", "5036", // vim backup and write probe
		"#digital.toml#", ".#digital.toml", // Emacs auto-save and lock
		"digital.toml.tmp", ".digital.toml.tmp-123", "digital.toml.tmp.4567", // atomic saves
		"digital.toml___jb_tmp___", "digital.toml___jb_old___", // JetBrains
		".~lock.about.md#", "~$about.md", ".DS_Store", "Thumbs.db", "about.md.bak",
	} {
		if !ignored(name) {
			t.Errorf("%s starts a rebuild; it is an editor's scratch file", name)
		}
	}
	for _, name := range []string{"digital.toml", "_index.md", "about.md", "site.css", "regular.ttf", "level-2024.toml", "swp.toml"} {
		if ignored(name) {
			t.Errorf("saving %s is ignored; it is content", name)
		}
	}
}

func TestOnlySourcesAreWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"config.toml":                        true,
		"content/provider/digital.toml":      true,
		"themes/default/layouts/level.html":  true,
		"layouts/partials/footer.html":       true,
		"static/logo.svg":                    true,
		"public/index.html":                  false,
		".git/index":                         false,
		"README.md":                          false,
		"contents/x.md":                      false,
		"content/2024/questions.toml":        true,
		"content/provider/.digital.toml.swp": true, // a source path; ignoredPath drops it
		"other.toml":                         false,
	} {
		if got := isSource(rel, "config.toml"); got != want {
			t.Errorf("isSource(%q) = %v, want %v", rel, got, want)
		}
	}
	if ignoredPath("content/2024/questions.toml") {
		t.Error("a level folder named for a year is ignored")
	}
	if !ignoredPath("content/.git/x.toml") || !ignoredPath("content/provider/4913") {
		t.Error("scratch paths are not ignored")
	}
}
