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
	"strings"
	"workbook/themes"
)

// Theme reads one theme with the project's overrides.
type Theme struct {
	Name    string
	project fs.FS // the project's folder, for layouts/ and static/ overrides
	files   fs.FS // the theme's own folder
}

// BuiltIn is the theme compiled into the program: a project that has no
// themes/<BuiltIn> folder gets it.
const BuiltIn = "default"

// Open returns the theme called name: the project's themes/<name>
// folder, or the theme compiled into the program when name is BuiltIn
// and the project has no folder of that name.
func Open(projectRoot, name string) (*Theme, error) {
	t := &Theme{Name: name, project: os.DirFS(projectRoot)}
	dir := filepath.Join(projectRoot, "themes", name)
	switch st, err := os.Stat(dir); {
	case err == nil && st.IsDir():
		t.files = os.DirFS(dir)
	case name == BuiltIn:
		t.files = themes.Default()
	default:
		return nil, errors.New("theme " + name + " not found: expected a folder themes/" + name)
	}
	return t, nil
}

// ReadFile returns the file at kind/rel ("layouts/level.html",
// "fonts/Regular.ttf"), taking the project's override where one exists.
func (t *Theme) ReadFile(kind, rel string) ([]byte, error) {
	name := path.Join(kind, rel)
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	if kind == "layouts" || kind == "static" {
		b, err := fs.ReadFile(t.project, name)
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return fs.ReadFile(t.files, name)
}

// List returns the slash-separated paths of every file of kind
// ("layouts", "static", "fonts"), the theme's and the project's
// overrides together, sorted.
func (t *Theme) List(kind string) ([]string, error) {
	seen := map[string]bool{}
	roots := []fs.FS{t.files}
	if kind == "layouts" || kind == "static" {
		roots = append(roots, t.project)
	}
	for _, root := range roots {
		err := fs.WalkDir(root, kind, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			seen[strings.TrimPrefix(p, kind+"/")] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}
