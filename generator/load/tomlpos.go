package load

import (
	"strings"
	"unicode/utf8"

	"workbook/generator/diag"
)

// BurntSushi/toml reports positions for syntax and type errors but not
// where each key of a decoded table sits. Editors need a line and column
// for "unknown key" or "missing id" too, so posIndex scans the (already
// valid) TOML once and records where every table header and key is.

// tablePos is one table (or one element of an array of tables).
type tablePos struct {
	Pos  diag.Pos            // the [header] line; line 1 for the root table
	Keys map[string]diag.Pos // key → where the key is written
}

// posIndex maps a table name ("" for the root, "question", "pdf") to its
// occurrences in file order.
type posIndex map[string][]*tablePos

// table returns the i-th occurrence of the named table, or a stand-in at
// the top of the file so callers always get a usable position.
func (ix posIndex) table(name string, i int, file string) *tablePos {
	if ts := ix[name]; i < len(ts) {
		return ts[i]
	}
	return &tablePos{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Keys: map[string]diag.Pos{}}
}

// indexPositions scans src (valid TOML) for table headers and keys.
// lineOffset is added to every line, for TOML embedded in front matter.
// Values are skipped with stringEnd and commentEnd, so that nothing
// inside a string or a comment, on however many lines, is taken for a
// key or a header.
func indexPositions(src, file string, lineOffset int) posIndex {
	ix := posIndex{}
	cur := &tablePos{Pos: diag.Pos{File: file, Line: 1 + lineOffset, Col: 1}, Keys: map[string]diag.Pos{}}
	ix[""] = []*tablePos{cur}
	lines := newLineCounter(src, lineOffset)
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
			continue
		case c == '#':
			i = commentEnd(src, i)
			continue
		}
		// A statement starts here: a header or a key, on this line.
		line := src[i:lineEnd(src, i)]
		pos := lines.pos(file, i)
		switch {
		case strings.HasPrefix(line, "[["):
			name := headerName(line[2:], "]]")
			cur = &tablePos{Pos: pos, Keys: map[string]diag.Pos{}}
			ix[name] = append(ix[name], cur)
			i += len(line)
		case line[0] == '[':
			name := headerName(line[1:], "]")
			cur = &tablePos{Pos: pos, Keys: map[string]diag.Pos{}}
			ix[name] = append(ix[name], cur)
			i += len(line)
		default:
			key, rest, ok := splitKey(line)
			if !ok {
				i += len(line)
				continue
			}
			if _, dup := cur.Keys[key]; !dup {
				cur.Keys[key] = pos
			}
			i = valueEnd(src, i+len(line)-len(rest))
		}
	}
	return ix
}

// valueEnd returns the index of the newline that ends the value starting
// at src[i]: the first newline outside strings, comments and brackets.
func valueEnd(src string, i int) int {
	depth := 0
	for i < len(src) {
		switch c := src[i]; {
		case c == '"' || c == '\'':
			i = stringEnd(src, i)
		case c == '#':
			i = commentEnd(src, i)
		case c == '\n' && depth <= 0:
			return i
		case c == '[' || c == '{':
			depth++
			i++
		case c == ']' || c == '}':
			depth--
			i++
		default:
			i++
		}
	}
	return i
}

// lineEnd returns the index of the newline ending the line holding
// src[i], or len(src).
func lineEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// lineCounter turns byte offsets, asked for in increasing order, into
// lines and columns (in characters, as editors count) in one pass.
type lineCounter struct {
	src       string
	at        int // offset counted up to
	line      int // the line of at
	lineStart int // the offset where that line starts
}

func newLineCounter(src string, lineOffset int) *lineCounter {
	return &lineCounter{src: src, line: 1 + lineOffset}
}

func (c *lineCounter) pos(file string, off int) diag.Pos {
	for c.at < off {
		if j := strings.IndexByte(c.src[c.at:off], '\n'); j >= 0 {
			c.line++
			c.at += j + 1
			c.lineStart = c.at
			continue
		}
		c.at = off
	}
	return diag.Pos{File: file, Line: c.line, Col: 1 + utf8.RuneCountInString(c.src[c.lineStart:off])}
}

// headerName returns the table name inside a header, without quotes or
// spaces around the dots.
func headerName(s, closer string) string {
	if i := strings.Index(s, closer); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// splitKey splits `key = value` into the key (unquoted, dotted parts
// joined by ".") and the value text.
func splitKey(line string) (key, rest string, ok bool) {
	var parts []string
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return "", "", false
		}
		switch line[i] {
		case '"', '\'':
			end := stringEnd(line, i)
			if end > len(line) || end-i < 2 || line[end-1] != line[i] {
				return "", "", false
			}
			parts = append(parts, line[i+1:end-1])
			i = end
		default:
			j := i
			for j < len(line) && isBareKeyChar(line[j]) {
				j++
			}
			if j == i {
				return "", "", false
			}
			parts = append(parts, line[i:j])
			i = j
		}
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i < len(line) && line[i] == '.' {
			i++
			continue
		}
		if i < len(line) && line[i] == '=' {
			return strings.Join(parts, "."), line[i+1:], true
		}
		return "", "", false
	}
	return "", "", false
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
