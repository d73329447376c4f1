package serve

import (
	"os"
	"path/filepath"
	"strings"
	"workbook/generator/sources"
)

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
			if sources.Scratch(e.Name()) {
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
