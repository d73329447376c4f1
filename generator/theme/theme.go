// Package theme finds a theme's templates and assets. A theme is a folder
// themes/<name>/ with layouts/ (html/template files), static/ (files copied
// into the site as they are) and fonts/ (for the PDF). A file of the same
// path under layouts/ or static/ at the project root overrides the theme's,
// the convention Hugo users know.
package theme

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
)

// Theme reads one theme with the project's overrides.
type Theme struct {
	Name        string
	projectRoot string
	themeRoot   string
}

// Open returns the theme called name under projectRoot/themes.
func Open(projectRoot, name string) (*Theme, error) {
	t := &Theme{Name: name, projectRoot: projectRoot, themeRoot: filepath.Join(projectRoot, "themes", name)}
	if st, err := os.Stat(t.themeRoot); err != nil || !st.IsDir() {
		return nil, errors.New("theme " + name + " not found: expected a folder themes/" + name)
	}
	return t, nil
}

// ReadFile returns the file at kind/rel ("layouts/level.html",
// "fonts/Regular.ttf"), taking the project's override where one exists.
func (t *Theme) ReadFile(kind, rel string) ([]byte, error) {
	if kind == "layouts" || kind == "static" {
		b, err := os.ReadFile(filepath.Join(t.projectRoot, kind, filepath.FromSlash(rel)))
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return os.ReadFile(filepath.Join(t.themeRoot, kind, filepath.FromSlash(rel)))
}

// List returns the slash-separated paths of every file of kind
// ("layouts", "static", "fonts"), the theme's and the project's
// overrides together, sorted.
func (t *Theme) List(kind string) ([]string, error) {
	seen := map[string]bool{}
	roots := []string{filepath.Join(t.themeRoot, kind)}
	if kind == "layouts" || kind == "static" {
		roots = append(roots, filepath.Join(t.projectRoot, kind))
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			seen[filepath.ToSlash(rel)] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, path.Clean(p))
	}
	sort.Strings(out)
	return out, nil
}
