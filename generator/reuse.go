package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"workbook/generator/cache"
	"workbook/generator/model"
	"workbook/generator/output"
)

// CacheFile is written beside the site by every build. It records, for
// each workbook PDF, a fingerprint of everything the PDF was drawn from
// (the program, the date, the theme's fonts, config.toml, the top of
// content/ and the workbook's level folder) and the PDF's own checksum.
// The next build copies a PDF whose fingerprint and checksum still match
// instead of drawing it again: drawing PDFs is most of a build's time, and
// an editor usually changes one level at a time.
const CacheFile = ".workbook-cache"

// cache is CacheFile's content.
type cacheData struct {
	Version   int                   `json:"version"`
	Workbooks map[string]cacheEntry `json:"workbooks"`
}

type cacheEntry struct {
	Key   string `json:"key"`   // fingerprint of the sources
	Sum   string `json:"sum"`   // sha256 of the PDF
	Pages int    `json:"pages"` // its page count, shown on the site
}

const cacheVersion = 1

// pdfCache decides which PDFs of an earlier build in dir can be reused.
type pdfCache struct {
	dir     string
	earlier cacheData
	keys    cache.Keys
	prefix  string // the program, date and fonts part of every key
	next    cacheData
}

// newPDFCache reads the earlier build's cache. keys must be read before
// the content is loaded, so a file saved in between makes a key older than
// the model (a needless redraw next time), never newer (a stale PDF).
func newPDFCache(dir string, keys cache.Keys, fonts string, created time.Time) *pdfCache {
	c := &pdfCache{dir: dir, keys: keys, next: cacheData{Version: cacheVersion, Workbooks: map[string]cacheEntry{}}}
	code := cache.Code()
	if code == "" {
		return c // no way to tell this program from another: reuse nothing
	}
	c.prefix = code + "/" + created.UTC().Format(time.RFC3339) + "/" + fonts + "/"
	if b, err := os.ReadFile(filepath.Join(dir, CacheFile)); err == nil {
		if json.Unmarshal(b, &c.earlier) != nil || c.earlier.Version != cacheVersion {
			c.earlier = cacheData{}
		}
	}
	return c
}

func (c *pdfCache) key(wb *model.Workbook) string {
	if c.prefix == "" {
		return ""
	}
	return c.prefix + c.keys.Level(wb.Level.ID)
}

// reuse returns the earlier PDF of wb if it was drawn from the same
// sources and is unchanged on disk.
func (c *pdfCache) reuse(wb *model.Workbook) (Earlier, bool) {
	e, ok := c.earlier.Workbooks[wb.Name]
	if !ok || c.prefix == "" || e.Key != c.key(wb) {
		return Earlier{}, false
	}
	data, err := os.ReadFile(filepath.Join(c.dir, "workbooks", wb.Name+".pdf"))
	if err != nil || checksum(data) != e.Sum || !bytes.HasPrefix(data, []byte("%PDF-")) {
		return Earlier{}, false
	}
	return Earlier{Data: data, Pages: e.Pages}, true
}

// record notes the PDFs a render wrote, for the next build. sums holds
// the checksum of every file written, by path.
func (c *pdfCache) record(site *model.Site, pdfs []PDF, sums *sumFS) {
	if c.prefix == "" {
		return
	}
	for i, p := range pdfs {
		c.next.Workbooks[p.Name] = cacheEntry{Key: c.key(site.Workbooks[i]), Sum: sums.sum(p.Path), Pages: p.Pages}
	}
}

// bytes is the cache file's content. Go writes map keys sorted, so the
// same build writes the same bytes.
func (c *pdfCache) bytes() []byte {
	b, _ := json.MarshalIndent(c.next, "", "  ")
	return append(b, '\n')
}

// sumFS notes the checksum of every PDF written through it.
type sumFS struct {
	output.FS
	mu   sync.Mutex
	sums map[string]string
}

func (s *sumFS) WriteFile(name string, data []byte) error {
	if strings.HasSuffix(name, ".pdf") {
		sum := checksum(data)
		s.mu.Lock()
		s.sums[name] = sum
		s.mu.Unlock()
	}
	return s.FS.WriteFile(name, data)
}

func (s *sumFS) sum(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sums[name]
}

func checksum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
