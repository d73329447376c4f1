package load

import "strings"

// The loader reads TOML text itself twice, around BurntSushi/toml: before
// parsing, to refuse nesting deep enough to overflow the parser's stack
// (tomldepth.go), and after, to find where each key is written
// (tomlpos.go). Both must agree with TOML on where strings and comments
// start and end, or a quote inside a string would throw every later
// position off. stringEnd and commentEnd are that one agreement.

// stringEnd returns the index just past the TOML string that starts at
// src[i], one of the four kinds: basic strings in double quotes, one or
// three of them (multi-line), in which a backslash escapes the next
// character, and literal strings in single quotes, one or three, in which
// nothing is escaped. A multi-line string may end with up to two quotes
// of its own before the closing three (five double quotes in a row are
// two quotes and the delimiter). A single-line string stops at the end of
// its line, and an unterminated one at the end of src, so a scan always
// moves on and always ends.
func stringEnd(src string, i int) int {
	q := src[i]
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		for j := i + 3; j < len(src); {
			switch {
			case q == '"' && src[j] == '\\':
				j += 2
			case src[j] == q && strings.HasPrefix(src[j:], strings.Repeat(string(q), 3)):
				end := j + 3
				for n := 0; n < 2 && end < len(src) && src[end] == q; n++ {
					end++
				}
				return end
			default:
				j++
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j + 1
		case src[j] == '\n':
			return j
		}
	}
	return len(src)
}

// commentEnd returns the index of the newline that ends the comment
// starting at src[i] (a #), or len(src).
func commentEnd(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}
