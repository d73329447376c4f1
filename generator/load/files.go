package load

import (
	"bytes"
	"errors"
	"io"
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
// UTF-8 with the line and column of the first bad byte, refuses anything
// but a regular file (a FIFO would hang the build), and refuses a
// symlink that leads outside the content folder.
func (ld *loader) readText(abs string, inContent bool) (string, bool) {
	rel := ld.rel(abs)
	var f *os.File
	var err error
	if inContent {
		real, ok := ld.insideContent(abs)
		if !ok {
			return "", false
		}
		f, err = ld.openInContent(real)
	} else {
		f, err = os.OpenFile(abs, os.O_RDONLY|openFlags, 0)
	}
	if err != nil {
		if escapes(err) {
			ld.l.Errorf(diag.Pos{File: rel}, "copy the file into content/ instead of linking to it",
				"refused: a symbolic link leading outside content/ (the file or a folder on its path changed while it was read)")
			return "", false
		}
		ld.l.Errorf(diag.Pos{File: rel}, "check the file exists and can be read", "cannot read: %v", plainErr(err))
		return "", false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		ld.l.Errorf(diag.Pos{File: rel}, "check the file can be read", "cannot read: %v", plainErr(err))
		return "", false
	}
	if !st.Mode().IsRegular() {
		ld.l.Errorf(diag.Pos{File: rel}, "replace it with an ordinary text file", "not an ordinary file (%v)", st.Mode().Type())
		return "", false
	}
	if st.Size() > maxFileSize {
		ld.l.Errorf(diag.Pos{File: rel}, "split it into smaller files", "file is %d MB; the limit is %d MB", st.Size()>>20, maxFileSize>>20)
		return "", false
	}
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		ld.l.Errorf(diag.Pos{File: rel}, "check the file can be read", "cannot read: %v", plainErr(err))
		return "", false
	}
	if len(b) > maxFileSize {
		ld.l.Errorf(diag.Pos{File: rel}, "split it into smaller files", "file is over %d MB, the limit", maxFileSize>>20)
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

// openInContent opens real, a path inside content/ with every link
// resolved, so that what is read is checked, not just the path.
//
// Checking a path and then opening it are two steps: a link swapped
// between them (to a file outside, and back) would be read through. So
// the file is opened through an os.Root on content/, which resolves each
// component itself, relative to the folder it has open, and refuses any
// link that leads out of it (absolute links too), wherever the system
// can: on Linux and every Unix with openat and O_NOFOLLOW, and on
// Windows. It is the standard library's answer to exactly this race,
// and portable, where reading /proc/self/fd back after the open would
// work on Linux only. A path that passed insideContent holds no links,
// unless one was swapped in since: the open then fails (it escapes), or
// reads a file that is still inside.
func (ld *loader) openInContent(real string) (*os.File, error) {
	r, err := filepath.Rel(ld.realContent, real)
	if err != nil {
		return nil, err
	}
	return ld.contentRoot.OpenFile(r, os.O_RDONLY|openFlags, 0)
}

// escapes reports whether an os.Root refused a path for leading outside
// its folder. The standard library does not export that error; its text
// is stable ("path escapes from parent").
func escapes(err error) bool {
	return err != nil && strings.Contains(err.Error(), "escapes")
}

// insideContent reports whether abs, with every symlink followed, is
// still inside content/, and returns the path it leads to. A link leading
// elsewhere is refused: content must not pull in files from around the
// machine. The check gives the message; openInContent makes it hold for
// the file actually read.
func (ld *loader) insideContent(abs string) (string, bool) {
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		msg := plainErr(err)
		if strings.Contains(msg, "too many links") {
			msg = "it is a symbolic link loop"
		}
		ld.l.Errorf(diag.Pos{File: ld.rel(abs)}, "replace the link with the real file", "cannot follow: %s", msg)
		return "", false
	}
	if real != ld.realContent && !strings.HasPrefix(real, ld.realContent+string(filepath.Separator)) {
		ld.l.Errorf(diag.Pos{File: ld.rel(abs)}, "copy the file into content/ instead of linking to it",
			"refused: a symbolic link leading outside content/ (to %s)", real)
		return "", false
	}
	return real, true
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
