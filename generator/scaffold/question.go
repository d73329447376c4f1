package scaffold

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/sources"
)

// Added says where a new question skeleton went: the file (relative to
// the project root) and line of its text, to open in an editor.
type Added struct {
	File string
	Line int
	ID   string
}

// NewQuestion appends a question skeleton for the given level,
// foundation and area of focus to the right file of the level's folder,
// with the next free id, and marks it a draft so a build leaves it out
// until the editor has written it. site must be loaded with its drafts,
// so their ids are known.
//
// The right file is the one already holding the cell's questions, else
// the foundation's, else a file named for the foundation, else the
// level's only question file, else a new questions.toml.
func NewQuestion(root string, site *model.Site, level, foundation, focus string) (Added, error) {
	fw := site.Framework
	lv, err := find("level", level, fw.Levels, func(l *model.Level) string { return l.ID })
	if err != nil {
		return Added{}, err
	}
	f, err := find("foundation", foundation, fw.Foundations, func(f *model.Foundation) string { return f.ID })
	if err != nil {
		return Added{}, err
	}
	a, err := find("area of focus", focus, fw.Focuses, func(a *model.Focus) string { return a.ID })
	if err != nil {
		return Added{}, err
	}
	rel, err := fileFor(root, lv, f, a)
	if err != nil {
		return Added{}, err
	}
	id := nextID(fw, lv.ID+"-"+f.ID+"-"+a.ID)
	full := filepath.Join(root, filepath.FromSlash(rel))
	old, err := os.ReadFile(full)
	if err != nil && !os.IsNotExist(err) {
		return Added{}, err
	}
	text := string(old)
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if text != "" {
		text += "\n"
	}
	line := strings.Count(text, "\n") + 6 // the text line of the skeleton below
	text += "[[question]]\n" +
		"id = " + tomlString(id) + "\n" +
		"foundation = " + tomlString(f.ID) + "\n" +
		"focus = " + tomlString(a.ID) + "\n" +
		"draft = true  # delete this line when the question is ready to publish\n" +
		"text = \"How does …?\"  # ask how, what or where: never a yes or no question\n" +
		"prompts = []  # optional: a few shorter questions to think about\n" +
		"evidence = \"\"  # optional: what might show the answer is true\n" +
		"good = \"\"  # one or two sentences on what green looks like at this level\n"
	if err := output.WriteFileAtomic(full, []byte(text)); err != nil {
		return Added{}, err
	}
	return Added{File: rel, Line: line, ID: id}, nil
}

// find returns the item of all with the given id, or an error that
// suggests the nearest id.
func find[T any](what, want string, all []T, id func(T) string) (T, error) {
	var zero T
	known := make([]string, len(all))
	for i, x := range all {
		if id(x) == want {
			return x, nil
		}
		known[i] = id(x)
	}
	hint := "use one of: " + strings.Join(known, ", ")
	if near := diag.Nearest(want, known); near != "" {
		hint = "did you mean " + near + "?"
	}
	return zero, fmt.Errorf("there is no %s with id %q: %s", what, want, hint)
}

// fileFor chooses the question file for a new question of a cell,
// relative to root.
func fileFor(root string, lv *model.Level, f *model.Foundation, a *model.Focus) (string, error) {
	var cell, row string
	for _, q := range lv.Questions {
		if q.Foundation == f && q.Focus == a {
			cell = q.Pos.File
		}
		if q.Foundation == f && row == "" {
			row = q.Pos.File
		}
	}
	dir := path.Join("content", lv.ID)
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if err != nil {
		return "", fmt.Errorf("the level has no folder %s: %w", dir, err)
	}
	var tomls []string
	for _, e := range entries {
		if !e.IsDir() && sources.Content(e.Name()) && strings.HasSuffix(e.Name(), ".toml") {
			tomls = append(tomls, e.Name())
		}
	}
	named := f.ID + ".toml"
	switch {
	case cell != "":
		return cell, nil
	case row != "":
		return row, nil
	case slices.Contains(tomls, named):
		return path.Join(dir, named), nil
	case len(tomls) == 1:
		return path.Join(dir, tomls[0]), nil
	}
	return path.Join(dir, "questions.toml"), nil
}

// nextID is prefix-N with N one more than the highest taken, counting
// every id and earlier id in the framework.
func nextID(fw *model.Framework, prefix string) string {
	taken := map[string]bool{}
	n := 0
	for _, q := range fw.Questions {
		for _, id := range append([]string{q.ID}, q.Aliases...) {
			taken[id] = true
			if rest, ok := strings.CutPrefix(id, prefix+"-"); ok {
				if k, err := strconv.Atoi(rest); err == nil && k > n {
					n = k
				}
			}
		}
	}
	for {
		n++
		if id := prefix + "-" + strconv.Itoa(n); !taken[id] {
			return id
		}
	}
}
