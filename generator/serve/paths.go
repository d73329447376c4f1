package serve

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// sourceDirs are the project folders a change in which can change the
// site. config.toml is watched too; everything else at the project root
// (public/, .git/, README.md...) is not, so `workbook build` writing
// public/ never triggers a rebuild.
func sourceDirs() []string { return []string{"content", "themes", "layouts", "static"} }

// isSource reports whether rel, a slash-separated path relative to the
// project root, is something the site is built from.
func isSource(rel, configName string) bool {
	if rel == configName {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, d := range sourceDirs() {
		if top == d {
			return true
		}
	}
	return false
}

// ignored reports whether a file or folder name is an editor's or
// operating system's scratch file rather than content: vim's swap files,
// backups and its "4913" write probe, Emacs auto-saves and locks,
// temporary files of atomic saves, JetBrains' safe-write files, Office and
// LibreOffice locks, and Finder and Explorer droppings. Their events alone
// never start a rebuild, so an editor's save gives one rebuild, not three.
func ignored(name string) bool {
	return scratch(name) || allDigits(name) // vim's write probe: 4913, then 5036, 5159...
}

// scratch is ignored without vim's probe rule, which would also match a
// folder named for a year; walks use it so such a folder is still seen.
func scratch(name string) bool {
	switch {
	case name == "" || name == "." || name == "..":
		return false
	case strings.HasPrefix(name, "."):
		// Hidden files: vim's .x.swp, Emacs' .#x locks, LibreOffice's
		// .~lock.x#, the .x.tmp-123 of an atomic write, .DS_Store.
		return true
	case strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".tmp"),
		strings.Contains(name, ".tmp-"), strings.Contains(name, ".tmp."),
		strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, "~$"),
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	if ext := path.Ext(name); len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z' {
		return true // vim swap files: .swp, .swo, .swn...
	}
	return false
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// ignoredPath reports whether rel names a scratch file or lies in a
// scratch folder.
func ignoredPath(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, part := range parts[:len(parts)-1] {
		if scratch(part) {
			return true
		}
	}
	return ignored(parts[len(parts)-1])
}

// relTo returns p relative to root, slash-separated, or ok false when p
// is outside root.
func relTo(root, p string) (rel string, ok bool) {
	r, err := filepath.Rel(root, p)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// walkTree calls fn for every folder (dirs true) or file (dirs false) at
// or under top that is not ignored, following symbolic links (a project
// may link themes/ to a shared checkout) but never into a loop. Paths
// passed to fn keep top's spelling, so events and snapshots name files as
// the project does. Errors (a folder deleted mid-walk) are skipped: the
// next event or poll sees the tree as it settled.
func walkTree(top string, fn func(p string, info os.FileInfo)) {
	seen := map[string]bool{}
	var walk func(p string, info os.FileInfo)
	walk = func(p string, info os.FileInfo) {
		if !info.IsDir() {
			fn(p, info)
			return
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil || seen[real] {
			return
		}
		seen[real] = true
		fn(p, info)
		entries, err := os.ReadDir(p)
		if err != nil {
			return
		}
		for _, e := range entries {
			if scratch(e.Name()) {
				continue
			}
			child := filepath.Join(p, e.Name())
			ci, err := os.Stat(child) // follows links
			if err != nil {
				continue
			}
			walk(child, ci)
		}
	}
	if info, err := os.Stat(top); err == nil {
		walk(top, info)
	}
}
