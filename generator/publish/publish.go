// Package publish puts a finished build in place of the previous one so
// that readers and the web server only ever see a whole site: the old one
// or the new one, never a mix, whenever the build stops (an error, Ctrl-C,
// kill -9, a power cut before the swap).
//
// A build writes into a staging folder beside the target (same file
// system, so a rename is atomic), then swaps it in.
package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Marker is the file every build writes at the top of its output. Its
// presence proves a folder was written by workbook and may be replaced.
const Marker = ".workbook-build"

const markerText = "This folder was written by workbook. The next build replaces it whole: do not keep your own files here.\n"

// staleAfter is how old an abandoned staging folder must be before a later
// build removes it. A folder younger than this may belong to a build
// running right now.
const staleAfter = 10 * time.Minute

// Staging is a build in progress.
type Staging struct {
	target string
	dir    string
}

// Begin checks that target may be replaced and makes a staging folder
// beside it. It refuses a non-empty folder that a build did not write
// (think --out ~), so nothing the user owns is ever deleted.
func Begin(target string) (*Staging, error) {
	target, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	if err := replaceable(target); err != nil {
		return nil, err
	}
	parent, base := filepath.Split(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	removeStale(parent, base)
	dir := filepath.Join(parent, "."+base+".tmp-"+randomSuffix())
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create a staging folder beside %s: %w", target, err)
	}
	return &Staging{target: target, dir: dir}, nil
}

// Dir is the folder to write the new build into.
func (s *Staging) Dir() string { return s.dir }

// Abort throws the staging folder away; the target is untouched.
func (s *Staging) Abort() { _ = os.RemoveAll(s.dir) }

// Commit writes the marker and swaps the staging folder in. The swap is a
// single atomic rename where the system allows (Linux), so there is no
// moment without a complete site.
func (s *Staging) Commit() error {
	if err := os.WriteFile(filepath.Join(s.dir, Marker), []byte(markerText), 0o644); err != nil {
		s.Abort()
		return err
	}
	// Check again: the target may have changed while we built.
	if err := replaceable(s.target); err != nil {
		s.Abort()
		return err
	}
	if _, err := os.Lstat(s.target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.target); err != nil {
			s.Abort()
			return err
		}
		return nil
	}
	if err := exchange(s.dir, s.target); err != nil {
		s.Abort()
		return fmt.Errorf("cannot put the new build in place of %s: %w", s.target, err)
	}
	// s.dir now holds the previous build.
	return os.RemoveAll(s.dir)
}

// replaceable returns an error unless target is absent, an empty folder,
// or a folder holding the marker of an earlier build.
func replaceable(target string) error {
	st, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return fmt.Errorf("refusing to replace %s: it is not a folder; choose another --out", target)
	}
	if _, err := os.Stat(filepath.Join(target, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	return fmt.Errorf("refusing to replace %s: the folder is not empty and was not written by workbook (it has no %s file); "+
		"choose a new or empty folder with --out, or move its files away first", target, Marker)
}

// removeStale deletes staging folders left by builds that were killed
// before they finished or cleaned up.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			_ = os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
