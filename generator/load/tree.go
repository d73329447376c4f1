package load

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/sitepath"
	"workbook/generator/sources"
)

// contentTree reads everything in content/ except framework.toml: the
// top-level pages and each level folder's introduction and questions.
func (ld *loader) contentTree(site *model.Site) {
	fw := site.Framework
	levels := map[string]*model.Level{}
	var levelIDs []string
	for _, lv := range fw.Levels {
		levels[lv.ID] = lv
		levelIDs = append(levelIDs, lv.ID)
	}
	var levelDirs []levelJob
	for _, e := range ld.entries(ld.content) {
		abs, rel := e.abs, e.rel
		switch {
		case e.isDir:
			lv, ok := levels[e.Name()]
			if !ok {
				hint := "add a [[level]] with this id to framework.toml, or rename the folder"
				if near := diag.Nearest(e.Name(), levelIDs); near != "" {
					hint = fmt.Sprintf("did you mean %s? Rename the folder, or add a [[level]] with this id to framework.toml", near)
				}
				ld.l.Errorf(diag.Pos{File: rel}, hint, "folder %s is not a level in framework.toml", e.Name())
				continue
			}
			levelDirs = append(levelDirs, levelJob{dir: abs, lv: lv})
		case e.Name() == "framework.toml":
		case e.Name() == "_index.md":
			site.Home = ld.page(abs, "")
		case strings.HasSuffix(e.Name(), ".md"):
			if p := ld.page(abs, strings.TrimSuffix(e.Name(), ".md")); p != nil {
				site.Pages = append(site.Pages, p)
			}
		case strings.HasSuffix(e.Name(), ".toml"):
			ld.l.Errorf(diag.Pos{File: rel}, "move question files into a level folder such as content/"+first(levelIDs)+"/", "question files must be inside a level folder")
		default:
			ld.l.Warnf(diag.Pos{File: rel}, "remove it or move it out of content/", "file is not used (only .md and .toml files are read)")
		}
	}
	ld.levelDirs(levelDirs, site.Framework)
	if site.Home == nil {
		ld.l.Errorf(diag.Pos{File: "content/_index.md"}, "create it with front matter +++ title = \"…\" +++ and the home page text", "no home page")
	}
	sort.SliceStable(site.Pages, func(i, j int) bool {
		a, b := site.Pages[i], site.Pages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Slug < b.Slug
	})
	for _, p := range site.Pages {
		if !model.IsID(p.Slug) {
			ld.l.Errorf(p.Pos, fmt.Sprintf("rename the file to %s.md", suggestID(p.Slug)), "page file name %q is not allowed: use lower-case letters, digits and hyphens", p.Slug+".md")
		} else {
			fileName(ld.l, p.Pos, "page name", p.Slug)
		}
		if page := sitepath.Reserved(p.Slug); page != "" {
			ld.l.Errorf(p.Pos, fmt.Sprintf("rename the file, for example to %s-page.md", p.Slug), "page name %q is taken by a page workbook makes itself: %s", p.Slug, page)
		}
	}
}

// levelJob is a level folder to read.
type levelJob struct {
	dir string
	lv  *model.Level
}

// levelDirs reads the level folders, each on its own goroutine (parsing
// Markdown is most of a load's time), then checks ids across them in
// folder order, so the result and the messages never depend on which
// folder finished first.
func (ld *loader) levelDirs(jobs []levelJob, fw *model.Framework) {
	results := make([][]*model.Question, len(jobs))
	lists := make([]*diag.List, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			child := *ld
			child.l = &diag.List{}
			results[i] = child.levelDir(j.dir, j.lv, fw)
			lists[i] = child.l
		}()
	}
	wg.Wait()
	qs := &questionSet{byID: map[string]*model.Question{}}
	for i, j := range jobs {
		ld.l.Add(lists[i].Sorted()...)
		qs.add(j.lv, results[i], ld.l)
	}
}

// levelDir reads one level folder: _index.md and *.toml question files,
// in file-name order.
func (ld *loader) levelDir(dir string, lv *model.Level, fw *model.Framework) []*model.Question {
	var out []*model.Question
	for _, e := range ld.entries(dir) {
		abs, rel := e.abs, e.rel
		switch {
		case e.isDir:
			ld.l.Errorf(diag.Pos{File: rel}, "move its files up into "+ld.rel(dir)+"/", "folders inside a level folder are not read")
		case e.Name() == "_index.md":
			lv.Intro = ld.page(abs, lv.ID)
		case strings.HasSuffix(e.Name(), ".toml"):
			out = append(out, ld.questionFile(abs, lv, fw)...)
		default:
			ld.l.Warnf(diag.Pos{File: rel}, "remove it, or rename it to .toml if it holds questions", "file is not used (a level folder holds _index.md and .toml question files)")
		}
	}
	return out
}

// entry is a file or folder of content to read.
type entry struct {
	os.DirEntry
	abs, rel string
	isDir    bool
}

// entries lists a folder's entries sorted by name, leaving out editors'
// by-products and links that may not be followed (those are reported).
func (ld *loader) entries(dir string) []entry {
	var out []entry
	for _, e := range ld.readDir(dir) {
		if sources.Scratch(e.Name()) {
			continue
		}
		abs := filepath.Join(dir, e.Name())
		if isDir, ok := ld.kind(abs, e); ok {
			out = append(out, entry{DirEntry: e, abs: abs, rel: ld.rel(abs), isDir: isDir})
		}
	}
	return out
}

// readDir lists a folder sorted by name, recording an error if it cannot.
func (ld *loader) readDir(dir string) []os.DirEntry {
	es, err := os.ReadDir(dir)
	if err != nil {
		ld.l.Errorf(diag.Pos{File: ld.rel(dir)}, "check the folder exists and can be read", "cannot read folder: %v", plainErr(err))
	}
	return es
}

// kind reports whether e is a folder, and whether it may be read at all.
// A symlink is followed only to a file inside content/; a link elsewhere,
// a broken or looping link, or a link to a folder is reported and skipped.
func (ld *loader) kind(abs string, e os.DirEntry) (isDir, ok bool) {
	if e.Type()&os.ModeSymlink == 0 {
		return e.IsDir(), true
	}
	if _, inside := ld.insideContent(abs); !inside {
		return false, false
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		ld.l.Errorf(diag.Pos{File: ld.rel(abs)}, "replace the link with a real folder", "links to folders are not followed")
		return false, false
	}
	return false, true
}

func first(s []string) string {
	if len(s) == 0 {
		return "provider"
	}
	return s[0]
}

func isLink(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode()&os.ModeSymlink != 0
}
