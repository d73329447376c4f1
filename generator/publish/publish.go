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
	"syscall"
	"time"

	"workbook/generator/output"
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
// (think --out ~), so nothing the user owns is ever deleted, and a mount
// point, which no rename can replace. The staging folder carries the
// marker from the start, so that a later build may sweep it away if this
// one is killed, and never sweeps a folder it did not make.
func Begin(target string) (*Staging, error) {
	target, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	if err := replaceable(target); err != nil {
		return nil, err
	}
	if isMountPoint(target) {
		return nil, mountPointError(target)
	}
	parent, base := filepath.Split(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", parent, err)
	}
	removeStale(parent, base)
	dir := filepath.Join(parent, stagingPrefix(base)+randomSuffix())
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create a staging folder beside %s: %w", target, err)
	}
	s := &Staging{target: target, dir: dir}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644); err != nil {
		s.Abort()
		return nil, err
	}
	return s, nil
}

// stagingPrefix starts the name of every staging folder of target base.
func stagingPrefix(base string) string { return output.TempPrefix(base) }

// Dir is the folder to write the new build into.
func (s *Staging) Dir() string { return s.dir }

// Abort throws the staging folder away; the target is untouched.
func (s *Staging) Abort() { _ = os.RemoveAll(s.dir) }

// Commit swaps the staging folder in. The swap is a single atomic rename
// where the system allows (Linux), so there is no moment without a
// complete site. An error that leaves the target as it was is a plain
// error; one that comes after the target changed is a *LateError, which
// says where things are (see Untouched).
func (s *Staging) Commit() error {
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
		if !Untouched(err) {
			return err // it says where each build is; keep both
		}
		s.Abort()
		if errors.Is(err, syscall.EBUSY) {
			return mountPointError(s.target)
		}
		return fmt.Errorf("cannot put the new build in place of %s: %w", s.target, err)
	}
	// s.dir now holds the previous build.
	if err := os.RemoveAll(s.dir); err != nil {
		return &LateError{Published: true, Err: fmt.Errorf(
			"the new build is in place at %s, but the previous one could not be removed from %s (%w); delete that folder", s.target, s.dir, err)}
	}
	return nil
}

// LateError is a failure after the target folder changed, so the
// previous output was not left as it was: either the new build is in
// place (Published) and only tidying up failed, or the swap stopped half
// way and the message says where the previous build is.
type LateError struct {
	Published bool
	Err       error
}

func (e *LateError) Error() string { return e.Err.Error() }
func (e *LateError) Unwrap() error { return e.Err }

// Untouched reports whether a failed build left the target exactly as it
// was, which is so for every error but a *LateError. The command says so
// only when it is true.
func Untouched(err error) bool {
	var late *LateError
	return !errors.As(err, &late)
}

// mountPointError explains that a mount point cannot be the output
// folder: a build replaces that folder whole by renaming, and the system
// refuses to rename a mount point.
func mountPointError(target string) error {
	return fmt.Errorf("refusing to build into %s: it is a mount point, and a build replaces its output folder whole, "+
		"which cannot be done to a mount point; build into a folder inside it instead, such as --out %s", target, filepath.Join(target, "public"))
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
	if marked(target) {
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
// before they finished or cleaned up: those named like one, carrying the
// marker every staging folder gets when it is made, and untouched for
// long enough that no build is still writing them. A folder without the
// marker is someone else's, whatever its name, and is left alone, as is a
// previous build moved aside by a swap that stopped half way (".old"),
// which the failed build's message pointed the user to.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := stagingPrefix(base)
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasPrefix(name, prefix) || strings.HasSuffix(name, ".old") {
			continue
		}
		dir := filepath.Join(parent, name)
		if !marked(dir) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAfter {
			_ = os.RemoveAll(dir)
		}
	}
}

// marked reports whether dir holds the marker as a regular file (not a
// link to one elsewhere): proof that workbook wrote the folder.
func marked(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && st.Mode().IsRegular()
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
