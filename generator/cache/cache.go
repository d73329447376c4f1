// Package cache lets a render reuse documents (workbook PDFs) drawn by an
// earlier one when nothing they are drawn from has changed. Drawing PDFs
// is most of a build's time and an editor usually changes one level at a
// time, so both a build over an earlier output (the disk store) and the
// preview server's rebuild on every save (the memory store) ask here, with
// one key.
//
// A document's key is a fingerprint of everything it is drawn from: the
// program itself (its Go build ID), the date it carries, the theme's fonts,
// config.toml, the files at the top of content/ and its level's folder
// (see Keys). A document is reused only when the earlier one's key is
// the same and its bytes are intact.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// Entry is one document as a store keeps it.
type Entry struct {
	Key   string // the fingerprint of its sources
	Data  []byte
	Pages int
}

// Store holds the documents of an earlier render, by site path.
type Store interface {
	Get(path string) (Entry, bool)
}

// Cache decides which documents of an earlier render a new render may
// reuse, and records what the new render wrote, for the next. It is safe
// for concurrent use.
type Cache struct {
	keys    Keys
	prefix  string // the program, date and fonts part of every key; "" reuses nothing
	earlier Store
	anyKey  bool // reuse whatever the store holds (see Lenient)

	mu   sync.Mutex
	next map[string]Entry
}

// New returns a cache over the earlier render in store (nil for none).
// keys must be read before the content is loaded, so a file saved in
// between makes a key older than the model (a needless redraw next time),
// never newer (a stale document). fonts is Fonts of the theme's fonts.
func New(keys Keys, fonts string, created time.Time, earlier Store) *Cache {
	c := &Cache{keys: keys, earlier: earlier, next: map[string]Entry{}}
	if code := Code(); code != "" {
		c.prefix = code + "/" + created.UTC().Format(time.RFC3339) + "/" + fonts + "/"
	}
	return c
}

// Lenient returns a cache over the same earlier render that reuses every
// document it holds, whatever it was drawn from. The preview server
// renders with it first, to show an edit's pages at once with the PDFs of
// a moment ago, before it draws the new ones. What it reuses is recorded
// with the key it was drawn with, so the next render still knows it for
// stale.
func (c *Cache) Lenient() *Cache {
	return &Cache{keys: c.keys, prefix: c.prefix, earlier: c.earlier, anyKey: true, next: map[string]Entry{}}
}

// Key is the fingerprint of a document at path drawn from the sources
// of the level with the given id; "" when nothing can be reused (the
// program cannot tell itself from another).
func (c *Cache) Key(path, level string) string {
	if c.prefix == "" {
		return ""
	}
	return c.prefix + c.keys.Level(level) + "/" + path
}

// Fresh reports whether the earlier render holds the document at path,
// drawn from the same sources.
func (c *Cache) Fresh(path, level string) bool {
	_, ok := c.reusable(path, level)
	return ok
}

// Reuse returns the earlier document at path if it may be reused, and
// records it for the next render. A nil cache reuses nothing.
func (c *Cache) Reuse(path, level string) (Entry, bool) {
	if c == nil {
		return Entry{}, false
	}
	e, ok := c.reusable(path, level)
	if ok {
		c.record(path, e)
	}
	return e, ok
}

func (c *Cache) reusable(path, level string) (Entry, bool) {
	if c.earlier == nil {
		return Entry{}, false
	}
	e, ok := c.earlier.Get(path)
	if !ok || (!c.anyKey && (e.Key == "" || e.Key != c.Key(path, level))) {
		return Entry{}, false
	}
	return e, true
}

// Drawn records a document the render drew. A nil cache records nothing.
func (c *Cache) Drawn(path, level string, data []byte, pages int) {
	if c == nil {
		return
	}
	c.record(path, Entry{Key: c.Key(path, level), Data: data, Pages: pages})
}

func (c *Cache) record(path string, e Entry) {
	c.mu.Lock()
	c.next[path] = e
	c.mu.Unlock()
}

// Memory returns the documents this render wrote as a store, for the
// next render in the same process.
func (c *Cache) Memory() *Memory {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := &Memory{entries: make(map[string]Entry, len(c.next))}
	for p, e := range c.next {
		m.entries[p] = e
	}
	return m
}

// Memory is a store in memory: the last render of the preview server.
type Memory struct{ entries map[string]Entry }

// Get returns the document at path.
func (m *Memory) Get(path string) (Entry, bool) {
	if m == nil {
		return Entry{}, false
	}
	e, ok := m.entries[path]
	return e, ok
}

func checksum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
