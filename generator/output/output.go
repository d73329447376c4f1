// Package output is where renderers write files: a folder on disk for
// builds, or memory for the preview server. Renderers see only the FS
// interface, so they cannot tell (or care) which.
package output

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FS receives the files of a build. Names are slash-separated and relative
// to the site root ("levels/provider.html"). Implementations are safe for
// concurrent use, so renderers may write from many goroutines.
type FS interface {
	WriteFile(name string, data []byte) error
}

// Dir writes files under a folder on disk.
type Dir struct {
	Root string
	mu   sync.Mutex
	made map[string]bool
}

// NewDir returns an FS that writes under root.
func NewDir(root string) *Dir { return &Dir{Root: root, made: map[string]bool{}} }

// WriteFile writes data to name under the root, creating folders.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	full := filepath.Join(d.Root, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	d.mu.Lock()
	if !d.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			d.mu.Unlock()
			return err
		}
		d.made[dir] = true
	}
	d.mu.Unlock()
	return os.WriteFile(full, data, 0o644)
}

// Memory keeps files in memory.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory FS.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of data under name.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = append([]byte(nil), data...)
	m.mu.Unlock()
	return nil
}

// Get returns the file called name and whether it exists.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[name]
	return b, ok
}

// Names lists the stored files, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.files))
	for n := range m.files {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// checkName refuses names that could escape the site root.
func checkName(name string) error {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "\\") || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") {
		return fmt.Errorf("output: refusing to write %q: not a clean relative path", name)
	}
	return nil
}
