package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"os"
	"path/filepath"

	"workbook/generator/sources"
	"workbook/generator/theme"
)

// Keys fingerprint the sources a workbook PDF is drawn from, so a
// rebuild draws again only the PDFs whose sources changed. A level's PDF
// (and every custom workbook of that level) reads config.toml, the files
// at the top of content/ (framework.toml, and pages: the workbook opens
// with how-to-use.md) and its own level folder, never another level's
// (TestPDFReadsOnlyItsSources holds the PDF renderer to that). Editing a
// page therefore draws every PDF again, after the pages are served; that
// is the price of not knowing which pages the PDF renderer reads. The
// theme's fonts are keyed separately, when a renderer is made.
//
// Keys come from the files' bytes, not from which files the watcher
// named, so a save that changes nothing draws nothing, and a missed or
// coalesced event cannot leave a stale PDF. They are read before the
// content is loaded: a file saved in between makes the key older than the
// model, which costs one needless redraw on the next rebuild, never a
// stale PDF.
type Keys struct {
	common string            // config.toml and the files at the top of content/
	levels map[string]string // level folder name → its files
}

// Read fingerprints the project at root whose config file is at config.
func Read(root, config string) Keys {
	content := filepath.Join(root, "content")
	common := sha256.New()
	hashFile(common, filepath.Base(config), config)
	k := Keys{levels: map[string]string{}}
	entries, _ := os.ReadDir(content)
	for _, e := range entries {
		dir := filepath.Join(content, e.Name())
		info, err := os.Stat(dir)
		if err != nil || sources.Scratch(e.Name()) {
			continue
		}
		if !info.IsDir() {
			if sources.Content(e.Name()) {
				hashFile(common, e.Name(), dir)
			}
			continue
		}
		h := sha256.New()
		files, _ := os.ReadDir(dir)
		for _, f := range files {
			if sources.Content(f.Name()) {
				hashFile(h, f.Name(), filepath.Join(dir, f.Name()))
			}
		}
		k.levels[e.Name()] = sum(h)
	}
	k.common = sum(common)
	return k
}

// Level returns the key of a workbook of the level with the given id.
func (k Keys) Level(id string) string {
	return k.common + "/" + k.levels[id]
}

// Fonts fingerprints the theme's fonts, the one part of a theme the
// PDFs read. A change to templates or stylesheets leaves it, and the
// PDFs, alone.
func Fonts(f theme.Fonts) string {
	h := sha256.New()
	for _, face := range [][]byte{f.Regular, f.Bold, f.Italic} {
		writeField(h, string(face))
	}
	return sum(h)
}

// hashFile adds a file's name and bytes to h; a missing file adds its
// name and a marker, so creating it changes the key.
func hashFile(h hash.Hash, name, path string) {
	writeField(h, name)
	b, err := os.ReadFile(path)
	if err != nil {
		writeField(h, "\x00missing")
		return
	}
	writeField(h, string(b))
}

// writeField writes s with its length first, so that no two different
// sequences of fields hash the same.
func writeField(h hash.Hash, s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.Write(n[:])
	h.Write([]byte(s))
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
