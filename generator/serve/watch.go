package serve

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"workbook/generator/sources"

	"github.com/fsnotify/fsnotify"
)

// rescan is sent instead of a path when the watcher lost events (the
// kernel's queue overflowed): something changed, nobody knows what.
const rescan = "*"

// changes is where news of edited sources comes from: file events, or
// polling on file systems that do not deliver them. Each value is a
// slash-separated path relative to the project root, or rescan.
type changes interface {
	Changes() <-chan string
	Close() error
}

// eventWatcher reports source changes from fsnotify. fsnotify watches one
// folder at a time, so it watches every folder of the source trees and
// adds folders as they are created, including ones that arrive with files
// already in them (a folder copied or moved in).
type eventWatcher struct {
	root, config string
	w            *fsnotify.Watcher
	logf         func(format string, args ...any)
	out          chan string
	done         chan struct{}
	wg           sync.WaitGroup
}

// watchEvents starts watching the project at root. config is the config
// file's name in root. An error means file events are unavailable here
// (an inotify limit, say) and the caller should poll instead.
func watchEvents(root, config string, logf func(string, ...any)) (*eventWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	ew := &eventWatcher{root: root, config: config, w: w, logf: logf,
		out: make(chan string, 256), done: make(chan struct{})}
	// The root itself, not its subtree: that sees config.toml saved and
	// source folders created, and not public/ being written.
	err = w.Add(root)
	for _, d := range sources.Dirs() {
		if err == nil {
			err = ew.addTree(filepath.Join(root, d))
		}
	}
	if err != nil {
		w.Close()
		return nil, err
	}
	ew.wg.Add(1)
	go ew.loop()
	return ew, nil
}

func (ew *eventWatcher) Changes() <-chan string { return ew.out }

// Close stops watching and closes the channel of changes.
func (ew *eventWatcher) Close() error {
	close(ew.done)
	err := ew.w.Close()
	ew.wg.Wait()
	close(ew.out)
	return err
}

// addTree watches top and every folder under it.
func (ew *eventWatcher) addTree(top string) error {
	var first error
	walkTree(top, func(p string, info os.FileInfo) {
		if info.IsDir() && first == nil {
			if err := ew.w.Add(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				first = err
			}
		}
	})
	return first
}

func (ew *eventWatcher) loop() {
	defer ew.wg.Done()
	for {
		select {
		case ev, ok := <-ew.w.Events:
			if !ok {
				return
			}
			ew.handle(ev)
		case err, ok := <-ew.w.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				ew.send(rescan)
			} else {
				ew.logf("watching files: %v", err)
			}
		}
	}
}

// handle turns one file event into a change, or nothing.
func (ew *eventWatcher) handle(ev fsnotify.Event) {
	rel, ok := relTo(ew.root, ev.Name)
	if !ok || rel == "." || !sources.Tree(rel, ew.config) {
		return
	}
	// Only the mode or times changed (touch, chmod, an indexer): the
	// bytes the site is built from are the same.
	if ev.Op == fsnotify.Chmod {
		return
	}
	if ev.Has(fsnotify.Create) && sources.Watched(rel, ew.config) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			if err := ew.addTree(ev.Name); err != nil {
				ew.logf("watching %s: %v; changes inside it may be missed (try --poll)", rel, err)
			}
		}
	}
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		// A folder renamed away keeps its watch under the old name; drop
		// it (the new name arrives as a Create). Files are not watched
		// one by one, so for them this fails harmlessly.
		_ = ew.w.Remove(ev.Name)
	}
	if !sources.Watched(rel, ew.config) {
		return
	}
	ew.send(rel)
}

func (ew *eventWatcher) send(rel string) {
	select {
	case ew.out <- rel:
	case <-ew.done:
	}
}
