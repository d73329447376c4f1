package diag

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines turns byte offsets in a file's text into positions: the line,
// and the column counted in characters, as editors count. It finds the
// line starts once and remembers where it last counted, so a reader
// that asks for positions further along one long line (a JSON file
// saved on a single line) counts each character once, not once a
// position.
type Lines struct {
	file   string
	text   []byte
	starts []int // the offset of each line's first byte
	// The last position asked for, to count on from.
	lastOff, lastLine, lastCol int
}

// NewLines indexes text, the content of file.
func NewLines(file string, text []byte) *Lines {
	starts := []int{0}
	for i := 0; ; {
		k := bytes.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
		starts = append(starts, i)
	}
	return &Lines{file: file, text: text, starts: starts, lastOff: -1}
}

// Pos returns the position of the byte at off, clamped to the text.
func (ls *Lines) Pos(off int) Pos {
	off = min(max(off, 0), len(ls.text))
	line := sort.Search(len(ls.starts), func(i int) bool { return ls.starts[i] > off }) // 1-based: the count of starts at or before off
	from, col := ls.starts[line-1], 1
	if ls.lastOff >= 0 && ls.lastLine == line && ls.lastOff <= off {
		from, col = ls.lastOff, ls.lastCol
	}
	col += utf8.RuneCount(ls.text[from:off])
	ls.lastOff, ls.lastLine, ls.lastCol = off, line, col
	return Pos{File: ls.file, Line: line, Col: col}
}
