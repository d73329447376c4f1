package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"workbook/generator/diag"
)

// maxFileSize bounds any one content file. Real question files are a few
// kilobytes; a bigger one is almost certainly a mistake (a pasted binary,
// a log) and would slow every build.
const maxFileSize = 16 << 20

// readText reads a content file as UTF-8 text, recording problems in l.
// It strips a byte-order mark (Windows editors add one), refuses invalid
// UTF-8 with the line and column of the first bad byte, and refuses a
// symlink that leads outside the content folder.
func (ld *loader) readText(abs string, inContent bool) (string, bool) {
	rel := ld.rel(abs)
	if inContent && !ld.insideContent(abs) {
		return "", false
	}
	st, err := os.Stat(abs)
	if err != nil {
		ld.l.Errorf(diag.Pos{File: rel}, "check the file exists and can be read", "cannot read: %v", plainErr(err))
		return "", false
	}
	if st.Size() > maxFileSize {
		ld.l.Errorf(diag.Pos{File: rel}, "split it into smaller files", "file is %d MB; the limit is %d MB", st.Size()>>20, maxFileSize>>20)
		return "", false
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		ld.l.Errorf(diag.Pos{File: rel}, "check the file can be read", "cannot read: %v", plainErr(err))
		return "", false
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) {
		ld.l.Errorf(diag.NewLines(rel, b).Pos(badUTF8(b)), "save the file as UTF-8 in your editor", "the file is not valid UTF-8 text")
		return "", false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		ld.l.Errorf(diag.NewLines(rel, b).Pos(bytes.IndexByte(b, 0)), "remove it; the file may not be text", "the file holds a NUL character")
		return "", false
	}
	return string(b), true
}

// insideContent reports whether abs, with every symlink followed, is
// still inside the project (content, config). A link leading elsewhere is
// refused: content must not pull in files from around the machine.
func (ld *loader) insideContent(abs string) bool {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		msg := plainErr(err)
		if strings.Contains(msg, "too many links") {
			msg = "it is a symbolic link loop"
		}
		ld.l.Errorf(diag.Pos{File: ld.rel(abs)}, "replace the link with the real file", "cannot follow: %s", msg)
		return false
	}
	if real != ld.realContent && !strings.HasPrefix(real, ld.realContent+string(filepath.Separator)) {
		ld.l.Errorf(diag.Pos{File: ld.rel(abs)}, "copy the file into content/ instead of linking to it",
			"refused: a symbolic link leading outside content/ (to %s)", real)
		return false
	}
	return true
}

// rel returns abs relative to the project root, slash-separated, as
// editors see paths.
func (ld *loader) rel(abs string) string {
	if r, err := filepath.Rel(ld.root, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

// badUTF8 returns the offset of the first byte that is not UTF-8.
func badUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

// plainErr drops Go's "open /abs/path:" prefix from file errors; the
// diagnostic already names the file.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
