package diag

import (
	"bytes"
	"unicode/utf8"
)

// At is the position of the byte at offset off of a file's text, with
// the column counted in characters, as editors count. An offset past the
// end is the end.
func At(file string, text []byte, off int) Pos {
	off = min(max(off, 0), len(text))
	line := 1 + bytes.Count(text[:off], []byte("\n"))
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(text[start:off])}
}
