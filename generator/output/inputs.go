package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Inputs are the files and folders a command reads. Before it writes, a
// command checks its output against them, so that no command ever writes
// over what it reads: `report --answers a.json -o a.json` would otherwise
// replace the only copy of someone's answers with a PDF.
//
// Paths are compared as the file system sees them, not as they are spelt:
// two paths name the same thing when os.SameFile says so, which sees
// through relative and absolute spellings, "./" and "..", symbolic links,
// hard links, bind mounts and case-insensitive file systems alike. A
// folder is inside another when one of its ancestors is the same file as
// the other.
type Inputs struct {
	list []input
}

type input struct {
	path string // absolute, cleaned
	what string // how the user knows it: "the config file", "the content folder"
	kind kind
}

type kind int

const (
	file   kind = iota // a file that is read
	folder             // a folder whose files are read: nothing is written in it
	root               // a folder that holds inputs: no build may replace it
)

// File adds a file the command reads. what names it for messages.
func (in *Inputs) File(path, what string) { in.add(path, what, file) }

// Dir adds a folder whose files the command reads; the folder need not
// exist (a project's layouts/ overrides, say) to be kept free of output.
func (in *Inputs) Dir(path, what string) { in.add(path, what, folder) }

// Root adds the project folder: output may go inside it (public/), but a
// build must not replace it or a folder holding it.
func (in *Inputs) Root(path, what string) { in.add(path, what, root) }

func (in *Inputs) add(path, what string, k kind) {
	if path == "" {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	in.list = append(in.list, input{path: path, what: what, kind: k})
}

// CheckFile returns an error if writing the file out would write over an
// input or into an input folder, or if out names a folder. example is a
// file name to suggest inside a folder ("report.pdf").
func (in *Inputs) CheckFile(out, example string) error {
	if out == "" {
		return errors.New("no file to write: name one")
	}
	if strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return fmt.Errorf("%s names a folder: give the name of the file to write, for example %s", out, filepath.Join(out, example))
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	st, err := os.Stat(abs)
	if err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: give the name of the file to write, for example %s", out, filepath.Join(out, example))
	}
	for _, i := range in.list {
		switch {
		case i.kind == folder && within(abs, i.path):
			return fmt.Errorf("refusing to write %s: it is inside %s (%s), which this command reads; write it somewhere else", out, i.what, i.path)
		case st == nil:
		case i.kind == file && same(st, i.path):
			return fmt.Errorf("refusing to write %s: it is %s (%s), which this command reads; writing it would lose it: choose another file", out, i.what, i.path)
		case i.kind == folder:
			if f := sameFileUnder(st, i.path); f != "" {
				return fmt.Errorf("refusing to write %s: it is the same file as %s, in %s, which this command reads (a link to it); choose another file", out, f, i.what)
			}
		}
	}
	return nil
}

// CheckDir returns an error if the folder out, replaced whole by a build,
// would be or hold an input, or lie inside an input folder.
func (in *Inputs) CheckDir(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	for _, i := range in.list {
		switch {
		case within(i.path, abs):
			what := "is"
			if !sameLexically(i.path, abs) && !sameOnDisk(i.path, abs) {
				what = "holds"
			}
			return fmt.Errorf("refusing to build into %s: it %s %s (%s), and a build replaces the whole folder; choose another --out, such as public", out, what, i.what, i.path)
		case i.kind == folder && within(abs, i.path):
			return fmt.Errorf("refusing to build into %s: it is inside %s (%s), which the build reads; choose an --out outside it, such as public", out, i.what, i.path)
		}
	}
	return nil
}

// within reports whether path is dir or lies inside it. Each ancestor of
// path that exists is compared with dir on disk; path and dir are also
// compared as spelt, for when neither exists yet.
func within(path, dir string) bool {
	dst, dirErr := os.Stat(dir)
	for p := path; ; {
		if sameLexically(p, dir) {
			return true
		}
		if dirErr == nil {
			if st, err := os.Stat(p); err == nil && os.SameFile(st, dst) {
				return true
			}
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
}

func sameLexically(a, b string) bool { return filepath.Clean(a) == filepath.Clean(b) }

func sameOnDisk(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// same reports whether the file st is the file at path.
func same(st os.FileInfo, path string) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(st, other)
}

// sameFileUnder returns the path of a file under dir that is the same
// file as st (a hard link to it, say), or "".
func sameFileUnder(st os.FileInfo, dir string) string {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // WalkDir does not follow a link it starts at
	}
	found := ""
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if same(st, p) {
			found = p
			return filepath.SkipAll
		}
		return nil
	})
	return found
}
