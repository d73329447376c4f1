// Package sources says which files of a project the site is built from.
// The loader reads them, the preview server watches them and the PDF
// cache fingerprints them: all three ask here, so a file that one counts
// is counted by all (a question saved as a.tmp-1.toml cannot be built by
// one and ignored by another).
package sources

import (
	"path"
	"strings"
)

// Dirs are the project folders, besides the config file, that a change
// can change the site through. Everything else at the project root
// (public/, .git/, README.md...) is not a source, so writing public/
// never starts a rebuild.
func Dirs() []string { return []string{"content", "themes", "layouts", "static"} }

// Content reports whether the loader reads a file of this name found in
// content/ or a level folder: Markdown pages and TOML files that are not
// an editor's scratch files.
func Content(name string) bool {
	return !Scratch(name) && (strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".toml"))
}

// Scratch reports whether a file or folder name is an editor's or
// operating system's by-product rather than content: hidden files (vim's
// .x.swp, Emacs' .#x locks, LibreOffice's .~lock.x#, .DS_Store), backups,
// temporary files of atomic saves, JetBrains' safe-write files, Office
// locks, and Finder and Explorer droppings. Scratch files are never read,
// watched or fingerprinted.
func Scratch(name string) bool {
	switch {
	case name == "" || name == "." || name == "..":
		return false
	case strings.HasPrefix(name, "."),
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".tmp"),
		strings.Contains(name, ".tmp-"), strings.Contains(name, ".tmp."),
		strings.HasSuffix(name, ".bak"), strings.HasSuffix(name, ".orig"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		strings.HasPrefix(name, "#"),
		strings.HasPrefix(name, "~$"),
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	if ext := path.Ext(name); len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z' {
		return true // vim swap files: .swp, .swo, .swn...
	}
	return false
}

// Tree reports whether rel, a slash-separated path relative to the
// project root, is the config file or lies under one of Dirs: where the
// preview server watches, scratch files included (a folder's events are
// handled even when its files are not sources).
func Tree(rel, configName string) bool {
	if rel == configName {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, d := range Dirs() {
		if top == d {
			return true
		}
	}
	return false
}

// Watched reports whether a change to rel, a slash-separated path
// relative to the project root, can change the site: a path in the Tree
// that is not scratch and not in a scratch folder. A file name of digits
// alone is vim's write probe (4913, 5036...) and is not watched either; a
// folder so named (a year) still is.
func Watched(rel, configName string) bool {
	if !Tree(rel, configName) {
		return false
	}
	parts := strings.Split(rel, "/")
	for _, part := range parts[:len(parts)-1] {
		if Scratch(part) {
			return false
		}
	}
	last := parts[len(parts)-1]
	return !Scratch(last) && !allDigits(last)
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
