// Package scaffold starts frameworks and adds to them, so an editor who
// is not a programmer never has to copy files or learn the id rules: a
// new project that builds and checks clean at once, and question
// skeletons filed in the right place with the next free id.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"
	"unicode"

	"workbook/generator/model"
)

// starter is the project `workbook new` writes. Its files are templates
// filled in with the project's id, title and date.
//
//go:embed all:starter
var starter embed.FS

// project is what the starter's templates are filled in with.
type project struct {
	ID, Title, Date, Cycle string
}

// NewProject writes a small framework into dir that builds and checks
// clean at once: config.toml, content/framework.toml with one level,
// foundation and area of focus, a home page and one question, each key
// explained in a comment. dir must not exist or be empty: nothing is ever
// written over. It returns the files written, relative to dir.
func NewProject(dir string, today time.Time) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty: choose a new folder, so nothing in it is overwritten", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	p := project{ID: idFrom(filepath.Base(abs)), Title: titleFrom(filepath.Base(abs)), Date: today.Format("2006-01-02"), Cycle: cycleOf(today)}
	files, err := render(p)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return names, err
		}
		// O_EXCL: a file that appeared since the folder was looked at is
		// never overwritten.
		out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return names, err
		}
		_, err = out.Write(f.data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return names, err
		}
		names = append(names, f.name)
	}
	return names, nil
}

type file struct {
	name string
	data []byte
}

// render fills in every starter file.
func render(p project) ([]file, error) {
	var files []file
	err := fs.WalkDir(starter, "starter", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := starter.ReadFile(name)
		if err != nil {
			return err
		}
		t, err := template.New(path.Base(name)).Funcs(template.FuncMap{"toml": tomlString}).Parse(string(src))
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, p); err != nil {
			return err
		}
		files = append(files, file{name: strings.TrimPrefix(name, "starter/"), data: b.Bytes()})
		return nil
	})
	return files, err
}

// idFrom makes a framework id from a folder name: "Team Check-up" →
// "team-check-up".
func idFrom(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimRight(b.String(), "-")
	if !model.IsID(id) {
		return "my-framework"
	}
	return id
}

// titleFrom makes a title from a folder name: a name written as a title
// ("Team Check-up") is kept; a slug ("team-check-up") becomes "Team check
// up".
func titleFrom(name string) string {
	if strings.ToLower(name) == name {
		name = strings.NewReplacer("-", " ", "_", " ").Replace(name)
	}
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "My framework"
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// cycleOf is the review cycle a date falls in, as UK public bodies count
// years: April to March ("2026/27").
func cycleOf(t time.Time) string {
	y := t.Year()
	if t.Month() < time.April {
		y--
	}
	return fmt.Sprintf("%d/%02d", y, (y+1)%100)
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
