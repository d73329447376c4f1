package serve

import (
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
	"workbook/generator/sources"
)

// poller reports source changes by walking the source trees every so
// often and comparing each file's size, modification time and mode with
// the walk before. It is for network shares and some container mounts,
// where file events never arrive; a walk of a project this size takes
// well under a millisecond.
type poller struct {
	root, config string
	every        time.Duration
	out          chan string
	done         chan struct{}
	wg           sync.WaitGroup
}

// stamp is what a poll remembers of a file.
type stamp struct {
	size    int64
	modTime int64 // nanoseconds; a time.Time would not compare with ==
	mode    os.FileMode
}

// pollChanges starts polling the project at root every interval.
func pollChanges(root, config string, every time.Duration) *poller {
	p := &poller{root: root, config: config, every: every,
		out: make(chan string, 256), done: make(chan struct{})}
	first := scanSources(root, config)
	p.wg.Add(1)
	go p.loop(first)
	return p
}

func (p *poller) Changes() <-chan string { return p.out }

// Close stops polling and closes the channel of changes.
func (p *poller) Close() error {
	close(p.done)
	p.wg.Wait()
	close(p.out)
	return nil
}

func (p *poller) loop(prev map[string]stamp) {
	defer p.wg.Done()
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
		}
		cur := scanSources(p.root, p.config)
		for _, rel := range diffStamps(prev, cur) {
			select {
			case p.out <- rel:
			case <-p.done:
				return
			}
		}
		prev = cur
	}
}

// scanSources stamps every source file of the project at root, by
// project-relative path.
func scanSources(root, config string) map[string]stamp {
	files := map[string]stamp{}
	add := func(path string, info os.FileInfo) {
		if info.IsDir() {
			return
		}
		if rel, ok := relTo(root, path); ok && sources.Watched(rel, config) {
			files[rel] = stamp{info.Size(), info.ModTime().UnixNano(), info.Mode()}
		}
	}
	if info, err := os.Stat(filepath.Join(root, config)); err == nil {
		add(filepath.Join(root, config), info)
	}
	for _, d := range sources.Dirs() {
		walkTree(filepath.Join(root, d), add)
	}
	return files
}

// diffStamps lists, sorted, the files added, removed or changed between
// two scans.
func diffStamps(prev, cur map[string]stamp) []string {
	var out []string
	for rel, s := range cur {
		if old, ok := prev[rel]; !ok || old != s {
			out = append(out, rel)
		}
	}
	for rel := range prev {
		if _, ok := cur[rel]; !ok {
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out
}
