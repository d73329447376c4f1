package sources

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
		if Watched("content/provider/"+name, "config.toml") {
			t.Errorf("%s starts a rebuild; it is an editor's scratch file", name)
		}
		if Content(name) {
			t.Errorf("%s is loaded as content; it is an editor's scratch file", name)
		}
	}
	for _, name := range []string{"digital.toml", "_index.md", "about.md", "site.css", "regular.ttf", "level-2024.toml", "swp.toml"} {
		if !Watched("content/provider/"+name, "config.toml") {
			t.Errorf("saving %s is ignored; it is content", name)
		}
	}
}

// The loader, the watcher and the PDF cache agree: a file the loader
// reads is watched, and a file the watcher ignores is never read.
func TestOneRuleForLoadedAndWatched(t *testing.T) {
	for _, name := range []string{"a.tmp-1.toml", "a.toml.tmp", ".a.toml", "a.toml~", "#a.toml#", "a.toml", "_index.md", "b.md", "4913", "x.txt"} {
		rel := "content/provider/" + name
		if Content(name) && !Watched(rel, "config.toml") {
			t.Errorf("%s is loaded but a save to it starts no rebuild", name)
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
		"content/provider/.digital.toml.swp": true, // in the tree; Watched drops it
		"other.toml":                         false,
	} {
		if got := Tree(rel, "config.toml"); got != want {
			t.Errorf("Tree(%q) = %v, want %v", rel, got, want)
		}
	}
	if !Watched("content/2024/questions.toml", "config.toml") {
		t.Error("a level folder named for a year is ignored")
	}
	if Watched("content/.git/x.toml", "config.toml") || Watched("content/provider/4913", "config.toml") {
		t.Error("scratch paths are not ignored")
	}
}
