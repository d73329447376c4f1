package cache

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// RecordFile is written beside the site by every build: for each
// document, the key it was drawn with, its checksum and its page count.
// The next build over the same output reads it (see Disk).
const RecordFile = ".workbook-cache"

// record is RecordFile's content.
type record struct {
	Version   int                    `json:"version"`
	Documents map[string]recordEntry `json:"documents"`
}

type recordEntry struct {
	Key   string `json:"key"`   // fingerprint of the sources
	Sum   string `json:"sum"`   // sha256 of the document
	Pages int    `json:"pages"` // its page count, shown on the site
}

const recordVersion = 2

// Disk is a store over an earlier build's output folder.
type Disk struct {
	dir     string
	entries map[string]recordEntry
}

// NewDisk reads the record of the build in dir. A missing, unreadable or
// older record gives an empty store: everything is drawn again.
func NewDisk(dir string) *Disk {
	d := &Disk{dir: dir}
	var r record
	if b, err := os.ReadFile(filepath.Join(dir, RecordFile)); err == nil {
		if json.Unmarshal(b, &r) == nil && r.Version == recordVersion {
			d.entries = r.Documents
		}
	}
	return d
}

// Get returns the document at path if the record names it and its bytes
// on disk are the ones recorded.
func (d *Disk) Get(path string) (Entry, bool) {
	e, ok := d.entries[path]
	if !ok {
		return Entry{}, false
	}
	data, err := os.ReadFile(filepath.Join(d.dir, filepath.FromSlash(path)))
	if err != nil || checksum(data) != e.Sum {
		return Entry{}, false
	}
	return Entry{Key: e.Key, Data: data, Pages: e.Pages}, true
}

// Record is RecordFile's content for what this render wrote. Go writes
// map keys sorted, so the same build writes the same bytes.
func (c *Cache) Record() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := record{Version: recordVersion, Documents: make(map[string]recordEntry, len(c.next))}
	for p, e := range c.next {
		if e.Key != "" {
			r.Documents[p] = recordEntry{Key: e.Key, Sum: checksum(e.Data), Pages: e.Pages}
		}
	}
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}
